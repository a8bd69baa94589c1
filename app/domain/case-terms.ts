/**
 * The words of a case: its channels, outcomes, events, states and the rules of its terms that
 * need no history (the decision's content, a period in days, a suspension's length). How a case's
 * state follows from its events is app/domain/case-history.ts.
 */
import { daysBetween, minLocalDate, type LocalDate } from './local-date'

export type Channel = 'internet' | 'email' | 'post' | 'counter' | 'phone'
export const CHANNELS = ['internet', 'email', 'post', 'counter', 'phone'] as const satisfies readonly Channel[]

/** A ZGW "doorlooptijd": calendar days or weeks. */
export type Period = { amount: number; unit: 'days' | 'weeks' }

/** Awb 4:13(2): without a term set by law, a decision is due within eight weeks of receipt. */
export const DEFAULT_LEAD_TIME: Period = { amount: 8, unit: 'weeks' }

/** The quality charter (/kwaliteitshandvest): every letter or e-mail is acknowledged within five (working) days. */
export const ACKNOWLEDGEMENT_WORKING_DAYS = 5

export interface CaseTypeRules {
  code: string
  leadTime: Period
  /** null: this case type's decision term cannot be extended. */
  extension: Period | null
  suspensionAllowed: boolean
  /** In order; the timeline shows them as done / current / upcoming. */
  steps: { code: string; final: boolean }[]
}

export type Outcome = 'granted' | 'refused' | 'partly_granted' | 'withdrawn'
/** In the order a caseworker's form offers them. */
export const OUTCOMES = ['granted', 'partly_granted', 'refused', 'withdrawn'] as const satisfies readonly Outcome[]

/**
 * The outcomes that are a decision on the application (Awb 1:3(3)). A withdrawal is the
 * applicant ending the application: the municipality decides nothing, so there are no reasons
 * to give (Awb 3:46) and nothing to object to (Awb 6:7 runs against a decision only).
 */
export function isDecisionOnApplication(outcome: Outcome): boolean {
  return outcome !== 'withdrawn'
}

/** The outcomes where the citizen did not get all they asked for: the decision says what they can do now. */
export const OUTCOMES_WITH_CITIZEN_OPTIONS = ['partly_granted', 'refused'] as const satisfies readonly Outcome[]

/**
 * What a decision says, besides its outcome: `summary`, one line of what was decided;
 * `reasons`, why (Awb 3:46: a decision rests on reasons that are stated with it); and for a
 * refusal or partial grant `citizenOptions`, what the citizen can do now (apply again with …,
 * ask for help). Decisions recorded before reasons were asked for may lack them; new ones
 * cannot (`decisionContentErrors`).
 */
export interface DecisionContent {
  outcome: Outcome
  summary?: string
  reasons?: string
  citizenOptions?: string
  /** The decision as a document of the case (its id in `documents`), offered with the letter. */
  documentId?: string
}

export type DecisionContentError =
  { code: 'reasons_required'; field: 'reasons' } | { code: 'citizen_options_required'; field: 'citizenOptions' }

/** Every missing part of a decision at once, so a form can name them all together. */
export function decisionContentErrors(decision: DecisionContent): DecisionContentError[] {
  const errors: DecisionContentError[] = []
  const blank = (text: string | undefined) => !text || text.trim() === ''
  if (isDecisionOnApplication(decision.outcome) && blank(decision.reasons))
    errors.push({ code: 'reasons_required', field: 'reasons' })
  if (
    (OUTCOMES_WITH_CITIZEN_OPTIONS as readonly Outcome[]).includes(decision.outcome) &&
    blank(decision.citizenOptions)
  )
    errors.push({ code: 'citizen_options_required', field: 'citizenOptions' })
  return errors
}

export type CaseEvent =
  | {
      seq: number
      type: 'received'
      occurredAt: Date
      /**
       * `termFrom`: the day the decision term counts from, when the law names another day than
       * the day of receipt (Awb 7:10(1): an objection's term counts from the end of the term to
       * object). Absent: the day of receipt (Awb 4:13(2)).
       */
      payload: { receivedOn: LocalDate; channel: Channel; termFrom?: LocalDate }
    }
  | { seq: number; type: 'step_reached'; occurredAt: Date; payload: { step: string } }
  | { seq: number; type: 'suspended'; occurredAt: Date; payload: { information: string; respondBy: LocalDate } }
  | { seq: number; type: 'resumed'; occurredAt: Date; payload: Record<string, never> | { note?: string } }
  | { seq: number; type: 'extended'; occurredAt: Date; payload: { reason: string } }
  | {
      seq: number
      type: 'information_received'
      occurredAt: Date
      /**
       * The answer to a request for information (Awb 4:15(1)(a)): how it came in, the citizen's
       * own words (`answer`, typed in Mijn Stad), a back office's or caseworker's `note` (an answer
       * by post or at the counter), and the ids of the documents that came with it.
       */
      payload: InformationReceivedPayload
    }
  | { seq: number; type: 'decided'; occurredAt: Date; payload: DecisionContent }
  | { seq: number; type: 'closed'; occurredAt: Date; payload: Record<string, never> | { note?: string } }

/** What an `information_received` event says; at least the channel, the rest as it came. */
export interface InformationReceivedPayload {
  channel: Channel
  answer?: string
  note?: string
  documentIds?: string[]
}

export type CaseEventType = CaseEvent['type']

export type CaseStatus = 'open' | 'suspended' | 'decided' | 'closed'

export interface StepProgress {
  code: string
  final: boolean
  /** The first day the case reached this step; null for a step not reached (or skipped). */
  reachedOn: LocalDate | null
  state: 'done' | 'current' | 'upcoming'
}

/** Why the decision date moved; `newDate` is the due date right after this move. */
export type DateMove =
  | { kind: 'extended'; on: LocalDate; reason: string; newDate: LocalDate }
  | {
      kind: 'suspended'
      from: LocalDate
      /** The day the suspension ended; null while it still runs. */
      to: LocalDate | null
      /** Calendar days the term moved on; while the suspension runs, counted up to today. */
      days: number
      newDate: LocalDate
    }

export interface CaseState {
  status: CaseStatus
  currentStep: string | null
  stepHistory: StepProgress[]
  receivedOn: LocalDate
  /** The day the decision term counts from: the day of receipt unless the law says otherwise. */
  termFrom: LocalDate
  channel: Channel
  acknowledgementDueOn: LocalDate
  /** termFrom + lead time, moved to a working day: the date the acknowledgement promises. */
  originalDecisionDueOn: LocalDate
  /** The latest lawful decision date after extension and suspensions. */
  decisionDueOn: LocalDate
  /** True while a suspension runs: the date assumes the information arrives today. */
  decisionDueIsProvisional: boolean
  extended: boolean
  dateMoves: DateMove[]
  suspendedSince: LocalDate | null
  respondBy: LocalDate | null
  /**
   * The day the answer to a request for information came in, until the caseworker records the
   * next event: the case is back on their list as "information received". Null otherwise.
   */
  informationReceivedOn: LocalDate | null
  decidedOn: LocalDate | null
  outcome: Outcome | null
  decidedInTime: boolean | null
  closedOn: LocalDate | null
  overdue: boolean
  /** Calendar days from today to the decision date, negative when overdue; null once decided. */
  daysLeft: number | null
}

export type RefusalCode =
  | 'not_received'
  | 'already_received'
  | 'case_closed'
  | 'out_of_order'
  | 'invalid_date'
  | 'received_in_future'
  | 'unknown_step'
  | 'step_backwards'
  | 'already_at_step'
  | 'suspension_not_allowed'
  | 'already_suspended'
  | 'invalid_respond_by'
  | 'not_suspended'
  | 'extension_not_allowed'
  | 'already_extended'
  | 'reason_required'
  | 'term_passed'
  | 'already_decided'
  | 'not_decided'
  | 'reasons_required'
  | 'citizen_options_required'

export type EventValidation = { ok: true } | { ok: false; code: RefusalCode; field?: string }

export function periodInDays(period: Period): number {
  return period.unit === 'weeks' ? period.amount * 7 : period.amount
}

/**
 * Awb 4:15(1)(a): suspended from the day after the request up to the day the information came
 * in, and never beyond the day the applicant was given to answer ("of de daarvoor gestelde
 * termijn ongebruikt is verstreken"): after that the clock runs again, answer or not.
 *
 * Our reading: the day the information arrives still counts as suspended, so the term moves
 * on by `daysBetween(requestedOn, answeredOn)` calendar days; asked on 3 March and answered on
 * 13 March moves it 10 days, the count of days between the two letters that a citizen would
 * make. "Tot" (not "tot en met") can also be read as leaving that last day out, which gives one
 * day less; should the municipality's lawyers prefer that, this function is the only place to
 * change. A request and an answer on the same day move nothing.
 */
export function suspendedDays(requestedOn: LocalDate, endedOn: LocalDate, respondBy: LocalDate): number {
  return Math.max(0, daysBetween(requestedOn, minLocalDate(endedOn, respondBy)))
}
