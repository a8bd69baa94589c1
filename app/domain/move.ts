/**
 * Reporting a move ("aangifte van adreswijziging"), Wet basisregistratie personen (Wet BRP).
 *
 * - Art. 2.39(1): whoever moves reports it within five days after the move; art. 2.39(2): the
 *   report can be made at the earliest four weeks before the move. So the move date lies from
 *   5 days back to 4 weeks (28 days) ahead of the day of the report, today in Europe/Amsterdam.
 * - Art. 2.48: the report may also be made for others who move along, but only for those the law
 *   names: the spouse or registered partner, a child under 16 of whom the declarant is a parent,
 *   and an adult child who lives with the declarant ("meerderjarig inwonend kind"). All of them
 *   move from the declarant's current address: someone who lives elsewhere reports their own move.
 * - Art. 2.49: a child of 16 or 17 reports their own move (with the parent's consent); the
 *   declarant cannot do it for them. Parents, brothers and sisters and housemates also report
 *   for themselves.
 * - An approved move takes effect on its date (art. 2.39: the new address holds from the day of
 *   the move): until then the current address stays the current one, and the new one is "from
 *   <date>". Everyone whose address changes is told; a child under 16 through the parents.
 * - Before approving, the caseworker looks at who already lives at the new address (an address
 *   investigation, art. 2.22, when something does not add up).
 */
import { addDays, compareLocalDate, isLocalDate, localDateParts, type LocalDate } from './local-date'

/** Art. 2.39(2): at the earliest four weeks before the move. */
export const MOVE_DAYS_AHEAD = 28
/** Art. 2.39(1): within five days after the move. */
export const MOVE_DAYS_BACK = 5

export interface MoveDateWindow {
  earliest: LocalDate
  latest: LocalDate
}

export function moveDateWindow(today: LocalDate): MoveDateWindow {
  return { earliest: addDays(today, -MOVE_DAYS_BACK), latest: addDays(today, MOVE_DAYS_AHEAD) }
}

export type MoveDateError = 'required' | 'invalid' | 'too_early' | 'too_late'

/**
 * Builds and checks the move date from the three fields of the date input (day, month, year),
 * the way people type them ("3", "03", " 2026 ").
 */
export function parseMoveDate(
  input: { day: string; month: string; year: string },
  today: LocalDate,
): { ok: true; date: LocalDate } | { ok: false; error: MoveDateError; window: MoveDateWindow } {
  const window = moveDateWindow(today)
  const [day, month, year] = [input.day.trim(), input.month.trim(), input.year.trim()]
  if (day === '' && month === '' && year === '') return { ok: false, error: 'required', window }
  if (!/^[0-9]{1,2}$/.test(day) || !/^[0-9]{1,2}$/.test(month) || !/^[0-9]{4}$/.test(year)) {
    return { ok: false, error: 'invalid', window }
  }
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!isLocalDate(date)) return { ok: false, error: 'invalid', window }
  const verdict = checkMoveDate(date, today)
  return verdict.ok ? { ok: true, date } : { ok: false, error: verdict.error, window }
}

/** Art. 2.39: from 5 days back up to and including 28 days ahead; both edges allowed. */
export function checkMoveDate(
  date: LocalDate,
  today: LocalDate,
): { ok: true } | { ok: false; error: 'too_early' | 'too_late' } {
  const { earliest, latest } = moveDateWindow(today)
  if (compareLocalDate(date, earliest) < 0) return { ok: false, error: 'too_early' }
  if (compareLocalDate(date, latest) > 0) return { ok: false, error: 'too_late' }
  return { ok: true }
}

/** Full years of age on `on`; someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = localDateParts(birthDate)
  const d = localDateParts(on)
  let age = d.year - b.year
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age--
  return age
}

/** Art. 2.48: the declarant may report for a child only while it is under 16. */
export const CHILD_AGE_LIMIT = 16
export const ADULT_AGE = 18

export type HouseholdRelation = 'partner' | 'child' | 'parent'

export interface HouseholdMember {
  relation: HouseholdRelation
  birthDate: LocalDate
  /** The register's current address of the member (BAG id), or null when unknown. */
  addressId: string | null
}

export type CoMoverRefusal =
  /** does not live at the declarant's address (art. 2.48: the co-mover moves from the same home) */
  | 'not_at_same_address'
  /** a child of 16 or 17 reports their own move (art. 2.49) */
  | 'child_16_or_17'
  /** a parent is not among the people the declarant may report for (art. 2.48) */
  | 'parent_reports_own_move'

export type CoMoverVerdict = { eligible: true } | { eligible: false; reason: CoMoverRefusal }

/**
 * Whether the declarant may report the move of this member of their household (Wet BRP art.
 * 2.48–2.49). Age is counted on the day of the report (`today`), when the declarant acts.
 */
export function coMoverEligibility(
  declarantAddressId: string | null,
  member: HouseholdMember,
  today: LocalDate,
): CoMoverVerdict {
  if (member.relation === 'parent') return { eligible: false, reason: 'parent_reports_own_move' }
  if (declarantAddressId === null || member.addressId !== declarantAddressId)
    return { eligible: false, reason: 'not_at_same_address' }
  if (member.relation === 'partner') return { eligible: true }
  const age = ageOn(member.birthDate, today)
  if (age < CHILD_AGE_LIMIT) return { eligible: true }
  if (age < ADULT_AGE) return { eligible: false, reason: 'child_16_or_17' }
  return { eligible: true } // an adult child who lives with the declarant
}

/**
 * Checks the co-movers a declarant picked, by their position in the household list (never by
 * BSN in a form). Unknown positions and members who may not move along are refused by name.
 */
export function selectCoMovers<M extends HouseholdMember>(
  declarantAddressId: string | null,
  household: readonly M[],
  picked: readonly number[],
  today: LocalDate,
): { ok: true; members: M[] } | { ok: false; refused: Array<{ index: number; reason: CoMoverRefusal | 'unknown' }> } {
  const refused: Array<{ index: number; reason: CoMoverRefusal | 'unknown' }> = []
  const members: M[] = []
  for (const index of [...new Set(picked)].sort((a, b) => a - b)) {
    const member = household[index]
    if (!member) {
      refused.push({ index, reason: 'unknown' })
      continue
    }
    const verdict = coMoverEligibility(declarantAddressId, member, today)
    if (verdict.eligible) members.push(member)
    else refused.push({ index, reason: verdict.reason })
  }
  return refused.length ? { ok: false, refused } : { ok: true, members }
}

// --- when an approved move takes effect ---------------------------------------------------------

/**
 * Art. 2.39: the new address holds from the move date. A move approved for a later date waits
 * for that day (today in Europe/Amsterdam, handed in); one for today or a day gone by takes
 * effect at once.
 */
export function moveTakesEffectNow(moveDate: LocalDate, today: LocalDate): boolean {
  return compareLocalDate(moveDate, today) <= 0
}

/**
 * Where a reported move stands. `approved` splits in two: `scheduled` until the new address takes
 * effect, `applied` after.
 */
export type MoveState = 'submitted' | 'investigating' | 'scheduled' | 'applied' | 'refused' | 'withdrawn'
export type MoveRequestStatus = 'draft' | 'submitted' | 'investigating' | 'approved' | 'refused' | 'withdrawn'

export function moveState(status: Exclude<MoveRequestStatus, 'draft'>, appliedAt: Date | string | null): MoveState {
  if (status === 'approved') return appliedAt ? 'applied' : 'scheduled'
  return status
}

/** Not decided yet: the caseworker may approve or refuse, the declarant may withdraw. */
export function moveIsUndecided(state: MoveState): boolean {
  return state === 'submitted' || state === 'investigating'
}

/**
 * A citizen withdraws a move only before it is decided. After approval the address change is a
 * decision of the municipality; undoing it takes a phone call (the caseworker refuses or corrects).
 */
export function canWithdrawMove(state: MoveState): boolean {
  return moveIsUndecided(state)
}

/** An address investigation starts from a move waiting for its check, once. */
export function canStartAddressInvestigation(state: MoveState): boolean {
  return state === 'submitted'
}

/**
 * Someone with a move still pending or waiting for its date, as declarant or as co-mover, cannot
 * report another one: the two would contradict each other.
 */
export function blocksAnotherMove(state: MoveState): boolean {
  return state === 'submitted' || state === 'investigating' || state === 'scheduled'
}

// --- who is told ----------------------------------------------------------------------------------

/**
 * Art. 2.48: a move reported for others changes their address too, so they are told in a letter of
 * their own: the spouse or registered partner, and an adult child. A child under 16 is told
 * through the parents (the declarant's own letters), so gets none. Age on `on`, the day of the letter.
 */
export function coMoverGetsOwnLetter(
  member: { relation: HouseholdRelation; birthDate: LocalDate },
  on: LocalDate,
): boolean {
  if (member.relation === 'partner') return true
  return member.relation === 'child' && ageOn(member.birthDate, on) >= ADULT_AGE
}

// --- who already lives at the new address -----------------------------------------------------

/** The default of MOVE_RESIDENTS_WARNING: more people than this at one address after a move is checked. */
export const DEFAULT_RESIDENTS_WARNING = 6
/** A resident this old living alone: a move of others into that home is checked with them. */
export const ELDERLY_AGE = 80

export interface ResidentSignals {
  /** people at the address once the move takes effect: those there now and those moving in */
  countAfter: number
  /** more than the configured number: worth an address investigation (art. 2.22) */
  crowded: boolean
  /** one person aged 80 or over lives there alone: do they know others are moving in? */
  elderlyAlone: boolean
}

/**
 * What the caseworker should look at before approving, from the residents as the BRP shows them
 * (their birth dates; never their BSNs) and the number of people moving in. `threshold` is the
 * configured MOVE_RESIDENTS_WARNING: more than that many after the move gives a warning.
 */
export function residentSignals(
  residentBirthDates: readonly LocalDate[],
  movingIn: number,
  threshold: number,
  today: LocalDate,
): ResidentSignals {
  const countAfter = residentBirthDates.length + movingIn
  return {
    countAfter,
    crowded: countAfter > threshold,
    elderlyAlone: residentBirthDates.length === 1 && ageOn(residentBirthDates[0], today) >= ELDERLY_AGE,
  }
}
