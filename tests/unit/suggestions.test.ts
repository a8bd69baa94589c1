import { describe, expect, it } from 'vitest'
import { addDays } from '~/domain/local-date'
import {
  deriveSuggestions,
  MAX_SHOWN_SUGGESTIONS,
  shownSuggestions,
  type SuggestionFacts,
  type SuggestionKind,
} from '~/domain/suggestions'

const today = '2026-12-01'

type Case = SuggestionFacts['cases'][number]
type Person = NonNullable<SuggestionFacts['personalData']>

function facts(over: Partial<SuggestionFacts> = {}, person: Partial<Person> = {}): SuggestionFacts {
  return {
    personalData: {
      birthDate: '1990-05-05',
      address: { street: 'Korreweg', houseNumber: '12', since: '2019-06-01' },
      household: [],
      ...person,
    },
    email: 'confirmed',
    cases: [],
    applications: [],
    ...over,
  }
}

const permit = (over: Partial<Case> = {}): Case => ({
  reference: 'Z-2026-000101',
  caseType: 'parkeervergunning',
  open: false,
  receivedOn: '2025-05-01',
  decidedOn: '2025-05-20',
  outcome: 'granted',
  ...over,
})

const movedDaysAgo = (days: number) => ({
  address: { street: 'Korreweg', houseNumber: '12', since: addDays(today, -days) },
})

const kinds = (f: SuggestionFacts, on = today): SuggestionKind[] => deriveSuggestions(f, on).map((s) => s.kind)

describe('after a move: the parking permit and the waste pass', () => {
  it('suggests both on day 90 after the move, neither on day 91', () => {
    expect(kinds(facts({ cases: [permit()] }, movedDaysAgo(90)))).toEqual(['parking-after-move', 'waste-after-move'])
    expect(kinds(facts({ cases: [permit()] }, movedDaysAgo(91)))).toEqual([])
  })

  it('says why with the move date and the new street, and links to the parking permit service', () => {
    const [parking] = deriveSuggestions(facts({ cases: [permit()] }, movedDaysAgo(20)), today)
    expect(parking).toEqual({
      key: `parking-after-move:${addDays(today, -20)}`,
      kind: 'parking-after-move',
      facts: { date: addDays(today, -20), street: 'Korreweg 12' },
      href: '/mijn/aanvragen/parkeervergunning',
      usesPersonalData: true,
    })
  })

  it('counts the move day itself (day 0)', () => {
    expect(kinds(facts({ cases: [permit()] }, movedDaysAgo(0)))).toEqual(['parking-after-move', 'waste-after-move'])
  })

  it('does not count a refused permit, nor a granted one a later refusal replaced', () => {
    expect(kinds(facts({ cases: [permit({ outcome: 'refused' })] }, movedDaysAgo(10)))).toEqual(['waste-after-move'])
    const later = permit({ reference: 'Z-2026-000102', decidedOn: '2026-01-10', outcome: 'refused' })
    expect(kinds(facts({ cases: [permit(), later] }, movedDaysAgo(10)))).toEqual(['waste-after-move'])
    const regranted = permit({ reference: 'Z-2026-000103', decidedOn: '2026-02-10', outcome: 'partly_granted' })
    expect(kinds(facts({ cases: [permit(), later, regranted] }, movedDaysAgo(10)))).toContain('parking-after-move')
  })

  it('does not count a permit still undecided, or decided only after the move (that one is for the new address)', () => {
    expect(kinds(facts({ cases: [permit({ decidedOn: null, outcome: null, open: true })] }, movedDaysAgo(10)))).toEqual(
      ['waste-after-move'],
    )
    const since = addDays(today, -30)
    const afterMove = permit({ receivedOn: addDays(since, 1), decidedOn: addDays(since, 10) })
    expect(kinds(facts({ cases: [afterMove] }, movedDaysAgo(30)))).toEqual(['waste-after-move'])
  })

  it('is gone once a new permit is applied for online after the move', () => {
    const since = addDays(today, -30)
    const waiting = {
      service: 'parkeervergunning',
      status: 'awaiting_payment' as const,
      startedOn: since,
      caseOpen: null,
    }
    expect(kinds(facts({ cases: [permit()], applications: [waiting] }, movedDaysAgo(30)))).toEqual(['waste-after-move'])
    // a draft is not an application yet: the suggestion stays (its link resumes the draft)
    const draft = { ...waiting, status: 'draft' as const }
    expect(kinds(facts({ cases: [permit()], applications: [draft] }, movedDaysAgo(30)))).toContain('parking-after-move')
  })

  it('is gone for the waste pass once one is asked for after the move, and back when that was before it', () => {
    const since = addDays(today, -30)
    const sent = (startedOn: string) => ({ service: 'afval', status: 'submitted' as const, startedOn, caseOpen: true })
    expect(kinds(facts({ applications: [sent(since)] }, movedDaysAgo(30)))).toEqual([])
    expect(kinds(facts({ applications: [sent(addDays(since, -1))] }, movedDaysAgo(30)))).toEqual(['waste-after-move'])
  })

  it('reads nothing of a move when the session may not see the register (DigiD Basis)', () => {
    expect(kinds(facts({ cases: [permit()], personalData: null }))).toEqual([])
  })
})

describe('social assistance: special assistance', () => {
  const benefit = (over: Partial<Case> = {}): Case => ({
    reference: 'Z-2026-000200',
    caseType: 'bijstand',
    open: false,
    receivedOn: '2026-06-01',
    decidedOn: '2026-07-15',
    outcome: 'granted',
    ...over,
  })

  it('suggests it after a granted benefit, keyed by that case', () => {
    const [one] = deriveSuggestions(facts({ cases: [benefit()] }), today)
    expect(one).toMatchObject({
      key: 'special-assistance:Z-2026-000200',
      href: '/mijn/aanvragen/bijzondere-bijstand',
      facts: { date: '2026-07-15', reference: 'Z-2026-000200' },
      usesPersonalData: false,
    })
  })

  it('not for an application still open or refused', () => {
    expect(kinds(facts({ cases: [benefit({ open: true, decidedOn: null, outcome: null })] }))).toEqual([])
    expect(kinds(facts({ cases: [benefit({ outcome: 'refused' })] }))).toEqual([])
  })

  it('not while an application for special assistance is under way; again once its case is closed', () => {
    const applied = { service: 'bijzondere-bijstand', status: 'submitted' as const, startedOn: '2026-11-01' }
    expect(kinds(facts({ cases: [benefit()], applications: [{ ...applied, caseOpen: true }] }))).toEqual([])
    expect(kinds(facts({ cases: [benefit()], applications: [{ ...applied, caseOpen: false }] }))).toEqual([
      'special-assistance',
    ])
  })
})

describe('75 and living alone: Wmo support', () => {
  const old = { birthDate: '1941-12-03' }

  it('suggests it at 75 when nobody of the household lives with them and there never was a Wmo case', () => {
    expect(deriveSuggestions(facts({}, old), today)).toMatchObject([
      { key: 'wmo-living-alone:2019-06-01', facts: { age: 84 }, href: '/mijn/aanvragen/wmo' },
    ])
  })

  it('not with a partner at home, not with a Wmo case, not at 74', () => {
    const partner = { relation: 'partner' as const, birthDate: '1945-01-01', livesWithYou: true }
    expect(kinds(facts({}, { ...old, household: [partner] }))).toEqual([])
    // a child living elsewhere does not count as living with them
    expect(kinds(facts({}, { ...old, household: [{ ...partner, relation: 'child', livesWithYou: false }] }))).toEqual([
      'wmo-living-alone',
    ])
    const wmo: Case = { ...permit(), caseType: 'wmo', outcome: 'refused' }
    expect(kinds(facts({ cases: [wmo] }, old))).toEqual([])
    expect(kinds(facts({}, { birthDate: '1951-12-02' }))).toEqual([])
    expect(kinds(facts({}, { birthDate: '1951-12-01' }))).toEqual(['wmo-living-alone'])
  })

  it('someone born on 29 February turns 75 on 1 March in a common year', () => {
    const leap = { birthDate: '1952-02-29' }
    expect(kinds(facts({}, leap), '2027-02-28')).toEqual([])
    expect(kinds(facts({}, leap), '2027-03-01')).toEqual(['wmo-living-alone'])
    // born on 28 February: 75 on 28 February, also in a leap year
    expect(kinds(facts({}, { birthDate: '1953-02-28' }), '2028-02-27')).toEqual([])
    expect(kinds(facts({}, { birthDate: '1953-02-28' }), '2028-02-28')).toEqual(['wmo-living-alone'])
  })
})

describe('e-mail notices', () => {
  it('suggests an address when there is none, a confirmation when one waits for its link', () => {
    expect(deriveSuggestions(facts({ email: 'none' }), today)).toEqual([
      {
        key: 'email-notices:none',
        kind: 'email-notices',
        variant: 'none',
        facts: {},
        href: '/mijn/voorkeuren',
        usesPersonalData: false,
      },
    ])
    expect(deriveSuggestions(facts({ email: 'pending' }), today)[0]).toMatchObject({
      key: 'email-notices:pending',
      variant: 'pending',
    })
  })
})

describe('what is shown', () => {
  const everything = facts(
    {
      email: 'none',
      cases: [
        permit(),
        {
          reference: 'Z-2026-000200',
          caseType: 'bijstand',
          open: false,
          receivedOn: '2026-06-01',
          decidedOn: '2026-07-15',
          outcome: 'granted',
        },
      ],
    },
    { birthDate: '1941-12-03', ...movedDaysAgo(12) },
  )

  it('orders by what matters most and shows at most three, saying how many wait', () => {
    const all = deriveSuggestions(everything, today)
    expect(all.map((s) => s.kind)).toEqual([
      'parking-after-move',
      'waste-after-move',
      'special-assistance',
      'wmo-living-alone',
      'email-notices',
    ])
    const { shown, waiting } = shownSuggestions(all, new Set())
    expect(shown).toHaveLength(MAX_SHOWN_SUGGESTIONS)
    expect(waiting).toBe(2)
  })

  it('a dismissed key hides only that suggestion, and the next one moves up', () => {
    const all = deriveSuggestions(everything, today)
    const { shown } = shownSuggestions(all, new Set([`waste-after-move:${addDays(today, -12)}`]))
    expect(shown.map((s) => s.kind)).toEqual(['parking-after-move', 'special-assistance', 'wmo-living-alone'])
  })

  it('a new move shows a dismissed suggestion again: its key names the new move date', () => {
    const dismissed = new Set(
      deriveSuggestions(facts({ cases: [permit()] }, movedDaysAgo(40)), today).map((s) => s.key),
    )
    expect(
      shownSuggestions(deriveSuggestions(facts({ cases: [permit()] }, movedDaysAgo(40)), today), dismissed).shown,
    ).toEqual([])
    const again = deriveSuggestions(facts({ cases: [permit()] }, movedDaysAgo(3)), today)
    expect(shownSuggestions(again, dismissed).shown.map((s) => s.kind)).toEqual([
      'parking-after-move',
      'waste-after-move',
    ])
  })
})
