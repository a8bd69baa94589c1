import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireStaff } from '~/services/auth/guards.server'
import { downloadHeaders, getDocumentForStaff } from '~/services/cases/documents.server'
import { notFound } from '~/responses'

/** A document of a case for the caseworker; opening it is audited on the citizen's record. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const file = await getDocumentForStaff(staff, params.caseId ?? '', params.documentId ?? '')
  if (!file) throw notFound()
  return new Response(new Uint8Array(file.bytes), { headers: downloadHeaders(file) })
}
