/**
 * Sending a question's acknowledgement or answer to the citizen, by the channel on its entry
 * (`sent_via`; for an entry without one, the question's answer channel), in the caller's
 * transaction:
 * - portal: it shows in Mijn vragen; a neutral e-mail notice (no content) goes to a confirmed
 *   address — not for the acknowledgement of a question the citizen just asked online, which
 *   they saw on screen;
 * - email: the text itself, to the question's address (the only channel, with a call back, of a
 *   question asked without DigiD);
 * - letter: a letter tied to the question (digital or on paper by the citizen's preference),
 *   shown in Mijn brieven and, on paper, in the post queue;
 * - phone: nothing to send: the call is the answer, and the entry records it.
 * E-mails go out through the job queue (question-mail.server.ts), enqueued here: when the
 * transaction rolls back, no mail is sent. Setting `answered_at` is the answering side's.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import { acknowledgementChannel } from '~/domain/question-texts'
import type { AnswerChannel } from '~/domain/questions'
import { enqueueQuestionMail } from '~/services/questions/question-mail.server'
import { writeQuestionLetter } from '~/services/questions/letter.server'

export async function deliverToCitizen(
  trx: Transaction<Database>,
  questionId: string,
  entryId: string,
  { now }: { now: Date },
): Promise<void> {
  const row = await trx
    .selectFrom('question_entries as e')
    .innerJoin('questions as q', 'q.id', 'e.question_id')
    .select(['e.kind', 'e.sent_via', 'q.bsn', 'q.email', 'q.channel', 'q.answer_channel', 'q.registered_by'])
    .where('e.id', '=', entryId)
    .where('e.question_id', '=', questionId)
    .executeTakeFirst()
  if (!row) throw new Error('deliverToCitizen: no such entry of this question')
  if (row.kind !== 'acknowledgement' && row.kind !== 'answer') {
    throw new Error(`deliverToCitizen: a ${row.kind} entry is not sent to the citizen`)
  }
  const via: AnswerChannel =
    row.sent_via ??
    (row.kind === 'acknowledgement'
      ? acknowledgementChannel({
          answerChannel: row.answer_channel,
          channel: row.channel,
          bsn: row.bsn,
          email: row.email,
        })
      : row.answer_channel)
  switch (via) {
    case 'portal': {
      const seenOnScreen = row.kind === 'acknowledgement' && row.channel === 'internet' && !row.registered_by
      if (row.bsn && !seenOnScreen) await enqueueQuestionMail(trx, entryId, 'portal')
      return
    }
    case 'email':
      if (!row.email) throw new Error('deliverToCitizen: an answer by e-mail needs an address')
      await enqueueQuestionMail(trx, entryId, 'email')
      return
    case 'letter':
      await writeQuestionLetter(trx, questionId, entryId, { now })
      return
    case 'phone':
      return
  }
}
