import { describe, expect, it } from 'vitest'
import {
  ageOn,
  blocksAnotherMove,
  canStartAddressInvestigation,
  canWithdrawMove,
  checkMoveDate,
  coMoverEligibility,
  coMoverGetsOwnLetter,
  moveDateWindow,
  moveState,
  moveTakesEffectNow,
  parseMoveDate,
  residentSignals,
  selectCoMovers,
  type HouseholdMember,
  type MoveState,
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

describe('an approved move takes effect on its date (Wet BRP art. 2.39), today being Amsterdam’s', () => {
  const effectiveAt = (moveDate: string, instant: string) => moveTakesEffectNow(moveDate, todayIn(new Date(instant)))

  it('waits for a future date and takes effect on the date itself and after it', () => {
    expect(moveTakesEffectNow('2026-12-15', '2026-11-30')).toBe(false)
    expect(moveTakesEffectNow('2026-12-15', '2026-12-14')).toBe(false)
    expect(moveTakesEffectNow('2026-12-15', '2026-12-15')).toBe(true)
    expect(moveTakesEffectNow('2026-12-15', '2026-12-16')).toBe(true)
  })

  it('takes effect at once for a move date in the past (reported up to 5 days late)', () => {
    expect(moveTakesEffectNow('2026-11-25', '2026-11-30')).toBe(true)
  })

  it('turns at midnight in Amsterdam in winter: 22:59:59 UTC on 14 December is still the 14th there, 23:00 UTC is the 15th', () => {
    expect(effectiveAt('2026-12-15', '2026-12-14T22:59:59Z')).toBe(false)
    expect(effectiveAt('2026-12-15', '2026-12-14T23:00:00Z')).toBe(true)
  })

  it('turns at midnight in Amsterdam in summer too (UTC+2): 21:59:59 UTC no, 22:00 UTC yes', () => {
    expect(effectiveAt('2026-06-15', '2026-06-14T21:59:59Z')).toBe(false)
    expect(effectiveAt('2026-06-15', '2026-06-14T22:00:00Z')).toBe(true)
  })

  it('is not fooled by UTC being a day behind: 00:30 in Amsterdam on the 15th is 23:30 UTC on the 14th', () => {
    expect(todayIn(new Date('2026-12-14T23:30:00Z'))).toBe('2026-12-15')
    expect(effectiveAt('2026-12-15', '2026-12-14T23:30:00Z')).toBe(true)
  })
})

describe('where a move stands, and what may still happen to it', () => {
  const states: MoveState[] = ['submitted', 'investigating', 'scheduled', 'applied', 'refused', 'withdrawn']

  it('splits an approval in waiting for its date and applied', () => {
    expect(moveState('approved', null)).toBe('scheduled')
    expect(moveState('approved', new Date('2026-12-14T23:00:00Z'))).toBe('applied')
    expect(moveState('investigating', null)).toBe('investigating')
  })

  it('can be withdrawn by the citizen only before a decision', () => {
    expect(states.filter(canWithdrawMove)).toEqual(['submitted', 'investigating'])
  })

  it('starts an address investigation only from a move waiting for its check, once', () => {
    expect(states.filter(canStartAddressInvestigation)).toEqual(['submitted'])
  })

  it('keeps anyone in a pending or scheduled move from reporting another; a decided or applied one does not', () => {
    expect(states.filter(blocksAnotherMove)).toEqual(['submitted', 'investigating', 'scheduled'])
  })
})

describe('which co-mover gets a letter of their own (art. 2.48)', () => {
  const on = '2026-11-30'
  it('writes to a spouse or registered partner', () => {
    expect(coMoverGetsOwnLetter({ relation: 'partner', birthDate: '1988-11-02' }, on)).toBe(true)
  })

  it('writes to an adult child from the 18th birthday, not the day before', () => {
    expect(coMoverGetsOwnLetter({ relation: 'child', birthDate: '2008-11-30' }, on)).toBe(true)
    expect(coMoverGetsOwnLetter({ relation: 'child', birthDate: '2008-12-01' }, on)).toBe(false)
    expect(coMoverGetsOwnLetter({ relation: 'child', birthDate: '2004-09-15' }, on)).toBe(true)
  })

  it('tells a child under 16 through the parents: no letter of their own', () => {
    expect(coMoverGetsOwnLetter({ relation: 'child', birthDate: '2016-08-19' }, on)).toBe(false)
    expect(coMoverGetsOwnLetter({ relation: 'child', birthDate: '2019-01-07' }, on)).toBe(false)
  })

  it('writes to no parent: a parent is never a co-mover', () => {
    expect(coMoverGetsOwnLetter({ relation: 'parent', birthDate: '1950-01-01' }, on)).toBe(false)
  })
})

describe('what the residents of the new address signal to the approver', () => {
  const on = '2026-11-30'

  it('warns only when the number after the move is above the configured number, not at it', () => {
    const two = ['1980-01-01', '1982-01-01']
    expect(residentSignals(two, 4, 6, on)).toEqual({ countAfter: 6, crowded: false, elderlyAlone: false })
    expect(residentSignals(two, 5, 6, on)).toEqual({ countAfter: 7, crowded: true, elderlyAlone: false })
    expect(residentSignals([], 4, 3, on)).toMatchObject({ countAfter: 4, crowded: true })
  })

  it('signals an 85-year-old living alone when four people move in, without a count warning', () => {
    expect(residentSignals(['1941-12-03'], 4, 6, on)).toEqual({ countAfter: 5, crowded: false, elderlyAlone: true })
  })

  it('counts 80 from the 80th birthday on', () => {
    expect(residentSignals(['1946-11-30'], 1, 6, on).elderlyAlone).toBe(true)
    expect(residentSignals(['1946-12-01'], 1, 6, on).elderlyAlone).toBe(false)
  })

  it('does not signal an elderly person who does not live alone, nor an empty address', () => {
    expect(residentSignals(['1941-12-03', '1943-03-03'], 2, 6, on).elderlyAlone).toBe(false)
    expect(residentSignals([], 2, 6, on).elderlyAlone).toBe(false)
  })
})
