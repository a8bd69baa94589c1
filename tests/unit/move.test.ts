import { describe, expect, it } from 'vitest'
import {
  ageOn,
  checkMoveDate,
  coMoverEligibility,
  moveDateWindow,
  parseMoveDate,
  selectCoMovers,
  type HouseholdMember,
} from '~/domain/move'
import { addDays, todayIn } from '~/domain/local-date'

const today = '2026-11-28'

describe('the move date window (Wet BRP art. 2.39)', () => {
  it('runs from 5 days back to 28 days (4 weeks) ahead', () => {
    expect(moveDateWindow(today)).toEqual({ earliest: '2026-11-23', latest: '2026-12-26' })
  })

  it('allows exactly 28 days ahead and refuses 29', () => {
    expect(checkMoveDate(addDays(today, 28), today)).toEqual({ ok: true })
    expect(checkMoveDate(addDays(today, 29), today)).toEqual({ ok: false, error: 'too_late' })
  })

  it('allows exactly 5 days back and refuses 6', () => {
    expect(checkMoveDate(addDays(today, -5), today)).toEqual({ ok: true })
    expect(checkMoveDate(addDays(today, -6), today)).toEqual({ ok: false, error: 'too_early' })
  })

  it('allows today', () => {
    expect(checkMoveDate(today, today)).toEqual({ ok: true })
  })

  it('counts across a year end and a leap day', () => {
    expect(moveDateWindow('2027-12-20').latest).toBe('2028-01-17')
    expect(moveDateWindow('2028-03-03').earliest).toBe('2028-02-27')
    expect(checkMoveDate('2028-02-29', '2028-02-01')).toEqual({ ok: true })
  })

  it('takes "today" in Europe/Amsterdam: 23:30 UTC on 28 November is already 29 November there', () => {
    const amsterdamToday = todayIn(new Date('2026-11-28T23:30:00Z'))
    expect(amsterdamToday).toBe('2026-11-29')
    expect(checkMoveDate('2026-12-27', amsterdamToday)).toEqual({ ok: true })
    expect(checkMoveDate('2026-11-23', amsterdamToday)).toEqual({ ok: false, error: 'too_early' })
  })
})

describe('reading the move date from day, month and year', () => {
  it('accepts one or two digits for day and month', () => {
    expect(parseMoveDate({ day: '1', month: '12', year: '2026' }, today)).toEqual({ ok: true, date: '2026-12-01' })
    expect(parseMoveDate({ day: ' 05 ', month: '12', year: '2026' }, today)).toEqual({ ok: true, date: '2026-12-05' })
  })

  it('says "required" when nothing is filled in', () => {
    expect(parseMoveDate({ day: '', month: '', year: '' }, today)).toMatchObject({ ok: false, error: 'required' })
  })

  it.each([
    [{ day: '31', month: '11', year: '2026' }],
    [{ day: '1', month: '13', year: '2026' }],
    [{ day: 'een', month: '12', year: '2026' }],
    [{ day: '1', month: '12', year: '26' }],
    [{ day: '', month: '12', year: '2026' }],
  ])('says "invalid" for a date that does not exist or is incomplete: %j', (input) => {
    expect(parseMoveDate(input, today)).toMatchObject({ ok: false, error: 'invalid' })
  })

  it('returns the window with an out-of-window date, for the message', () => {
    expect(parseMoveDate({ day: '27', month: '12', year: '2026' }, today)).toEqual({
      ok: false,
      error: 'too_late',
      window: { earliest: '2026-11-23', latest: '2026-12-26' },
    })
    expect(parseMoveDate({ day: '22', month: '11', year: '2026' }, today)).toMatchObject({
      ok: false,
      error: 'too_early',
    })
  })
})

describe('age', () => {
  it('turns a year older on the birthday, not the day before', () => {
    expect(ageOn('2010-11-28', '2026-11-27')).toBe(15)
    expect(ageOn('2010-11-28', '2026-11-28')).toBe(16)
  })
  it('treats a 29 February birthday as passed on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15)
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16)
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17)
  })
})

describe('who may move along (Wet BRP art. 2.48–2.49)', () => {
  const home = 'A1'
  const member = (over: Partial<HouseholdMember>): HouseholdMember => ({
    relation: 'child',
    birthDate: '2016-08-19',
    addressId: home,
    ...over,
  })

  it('allows a spouse or registered partner at the same address', () => {
    expect(coMoverEligibility(home, member({ relation: 'partner', birthDate: '1986-05-30' }), today)).toEqual({
      eligible: true,
    })
  })

  it('allows a child under 16 at the same address, up to the day before the 16th birthday', () => {
    expect(coMoverEligibility(home, member({ birthDate: '2016-08-19' }), today)).toEqual({ eligible: true })
    expect(coMoverEligibility(home, member({ birthDate: '2010-11-29' }), today)).toEqual({ eligible: true })
  })

  it('refuses a child of 16 or 17: they report their own move (art. 2.49)', () => {
    expect(coMoverEligibility(home, member({ birthDate: '2010-11-28' }), today)).toEqual({
      eligible: false,
      reason: 'child_16_or_17',
    })
    expect(coMoverEligibility(home, member({ birthDate: '2008-11-29' }), today)).toEqual({
      eligible: false,
      reason: 'child_16_or_17',
    })
  })

  it('allows an adult child who lives at the same address, from the 18th birthday', () => {
    expect(coMoverEligibility(home, member({ birthDate: '2008-11-28' }), today)).toEqual({ eligible: true })
    expect(coMoverEligibility(home, member({ birthDate: '2004-09-15' }), today)).toEqual({ eligible: true })
  })

  it('refuses anyone, partner or child, who lives at another address', () => {
    for (const relation of ['partner', 'child'] as const) {
      expect(coMoverEligibility(home, member({ relation, addressId: 'B2' }), today)).toEqual({
        eligible: false,
        reason: 'not_at_same_address',
      })
      expect(coMoverEligibility(home, member({ relation, addressId: null }), today)).toEqual({
        eligible: false,
        reason: 'not_at_same_address',
      })
    }
    expect(coMoverEligibility(null, member({ addressId: null }), today)).toEqual({
      eligible: false,
      reason: 'not_at_same_address',
    })
  })

  it('refuses a parent, even at the same address: parents report for themselves', () => {
    expect(coMoverEligibility(home, member({ relation: 'parent', birthDate: '1970-02-21' }), today)).toEqual({
      eligible: false,
      reason: 'parent_reports_own_move',
    })
  })

  it('checks a selection by position and names every member refused', () => {
    const household = [
      member({ relation: 'partner', birthDate: '1986-05-30' }),
      member({ birthDate: '2016-08-19' }),
      member({ birthDate: '2009-01-01' }),
      member({ relation: 'parent' }),
    ]
    expect(selectCoMovers(home, household, [1, 0, 1], today)).toEqual({
      ok: true,
      members: [household[0], household[1]],
    })
    expect(selectCoMovers(home, household, [], today)).toEqual({ ok: true, members: [] })
    expect(selectCoMovers(home, household, [0, 2, 3, 9], today)).toEqual({
      ok: false,
      refused: [
        { index: 2, reason: 'child_16_or_17' },
        { index: 3, reason: 'parent_reports_own_move' },
        { index: 9, reason: 'unknown' },
      ],
    })
  })
})
