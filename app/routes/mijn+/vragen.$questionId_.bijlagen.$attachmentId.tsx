import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadResponse } from '~/download-responses.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getQuestionAttachmentForCitizen } from '~/services/questions/citizen.server'

/** A file sent with one of the citizen's own questions; anything else answers the same 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const questionId = params.questionId ?? ''
  const opening = await getQuestionAttachmentForCitizen(citizen, questionId, params.attachmentId ?? '')
  return downloadResponse(request, opening, `/mijn/vragen/${encodeURIComponent(questionId)}`)
}
