/**
 * "Voor u" on Mijn overzicht: suggestions that follow from what the citizen can see about
 * themselves — their address and since when, their household, their contact details, their cases
 * and applications — each saying why, in the citizen's own facts, and offering one thing to do.
 *
 * Pure rules: the facts and today's date come in, the suggestions come out, the most important
 * first. Nothing here reads a clock or a database (the service does: app/services/suggestions).
 *
 * A suggestion's key names the suggestion AND the fact it came from
 * (`parking-after-move:2026-03-12`): a citizen who puts it away does not see it again for that
 * fact, and sees it again when a new fact (another move) suggests it anew.
 */
import type { Outcome } from './case-terms'
import type { KnownPerson, ServiceCode } from './eloket/form'
import { daysBetween, type LocalDate } from './local-date'
import { ageOn } from './move'

/** At most this many suggestions are shown at once; the next one appears when one is put away. */
export const MAX_SHOWN_SUGGESTIONS = 3
/** A move this many days ago or fewer counts as recent (day 90 still does, day 91 no longer). */
export const RECENT_MOVE_DAYS = 90
/** From this age, living alone without Wmo support, the Wmo's help is suggested. */
export const WMO_SUGGESTION_AGE = 75

/**
 * What the suggestions may read: only what the citizen sees themselves under Mijn gegevens
 * (address, address history, household, birth date), Voorkeuren (e-mail) and Mijn zaken / Mijn
 * aanvragen. The register's data (`personalData`) is there only when the session may see Mijn
 * gegevens (DigiD Midden): a suggestion never shows what the page it comes from would not.
 */
export interface SuggestionFacts {
  /** Null when the session may not see the register's data, or the register has none. */
  personalData: {
    birthDate: LocalDate
    /** The current address: its street and house number as Mijn gegevens shows them, and since when. */
    address: { street: string; houseNumber: string; since: LocalDate } | null
    /** Partner, children and parents as Mijn gegevens lists them. */
    household: Array<Pick<KnownPerson, 'relation' | 'birthDate'> & { livesWithYou: boolean }>
  } | null
  /** 'confirmed': letters and answers are announced by e-mail; 'pending': a new address awaits its link. */
  email: 'confirmed' | 'pending' | 'none'
  /** The citizen's cases as Mijn zaken lists them. */
  cases: Array<{
    reference: string
    caseType: string
    open: boolean
    receivedOn: LocalDate
    decidedOn: LocalDate | null
    outcome: Outcome | null
  }>
  /** Their online applications (Mijn aanvragen), not counting forgotten drafts. */
  applications: Array<{
    service: string
    status: 'draft' | 'awaiting_payment' | 'submitted'
    /** the day it was started */
    startedOn: LocalDate
    /** whether the case it became is still open (null: not sent yet) */
    caseOpen: boolean | null
  }>
}

export type SuggestionKind =
  'parking-after-move' | 'waste-after-move' | 'special-assistance' | 'wmo-living-alone' | 'email-notices'

/** The order in which they matter: what costs money or a fine if left first. */
export const SUGGESTION_KINDS: readonly SuggestionKind[] = [
  'parking-after-move',
  'waste-after-move',
  'special-assistance',
  'wmo-living-alone',
  'email-notices',
]

/**
 * One suggestion. Its title, why and action text live in the `suggestions` locale namespace
 * under `<kind>`; the facts the why names come with it (a date the page writes out in words).
 */
export interface Suggestion {
  key: string
  kind: SuggestionKind
  /** `email-notices` has two whys: no address at all, or one awaiting its confirmation link */
  variant?: 'none' | 'pending'
  facts: { date?: LocalDate; street?: string; age?: number; reference?: string }
  /** The one thing to do: an e-loket service (`/mijn/aanvragen/<code>`) or a page of Mijn Stad. */
  href: string
  /** Whether it shows the register's data (address, age): its showing is then audited. */
  usesPersonalData: boolean
}

const applyHref = (code: ServiceCode) => `/mijn/aanvragen/${code}`
const GRANTED: ReadonlySet<Outcome> = new Set<Outcome>(['granted', 'partly_granted'])

/** Every suggestion that fits the facts today, the most important first (dismissals not applied). */
export function deriveSuggestions(facts: SuggestionFacts, today: LocalDate): Suggestion[] {
  const found = [
    parkingAfterMove(facts, today),
    wasteAfterMove(facts, today),
    specialAssistance(facts),
    wmoLivingAlone(facts, today),
    emailNotices(facts),
  ].filter((s): s is Suggestion => s !== null)
  return found.sort((a, b) => SUGGESTION_KINDS.indexOf(a.kind) - SUGGESTION_KINDS.indexOf(b.kind))
}

/** What Mijn overzicht shows: the suggestions not put away, at most `max`, and how many wait behind them. */
export function shownSuggestions(
  all: readonly Suggestion[],
  dismissed: ReadonlySet<string>,
  max = MAX_SHOWN_SUGGESTIONS,
): { shown: Suggestion[]; waiting: number } {
  const open = all.filter((s) => !dismissed.has(s.key))
  return { shown: open.slice(0, max), waiting: Math.max(0, open.length - max) }
}

/** The current address when its move-in day lies 0 to RECENT_MOVE_DAYS days back. */
function recentMove(facts: SuggestionFacts, today: LocalDate) {
  const address = facts.personalData?.address
  if (!address) return null
  const ago = daysBetween(address.since, today)
  return ago >= 0 && ago <= RECENT_MOVE_DAYS ? address : null
}

/** An application for `service` that is on its way: waiting for payment, or sent and its case still open. */
function applicationUnderWay(facts: SuggestionFacts, service: ServiceCode, since?: LocalDate): boolean {
  return facts.applications.some(
    (a) =>
      a.service === service &&
      (a.status === 'awaiting_payment' || (a.status === 'submitted' && a.caseOpen !== false)) &&
      (since === undefined || daysBetween(since, a.startedOn) >= 0),
  )
}

/**
 * Moved recently, and the last decision on a parking permit before the move granted one: a
 * resident's permit belongs to an address, so it does not hold for the new one. Not when a
 * permit was asked for since the move (a case received or an application under way).
 */
function parkingAfterMove(facts: SuggestionFacts, today: LocalDate): Suggestion | null {
  const moved = recentMove(facts, today)
  if (!moved) return null
  const permits = facts.cases.filter((c) => c.caseType === 'parkeervergunning')
  if (permits.some((c) => daysBetween(moved.since, c.receivedOn) >= 0)) return null
  if (applicationUnderWay(facts, 'parkeervergunning', moved.since)) return null
  const before = permits
    .filter((c) => c.decidedOn !== null && c.outcome !== null && c.outcome !== 'withdrawn')
    .filter((c) => daysBetween(c.decidedOn!, moved.since) > 0)
    .sort((a, b) => daysBetween(a.decidedOn!, b.decidedOn!))
  const last = before[0]
  if (!last || !GRANTED.has(last.outcome!)) return null
  return {
    key: `parking-after-move:${moved.since}`,
    kind: 'parking-after-move',
    facts: { date: moved.since, street: `${moved.street} ${moved.houseNumber}` },
    href: applyHref('parkeervergunning'),
    usesPersonalData: true,
  }
}

/** Moved recently: a waste pass belongs to an address. Not when one was asked for since the move. */
function wasteAfterMove(facts: SuggestionFacts, today: LocalDate): Suggestion | null {
  const moved = recentMove(facts, today)
  if (!moved) return null
  if (applicationUnderWay(facts, 'afval', moved.since)) return null
  return {
    key: `waste-after-move:${moved.since}`,
    kind: 'waste-after-move',
    facts: { date: moved.since, street: `${moved.street} ${moved.houseNumber}` },
    href: applyHref('afval'),
    usesPersonalData: true,
  }
}

/**
 * The last decision on social assistance (Participatiewet) granted it: costs that come up and
 * cannot be paid from it may be covered by special assistance (art. 35). Not while an
 * application for special assistance is under way.
 */
function specialAssistance(facts: SuggestionFacts): Suggestion | null {
  const decided = facts.cases
    .filter((c) => c.caseType === 'bijstand' && c.decidedOn !== null && c.outcome !== null && c.outcome !== 'withdrawn')
    .sort((a, b) => daysBetween(a.decidedOn!, b.decidedOn!))
  const last = decided[0]
  if (!last || !GRANTED.has(last.outcome!)) return null
  if (applicationUnderWay(facts, 'bijzondere-bijstand')) return null
  return {
    key: `special-assistance:${last.reference}`,
    kind: 'special-assistance',
    facts: { date: last.decidedOn!, reference: last.reference },
    href: applyHref('bijzondere-bijstand'),
    usesPersonalData: false,
  }
}

/**
 * 75 or older and, as far as Mijn gegevens shows, nobody of the household living with them, and
 * never a Wmo case: what the Wmo's support offers (Wmo 2015 art. 2.3.2). "Alone" is what the
 * citizen sees: a partner, child or parent at their address; never who else the register has there.
 */
function wmoLivingAlone(facts: SuggestionFacts, today: LocalDate): Suggestion | null {
  const person = facts.personalData
  if (!person?.address) return null
  const age = ageOn(person.birthDate, today)
  if (age < WMO_SUGGESTION_AGE) return null
  if (person.household.some((m) => m.livesWithYou)) return null
  if (facts.cases.some((c) => c.caseType === 'wmo')) return null
  if (applicationUnderWay(facts, 'wmo')) return null
  return {
    key: `wmo-living-alone:${person.address.since}`,
    kind: 'wmo-living-alone',
    facts: { age },
    href: applyHref('wmo'),
    usesPersonalData: true,
  }
}

/** No confirmed e-mail address: new letters and answers are not announced. */
function emailNotices(facts: SuggestionFacts): Suggestion | null {
  if (facts.email === 'confirmed') return null
  return {
    key: `email-notices:${facts.email}`,
    kind: 'email-notices',
    variant: facts.email,
    facts: {},
    href: '/mijn/voorkeuren',
    usesPersonalData: false,
  }
}
