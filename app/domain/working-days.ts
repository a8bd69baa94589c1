/**
 * Working days as the Algemene termijnenwet (Atw) defines them.
 *
 * - Art. 1(1): a statutory term that ends on a Saturday, Sunday or "algemeen erkende feestdag"
 *   runs on to the next day that is none of these.
 * - Art. 3(1): the holidays are New Year's Day, Easter Monday and Whit Monday ("de Christelijke
 *   tweede Paas- en Pinksterdag"), Christmas Day and Boxing Day, Ascension Day, the day the
 *   King's birthday is celebrated, and 5 May (every year, not only in lustrum years).
 * - Art. 3(2): Good Friday counts as one of them.
 * - Art. 3(3): other days can be equated by decree (published in the Staatscourant; in practice
 *   e.g. the Friday after Ascension Day). Those are configuration: `createHolidayCalendar`.
 *
 * Easter Sunday and Whit Sunday are not listed: they are Sundays, already covered by art. 1.
 * The table is kept here instead of in a holiday library, because such libraries disagree on
 * Good Friday and 5 May (both count, every year: art. 3(1) and 3(2) above).
 */
import {
  addDays,
  compareLocalDate,
  dayOfWeek,
  localDateParts,
  makeLocalDate,
  parseLocalDate,
  type LocalDate,
} from './local-date'

export type HolidayName =
  | 'new_years_day'
  | 'good_friday'
  | 'easter_monday'
  | 'kings_day'
  | 'liberation_day'
  | 'ascension_day'
  | 'whit_monday'
  | 'christmas_day'
  | 'boxing_day'
  | 'by_decree'

export interface Holiday {
  date: LocalDate
  name: HolidayName
}

/** The statutory holidays plus the days equated by decree (Atw art. 3(3)). */
export interface HolidayCalendar {
  readonly extraDays: ReadonlySet<LocalDate>
}

export function createHolidayCalendar(options: { extraDays?: readonly LocalDate[] } = {}): HolidayCalendar {
  // Fail at start-up on a mistyped decree day rather than silently miscount terms later.
  const extraDays = new Set((options.extraDays ?? []).map(parseLocalDate))
  return Object.freeze({ extraDays })
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return makeLocalDate(year, month, day)
}

/**
 * The day the King's (or Queen's) birthday is celebrated. Since 2014 King's Day is 27 April, or
 * 26 April when the 27th is a Sunday ("behoudens uitzonderingen in verband met zondagen",
 * Besluit van 30 januari 2013, Stcrt. 2013, 4075). Before 2014 Queen's Day was 30 April, or
 * 29 April when the 30th was a Sunday (KB of 24 April 1980); kept for cases received back then.
 */
function kingsDay(year: number): LocalDate {
  const day = year >= 2014 ? 27 : 30
  const date = makeLocalDate(year, 4, day)
  return dayOfWeek(date) === 7 ? addDays(date, -1) : date
}

function statutoryHolidays(year: number): Holiday[] {
  const easter = easterSunday(year)
  const holidays: Holiday[] = [
    { date: makeLocalDate(year, 1, 1), name: 'new_years_day' },
    { date: addDays(easter, -2), name: 'good_friday' },
    { date: addDays(easter, 1), name: 'easter_monday' },
    { date: kingsDay(year), name: 'kings_day' },
    { date: makeLocalDate(year, 5, 5), name: 'liberation_day' },
    { date: addDays(easter, 39), name: 'ascension_day' },
    { date: addDays(easter, 50), name: 'whit_monday' },
    { date: makeLocalDate(year, 12, 25), name: 'christmas_day' },
    { date: makeLocalDate(year, 12, 26), name: 'boxing_day' },
  ]
  return holidays.sort((x, y) => compareLocalDate(x.date, y.date))
}

// A pure memo: the statutory table of a year never changes, and term arithmetic asks often.
const statutoryByYear = new Map<number, ReadonlyMap<LocalDate, HolidayName>>()

function statutoryHolidayMap(year: number): ReadonlyMap<LocalDate, HolidayName> {
  let map = statutoryByYear.get(year)
  if (!map) {
    map = new Map(statutoryHolidays(year).map((h) => [h.date, h.name]))
    statutoryByYear.set(year, map)
  }
  return map
}

/** The holidays of a year in date order; with a calendar, its decree days of that year too. */
export function holidaysOf(year: number, cal?: HolidayCalendar): Holiday[] {
  const holidays = statutoryHolidays(year)
  for (const date of cal?.extraDays ?? []) {
    if (localDateParts(date).year === year && !holidays.some((h) => h.date === date)) {
      holidays.push({ date, name: 'by_decree' })
    }
  }
  return holidays.sort((x, y) => compareLocalDate(x.date, y.date))
}

/** The holiday on this date, if any (a weekend is not a holiday; see `isWorkingDay`). */
export function holidayOn(date: LocalDate, cal: HolidayCalendar): HolidayName | null {
  const statutory = statutoryHolidayMap(localDateParts(date).year).get(date)
  if (statutory) return statutory
  return cal.extraDays.has(date) ? 'by_decree' : null
}

/** Monday to Friday and not a holiday (Atw art. 1 and 3). */
export function isWorkingDay(date: LocalDate, cal: HolidayCalendar): boolean {
  return dayOfWeek(date) <= 5 && holidayOn(date, cal) === null
}

/** Atw art. 1(1): a term ending on a Saturday, Sunday or holiday runs on to the next working day. */
export function nextWorkingDayOnOrAfter(date: LocalDate, cal: HolidayCalendar): LocalDate {
  let day = date
  while (!isWorkingDay(day, cal)) day = addDays(day, 1)
  return day
}

/**
 * The date `n` working days after `date`, not counting `date` itself: "within 5 working days of
 * receipt" counts from the day after receipt, so 5 working days after a Friday is the next
 * Friday. A negative `n` counts back; 0 returns `date` unchanged.
 */
export function addWorkingDays(date: LocalDate, n: number, cal: HolidayCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be a whole number, got ${n}`)
  const step = n < 0 ? -1 : 1
  let day = date
  for (let remaining = Math.abs(n); remaining > 0;) {
    day = addDays(day, step)
    if (isWorkingDay(day, cal)) remaining--
  }
  return day
}

/**
 * Working days after `from` up to and including `to`, the measure for "acknowledged within 5
 * working days". 0 when `to` is `from`; negative when `to` lies before `from`.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, cal: HolidayCalendar): number {
  const order = compareLocalDate(from, to)
  if (order > 0) return -workingDaysBetween(to, from, cal)
  let count = 0
  for (let day = addDays(from, 1); compareLocalDate(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, cal)) count++
  }
  return count
}
