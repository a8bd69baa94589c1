import {
  addDays,
  addMonths,
  addWeeks,
  compareLocalDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfMonth,
  endOfQuarter,
  isLocalDate,
  localDateOf,
  localDateParts,
  makeLocalDate,
  maxLocalDate,
  minLocalDate,
  parseLocalDate,
  quarterOf,
  startOfMonth,
  startOfDayIn,
  startOfQuarter,
  todayIn,
} from '~/domain/local-date'

describe('isLocalDate and parseLocalDate', () => {
  it('accepts real calendar dates in the form YYYY-MM-DD', () => {
    expect(isLocalDate('2025-04-26')).toBe(true)
    expect(isLocalDate('2024-02-29')).toBe(true)
    expect(parseLocalDate('2000-02-29')).toBe('2000-02-29')
  })

  it('refuses dates that do not exist: 30 February, 29 February in a common year, month 13, day 0', () => {
    for (const bad of [
      '2025-02-30',
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-00',
      '2025-04-31',
    ]) {
      expect(isLocalDate(bad)).toBe(false)
      expect(() => parseLocalDate(bad)).toThrow(RangeError)
    }
  })

  it('refuses other shapes: no padding, a time part, slashes, non-strings', () => {
    for (const bad of ['2025-4-26', '2025-04-26T00:00', '26-04-2025', '2025/04/26', '', ' 2025-04-26']) {
      expect(isLocalDate(bad)).toBe(false)
    }
    expect(isLocalDate(20250426)).toBe(false)
    expect(isLocalDate(null)).toBe(false)
    expect(isLocalDate(new Date())).toBe(false)
  })

  it('builds a date from numbers and refuses one that does not exist', () => {
    expect(makeLocalDate(2025, 4, 5)).toBe('2025-04-05')
    expect(localDateParts('2025-04-05')).toEqual({ year: 2025, month: 4, day: 5 })
    expect(() => makeLocalDate(2025, 2, 29)).toThrow(RangeError)
  })

  it('knows the length of each month, including leap years (2000 yes, 1900 no)', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2025, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2025, 4)).toBe(30)
    expect(daysInMonth(2025, 12)).toBe(31)
  })
})

describe('day arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(addDays('2025-04-26', 0)).toBe('2025-04-26')
  })

  it('is not shifted by daylight saving time (last Sunday of March and October)', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30')
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31')
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27')
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31)
  })

  it('adds weeks as 7 calendar days (8 weeks after Monday 6 January 2025 is Monday 3 March)', () => {
    expect(addWeeks('2025-01-06', 8)).toBe('2025-03-03')
    expect(addWeeks('2025-01-06', -1)).toBe('2024-12-30')
  })

  it('adds months and clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30')
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15')
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15')
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28')
    expect(addMonths('2025-05-31', 12)).toBe('2026-05-31')
  })

  it('refuses fractional amounts instead of rounding them silently', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError)
    expect(() => addWeeks('2025-01-01', 0.5)).toThrow(RangeError)
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError)
  })

  it('refuses to calculate with an invalid date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError)
    expect(() => daysBetween('2025-01-01', 'tomorrow')).toThrow(RangeError)
  })

  it('counts calendar days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0)
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-03-13', '2025-03-03')).toBe(-10)
  })

  it('works for years before 100 and far ahead without the Date.UTC 19xx trap', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01')
    expect(addDays('2999-12-31', 1)).toBe('3000-01-01')
  })
})

describe('comparison', () => {
  it('orders dates and can be used to sort', () => {
    expect(compareLocalDate('2025-01-01', '2025-01-02')).toBe(-1)
    expect(compareLocalDate('2025-01-02', '2025-01-01')).toBe(1)
    expect(compareLocalDate('2025-01-01', '2025-01-01')).toBe(0)
    expect(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareLocalDate)).toEqual([
      '2024-12-31',
      '2025-01-15',
      '2025-03-01',
    ])
  })

  it('picks the earlier and the later of two dates', () => {
    expect(minLocalDate('2025-05-05', '2025-04-27')).toBe('2025-04-27')
    expect(maxLocalDate('2025-05-05', '2025-04-27')).toBe('2025-05-05')
  })
})

describe('dayOfWeek', () => {
  it('numbers the ISO week: Monday is 1, Sunday is 7', () => {
    expect(dayOfWeek('2025-04-21')).toBe(1) // Easter Monday 2025
    expect(dayOfWeek('2025-04-26')).toBe(6) // King's Day 2025, a Saturday
    expect(dayOfWeek('2025-04-27')).toBe(7)
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect(dayOfWeek('1969-12-28')).toBe(7)
    expect(dayOfWeek('2031-04-27')).toBe(7)
  })
})

describe('today in Amsterdam', () => {
  it('is already 1 January in Amsterdam at 23:30 UTC on 31 December (winter time, UTC+1)', () => {
    expect(todayIn(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01')
    expect(todayIn(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31')
  })

  it('turns the day at 22:00 UTC in summer time (UTC+2)', () => {
    expect(todayIn(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30')
    expect(todayIn(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01')
  })

  it('handles the night the clocks go forward (30 March 2025)', () => {
    expect(localDateOf(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-30')
    expect(localDateOf(new Date('2025-03-30T21:59:00Z'))).toBe('2025-03-30')
    expect(localDateOf(new Date('2025-03-30T22:00:00Z'))).toBe('2025-03-31')
  })

  it('gives the date of an instant in another zone when asked', () => {
    const instant = new Date('2025-12-31T23:30:00Z')
    expect(localDateOf(instant, 'UTC')).toBe('2025-12-31')
    expect(localDateOf(instant, 'America/New_York')).toBe('2025-12-31')
    expect(todayIn(instant, 'Asia/Tokyo')).toBe('2026-01-01')
  })

  it('refuses an invalid instant', () => {
    expect(() => localDateOf(new Date('not a date'))).toThrow(RangeError)
  })
})

describe('months and quarters', () => {
  it('places each month in its quarter', () => {
    expect(quarterOf('2025-01-01')).toBe(1)
    expect(quarterOf('2025-03-31')).toBe(1)
    expect(quarterOf('2025-04-01')).toBe(2)
    expect(quarterOf('2025-09-30')).toBe(3)
    expect(quarterOf('2025-12-31')).toBe(4)
  })

  it('gives the first and last day of a quarter', () => {
    expect(startOfQuarter('2025-05-17')).toBe('2025-04-01')
    expect(endOfQuarter('2025-05-17')).toBe('2025-06-30')
    expect(startOfQuarter('2025-01-01')).toBe('2025-01-01')
    expect(endOfQuarter('2024-02-10')).toBe('2024-03-31')
    expect(endOfQuarter('2025-11-30')).toBe('2025-12-31')
    expect(endOfQuarter('2025-07-31')).toBe('2025-09-30')
  })

  it('gives the first and last day of a month, 29 February in a leap year', () => {
    expect(startOfMonth('2024-02-17')).toBe('2024-02-01')
    expect(endOfMonth('2024-02-17')).toBe('2024-02-29')
    expect(endOfMonth('2025-02-01')).toBe('2025-02-28')
    expect(endOfMonth('2025-04-30')).toBe('2025-04-30')
  })
})

describe('the start of a day in Amsterdam', () => {
  it('is 23:00 UTC the day before in winter and 22:00 UTC in summer', () => {
    expect(startOfDayIn('2026-12-15').toISOString()).toBe('2026-12-14T23:00:00.000Z')
    expect(startOfDayIn('2026-06-15').toISOString()).toBe('2026-06-14T22:00:00.000Z')
  })

  it('is right on the days the clocks change (at 02:00 and 03:00, never at midnight)', () => {
    // Summer time starts on 29 March 2026, ends on 25 October 2026.
    expect(startOfDayIn('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(startOfDayIn('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect(startOfDayIn('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z')
    expect(startOfDayIn('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z')
  })

  it('falls on that day in Amsterdam, and a millisecond earlier on the day before', () => {
    for (const date of ['2026-01-01', '2026-03-29', '2026-07-01', '2026-10-25', '2028-02-29']) {
      const start = startOfDayIn(date)
      expect(todayIn(start)).toBe(date)
      expect(todayIn(new Date(start.getTime() - 1))).toBe(addDays(date, -1))
    }
  })

  it('works for another zone as well', () => {
    expect(startOfDayIn('2026-12-15', 'UTC').toISOString()).toBe('2026-12-15T00:00:00.000Z')
    expect(startOfDayIn('2026-12-15', 'America/New_York').toISOString()).toBe('2026-12-15T05:00:00.000Z')
  })
})
