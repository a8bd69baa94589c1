/**
 * The answer to a question, by the contact centre or the department holding it: an `answer`
 * entry in the thread (with the knowledge-base articles it was built from), the question marked
 * answered, and the answer sent by the channel the citizen chose. One transaction with its audit
 * row; a second submit of the same form stores nothing more. For a call back the entry records
 * what was said: the call is the answer.
 */
import type { DB } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import { ANSWER_MAX_LENGTH } from '~/domain/questions'
import { recordAudit } from '~/services/audit.server'
import { deliverToCitizen } from '~/services/questions/deliver.server'
import { questionAccess, type QuestionStaff } from './access.server'
import { entryTime, insertEntryOnce, lockQuestion, type QuestionActionResult } from './actions.server'

/** A knowledge-base article's address part: lower case words joined by hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function answerQuestion(
  staff: QuestionStaff,
  questionId: string,
  input: { body: string; articleSlugs: readonly string[]; formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<QuestionActionResult> {
  const access = await questionAccess(staff, questionId, db)
  if (!access?.mayAct) return { ok: false, code: 'not_found' }
  const body = input.body.trim()
  if (!body) return { ok: false, field: 'body', code: 'required' }
  if (body.length > ANSWER_MAX_LENGTH) return { ok: false, field: 'body', code: 'too_long' }
  const slugs = [...new Set(input.articleSlugs.filter((s) => SLUG.test(s) && s.length <= 200))]
  return db.transaction().execute(async (trx) => {
    const q = await lockQuestion(trx, access.id)
    const stored = await insertEntryOnce(trx, {
      question_id: q.id,
      kind: 'answer',
      author_kind: 'employee',
      employee_id: staff.employeeId,
      body,
      article_slugs: slugs,
      sent_via: q.answer_channel,
      at: entryTime(now),
      form_id: input.formId,
    })
    if (stored.duplicate) return { ok: true, ...stored }
    await trx.updateTable('questions').set({ answered_at: now }).where('id', '=', q.id).execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'question.answered',
      subjectBsn: q.bsn,
      resource: `question:${q.reference}`,
      details: { via: q.answer_channel, articles: slugs },
    })
    await deliverToCitizen(trx, q.id, stored.entryId, { now })
    return { ok: true, ...stored }
  })
}
