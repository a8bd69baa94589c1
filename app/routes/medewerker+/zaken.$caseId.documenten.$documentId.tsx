import type { LoaderFunctionArgs } from '@remix-run/node'
import { CASE_READERS } from '~/domain/staff-areas'
import { downloadResponse } from '~/download-responses.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getDocumentForStaff } from '~/services/cases/documents.server'

/**
 * A document of a case the employee may read; opening it is audited on the citizen's record. A
 * case of another department answers 404, as one that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const caseId = params.caseId ?? ''
  const opening = await getDocumentForStaff(staff, caseId, params.documentId ?? '')
  return downloadResponse(request, opening, `/medewerker/zaken/${encodeURIComponent(caseId)}`)
}
