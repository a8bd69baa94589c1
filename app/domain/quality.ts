/**
 * The quality charter's arithmetic (its norms: table `service_norms`, migration 0008), pure: reporting
 * periods, shares and whether a target is met. The counting itself happens in SQL
 * (app/services/quality/measures.server.ts); these rules decide what the counts mean.
 */
import {
  addMonths,
  compareLocalDate,
  endOfMonth,
  endOfQuarter,
  localDateParts,
  makeLocalDate,
  quarterOf,
  startOfMonth,
  startOfQuarter,
  type LocalDate,
} from './local-date'

/** The charter is measured per month or per quarter. */
export type Grain = 'month' | 'quarter'

export interface ReportingPeriod {
  grain: Grain
  /** '2026-03' for a month, '2026-Q1' for a quarter: the form value and the CSV column. */
  key: string
  /** First and last day, inclusive. */
  from: LocalDate
  to: LocalDate
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/

function monthPeriod(start: LocalDate): ReportingPeriod {
  const { year, month } = localDateParts(start)
  return {
    grain: 'month',
    key: `${year}-${String(month).padStart(2, '0')}`,
    from: startOfMonth(start),
    to: endOfMonth(start),
  }
}

function quarterPeriod(start: LocalDate): ReportingPeriod {
  const { year } = localDateParts(start)
  return { grain: 'quarter', key: `${year}-Q${quarterOf(start)}`, from: startOfQuarter(start), to: endOfQuarter(start) }
}

/** '2026-Q1' or '2026-03' as a period; null for anything else (years 2000–2099 only). */
export function parsePeriod(key: string): ReportingPeriod | null {
  const month = MONTH_KEY.exec(key)
  if (month && month[1].startsWith('20')) return monthPeriod(makeLocalDate(Number(month[1]), Number(month[2]), 1))
  const quarter = QUARTER_KEY.exec(key)
  if (quarter && quarter[1].startsWith('20'))
    return quarterPeriod(makeLocalDate(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 1))
  return null
}

/** The month or quarter `date` falls in. */
export function periodContaining(date: LocalDate, grain: Grain): ReportingPeriod {
  return grain === 'month' ? monthPeriod(date) : quarterPeriod(date)
}

/** The period `count` periods before (negative: after) this one. */
export function shiftPeriod(period: ReportingPeriod, count: number): ReportingPeriod {
  return periodContaining(addMonths(period.from, -count * (period.grain === 'month' ? 1 : 3)), period.grain)
}

/** The last quarter that has ended by `today`: what the public charter page reports. */
export function lastCompletedQuarter(today: LocalDate): ReportingPeriod {
  return shiftPeriod(periodContaining(today, 'quarter'), 1)
}

/** The `count` periods up to and including `last`, oldest first: a trend. */
export function periodsUpTo(last: ReportingPeriod, count: number): ReportingPeriod[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, count - 1 - i))
}

/** Whether a period has ended by `today` (its figures can still change while it runs). */
export function isPeriodComplete(period: ReportingPeriod, today: LocalDate): boolean {
  return compareLocalDate(period.to, today) < 0
}

// --- shares and targets --------------------------------------------------------------------

/**
 * A count of cases whose outcome is known, and how many of those were in time. A case still
 * within its term (no letter or decision yet, and the due date not passed) is not counted
 * either way: it can still be in time.
 */
export interface Tally {
  inTime: number
  settled: number
}

export type Verdict = 'met' | 'missed' | 'no_cases' | 'no_target'

/**
 * Met when inTime / settled ≥ target %. Compared in whole numbers (inTime × 100 ≥ target ×
 * settled), so 97.96 % does not pass for 98 % by rounding.
 */
export function judge(tally: Tally, targetPercent: number | null): Verdict {
  if (targetPercent === null) return 'no_target'
  if (tally.settled === 0) return 'no_cases'
  return tally.inTime * 100 >= targetPercent * tally.settled ? 'met' : 'missed'
}

/**
 * The share in per cent with one decimal, rounded *down*: 97.96 % shows as 97.9 %, never as
 * a 98.0 % that would seem to meet a 98 % target it missed. null without settled cases.
 */
export function percentShown(tally: Tally): number | null {
  if (tally.settled === 0) return null
  return Math.floor((tally.inTime * 1000) / tally.settled) / 10
}

export interface NormTarget {
  measure: 'acknowledgement' | 'answer' | 'decision'
  /** null: every channel */
  channel: string | null
  targetPercent: number
}

/**
 * The target for a measure on a channel. "Answered in time" falls back to the decision norm
 * (the case type's term, Awb 4:13) where the charter sets no answer norm for the channel
 * (counter, phone). An acknowledgement has no such fallback for a channel: where the charter
 * promises none, the dashboard says so instead of inventing a target. Across channels (a
 * total, a case type) the charter's one acknowledgement target applies when all channels that
 * have one agree on it (98 %: "ontvangstbevestiging binnen 5 dagen, 98 %", migration 0008).
 */
export function targetFor(
  norms: readonly NormTarget[],
  measure: 'acknowledgement' | 'answer',
  channel: string | null,
): { targetPercent: number; measure: NormTarget['measure']; channel: string | null } | null {
  const exact = channel === null ? undefined : norms.find((n) => n.measure === measure && n.channel === channel)
  if (exact) return exact
  if (measure === 'acknowledgement' && channel === null) {
    const targets = new Set(norms.filter((n) => n.measure === 'acknowledgement').map((n) => n.targetPercent))
    return targets.size === 1 ? { measure, channel: null, targetPercent: [...targets][0] } : null
  }
  if (measure === 'answer') return norms.find((n) => n.measure === 'decision' && n.channel === null) ?? null
  return null
}
