import { DEFAULT_LEAD_TIME, type CaseEvent, type CaseTypeRules } from '~/domain/case-terms'
import { deriveCaseState, validateNextEvent } from '~/domain/case-history'
import { eventDataSchemas, eventPayload } from '~/domain/case-events'
import type { LocalDate } from '~/domain/local-date'
import { createHolidayCalendar } from '~/domain/working-days'

/**
 * The answer to a request for information (Awb 4:15(1)(a)): the suspension runs "tot de dag
 * waarop de aanvraag is aangevuld", so the event `information_received` ends it on the day the
 * answer came in and the latest decision date is fixed at once (Atw art. 1 applied to the end).
 */
const cal = createHolidayCalendar()
const permit: CaseTypeRules = {
  code: 'omgevingsvergunning',
  leadTime: DEFAULT_LEAD_TIME,
  extension: { amount: 6, unit: 'weeks' },
  suspensionAllowed: true,
  steps: [
    { code: 'received', final: false },
    { code: 'assessment', final: false },
    { code: 'decision', final: true },
  ],
}

const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`)
const received = (on: LocalDate): CaseEvent => ({
  seq: 0,
  type: 'received',
  occurredAt: noon(on),
  payload: { receivedOn: on, channel: 'internet' },
})
const suspended = (on: LocalDate, respondBy: LocalDate): CaseEvent => ({
  seq: 0,
  type: 'suspended',
  occurredAt: noon(on),
  payload: { information: 'Een bouwtekening met maten', respondBy },
})
const answered = (on: LocalDate | Date): CaseEvent => ({
  seq: 0,
  type: 'information_received',
  occurredAt: typeof on === 'string' ? noon(on) : on,
  payload: { channel: 'internet', answer: 'Hierbij de tekening.' },
})
const stepReached = (on: LocalDate, step: string): CaseEvent => ({
  seq: 0,
  type: 'step_reached',
  occurredAt: noon(on),
  payload: { step },
})
const resumed = (on: LocalDate): CaseEvent => ({ seq: 0, type: 'resumed', occurredAt: noon(on), payload: {} })
const decided = (on: LocalDate): CaseEvent => ({
  seq: 0,
  type: 'decided',
  occurredAt: noon(on),
  payload: { outcome: 'granted', reasons: 'Het plan past' },
})
const closed = (on: LocalDate): CaseEvent => ({ seq: 0, type: 'closed', occurredAt: noon(on), payload: {} })

const history = (...events: CaseEvent[]) => events.map((event, index) => ({ ...event, seq: index + 1 }))
const validate = (events: CaseEvent[], event: CaseEvent) =>
  validateNextEvent(permit, events, { ...event, seq: events.length + 1 }, cal)
const stateOn = (today: LocalDate, events: CaseEvent[]) => deriveCaseState(permit, events, today, cal)

// Received Monday 3 March 2025: due Monday 28 April 2025 (Awb 4:13(2)).
const asked = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'))

describe('an answer ends the suspension on the day it came in (Awb 4:15(1)(a))', () => {
  it('answered the day after the request: one day, 28 April 2025 becomes Tuesday 29 April', () => {
    expect(validate(asked, answered('2025-03-11'))).toEqual({ ok: true })
    const state = stateOn('2025-03-11', history(...asked, answered('2025-03-11')))
    expect(state.status).toBe('open')
    expect(state.decisionDueOn).toBe('2025-04-29')
    expect(state.decisionDueIsProvisional).toBe(false)
    expect(state.suspendedSince).toBeNull()
    expect(state.respondBy).toBeNull()
    expect(state.informationReceivedOn).toBe('2025-03-11')
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-11', days: 1, newDate: '2025-04-29' },
    ])
  })

  it('fixes the date: days later it still stands, where a running suspension would have moved it on', () => {
    const events = history(...asked, answered('2025-03-11'))
    expect(stateOn('2025-03-20', events).decisionDueOn).toBe('2025-04-29')
    // Without the answer the provisional date moves with today.
    expect(stateOn('2025-03-20', asked).decisionDueOn).toBe('2025-05-08')
  })

  it('counts the weekend: asked Friday 14 March, answered Monday 17 March moves 3 days, to Thursday 1 May', () => {
    const events = history(received('2025-03-03'), suspended('2025-03-14', '2025-03-28'), answered('2025-03-17'))
    expect(stateOn('2025-03-17', events).decisionDueOn).toBe('2025-05-01')
  })

  it("moves an end on King's Day (Monday 27 April 2026) to Tuesday 28 April", () => {
    // Received Monday 23 February 2026: due Monday 20 April; 7 days suspended gives 27 April.
    const events = history(received('2026-02-23'), suspended('2026-03-02', '2026-03-16'), answered('2026-03-09'))
    const state = stateOn('2026-03-09', events)
    expect(state.dateMoves[0]).toMatchObject({ days: 7 })
    expect(state.decisionDueOn).toBe('2026-04-28')
  })

  it('moves an end on Christmas Day 2026 (Friday) past Boxing Day and the weekend to Monday 28 December', () => {
    // Received Monday 26 October 2026: due Monday 21 December; 4 days suspended gives 25 December.
    const events = history(received('2026-10-26'), suspended('2026-11-02', '2026-11-16'), answered('2026-11-06'))
    const state = stateOn('2026-11-06', events)
    expect(state.dateMoves[0]).toMatchObject({ days: 4 })
    expect(state.decisionDueOn).toBe('2026-12-28')
  })

  it('moves nothing when the answer comes on the day of the request', () => {
    const events = history(received('2025-03-03'), suspended('2025-03-10', '2025-03-24'), answered('2025-03-10'))
    expect(stateOn('2025-03-10', events).decisionDueOn).toBe('2025-04-28')
  })

  it('counts an answer after the day to answer only up to that day: the clock ran again from 24 March', () => {
    const late = answered('2025-03-28')
    expect(validate(asked, late)).toEqual({ ok: true })
    const state = stateOn('2025-03-28', history(...asked, late))
    // 14 days (10 → 24 March), not 18: 28 April + 14 = Monday 12 May, as without any answer.
    expect(state.dateMoves).toEqual([
      { kind: 'suspended', from: '2025-03-10', to: '2025-03-24', days: 14, newDate: '2025-05-12' },
    ])
    expect(state.decisionDueOn).toBe(stateOn('2025-03-28', asked).decisionDueOn)
    expect(state.informationReceivedOn).toBe('2025-03-28')
  })

  it('takes the date in Amsterdam: 23:30 UTC on 10 March is 11 March there', () => {
    const events = history(...asked, answered(new Date('2025-03-10T23:30:00Z')))
    expect(stateOn('2025-03-11', events).decisionDueOn).toBe('2025-04-29')
  })
})

describe('what may follow, and what may not', () => {
  it('refuses an answer to a case that is not waiting for information', () => {
    expect(validate(history(received('2025-03-03')), answered('2025-03-11'))).toEqual({
      ok: false,
      code: 'not_suspended',
    })
  })

  it('refuses a second answer to the same request', () => {
    const once = history(...asked, answered('2025-03-11'))
    expect(validate(once, answered('2025-03-12'))).toEqual({ ok: false, code: 'not_suspended' })
  })

  it('refuses an answer after the decision, and after closing', () => {
    const decidedCase = history(...asked, decided('2025-03-12'))
    expect(validate(decidedCase, answered('2025-03-13'))).toEqual({ ok: false, code: 'not_suspended' })
    const closedCase = history(...decidedCase, closed('2025-03-13'))
    expect(validate(closedCase, answered('2025-03-14'))).toEqual({ ok: false, code: 'case_closed' })
  })

  it('lets the caseworker ask again after an answer, and the second wait adds up with the first', () => {
    const once = history(...asked, answered('2025-03-11'))
    const again = suspended('2025-03-17', '2025-03-31')
    expect(validate(once, again)).toEqual({ ok: true })
    const twice = history(...once, again, answered('2025-03-20'))
    const state = stateOn('2025-03-20', twice)
    expect(state.dateMoves.map((m) => (m.kind === 'suspended' ? m.days : null))).toEqual([1, 3])
    expect(state.decisionDueOn).toBe('2025-05-02') // 28 April + 4 days, a Friday
    expect(state.informationReceivedOn).toBe('2025-03-20')
  })

  it('keeps the case as "information received" until the caseworker records the next event', () => {
    const once = history(...asked, answered('2025-03-11'))
    expect(stateOn('2025-03-14', once).informationReceivedOn).toBe('2025-03-11')
    expect(stateOn('2025-03-14', history(...once, stepReached('2025-03-13', 'assessment'))).informationReceivedOn).toBe(
      null,
    )
    expect(stateOn('2025-03-14', history(...once, decided('2025-03-13'))).informationReceivedOn).toBeNull()
  })

  it('allows "resume" after an answer as going on with the case, moving no date', () => {
    const once = history(...asked, answered('2025-03-11'))
    expect(validate(once, resumed('2025-03-13'))).toEqual({ ok: true })
    const state = stateOn('2025-03-14', history(...once, resumed('2025-03-13')))
    expect(state.informationReceivedOn).toBeNull()
    expect(state.decisionDueOn).toBe('2025-04-29')
    // Without a request or an answer there is nothing to resume.
    expect(validate(history(received('2025-03-03')), resumed('2025-03-13'))).toEqual({
      ok: false,
      code: 'not_suspended',
    })
  })
})

describe('the event as an adapter sends it', () => {
  const schemas = eventDataSchemas({ invalidDate: 'invalid date' })

  it('takes a channel and an optional note from a back office', () => {
    expect(schemas.information_received.parse({ channel: 'post', note: 'Brief met huisartsverklaring' })).toEqual({
      channel: 'post',
      note: 'Brief met huisartsverklaring',
    })
    expect(schemas.information_received.safeParse({ note: 'zonder kanaal' }).success).toBe(false)
    expect(schemas.information_received.safeParse({ channel: 'pigeon' }).success).toBe(false)
  })

  it('stores trimmed texts and leaves out what is empty', () => {
    expect(
      eventPayload({ type: 'information_received', channel: 'internet', answer: '  Zie bijlage  ', documentIds: [] }),
    ).toEqual({ channel: 'internet', answer: 'Zie bijlage' })
    expect(eventPayload({ type: 'information_received', channel: 'counter', note: ' ', documentIds: ['d1'] })).toEqual({
      channel: 'counter',
      documentIds: ['d1'],
    })
  })
})
