import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/services/auth/guards.server'
import { downloadHeaders, getDocumentForCitizen } from '~/services/cases/documents.server'
import { notFound } from '~/responses'

/** A document of one of the citizen's own cases; anything else answers the same 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const file = await getDocumentForCitizen(citizen.bsn, params.caseId ?? '', params.documentId ?? '')
  if (!file) throw notFound()
  return new Response(new Uint8Array(file.bytes), { headers: downloadHeaders(file) })
}
