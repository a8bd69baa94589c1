import {
  appealTerm,
  isLateObjection,
  objectability,
  objectionDecisionTermFrom,
  objectionTerm,
} from '~/domain/objection'
import { createHolidayCalendar } from '~/domain/working-days'

const calendar = createHolidayCalendar()

describe('the term to object (Awb 6:7, 6:8, Algemene termijnenwet art. 1)', () => {
  it('runs from the day after a decision sent on Friday 10 April 2026 up to and including Friday 22 May', () => {
    expect(objectionTerm('2026-04-10', calendar)).toEqual({ startsOn: '2026-04-11', endsOn: '2026-05-22' })
  })

  it('moves an end on Saturday 6 June 2026 to Monday 8 June', () => {
    // Sent on a Saturday (a letter dated on the day it was decided): six weeks on is a Saturday too.
    expect(objectionTerm('2026-04-25', calendar).endsOn).toBe('2026-06-08')
  })

  it("moves an end on King's Day 2026 (Monday 27 April) to Tuesday 28 April", () => {
    expect(objectionTerm('2026-03-16', calendar)).toEqual({ startsOn: '2026-03-17', endsOn: '2026-04-28' })
  })

  it("moves an end on King's Day 2025 (Saturday 26 April, as 27 April was a Sunday) to Monday 28 April", () => {
    expect(objectionTerm('2025-03-15', calendar).endsOn).toBe('2025-04-28')
  })

  it('moves an end on Christmas Day 2026 (Friday) past Boxing Day and the weekend to Monday 28 December', () => {
    expect(objectionTerm('2026-11-13', calendar).endsOn).toBe('2026-12-28')
  })

  it('moves an end on Christmas Day 2025 (Thursday) past Boxing Day and the weekend to Monday 29 December', () => {
    expect(objectionTerm('2025-11-13', calendar).endsOn).toBe('2025-12-29')
  })

  it('respects a day equated to a holiday by decree (Atw art. 3(3)): Friday 22 May 2026 decreed, then the weekend and Whit Monday', () => {
    const decree = createHolidayCalendar({ extraDays: ['2026-05-22'] })
    expect(objectionTerm('2026-04-10', decree).endsOn).toBe('2026-05-26')
  })

  it('gives the appeal against a decision on an objection the same six weeks (Awb 8:1, 6:7)', () => {
    expect(appealTerm('2026-04-10', calendar)).toEqual(objectionTerm('2026-04-10', calendar))
  })
})

describe('a late objection (Awb 6:9, 6:11)', () => {
  const term = objectionTerm('2026-04-10', calendar) // ends Friday 22 May 2026

  it('is in time on the last day of the term and late the day after', () => {
    expect(isLateObjection(term, '2026-05-22')).toBe(false)
    expect(isLateObjection(term, '2026-05-23')).toBe(true)
    expect(isLateObjection(term, '2026-04-11')).toBe(false)
  })
})

describe('the decision term of an objection counts from the end of the term to object (Awb 7:10(1))', () => {
  const term = objectionTerm('2026-04-10', calendar)

  it('counts from the end of the term for an objection made early in it', () => {
    expect(objectionDecisionTermFrom(term, '2026-04-14')).toBe('2026-05-22')
  })

  it('counts from receipt for a late objection, which cannot be decided before it arrived', () => {
    expect(objectionDecisionTermFrom(term, '2026-06-15')).toBe('2026-06-15')
  })
})

describe('what can be objected to', () => {
  it('is a decision on an application, whatever its outcome', () => {
    for (const outcome of ['granted', 'partly_granted', 'refused'] as const) {
      expect(objectability('parkeervergunning', outcome)).toEqual({ ok: true })
    }
  })

  it('is not a case without a decision, nor a withdrawal, which decides nothing (Awb 1:3)', () => {
    expect(objectability('parkeervergunning', null)).toEqual({ ok: false, reason: 'not_decided' })
    expect(objectability('parkeervergunning', 'withdrawn')).toEqual({ ok: false, reason: 'withdrawn' })
  })

  it('is not the decision on an objection: that goes to the court (Awb 7:1, 8:1)', () => {
    expect(objectability('bezwaar', 'refused')).toEqual({ ok: false, reason: 'objection_decision' })
  })
})
