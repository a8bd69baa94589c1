import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadResponse } from '~/download-responses.server'
import { requireStaff } from '~/services/auth/guards.server'
import { QUESTION_ROLES } from '~/domain/staff-areas'
import { openQuestionAttachment } from '~/services/questions/staff/detail.server'

/**
 * A file the citizen sent with a question, for the staff who may read the question; opening it
 * is audited on the citizen's record. Out of reach answers 404, as an unknown one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, QUESTION_ROLES)
  const questionId = params.questionId ?? ''
  const opening = await openQuestionAttachment(staff, questionId, params.attachmentId ?? '')
  return downloadResponse(request, opening, `/medewerker/vragen/${encodeURIComponent(questionId)}`)
}
