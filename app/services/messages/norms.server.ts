/**
 * The charter's e-mail norms as they apply to messages on a case, read from `service_norms`
 * (migration 0008: `acknowledgement.email`, 5 working days; `answer.email`, 6 weeks), and the
 * terms of one message under them.
 */
import type { Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { localDateOf, MUNICIPAL_TIME_ZONE, type LocalDate } from '~/domain/local-date'
import { messageTerms, type MessageNorms, type MessageTerms } from '~/domain/messages'
import { holidayCalendar } from '~/services/calendar.server'

const ACKNOWLEDGEMENT = 'acknowledgement.email'
const ANSWER = 'answer.email'

/** The e-mail norms with their targets; a catalogue without them stops here, loudly. */
export async function messageNorms(
  db: Executor = getDb(),
): Promise<MessageNorms & { acknowledgeTarget: number; answerTarget: number }> {
  const rows = await db
    .selectFrom('service_norms')
    .select(['code', 'term_amount', 'term_unit', 'target_percent'])
    .where('code', 'in', [ACKNOWLEDGEMENT, ANSWER])
    .execute()
  const ack = rows.find((r) => r.code === ACKNOWLEDGEMENT && r.term_unit === 'working_days')
  const answer = rows.find((r) => r.code === ANSWER && r.term_unit === 'weeks')
  if (!ack?.term_amount || !answer?.term_amount) throw new Error('the charter has no e-mail norms (service_norms)')
  return {
    acknowledgeWorkingDays: ack.term_amount,
    answerWeeks: answer.term_amount,
    acknowledgeTarget: ack.target_percent,
    answerTarget: answer.target_percent,
  }
}

/** The terms of a message sent at `sentAt` (its day in Groningen), with the municipal calendar. */
export function termsOf(norms: MessageNorms): (sentOn: LocalDate) => MessageTerms {
  const cal = holidayCalendar()
  return (sentOn) => messageTerms(sentOn, norms, cal)
}

/** The municipal day of an instant. */
export const dayOf = (instant: Date): LocalDate => localDateOf(instant)

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: MUNICIPAL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** When a message was sent, as the reader in Groningen sees it: its day and its time ('09:05'). */
export function sentMoment(instant: Date): { sentOn: LocalDate; sentTime: string } {
  return { sentOn: localDateOf(instant), sentTime: clock.format(instant) }
}
