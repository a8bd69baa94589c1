import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadResponse } from '~/download-responses.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getDocumentForCitizen } from '~/services/cases/documents.server'

/**
 * A document of one of the citizen's own cases; anything else answers the same 404. A support
 * employee looking along may download it too (a GET); that opening is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const caseId = params.caseId ?? ''
  const opening = await getDocumentForCitizen(citizen, caseId, params.documentId ?? '')
  return downloadResponse(request, opening, `/mijn/zaken/${encodeURIComponent(caseId)}`)
}
