/**
 * A calendar date without a time zone, as an ISO string 'YYYY-MM-DD'.
 *
 * Terms in Dutch administrative law are counted in calendar days ("binnen acht weken na
 * ontvangst", Awb 4:13), so the domain works with dates, not instants. All arithmetic below is
 * done on a day number in UTC, never on a local-time `Date`, so the server's own time zone and
 * daylight saving time cannot shift a date by one.
 */
export type LocalDate = string

/** The municipality's zone: "today" for a citizen or a term is today in Amsterdam. */
export const MUNICIPAL_TIME_ZONE = 'Europe/Amsterdam'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

export interface LocalDateParts {
  year: number
  month: number // 1..12
  day: number // 1..31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function partsIfValid(value: string): LocalDateParts | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** True for a real calendar date in the form 'YYYY-MM-DD' ('2025-02-30' is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && partsIfValid(value) !== null
}

/** Returns the date unchanged when valid; throws a RangeError otherwise (e.g. '2025-02-30'). */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`)
  return value
}

export function localDateParts(date: LocalDate): LocalDateParts {
  const parts = partsIfValid(date)
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`)
  return parts
}

/** Builds a date from numbers; throws when it does not exist (e.g. 2025, 2, 29). */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return parseLocalDate(text)
}

/** Days since 1970-01-01. `setUTCFullYear` rather than `Date.UTC`, which maps years 0–99 to 19xx. */
function toDayNumber(date: LocalDate): number {
  const { year, month, day } = localDateParts(date)
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  return Math.round(utc.getTime() / MS_PER_DAY)
}

function fromDayNumber(dayNumber: number): LocalDate {
  const utc = new Date(dayNumber * MS_PER_DAY)
  return makeLocalDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate())
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'days')
  return fromDayNumber(toDayNumber(date) + days)
}

export function addWeeks(date: LocalDate, weeks: number): LocalDate {
  requireInteger(weeks, 'weeks')
  return addDays(date, weeks * 7)
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  requireInteger(months, 'months')
  const { year, month, day } = localDateParts(date)
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  return makeLocalDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Calendar days from `a` to `b`: positive when `b` is later, 0 on the same day. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** -1, 0 or 1; usable as an `Array.prototype.sort` comparator. */
export function compareLocalDate(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const difference = daysBetween(b, a)
  return difference < 0 ? -1 : difference > 0 ? 1 : 0
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDate(a, b) <= 0 ? a : b
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDate(a, b) >= 0 ? a : b
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
  const mondayBased = (((toDayNumber(date) + 3) % 7) + 7) % 7
  return (mondayBased + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The calendar date an instant falls on in a zone (23:30 UTC on 31 Dec is 1 Jan in Amsterdam). */
export function localDateOf(instant: Date, timeZone: string = MUNICIPAL_TIME_ZONE): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date')
  const parts = formatterFor(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return makeLocalDate(part('year'), part('month'), part('day'))
}

/** "Today" for the municipality; the clock (`now`) is always passed in, never read here. */
export function todayIn(now: Date, timeZone: string = MUNICIPAL_TIME_ZONE): LocalDate {
  return localDateOf(now, timeZone)
}

export function quarterOf(date: LocalDate): 1 | 2 | 3 | 4 {
  return (Math.floor((localDateParts(date).month - 1) / 3) + 1) as 1 | 2 | 3 | 4
}

export function startOfQuarter(date: LocalDate): LocalDate {
  const { year } = localDateParts(date)
  return makeLocalDate(year, (quarterOf(date) - 1) * 3 + 1, 1)
}

export function endOfQuarter(date: LocalDate): LocalDate {
  return endOfMonth(addMonths(startOfQuarter(date), 2))
}

export function startOfMonth(date: LocalDate): LocalDate {
  const { year, month } = localDateParts(date)
  return makeLocalDate(year, month, 1)
}

export function endOfMonth(date: LocalDate): LocalDate {
  const { year, month } = localDateParts(date)
  return makeLocalDate(year, month, daysInMonth(year, month))
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>()

/** The wall clock of a zone at an instant, read as if it were UTC: the zone's offset is the difference. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  let formatter = clockFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    clockFormatters.set(timeZone, formatter)
  }
  const parts = formatter.formatToParts(new Date(ms))
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
}

/**
 * The first instant of `date` in a zone: midnight in Amsterdam is 23:00 UTC the day before in
 * winter and 22:00 UTC in summer. (Amsterdam changes its clocks at 02:00 and 03:00, never at
 * midnight, so that midnight always exists and is unique.)
 */
export function startOfDayIn(date: LocalDate, timeZone: string = MUNICIPAL_TIME_ZONE): Date {
  const midnightAsUtc = toDayNumber(date) * MS_PER_DAY
  const offsetAt = (ms: number) => wallClockAsUtc(ms, timeZone) - ms
  // Two passes: the offset at the first guess may differ from the one at the answer.
  const first = midnightAsUtc - offsetAt(midnightAsUtc)
  return new Date(midnightAsUtc - offsetAt(first))
}
