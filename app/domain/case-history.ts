/**
 * A case's state and terms, derived from its append-only event history: a decision date is
 * derived from the events, never typed in.
 *
 * The rules and where they come from:
 * - Acknowledgement within 5 working days of receipt: the quality charter (/kwaliteitshandvest, "Brieven"
 *   and "E-mail"), counted from the day after receipt.
 * - Decision term: the case type's lead time, by default 8 weeks after receipt (Awb 4:13(2)),
 *   or after the day the law names instead (`termFrom`: Awb 7:10(1) counts an objection's six
 *   weeks from the end of the term to object).
 * - Decision content: a decision states its reasons (Awb 3:46); a refusal or partial grant also
 *   what the citizen can do now. Checked when recorded, not on replay: see `decisionContentErrors`.
 * - Extension: Awb 4:14 — when the decision cannot be given in time, the applicant is told so
 *   *within* the term, with a new term. The case type (its sector law, e.g. Woo art. 4.4) fixes
 *   the length; it may happen once, counted on from the end of the term it extends.
 * - Suspension: Awb 4:15(1)(a) — while the applicant is asked to complete the application, the
 *   term is suspended "met ingang van de dag na" the request "tot de dag waarop de aanvraag is
 *   aangevuld of de daarvoor gestelde termijn ongebruikt is verstreken". See `suspendedDays`.
 * - Algemene termijnenwet art. 1: a term ending on a Saturday, Sunday or holiday runs on to the
 *   next working day. Applied once, to the end of the term as it finally stands; extensions and
 *   suspensions add calendar days to the unshifted end. So an extension is counted from the
 *   term's own end, not from the working day art. 1 would have moved it to. Where the two
 *   readings differ this gives the earlier date, so the portal never promises a later one.
 *   An extension or suspension is judged against the shifted date, though: announcing on the
 *   Monday of a term that ran out on Saturday is still within the term.
 *
 * Event dates are calendar dates in Europe/Amsterdam: an event at 23:30 UTC on 31 March happened
 * on 1 April for the citizen and for the term.
 */
import {
  addDays,
  compareLocalDate,
  daysBetween,
  isLocalDate,
  localDateOf,
  minLocalDate,
  MUNICIPAL_TIME_ZONE,
  type LocalDate,
} from './local-date'
import { addWorkingDays, nextWorkingDayOnOrAfter, type HolidayCalendar } from './working-days'
import {
  ACKNOWLEDGEMENT_WORKING_DAYS,
  periodInDays,
  suspendedDays,
  decisionContentErrors,
  type CaseEvent,
  type CaseStatus,
  type Channel,
  type Outcome,
  type CaseState,
  type CaseTypeRules,
  type DateMove,
  type EventValidation,
  type RefusalCode,
  type StepProgress,
} from './case-terms'

// --- the fold over the history -------------------------------------------------------------

type MoveRecord =
  | { kind: 'extended'; on: LocalDate; reason: string; days: number }
  | { kind: 'suspended'; from: LocalDate; respondBy: LocalDate; endedOn: LocalDate | null }

interface History {
  rules: CaseTypeRules
  cal: HolidayCalendar
  receivedOn: LocalDate
  termFrom: LocalDate
  channel: Channel
  /** termFrom + lead time, before Atw art. 1. */
  termStart: LocalDate
  moves: MoveRecord[]
  status: CaseStatus
  currentStepIndex: number
  reachedOn: Map<string, LocalDate>
  decidedOn: LocalDate | null
  outcome: Outcome | null
  closedOn: LocalDate | null
  /** Set by `information_received`, cleared by the caseworker's next event. */
  informationReceivedOn: LocalDate | null
}

function eventDate(event: CaseEvent): LocalDate {
  return localDateOf(event.occurredAt, MUNICIPAL_TIME_ZONE)
}

function moveDays(move: MoveRecord, asOf: LocalDate): number {
  if (move.kind === 'extended') return move.days
  return suspendedDays(move.from, move.endedOn ?? asOf, move.respondBy)
}

/** The decision date after the first `count` moves, a running suspension counted up to `asOf`. */
function dueAfterMoves(history: History, count: number, asOf: LocalDate): LocalDate {
  const days = history.moves.slice(0, count).reduce((sum, move) => sum + moveDays(move, asOf), 0)
  return nextWorkingDayOnOrAfter(addDays(history.termStart, days), history.cal)
}

function decisionDueAsOf(history: History, asOf: LocalDate): LocalDate {
  return dueAfterMoves(history, history.moves.length, asOf)
}

/** The suspension still running, if any — not only when it is the last move: an extension may be recorded during it. */
function runningSuspension(history: History) {
  for (let i = history.moves.length - 1; i >= 0; i--) {
    const move = history.moves[i]
    if (move.kind === 'suspended' && move.endedOn === null) return move
  }
  return null
}

function refuse(code: RefusalCode, field?: string): EventValidation {
  return field ? { ok: false, code, field } : { ok: false, code }
}

const OK: EventValidation = { ok: true }

function validateReceived(event: Extract<CaseEvent, { type: 'received' }>): EventValidation {
  const { receivedOn, termFrom } = event.payload
  if (!isLocalDate(receivedOn)) return refuse('invalid_date', 'receivedOn')
  if (compareLocalDate(receivedOn, eventDate(event)) > 0) return refuse('received_in_future', 'receivedOn')
  // A term never counts from before the request was there to decide on.
  if (termFrom !== undefined && (!isLocalDate(termFrom) || compareLocalDate(termFrom, receivedOn) < 0))
    return refuse('invalid_date', 'termFrom')
  return OK
}

/** Whether `event` may follow the history; the single set of rules for writing and deriving. */
function check(history: History, event: CaseEvent): EventValidation {
  if (history.status === 'closed') return refuse('case_closed')
  const on = eventDate(event)
  const decided = history.status === 'decided'

  switch (event.type) {
    case 'received':
      return refuse('already_received')

    case 'step_reached': {
      const index = history.rules.steps.findIndex((step) => step.code === event.payload.step)
      if (index < 0) return refuse('unknown_step', 'step')
      // The citizen's timeline only moves forward; a step redone is not news to them.
      if (index < history.currentStepIndex) return refuse('step_backwards', 'step')
      if (index === history.currentStepIndex) return refuse('already_at_step', 'step')
      return OK
    }

    case 'suspended': {
      if (decided) return refuse('already_decided')
      if (!history.rules.suspensionAllowed) return refuse('suspension_not_allowed')
      if (runningSuspension(history)) return refuse('already_suspended')
      const { respondBy } = event.payload
      // Awb 4:15(1)(a) only suspends when the applicant is given a term to answer in.
      if (!isLocalDate(respondBy) || compareLocalDate(respondBy, on) <= 0) {
        return refuse('invalid_respond_by', 'respondBy')
      }
      // A term that has run out cannot be suspended any more: the decision is already late.
      if (compareLocalDate(on, decisionDueAsOf(history, on)) > 0) return refuse('term_passed')
      return OK
    }

    case 'resumed':
      // Also "go on with the case" after an answer came in: it ends nothing, it clears the flag.
      return runningSuspension(history) || history.informationReceivedOn ? OK : refuse('not_suspended')

    case 'information_received':
      // Awb 4:15(1)(a): only an answer to a running request ends a suspension. One that came in
      // after the day to answer still counts as received; the term already ran again then.
      return runningSuspension(history) ? OK : refuse('not_suspended')

    case 'extended': {
      if (decided) return refuse('already_decided')
      if (!history.rules.extension) return refuse('extension_not_allowed')
      if (history.moves.some((move) => move.kind === 'extended')) return refuse('already_extended')
      if (event.payload.reason.trim() === '') return refuse('reason_required', 'reason')
      // Awb 4:14: announced within the term. On the last day itself is still in time.
      if (compareLocalDate(on, decisionDueAsOf(history, on)) > 0) return refuse('term_passed')
      return OK
    }

    case 'decided':
      return decided ? refuse('already_decided') : OK

    case 'closed':
      // Kept simple: a case ends with a decision, even a withdrawal is recorded as one.
      return decided ? OK : refuse('not_decided')
  }
}

function endRunningSuspension(history: History, on: LocalDate): void {
  const running = runningSuspension(history)
  if (running) running.endedOn = on
}

function apply(history: History, event: CaseEvent): void {
  const on = eventDate(event)
  // Any event after the answer is the caseworker acting on it: the case leaves "information received".
  if (event.type !== 'received') history.informationReceivedOn = null
  switch (event.type) {
    case 'received':
      return
    case 'step_reached': {
      const index = history.rules.steps.findIndex((step) => step.code === event.payload.step)
      history.currentStepIndex = index
      if (!history.reachedOn.has(event.payload.step)) history.reachedOn.set(event.payload.step, on)
      return
    }
    case 'suspended':
      history.moves.push({ kind: 'suspended', from: on, respondBy: event.payload.respondBy, endedOn: null })
      history.status = 'suspended'
      return
    case 'resumed':
      endRunningSuspension(history, on)
      history.status = 'open'
      return
    case 'information_received':
      // Awb 4:15(1)(a): suspended "tot de dag waarop de aanvraag is aangevuld": the term runs
      // again from the day the answer came in (suspendedDays counts up to that day).
      endRunningSuspension(history, on)
      history.status = 'open'
      history.informationReceivedOn = on
      return
    case 'extended': {
      const days = periodInDays(history.rules.extension ?? { amount: 0, unit: 'days' })
      history.moves.push({ kind: 'extended', on, reason: event.payload.reason, days })
      return
    }
    case 'decided': {
      // A decision ends a running suspension: there is nothing left to wait for.
      endRunningSuspension(history, on)
      history.status = 'decided'
      history.decidedOn = on
      history.outcome = event.payload.outcome
      const steps = history.rules.steps
      if (!steps[history.currentStepIndex]?.final) {
        const finalIndex = steps.findIndex((step) => step.final)
        if (finalIndex >= 0) history.currentStepIndex = finalIndex
      }
      const current = steps[history.currentStepIndex]
      if (current && !history.reachedOn.has(current.code)) history.reachedOn.set(current.code, on)
      return
    }
    case 'closed':
      history.status = 'closed'
      history.closedOn = on
      return
  }
}

function bySeq(events: readonly CaseEvent[]): CaseEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq)
}

/**
 * Replays the history. Events are validated when written (`validateNextEvent`); replay applies
 * the same rules and passes over an event they refuse (say an extension announced after the
 * term ran out, arriving from a back-office system), because such an act does not move the
 * term in law.
 */
function replay(rules: CaseTypeRules, events: readonly CaseEvent[], cal: HolidayCalendar): History {
  const [first, ...rest] = bySeq(events)
  if (!first || first.type !== 'received') throw new Error('A case history starts with a received event')
  const { receivedOn, channel } = first.payload
  const termFrom = first.payload.termFrom ?? receivedOn
  const history: History = {
    rules,
    cal,
    receivedOn,
    termFrom,
    channel,
    termStart: addDays(termFrom, periodInDays(rules.leadTime)),
    moves: [],
    status: 'open',
    currentStepIndex: rules.steps.length > 0 ? 0 : -1,
    reachedOn: new Map(rules.steps.length > 0 ? [[rules.steps[0].code, receivedOn]] : []),
    decidedOn: null,
    outcome: null,
    closedOn: null,
    informationReceivedOn: null,
  }
  for (const event of rest) {
    if (check(history, event).ok) apply(history, event)
  }
  return history
}

function toDateMoves(history: History, today: LocalDate): DateMove[] {
  return history.moves.map((move, index): DateMove => {
    const newDate = dueAfterMoves(history, index + 1, today)
    if (move.kind === 'extended') return { kind: 'extended', on: move.on, reason: move.reason, newDate }
    const lastDay = minLocalDate(move.endedOn ?? today, move.respondBy)
    // Once the day to answer has passed the suspension is over in law, recorded or not.
    const ended = move.endedOn !== null || compareLocalDate(today, move.respondBy) >= 0
    return { kind: 'suspended', from: move.from, to: ended ? lastDay : null, days: moveDays(move, today), newDate }
  })
}

function toStepHistory(history: History): StepProgress[] {
  const finished = history.status === 'decided' || history.status === 'closed'
  return history.rules.steps.map((step, index) => ({
    code: step.code,
    final: step.final,
    reachedOn: history.reachedOn.get(step.code) ?? null,
    state:
      index < history.currentStepIndex || (index === history.currentStepIndex && finished)
        ? 'done'
        : index === history.currentStepIndex
          ? 'current'
          : 'upcoming',
  }))
}

/** The case as the citizen and the caseworker see it on `today` (a date in Europe/Amsterdam). */
export function deriveCaseState(
  rules: CaseTypeRules,
  events: readonly CaseEvent[],
  today: LocalDate,
  cal: HolidayCalendar,
): CaseState {
  const history = replay(rules, events, cal)
  const running = runningSuspension(history)
  const decisionDueOn = decisionDueAsOf(history, today)
  const pending = history.status === 'open' || history.status === 'suspended'
  return {
    status: history.status,
    currentStep: history.rules.steps[history.currentStepIndex]?.code ?? null,
    stepHistory: toStepHistory(history),
    receivedOn: history.receivedOn,
    termFrom: history.termFrom,
    channel: history.channel,
    acknowledgementDueOn: addWorkingDays(history.receivedOn, ACKNOWLEDGEMENT_WORKING_DAYS, cal),
    originalDecisionDueOn: nextWorkingDayOnOrAfter(history.termStart, cal),
    decisionDueOn,
    // Until the day to answer has passed, the information may still come and stop the count.
    decisionDueIsProvisional: running !== null && compareLocalDate(today, running.respondBy) < 0,
    extended: history.moves.some((move) => move.kind === 'extended'),
    dateMoves: toDateMoves(history, today),
    suspendedSince: running?.from ?? null,
    respondBy: running?.respondBy ?? null,
    informationReceivedOn: history.informationReceivedOn,
    decidedOn: history.decidedOn,
    outcome: history.outcome,
    decidedInTime: history.decidedOn ? compareLocalDate(history.decidedOn, decisionDueOn) <= 0 : null,
    closedOn: history.closedOn,
    // While a suspension runs the due date moves along with today, so it cannot pass; once the
    // day to answer is over the clock runs again (Awb 4:15(1)(a)) and the case can be late.
    overdue: pending && compareLocalDate(today, decisionDueOn) > 0,
    daysLeft: pending ? daysBetween(today, decisionDueOn) : null,
  }
}

/**
 * Whether `next` may be appended to the history: the same rules replay applies, plus the order
 * of the log itself. An empty history only accepts 'received'.
 */
export function validateNextEvent(
  rules: CaseTypeRules,
  events: readonly CaseEvent[],
  next: CaseEvent,
  cal: HolidayCalendar,
): EventValidation {
  if (events.length === 0) return next.type === 'received' ? validateReceived(next) : refuse('not_received')
  const history = replay(rules, events, cal)
  if (history.status === 'closed') return refuse('case_closed')
  const last = bySeq(events).at(-1)!
  if (next.seq <= last.seq || next.occurredAt.getTime() < last.occurredAt.getTime()) return refuse('out_of_order')
  const verdict = check(history, next)
  if (!verdict.ok || next.type !== 'decided') return verdict
  // Only for a new decision: one recorded before reasons were asked for still counts on replay.
  const [missing] = decisionContentErrors(next.payload)
  return missing ? refuse(missing.code, missing.field) : OK
}
