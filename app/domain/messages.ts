/**
 * Messages with the caseworker on a case: how long a message may be, and the quality charter's
 * e-mail norms applied to it (the charter, /kwaliteitshandvest: "every e-mail with a question
 * gets an acknowledgement within 5 working days and an answer within 6 weeks"). The norms
 * themselves are data (`service_norms`, codes `acknowledgement.email` and `answer.email`); the
 * service reads them and passes them in. Pure: no clock, no database.
 */
import { addWeeks, compareLocalDate, type LocalDate } from './local-date'
import type { Tally } from './quality'
import { addWorkingDays, nextWorkingDayOnOrAfter, type HolidayCalendar } from './working-days'

/** The longest message, in characters: a question, not a file (the form and the database agree). */
export const MESSAGE_MAX_LENGTH = 4000

/** The charter's terms for an e-mail, as the service_norms table states them. */
export interface MessageNorms {
  acknowledgeWorkingDays: number
  answerWeeks: number
}

export interface MessageTerms {
  /** The last day an acknowledgement (or the answer itself) is in time. */
  acknowledgeBy: LocalDate
  /** The last day the answer is in time. */
  answerBy: LocalDate
}

/**
 * The terms of a message sent on `sentOn`. "Within 5 working days" counts from the day after
 * (Algemene termijnenwet: working days, holidays left out); six weeks ending on a Saturday,
 * Sunday or holiday run on to the next working day (Atw art. 1).
 */
export function messageTerms(sentOn: LocalDate, norms: MessageNorms, cal: HolidayCalendar): MessageTerms {
  return {
    acknowledgeBy: addWorkingDays(sentOn, norms.acknowledgeWorkingDays, cal),
    answerBy: nextWorkingDayOnOrAfter(addWeeks(sentOn, norms.answerWeeks), cal),
  }
}

/** A citizen's message as the charter measures it: when it came, and when staff first replied. */
export interface MeasuredMessage {
  sentOn: LocalDate
  /** The first reply of any kind (a holding reply or the answer): the acknowledgement. */
  acknowledgedOn: LocalDate | null
  /** The first real answer. */
  answeredOn: LocalDate | null
}

export interface MessageDue {
  /** What the caseworker still owes: an acknowledgement first, then the answer. */
  owed: 'acknowledgement' | 'answer'
  dueOn: LocalDate
  /** The day has passed without it. */
  late: boolean
}

/**
 * What an unanswered message asks of the caseworker today: the acknowledgement while there is
 * none (its term ends first), then the answer. An answer counts as the acknowledgement too.
 */
export function messageDue(
  message: Omit<MeasuredMessage, 'answeredOn'>,
  terms: MessageTerms,
  today: LocalDate,
): MessageDue {
  const owed = message.acknowledgedOn === null ? 'acknowledgement' : 'answer'
  const dueOn = owed === 'acknowledgement' ? terms.acknowledgeBy : terms.answerBy
  return { owed, dueOn, late: compareLocalDate(today, dueOn) > 0 }
}

/**
 * The charter's two figures over the citizens' messages of a period. Like the cases' figures
 * (app/domain/quality.ts, `Tally`): a message is counted once its outcome is known — replied
 * to, or its term passed without a reply (late); one still within its term counts neither way.
 */
export function tallyMessages(
  messages: readonly MeasuredMessage[],
  termsOf: (sentOn: LocalDate) => MessageTerms,
  today: LocalDate,
): { received: number; acknowledgement: Tally; answer: Tally } {
  const acknowledgement: Tally = { inTime: 0, settled: 0 }
  const answer: Tally = { inTime: 0, settled: 0 }
  const count = (tally: Tally, on: LocalDate | null, by: LocalDate) => {
    if (on !== null) {
      tally.settled++
      if (compareLocalDate(on, by) <= 0) tally.inTime++
    } else if (compareLocalDate(today, by) > 0) tally.settled++
  }
  for (const m of messages) {
    const terms = termsOf(m.sentOn)
    // An answer is an acknowledgement too, whichever came first.
    const acknowledgedOn = [m.acknowledgedOn, m.answeredOn]
      .filter((d): d is LocalDate => d !== null)
      .sort(compareLocalDate)[0]
    count(acknowledgement, acknowledgedOn ?? null, terms.acknowledgeBy)
    count(answer, m.answeredOn, terms.answerBy)
  }
  return { received: messages.length, acknowledgement, answer }
}
