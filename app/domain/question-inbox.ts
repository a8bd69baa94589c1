/**
 * The contact centre's inbox: which open questions are at risk of missing the charter's terms
 * (the quality charter, /kwaliteitshandvest: an acknowledgement within 5 working days, an answer
 * within 6 weeks), reasoned as a case message's due date is (`messageDue` in ./messages.ts).
 * Pure: no clock (pass `today`), no database.
 */
import { compareLocalDate, type LocalDate } from './local-date'
import { workingDaysBetween, type HolidayCalendar } from './working-days'

/** "Binnenkort te laat": the answer is due within this many working days. */
export const QUESTION_DUE_SOON_WORKING_DAYS = 5

/**
 * What threatens an open question, the worst first: the answer's term has passed; the
 * acknowledgement's term passed without one; the answer is due within 5 working days; an
 * acknowledgement is still owed (in time). Null: nothing presses.
 */
export type QuestionRisk = 'late' | 'acknowledgementLate' | 'dueSoon' | 'acknowledgementOwed' | null

export const QUESTION_RISKS = ['late', 'acknowledgementLate', 'dueSoon', 'acknowledgementOwed'] as const

export interface OpenQuestionTerms {
  acknowledgeBy: LocalDate
  answerBy: LocalDate
  /** an acknowledgement or an answer went out */
  acknowledged: boolean
}

export function questionRisk(
  question: OpenQuestionTerms,
  today: LocalDate,
  cal: HolidayCalendar,
  withinWorkingDays: number = QUESTION_DUE_SOON_WORKING_DAYS,
): QuestionRisk {
  if (compareLocalDate(today, question.answerBy) > 0) return 'late'
  if (!question.acknowledged && compareLocalDate(today, question.acknowledgeBy) > 0) return 'acknowledgementLate'
  if (workingDaysBetween(today, question.answerBy, cal) <= withinWorkingDays) return 'dueSoon'
  if (!question.acknowledged) return 'acknowledgementOwed'
  return null
}

/** The tone a risk is shown in; the word and its icon carry it too (never colour alone). */
export function riskTone(risk: QuestionRisk): 'danger' | 'warning' | 'info' | 'neutral' {
  if (risk === 'late' || risk === 'acknowledgementLate') return 'danger'
  if (risk === 'dueSoon') return 'warning'
  if (risk === 'acknowledgementOwed') return 'info'
  return 'neutral'
}

/** Who holds the question in the inbox's filter: mine (the employee's place), the contact centre, a department. */
export const HOLDER_FILTERS = ['mine', 'kcc', 'department'] as const
export type HolderFilter = (typeof HOLDER_FILTERS)[number]

/** The longest note or hand-over note, in characters. */
export const NOTE_MAX_LENGTH = 4000

/** The longest summary of a contact moment, in characters. */
export const CONTACT_SUMMARY_MAX_LENGTH = 1000

/** The channels a contact moment the contact centre records happened by. */
export const CONTACT_CHANNELS = ['phone', 'counter'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

/** Case references as the cases register gives them (Z-2026-000123). */
export const CASE_REFERENCE_PATTERN = /^Z-\d{4}-\d{6}$/

/**
 * The instant a wall-clock time on a day in Groningen names ("2026-12-01", "14:30"), daylight
 * saving time included: what a form's date and time fields mean.
 */
export function instantInGroningen(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const wanted = Date.UTC(y, m - 1, d, hh, mm)
  const wallOf = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(ms))
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'))
  }
  // Two passes: the offset at the first guess may differ from the one at the answer.
  const first = wanted - (wallOf(wanted) - wanted)
  return new Date(wanted - (wallOf(first) - first))
}

/** The wall-clock time of an instant in Groningen, "14:30", for a form's default. */
export function timeInGroningen(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant)
}
