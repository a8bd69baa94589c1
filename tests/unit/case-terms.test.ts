import {
  DEFAULT_LEAD_TIME,
  decisionContentErrors,
  suspendedDays,
  type CaseEvent,
  type CaseTypeRules,
  type Channel,
  type DecisionContent,
  type Outcome,
} from '~/domain/case-terms'
import { deriveCaseState, validateNextEvent } from '~/domain/case-history'
import type { LocalDate } from '~/domain/local-date'
import { createHolidayCalendar } from '~/domain/working-days'

const cal = createHolidayCalendar()

const permit: CaseTypeRules = {
  code: 'omgevingsvergunning',
  leadTime: DEFAULT_LEAD_TIME,
  extension: { amount: 6, unit: 'weeks' },
  suspensionAllowed: true,
  steps: [
    { code: 'received', final: false },
    { code: 'assessment', final: false },
    { code: 'advice', final: false },
    { code: 'decision', final: true },
  ],
}

const noExtensionNoSuspension: CaseTypeRules = {
  ...permit,
  code: 'parkeervergunning',
  extension: null,
  suspensionAllowed: false,
}

/** Noon UTC is the same calendar date in Amsterdam all year round. */
const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`)

// Event builders; `seq` is filled in by `history` and `next`.
/** Recorded on `on`; the date of receipt can be earlier (a letter registered the next day). */
const received = (on: LocalDate, channel: Channel = 'internet', receivedOn: LocalDate = on): CaseEvent => ({
  seq: 0,
  type: 'received',
  occurredAt: noon(on),
  payload: { receivedOn, channel },
})
/** Received on `on`, the decision term counting from `termFrom` (Awb 7:10 for an objection). */
const receivedWithTermFrom = (on: LocalDate, termFrom: LocalDate): CaseEvent => ({
  seq: 0,
  type: 'received',
  occurredAt: noon(on),
  payload: { receivedOn: on, channel: 'internet', termFrom },
})
const stepReached = (on: LocalDate, step: string): CaseEvent => ({
  seq: 0,
  type: 'step_reached',
  occurredAt: noon(on),
  payload: { step },
})
const suspended = (on: LocalDate, respondBy: LocalDate): CaseEvent => ({
  seq: 0,
  type: 'suspended',
  occurredAt: noon(on),
  payload: { information: 'Bouwtekening met maten', respondBy },
})
const resumed = (on: LocalDate): CaseEvent => ({ seq: 0, type: 'resumed', occurredAt: noon(on), payload: {} })
const extended = (on: LocalDate, reason = 'Advies van de welstandscommissie nodig'): CaseEvent => ({
  seq: 0,
  type: 'extended',
  occurredAt: noon(on),
  payload: { reason },
})
/** A decision as one is recorded now: with its reasons and, for a refusal, what the citizen can do. */
const decided = (
  on: LocalDate,
  outcome: Outcome = 'granted',
  content: Omit<DecisionContent, 'outcome'> = {
    reasons: 'Het plan past in het omgevingsplan',
    citizenOptions: 'Pas de tekening aan en vraag opnieuw aan',
  },
): CaseEvent => ({
  seq: 0,
  type: 'decided',
  occurredAt: noon(on),
  payload: { outcome, ...content },
})
const closed = (on: LocalDate): CaseEvent => ({ seq: 0, type: 'closed', occurredAt: noon(on), payload: {} })

const history = (...events: CaseEvent[]): CaseEvent[] => events.map((event, index) => ({ ...event, seq: index + 1 }))
const next = (events: CaseEvent[], event: CaseEvent): CaseEvent => ({ ...event, seq: events.length + 1 })

const stateOn = (today: LocalDate, events: CaseEvent[], rules: CaseTypeRules = permit) =>
  deriveCaseState(rules, events, today, cal)

describe('the decision term (Awb 4:13, Algemene termijnenwet art. 1)', () => {
  it('is 8 weeks after receipt by default: received Monday 3 March 2025, due Monday 28 April', () => {
    const state = stateOn('2025-03-10', history(received('2025-03-03')))
    expect(state.originalDecisionDueOn).toBe('2025-04-28')
    expect(state.decisionDueOn).toBe('2025-04-28')
    expect(state.dateMoves).toEqual([])
    expect(state.decisionDueIsProvisional).toBe(false)
  })

  it('counts from the day the law names instead of receipt: an objection 6 weeks after its term ended (Awb 7:10)', () => {
    const objection: CaseTypeRules = { ...permit, leadTime: { amount: 6, unit: 'weeks' } }
    // Objected on Monday 16 March 2026; the term to object ended on Friday 3 April (Good Friday
    // moved it to Tuesday 7 April); six weeks after that is Tuesday 19 May.
    const events = history(receivedWithTermFrom('2026-03-16', '2026-04-07'))
    const state = stateOn('2026-03-16', events, objection)
    expect(state.termFrom).toBe('2026-04-07')
    expect(state.decisionDueOn).toBe('2026-05-19')
    // Its acknowledgement is still due five working days after receipt, not after the term.
    expect(state.acknowledgementDueOn).toBe('2026-03-23')
  })

  it('extends an objection once by six weeks, from the end of its own term (Awb 7:10(3))', () => {
    const objection: CaseTypeRules = {
      ...permit,
      leadTime: { amount: 6, unit: 'weeks' },
      extension: { amount: 6, unit: 'weeks' },
    }
    const events = history(receivedWithTermFrom('2026-03-16', '2026-04-07'), extended('2026-05-11', 'Advies nodig'))
    // 19 May + 6 weeks = Tuesday 30 June 2026.
    expect(stateOn('2026-05-11', events, objection).decisionDueOn).toBe('2026-06-30')
    const again = next(events, extended('2026-05-12', 'Nog meer tijd'))
    expect(validateNextEvent(objection, events, again, cal)).toEqual({ ok: false, code: 'already_extended' })
  })

  it('refuses a term counted from before receipt', () => {
    const early: CaseEvent = { ...receivedWithTermFrom('2026-03-16', '2026-03-13'), seq: 1 }
    expect(validateNextEvent(permit, [], early, cal)).toEqual({ ok: false, code: 'invalid_date', field: 'termFrom' })
  })

  it('counts a lead time in days as calendar days', () => {
    const tenDays: CaseTypeRules = { ...permit, leadTime: { amount: 10, unit: 'days' } }
    expect(stateOn('2025-03-03', history(received('2025-03-03')), tenDays).decisionDueOn).toBe('2025-03-13')
  })

  it("moves a term ending on King's Day 2026 (Monday 27 April) to Tuesday 28 April", () => {
    expect(stateOn('2026-03-02', history(received('2026-03-02'))).decisionDueOn).toBe('2026-04-28')
  })

  it("moves a term ending on King's Day 2025 (Saturday 26 April) to Monday 28 April", () => {
    expect(stateOn('2025-03-01', history(received('2025-03-01'))).decisionDueOn).toBe('2025-04-28')
  })

  it('moves a term ending on 5 May 2026 (Tuesday) to Wednesday 6 May', () => {
    expect(stateOn('2026-03-10', history(received('2026-03-10'))).decisionDueOn).toBe('2026-05-06')
  })

  it('moves a term ending on Easter Monday 2026 (6 April) to Tuesday 7 April', () => {
    expect(stateOn('2026-02-09', history(received('2026-02-09'))).decisionDueOn).toBe('2026-04-07')
  })

  it('moves a term ending on Good Friday 2026 (3 April) past the Easter weekend to Tuesday 7 April', () => {
    expect(stateOn('2026-02-06', history(received('2026-02-06'))).decisionDueOn).toBe('2026-04-07')
  })

  it('moves a term ending on Boxing Day 2026 (Saturday) to Monday 28 December', () => {
    expect(stateOn('2026-10-31', history(received('2026-10-31'))).decisionDueOn).toBe('2026-12-28')
  })

  it('respects a day equated by decree: a term ending on Ascension Day 2026 skips a decreed Friday 15 May', () => {
    const events = history(received('2026-03-19'))
    expect(deriveCaseState(permit, events, '2026-03-19', cal).decisionDueOn).toBe('2026-05-15')
    const withDecree = createHolidayCalendar({ extraDays: ['2026-05-15'] })
    expect(deriveCaseState(permit, events, '2026-03-19', withDecree).decisionDueOn).toBe('2026-05-18')
  })
})

describe('the acknowledgement (quality charter: within 5 working days)', () => {
  it('is due the next Friday for something received on a Friday', () => {
    expect(stateOn('2025-03-07', history(received('2025-03-07', 'post'))).acknowledgementDueOn).toBe('2025-03-14')
  })

  it('is due a day later when a holiday falls inside the window (Whit Monday 9 June 2025)', () => {
    expect(stateOn('2025-06-06', history(received('2025-06-06', 'email'))).acknowledgementDueOn).toBe('2025-06-16')
  })

  it('keeps the channel and date of receipt from the received event', () => {
    const state = stateOn('2025-06-06', history(received('2025-06-06', 'counter')))
    expect(state.channel).toBe('counter')
    expect(state.receivedOn).toBe('2025-06-06')
  })
})

describe('suspension (Awb 4:15: the clock stops while the citizen is asked for information)', () => {
  it('counts the days from the day after the request up to and including the day of the answer', () => {
    expect(suspendedDays('2025-03-10', '2025-03-20', '2025-03-24')).toBe(10)
    expect(suspendedDays('2025-03-10', '2025-03-11', '2025-03-24')).toBe(1)
  })

  it('moves nothing when the answer arrives on the day of the request', () => {
    expect(suspendedDays('2025-03-10', '2025-03-10', '2025-03-24')).toBe(0)
  })

  it('stops counting when the day to answer has passed, even if the answer comes later', () => {
    expect(suspendedDays('2025-03-10', '2025-03-28', '2025-03-24')).toBe(14)
  })

  it('moves the term on by the suspended days: 10 days moves 28 April 2025 to Thursday 8 May', () => {
    const state = stateOn(
      '2025-03-21',
      history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), resumed('2025-03-20')),
    )
    expect(state.status).toBe('open')
    expect(state.originalDecisionDueOn).toBe('2025-04-28')
    expect(state.decisionDueOn).toBe('2025-05-08')
    expect(state.decisionDueIsProvisional).toBe(false)
    expect(state.suspendedSince).toBeNull()
    expect(state.respondBy).toBeNull()
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-20', days: 10, newDate: '2025-05-08' },
    ])
  })

  it('moves a term that a suspension pushes onto 5 May 2025 on to Tuesday 6 May', () => {
    const state = stateOn(
      '2025-03-18',
      history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), resumed('2025-03-17')),
    )
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-17', days: 7, newDate: '2025-05-06' },
    ])
    expect(state.decisionDueOn).toBe('2025-05-06')
  })

  it('while it runs, gives a provisional date as if the answer came today', () => {
    const state = stateOn('2025-03-14', history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24')))
    expect(state.status).toBe('suspended')
    expect(state.suspendedSince).toBe('2025-03-10')
    expect(state.respondBy).toBe('2025-03-24')
    expect(state.decisionDueOn).toBe('2025-05-02')
    expect(state.decisionDueIsProvisional).toBe(true)
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: null, days: 4, newDate: '2025-05-02' },
    ])
    expect(state.overdue).toBe(false)
  })

  it('makes the date final once the day to answer has passed without an answer', () => {
    const state = stateOn('2025-04-01', history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24')))
    expect(state.status).toBe('suspended')
    expect(state.decisionDueOn).toBe('2025-05-12')
    expect(state.decisionDueIsProvisional).toBe(false)
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-24', days: 14, newDate: '2025-05-12' },
    ])
  })

  it('adds up several suspensions one after the other', () => {
    const state = stateOn(
      '2025-04-01',
      history(
        received('2025-03-03'),
        suspended('2025-03-10', '2025-03-24'),
        resumed('2025-03-13'),
        suspended('2025-03-20', '2025-04-03'),
        resumed('2025-03-25'),
      ),
    )
    expect(state.dateMoves.map((move) => (move.kind === 'suspended' ? move.days : null))).toEqual([3, 5])
    expect(state.decisionDueOn).toBe('2025-05-06') // 28 April + 8 = Tuesday 6 May
  })

  it('ends when a decision is made during it', () => {
    const state = stateOn(
      '2025-04-01',
      history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), decided('2025-03-15', 'refused')),
    )
    expect(state.status).toBe('decided')
    expect(state.suspendedSince).toBeNull()
    // 28 April + 5 days is Saturday 3 May; Monday 5 May is a holiday, so Tuesday 6 May.
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-15', days: 5, newDate: '2025-05-06' },
    ])
  })
})

describe('extension (Awb 4:14: once, announced within the term)', () => {
  it('moves the term by the case type extension: 28 April 2025 + 6 weeks is Whit Monday 9 June, so Tuesday 10 June', () => {
    const state = stateOn('2025-04-23', history(received('2025-03-03'), extended('2025-04-22')))
    expect(state.extended).toBe(true)
    expect(state.originalDecisionDueOn).toBe('2025-04-28')
    expect(state.decisionDueOn).toBe('2025-06-10')
    expect(state.dateMoves).toEqual([
      { kind: 'extended', on: '2025-04-22', reason: 'Advies van de welstandscommissie nodig', newDate: '2025-06-10' },
    ])
  })

  it('may be announced on the last day of the term', () => {
    const events = history(received('2025-03-03'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-04-28')), cal)).toEqual({ ok: true })
  })

  it('may be announced on the working day a weekend end moved to (term ran out Saturday 26 April, announced Monday 28)', () => {
    const events = history(received('2025-03-01'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-04-28')), cal)).toEqual({ ok: true })
  })

  it('is counted from the term’s own end, not from the working day Atw art. 1 moved it to', () => {
    const tenDays: CaseTypeRules = {
      ...permit,
      leadTime: { amount: 8, unit: 'weeks' },
      extension: { amount: 10, unit: 'days' },
    }
    // Received Saturday 18 January 2025: the term ends Saturday 15 March, moved to Monday 17 March.
    const state = stateOn('2025-03-17', history(received('2025-01-18'), extended('2025-03-17')), tenDays)
    expect(state.originalDecisionDueOn).toBe('2025-03-17')
    expect(state.decisionDueOn).toBe('2025-03-25') // 15 March + 10 days, not 17 March + 10
  })

  it('is refused after the term has ended, and does not move the date when it is in the history anyway', () => {
    const events = history(received('2025-03-03'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-04-29')), cal)).toEqual({
      ok: false,
      code: 'term_passed',
    })
    const state = stateOn('2025-04-30', history(received('2025-03-03'), extended('2025-04-29')))
    expect(state.extended).toBe(false)
    expect(state.decisionDueOn).toBe('2025-04-28')
    expect(state.overdue).toBe(true)
  })

  it('judges lateness by the Amsterdam date: 00:30 on 29 April (22:30 UTC on the 28th) is too late', () => {
    const events = history(received('2025-03-03'))
    const lateEvening: CaseEvent = { ...extended('2025-04-28'), occurredAt: new Date('2025-04-28T22:30:00Z'), seq: 2 }
    expect(validateNextEvent(permit, events, lateEvening, cal)).toEqual({ ok: false, code: 'term_passed' })
  })

  it('is refused a second time, and a second one in the history is ignored', () => {
    const events = history(received('2025-03-03'), extended('2025-04-22'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-05-20')), cal)).toEqual({
      ok: false,
      code: 'already_extended',
    })
    const state = stateOn('2025-05-21', history(received('2025-03-03'), extended('2025-04-22'), extended('2025-05-20')))
    expect(state.decisionDueOn).toBe('2025-06-10')
    expect(state.dateMoves).toHaveLength(1)
  })

  it('is refused for a case type that does not allow it', () => {
    const events = history(received('2025-03-03'))
    expect(validateNextEvent(noExtensionNoSuspension, events, next(events, extended('2025-04-01')), cal)).toEqual({
      ok: false,
      code: 'extension_not_allowed',
    })
    expect(
      stateOn('2025-04-02', history(received('2025-03-03'), extended('2025-04-01')), noExtensionNoSuspension)
        .decisionDueOn,
    ).toBe('2025-04-28')
  })

  it('needs a reason, because the letter to the citizen must give one', () => {
    const events = history(received('2025-03-03'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-04-01', '  ')), cal)).toEqual({
      ok: false,
      code: 'reason_required',
      field: 'reason',
    })
  })

  it('adds up with a suspension, each move showing the date it led to', () => {
    const state = stateOn(
      '2025-05-02',
      history(
        received('2025-03-03'),
        suspended('2025-03-10', '2025-03-24'),
        resumed('2025-03-20'),
        extended('2025-05-01'),
      ),
    )
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-20', days: 10, newDate: '2025-05-08' },
      { kind: 'extended', on: '2025-05-01', reason: 'Advies van de welstandscommissie nodig', newDate: '2025-06-19' },
    ])
    expect(state.decisionDueOn).toBe('2025-06-19')
  })

  it('may be announced during a suspension, the term not having run out while the clock stood still', () => {
    const events = history(received('2025-03-03'), suspended('2025-04-25', '2025-05-20'))
    expect(validateNextEvent(permit, events, next(events, extended('2025-05-02')), cal)).toEqual({ ok: true })
  })
})

describe('decision and closing', () => {
  const decidedCase = history(received('2025-03-03'), stepReached('2025-03-05', 'assessment'), decided('2025-04-10'))

  it('records the decision and moves the case to the final step', () => {
    const state = stateOn('2025-05-15', decidedCase)
    expect(state.status).toBe('decided')
    expect(state.decidedOn).toBe('2025-04-10')
    expect(state.outcome).toBe('granted')
    expect(state.currentStep).toBe('decision')
    expect(state.decidedInTime).toBe(true)
  })

  it('is no longer overdue or counting down once decided, even after the due date', () => {
    const state = stateOn('2025-05-15', decidedCase)
    expect(state.overdue).toBe(false)
    expect(state.daysLeft).toBeNull()
  })

  it('marks a decision after the due date as not in time', () => {
    const state = stateOn('2025-05-15', history(received('2025-03-03'), decided('2025-04-29')))
    expect(state.decidedInTime).toBe(false)
  })

  it('closes a decided case', () => {
    const state = stateOn('2025-05-15', [...decidedCase, { ...closed('2025-04-15'), seq: 4 }])
    expect(state.status).toBe('closed')
    expect(state.closedOn).toBe('2025-04-15')
    expect(state.decidedOn).toBe('2025-04-10')
  })

  it('keeps the current step when the case type has no final step', () => {
    const noFinal: CaseTypeRules = { ...permit, steps: permit.steps.map((step) => ({ ...step, final: false })) }
    expect(stateOn('2025-05-15', decidedCase, noFinal).currentStep).toBe('assessment')
  })
})

describe('overdue and days left', () => {
  const events = history(received('2025-03-03'))

  it('counts the calendar days left until the decision date', () => {
    expect(stateOn('2025-03-10', events).daysLeft).toBe(49)
  })

  it('is not overdue on the due date itself (0 days left)', () => {
    const state = stateOn('2025-04-28', events)
    expect(state.overdue).toBe(false)
    expect(state.daysLeft).toBe(0)
  })

  it('is overdue the day after, with negative days left', () => {
    const state = stateOn('2025-04-29', events)
    expect(state.overdue).toBe(true)
    expect(state.daysLeft).toBe(-1)
  })

  it('is not overdue while a suspension runs, however late the original date', () => {
    const state = stateOn('2025-05-05', history(received('2025-03-03'), suspended('2025-04-25', '2025-05-20')))
    expect(state.overdue).toBe(false)
    expect(state.daysLeft).toBeGreaterThanOrEqual(0)
  })

  it('is overdue again once the day to answer passed unanswered and the moved date passed too', () => {
    // Received 6 January 2025, due 3 March; suspended 24 February with a week to answer: +7 days, due 10 March.
    const state = stateOn('2025-03-20', history(received('2025-01-06'), suspended('2025-02-24', '2025-03-03')))
    expect(state.status).toBe('suspended')
    expect(state.decisionDueOn).toBe('2025-03-10')
    expect(state.overdue).toBe(true)
    expect(state.daysLeft).toBe(-10)
  })
})

describe('steps and the timeline', () => {
  it('starts at the first step, reached on the day of receipt', () => {
    const state = stateOn('2025-03-04', history(received('2025-03-03')))
    expect(state.currentStep).toBe('received')
    expect(state.stepHistory).toEqual([
      { code: 'received', final: false, reachedOn: '2025-03-03', state: 'current' },
      { code: 'assessment', final: false, reachedOn: null, state: 'upcoming' },
      { code: 'advice', final: false, reachedOn: null, state: 'upcoming' },
      { code: 'decision', final: true, reachedOn: null, state: 'upcoming' },
    ])
  })

  it('marks earlier steps done, a skipped one without a date', () => {
    const state = stateOn('2025-03-21', history(received('2025-03-03'), stepReached('2025-03-20', 'advice')))
    expect(state.currentStep).toBe('advice')
    expect(state.stepHistory.map((step) => [step.code, step.state, step.reachedOn])).toEqual([
      ['received', 'done', '2025-03-03'],
      ['assessment', 'done', null],
      ['advice', 'current', '2025-03-20'],
      ['decision', 'upcoming', null],
    ])
  })

  it('shows every step done once decided, the final one on the day of the decision', () => {
    const state = stateOn(
      '2025-04-11',
      history(received('2025-03-03'), stepReached('2025-03-05', 'assessment'), decided('2025-04-10')),
    )
    expect(state.stepHistory.map((step) => [step.code, step.state, step.reachedOn])).toEqual([
      ['received', 'done', '2025-03-03'],
      ['assessment', 'done', '2025-03-05'],
      ['advice', 'done', null],
      ['decision', 'done', '2025-04-10'],
    ])
  })

  it('has no current step for a case type without steps', () => {
    const state = stateOn('2025-03-04', history(received('2025-03-03')), { ...permit, steps: [] })
    expect(state.currentStep).toBeNull()
    expect(state.stepHistory).toEqual([])
  })
})

describe('deriveCaseState and the event log', () => {
  it('replays events in sequence order, whatever order they are passed in', () => {
    const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), resumed('2025-03-20'))
    expect(stateOn('2025-03-21', [...events].reverse())).toEqual(stateOn('2025-03-21', events))
  })

  it('refuses a history that does not start with the receipt', () => {
    expect(() => stateOn('2025-03-21', [])).toThrow()
    expect(() => stateOn('2025-03-21', history(stepReached('2025-03-05', 'assessment')))).toThrow()
  })

  it('does not change the events it is given', () => {
    const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), resumed('2025-03-20'))
    const copy = structuredClone(events)
    stateOn('2025-03-21', events)
    expect(events).toEqual(copy)
  })
})

describe('validateNextEvent', () => {
  const open = history(received('2025-03-03'))

  it('accepts a receipt as the first event and nothing else', () => {
    expect(validateNextEvent(permit, [], { ...received('2025-03-03'), seq: 1 }, cal)).toEqual({ ok: true })
    expect(validateNextEvent(permit, [], { ...decided('2025-03-03'), seq: 1 }, cal)).toEqual({
      ok: false,
      code: 'not_received',
    })
  })

  it('refuses a receipt date that is no date or lies after the moment it was recorded', () => {
    const noDate = { ...received('2025-03-03', 'post', '2025-02-30'), seq: 1 }
    expect(validateNextEvent(permit, [], noDate, cal)).toEqual({ ok: false, code: 'invalid_date', field: 'receivedOn' })
    const future = { ...received('2025-03-03', 'post', '2025-03-04'), seq: 1 }
    expect(validateNextEvent(permit, [], future, cal)).toEqual({
      ok: false,
      code: 'received_in_future',
      field: 'receivedOn',
    })
  })

  it('accepts a receipt dated earlier than the day it is recorded (a letter registered later)', () => {
    const late = { ...received('2025-03-05', 'post', '2025-03-03'), seq: 1 }
    expect(validateNextEvent(permit, [], late, cal)).toEqual({ ok: true })
  })

  it('refuses a second receipt', () => {
    expect(validateNextEvent(permit, open, next(open, received('2025-03-04')), cal)).toEqual({
      ok: false,
      code: 'already_received',
    })
  })

  it('refuses anything after the case was closed', () => {
    const done = history(received('2025-03-03'), decided('2025-04-01'), closed('2025-04-02'))
    for (const event of [
      stepReached('2025-04-03', 'advice'),
      resumed('2025-04-03'),
      decided('2025-04-03'),
      closed('2025-04-03'),
      received('2025-04-03'),
    ]) {
      expect(validateNextEvent(permit, done, next(done, event), cal)).toEqual({ ok: false, code: 'case_closed' })
    }
  })

  it('refuses an event that happened before the last one, or does not follow it in sequence', () => {
    const events = history(received('2025-03-03'), stepReached('2025-03-10', 'assessment'))
    expect(validateNextEvent(permit, events, next(events, stepReached('2025-03-09', 'advice')), cal)).toEqual({
      ok: false,
      code: 'out_of_order',
    })
    expect(validateNextEvent(permit, events, { ...stepReached('2025-03-11', 'advice'), seq: 2 }, cal)).toEqual({
      ok: false,
      code: 'out_of_order',
    })
  })

  it('accepts an event at the same moment as the last one', () => {
    const events = history(received('2025-03-03'))
    expect(validateNextEvent(permit, events, next(events, stepReached('2025-03-03', 'assessment')), cal)).toEqual({
      ok: true,
    })
  })

  describe('steps', () => {
    it('accepts a later step, also when it skips one', () => {
      expect(validateNextEvent(permit, open, next(open, stepReached('2025-03-05', 'advice')), cal)).toEqual({
        ok: true,
      })
    })

    it('refuses a step the case type does not have', () => {
      expect(validateNextEvent(permit, open, next(open, stepReached('2025-03-05', 'inspection')), cal)).toEqual({
        ok: false,
        code: 'unknown_step',
        field: 'step',
      })
    })

    it('refuses going back to an earlier step, and reaching the current step again', () => {
      const events = history(received('2025-03-03'), stepReached('2025-03-05', 'advice'))
      expect(validateNextEvent(permit, events, next(events, stepReached('2025-03-06', 'assessment')), cal)).toEqual({
        ok: false,
        code: 'step_backwards',
        field: 'step',
      })
      expect(validateNextEvent(permit, events, next(events, stepReached('2025-03-06', 'advice')), cal)).toEqual({
        ok: false,
        code: 'already_at_step',
        field: 'step',
      })
    })
  })

  describe('suspension and resumption', () => {
    it('accepts a suspension with a day to answer after the request', () => {
      expect(validateNextEvent(permit, open, next(open, suspended('2025-03-10', '2025-03-24')), cal)).toEqual({
        ok: true,
      })
    })

    it('refuses a suspension for a case type that does not allow it', () => {
      expect(
        validateNextEvent(noExtensionNoSuspension, open, next(open, suspended('2025-03-10', '2025-03-24')), cal),
      ).toEqual({
        ok: false,
        code: 'suspension_not_allowed',
      })
    })

    it('refuses a suspension while one runs', () => {
      const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'))
      expect(validateNextEvent(permit, events, next(events, suspended('2025-03-11', '2025-03-25')), cal)).toEqual({
        ok: false,
        code: 'already_suspended',
      })
    })

    it('still knows a suspension runs when an extension was recorded during it: resume allowed, a second suspension refused', () => {
      const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), extended('2025-03-12'))
      expect(validateNextEvent(permit, events, next(events, resumed('2025-03-14')), cal)).toEqual({ ok: true })
      expect(validateNextEvent(permit, events, next(events, suspended('2025-03-14', '2025-03-28')), cal)).toEqual({
        ok: false,
        code: 'already_suspended',
      })
      expect(stateOn('2025-03-13', events).status).toBe('suspended')
    })

    it('refuses a day to answer that is not after the request (Awb 4:15 needs a term to answer in)', () => {
      for (const respondBy of ['2025-03-10', '2025-03-09', '2025-02-30']) {
        expect(validateNextEvent(permit, open, next(open, suspended('2025-03-10', respondBy)), cal)).toEqual({
          ok: false,
          code: 'invalid_respond_by',
          field: 'respondBy',
        })
      }
    })

    it('refuses a suspension after the term has run out', () => {
      expect(validateNextEvent(permit, open, next(open, suspended('2025-04-29', '2025-05-13')), cal)).toEqual({
        ok: false,
        code: 'term_passed',
      })
    })

    it('refuses a suspension after the decision', () => {
      const events = history(received('2025-03-03'), decided('2025-03-20'))
      expect(validateNextEvent(permit, events, next(events, suspended('2025-03-21', '2025-04-04')), cal)).toEqual({
        ok: false,
        code: 'already_decided',
      })
    })

    it('refuses to resume a case that is not suspended', () => {
      expect(validateNextEvent(permit, open, next(open, resumed('2025-03-10')), cal)).toEqual({
        ok: false,
        code: 'not_suspended',
      })
      const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'))
      expect(validateNextEvent(permit, events, next(events, resumed('2025-03-12')), cal)).toEqual({ ok: true })
    })

    it('accepts a late answer after the day to answer has passed', () => {
      const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'))
      expect(validateNextEvent(permit, events, next(events, resumed('2025-04-01')), cal)).toEqual({ ok: true })
    })
  })

  describe('decision and closing', () => {
    it('accepts a decision, also while suspended', () => {
      expect(validateNextEvent(permit, open, next(open, decided('2025-03-20')), cal)).toEqual({ ok: true })
      const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'))
      expect(validateNextEvent(permit, events, next(events, decided('2025-03-20', 'refused')), cal)).toEqual({
        ok: true,
      })
    })

    it('refuses a decision without its reasons (Awb 3:46), naming the field', () => {
      for (const outcome of ['granted', 'partly_granted', 'refused'] as const) {
        for (const reasons of [undefined, '', '   ']) {
          const event = decided('2025-03-20', outcome, { reasons, citizenOptions: 'Vraag opnieuw aan' })
          expect(validateNextEvent(permit, open, next(open, event), cal)).toEqual({
            ok: false,
            code: 'reasons_required',
            field: 'reasons',
          })
        }
      }
    })

    it('refuses a refusal or partial grant that does not say what the citizen can do now', () => {
      for (const outcome of ['partly_granted', 'refused'] as const) {
        const event = decided('2025-03-20', outcome, { reasons: 'Te hoog', citizenOptions: ' ' })
        expect(validateNextEvent(permit, open, next(open, event), cal)).toEqual({
          ok: false,
          code: 'citizen_options_required',
          field: 'citizenOptions',
        })
      }
      // A grant gives what was asked: there is nothing more to do.
      const grant = decided('2025-03-20', 'granted', { reasons: 'Past in het plan' })
      expect(validateNextEvent(permit, open, next(open, grant), cal)).toEqual({ ok: true })
    })

    it('takes a withdrawal without reasons: the applicant ended it, nothing was decided (Awb 1:3)', () => {
      const withdrawal = decided('2025-03-20', 'withdrawn', {})
      expect(validateNextEvent(permit, open, next(open, withdrawal), cal)).toEqual({ ok: true })
    })

    it('names every missing part at once, for a form', () => {
      expect(decisionContentErrors({ outcome: 'refused' })).toEqual([
        { code: 'reasons_required', field: 'reasons' },
        { code: 'citizen_options_required', field: 'citizenOptions' },
      ])
      expect(decisionContentErrors({ outcome: 'withdrawn' })).toEqual([])
    })

    it('still counts a decision recorded before reasons were asked for', () => {
      const old = decided('2025-03-20', 'refused', {})
      const state = stateOn('2025-04-01', history(received('2025-03-03'), old))
      expect([state.status, state.outcome, state.decidedOn]).toEqual(['decided', 'refused', '2025-03-20'])
    })

    it('refuses a second decision, and an extension after the decision', () => {
      const events = history(received('2025-03-03'), decided('2025-03-20'))
      expect(validateNextEvent(permit, events, next(events, decided('2025-03-21')), cal)).toEqual({
        ok: false,
        code: 'already_decided',
      })
      expect(validateNextEvent(permit, events, next(events, extended('2025-03-21')), cal)).toEqual({
        ok: false,
        code: 'already_decided',
      })
    })

    it('refuses to close a case without a decision (a withdrawal is recorded as a decision)', () => {
      expect(validateNextEvent(permit, open, next(open, closed('2025-03-20')), cal)).toEqual({
        ok: false,
        code: 'not_decided',
      })
      const withdrawn = history(received('2025-03-03'), decided('2025-03-20', 'withdrawn'))
      expect(validateNextEvent(permit, withdrawn, next(withdrawn, closed('2025-03-20')), cal)).toEqual({ ok: true })
    })
  })
})
