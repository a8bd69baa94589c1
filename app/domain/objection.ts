/**
 * Objecting to a decision (bezwaar) and going to court against the decision on an objection
 * (beroep): the terms and who may object to what. Pure: pass the dates and the calendar in.
 *
 * - Awb 6:7: an objection or an appeal is made within six weeks.
 * - Awb 6:8(1): the term starts on the day after the decision was made known: for a decision
 *   sent to the citizen, the day after it was sent (the date of its letter).
 * - Algemene termijnenwet art. 1: a term ending on a Saturday, Sunday or holiday runs on to the
 *   next working day.
 * - Awb 6:11: an objection after the term may still be accepted when the lateness is excusable;
 *   so a late objection is taken in, marked late, with the citizen's reason.
 * - Awb 7:10(1): the municipality decides on an objection within six weeks (twelve with an
 *   advisory committee, Awb 7:13), counted from the day after the term to object ended;
 *   7:10(3): extendable once by six weeks. The case type `bezwaar` carries the six weeks and
 *   the extension; the advisory committee's twelve weeks are not offered.
 * - Awb 7:1 and 8:1: against the decision on an objection there is no second objection, but an
 *   appeal to the district court.
 */
import { OUTCOMES_WITH_CITIZEN_OPTIONS, isDecisionOnApplication, type Outcome } from './case-terms'
import { addDays, compareLocalDate, maxLocalDate, type LocalDate } from './local-date'
import { nextWorkingDayOnOrAfter, type HolidayCalendar } from './working-days'

/** The case type of an objection in the catalogue (db/seed/case-types.ts). */
export const OBJECTION_CASE_TYPE = 'bezwaar'

/** Awb 6:7: six weeks to object, and six weeks to appeal. */
export const OBJECTION_WEEKS = 6

export interface ObjectionTerm {
  /** The first day of the term: the day after the decision was sent (Awb 6:8). */
  startsOn: LocalDate
  /** The last day, after Atw art. 1. */
  endsOn: LocalDate
}

/**
 * Awb 6:7, 6:8 and Atw art. 1: sent on Friday 10 April 2026, the term runs from Saturday
 * 11 April up to and including Friday 22 May. Six weeks after the day after sending is the
 * same weekday as the sending, so the end is `sentOn + 42 days`, moved to a working day.
 */
export function objectionTerm(sentOn: LocalDate, calendar: HolidayCalendar): ObjectionTerm {
  return {
    startsOn: addDays(sentOn, 1),
    endsOn: nextWorkingDayOnOrAfter(addDays(sentOn, OBJECTION_WEEKS * 7), calendar),
  }
}

/** Awb 8:1 with 6:7 and 6:8: the term to appeal against a decision on an objection; the same six weeks. */
export const appealTerm = objectionTerm

/**
 * Received after the last day of the term: late (Awb 6:9(1): in time when it arrived before
 * the term ended). An objection online arrives when it is sent; the rule for a letter posted in
 * time that arrives within a week (6:9(2)) is the caseworker's to apply.
 */
export function isLateObjection(term: ObjectionTerm, receivedOn: LocalDate): boolean {
  return compareLocalDate(receivedOn, term.endsOn) > 0
}

/**
 * Awb 7:10(1): the day the decision term of an objection counts from, the end of the term to
 * object. A late objection cannot be decided before it arrived; its term counts from the day
 * it was received (our reading; the law does not name that case).
 */
export function objectionDecisionTermFrom(term: ObjectionTerm, receivedOn: LocalDate): LocalDate {
  return maxLocalDate(term.endsOn, receivedOn)
}

export type NotObjectable =
  /** Nothing decided yet: there is nothing to object to. */
  | 'not_decided'
  /** The citizen withdrew the application: no decision was taken (Awb 1:3, 6:7). */
  | 'withdrawn'
  /** The decision on an objection: the next step is an appeal to the court (Awb 7:1, 8:1). */
  | 'objection_decision'

/** Whether the decision of a case with this type and outcome is open to objection. */
export function objectability(
  caseTypeCode: string,
  outcome: Outcome | null,
): { ok: true } | { ok: false; reason: NotObjectable } {
  if (outcome === null) return { ok: false, reason: 'not_decided' }
  if (!isDecisionOnApplication(outcome)) return { ok: false, reason: 'withdrawn' }
  if (caseTypeCode === OBJECTION_CASE_TYPE) return { ok: false, reason: 'objection_decision' }
  return { ok: true }
}

/** Whether a decision with this outcome says what the citizen can do now. */
export function hasCitizenOptions(outcome: Outcome): boolean {
  return (OUTCOMES_WITH_CITIZEN_OPTIONS as readonly Outcome[]).includes(outcome)
}

// --- the attachments to an objection --------------------------------------------------------

/** At most five files with an objection, together at most 10 MB: a few scans or photos. */
export const MAX_OBJECTION_FILES = 5
export const MAX_OBJECTION_UPLOAD_BYTES = 10 * 1024 * 1024

/** Awb 6:5(1)(d): the grounds; as long as a letter would be, and no longer than a field can hold. */
export const MAX_GROUNDS_LENGTH = 10_000

/** Awb 6:11: a sentence or a few on why it is late; not a second letter of objection. */
export const MAX_LATE_REASON_LENGTH = 2000
