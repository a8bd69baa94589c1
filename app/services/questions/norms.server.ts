/**
 * The charter's norms for a question, per channel it came in by, read from `service_norms`
 * (migration 0008: `acknowledgement.<channel>`, 5 working days; `answer.<channel>`, 6 weeks),
 * and its terms from the day of receipt — counted as a message's are (app/domain/messages.ts).
 */
import type { Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { messageTerms, type MessageNorms, type MessageTerms } from '~/domain/messages'
import { QUESTION_CHANNELS, questionNormCodes, type QuestionChannel } from '~/domain/questions'
import { holidayCalendar } from '~/services/calendar.server'

export interface QuestionNorms extends MessageNorms {
  acknowledgeTarget: number
  answerTarget: number
}

/** The norms of every channel; a catalogue without them stops here, loudly. */
export async function questionNorms(db: Executor = getDb()): Promise<Record<QuestionChannel, QuestionNorms>> {
  const rows = await db
    .selectFrom('service_norms')
    .select(['code', 'term_amount', 'term_unit', 'target_percent'])
    .where(
      'code',
      'in',
      QUESTION_CHANNELS.flatMap((c) => Object.values(questionNormCodes(c))),
    )
    .execute()
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const norms = {} as Record<QuestionChannel, QuestionNorms>
  for (const channel of QUESTION_CHANNELS) {
    const codes = questionNormCodes(channel)
    const ack = byCode.get(codes.acknowledgement)
    const answer = byCode.get(codes.answer)
    if (ack?.term_unit !== 'working_days' || !ack.term_amount || answer?.term_unit !== 'weeks' || !answer.term_amount) {
      throw new Error(`the charter has no norms for questions by ${channel} (service_norms)`)
    }
    norms[channel] = {
      acknowledgeWorkingDays: ack.term_amount,
      answerWeeks: answer.term_amount,
      acknowledgeTarget: ack.target_percent,
      answerTarget: answer.target_percent,
    }
  }
  return norms
}

/** The terms of a question that came in by `channel` at `receivedAt` (its day in Groningen). */
export async function questionTerms(
  channel: QuestionChannel,
  receivedAt: Date,
  { db = getDb() }: { db?: Executor } = {},
): Promise<MessageTerms & { receivedOn: LocalDate }> {
  const norms = (await questionNorms(db))[channel]
  const receivedOn = localDateOf(receivedAt)
  return { receivedOn, ...messageTerms(receivedOn, norms, holidayCalendar()) }
}
