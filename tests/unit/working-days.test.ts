import { dayOfWeek } from '~/domain/local-date'
import {
  addWorkingDays,
  createHolidayCalendar,
  easterSunday,
  holidayOn,
  holidaysOf,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from '~/domain/working-days'

const cal = createHolidayCalendar()

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ])('falls in %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
    expect(dayOfWeek(date)).toBe(7)
  })

  it('reaches the extremes of its range: 22 March (2285) and 25 April (2038)', () => {
    expect(easterSunday(2285)).toBe('2285-03-22')
    expect(easterSunday(2038)).toBe('2038-04-25')
  })
})

describe('the days derived from Easter (Good Friday -2, Easter Monday +1, Ascension +39, Whit Monday +50)', () => {
  it.each([
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-05'],
    [2029, '2029-03-30', '2029-04-02', '2029-05-10', '2029-05-21'],
    [2030, '2030-04-19', '2030-04-22', '2030-05-30', '2030-06-10'],
  ])(
    'in %i: Good Friday %s, Easter Monday %s, Ascension Day %s, Whit Monday %s',
    (year, goodFriday, easterMonday, ascension, whitMonday) => {
      expect(holidayOn(goodFriday, cal)).toBe('good_friday')
      expect(holidayOn(easterMonday, cal)).toBe('easter_monday')
      expect(holidayOn(ascension, cal)).toBe('ascension_day')
      expect(holidayOn(whitMonday, cal)).toBe('whit_monday')
      expect(dayOfWeek(goodFriday)).toBe(5)
      expect(dayOfWeek(easterMonday)).toBe(1)
      expect(dayOfWeek(ascension)).toBe(4)
      expect(dayOfWeek(whitMonday)).toBe(1)
      expect(holidaysOf(year).map((h) => h.date)).toEqual(
        expect.arrayContaining([goodFriday, easterMonday, ascension, whitMonday]),
      )
    },
  )
})

describe('holidaysOf (Algemene termijnenwet art. 3)', () => {
  it('lists exactly the nine days of 2025 in date order', () => {
    expect(holidaysOf(2025)).toEqual([
      { date: '2025-01-01', name: 'new_years_day' },
      { date: '2025-04-18', name: 'good_friday' },
      { date: '2025-04-21', name: 'easter_monday' },
      { date: '2025-04-26', name: 'kings_day' },
      { date: '2025-05-05', name: 'liberation_day' },
      { date: '2025-05-29', name: 'ascension_day' },
      { date: '2025-06-09', name: 'whit_monday' },
      { date: '2025-12-25', name: 'christmas_day' },
      { date: '2025-12-26', name: 'boxing_day' },
    ])
  })

  it('does not list Easter Sunday or Whit Sunday: art. 3 names the second days, Sundays count anyway', () => {
    expect(holidayOn('2025-04-20', cal)).toBeNull()
    expect(holidayOn('2025-06-08', cal)).toBeNull()
    expect(isWorkingDay('2025-04-20', cal)).toBe(false)
    expect(isWorkingDay('2025-06-08', cal)).toBe(false)
  })

  it("holds King's Day on 27 April (Monday in 2026)", () => {
    expect(holidayOn('2026-04-27', cal)).toBe('kings_day')
  })

  it("holds King's Day on Saturday 26 April 2025 because 27 April 2025 is a Sunday", () => {
    expect(holidayOn('2025-04-26', cal)).toBe('kings_day')
    expect(holidayOn('2025-04-27', cal)).toBeNull()
  })

  it("holds King's Day on Saturday 26 April 2031 because 27 April 2031 is a Sunday", () => {
    expect(dayOfWeek('2031-04-27')).toBe(7)
    expect(holidayOn('2031-04-26', cal)).toBe('kings_day')
    expect(holidayOn('2031-04-27', cal)).toBeNull()
  })

  it("holds Queen's Day on 30 April before 2014, on the 29th when the 30th was a Sunday (2006)", () => {
    expect(holidayOn('2013-04-30', cal)).toBe('kings_day')
    expect(holidayOn('2006-04-29', cal)).toBe('kings_day')
    expect(holidayOn('2013-04-27', cal)).toBeNull()
  })

  it('makes 5 May a holiday every year, not only in lustrum years (2026, 2027)', () => {
    expect(holidayOn('2026-05-05', cal)).toBe('liberation_day')
    expect(holidayOn('2027-05-05', cal)).toBe('liberation_day')
    expect(isWorkingDay('2026-05-05', cal)).toBe(false)
  })

  it('keeps both holidays when they coincide (Ascension Day on 5 May 2016)', () => {
    const fifthOfMay = holidaysOf(2016).filter((h) => h.date === '2016-05-05')
    expect(fifthOfMay.map((h) => h.name).sort()).toEqual(['ascension_day', 'liberation_day'])
  })
})

describe('days equated by decree (Atw art. 3(3))', () => {
  const withDecree = createHolidayCalendar({ extraDays: ['2026-05-15', '2027-05-07'] })

  it('treats a decreed day (the Friday after Ascension 2026) as a holiday', () => {
    expect(isWorkingDay('2026-05-15', cal)).toBe(true)
    expect(isWorkingDay('2026-05-15', withDecree)).toBe(false)
    expect(holidayOn('2026-05-15', withDecree)).toBe('by_decree')
  })

  it('lists the decreed days of the asked year only', () => {
    const decreed = holidaysOf(2026, withDecree).filter((h) => h.name === 'by_decree')
    expect(decreed).toEqual([{ date: '2026-05-15', name: 'by_decree' }])
    const dates = holidaysOf(2026, withDecree).map((h) => h.date)
    expect(dates).toEqual([...dates].sort())
  })

  it('does not list a decreed day twice when it already is a statutory holiday', () => {
    const overlapping = createHolidayCalendar({ extraDays: ['2026-05-05'] })
    expect(holidaysOf(2026, overlapping).filter((h) => h.date === '2026-05-05')).toHaveLength(1)
  })

  it('refuses an invalid decree day when the calendar is made, not when a term is counted', () => {
    expect(() => createHolidayCalendar({ extraDays: ['2026-02-30'] })).toThrow(RangeError)
  })

  it('cannot be changed after it is made', () => {
    expect(Object.isFrozen(withDecree)).toBe(true)
  })
})

describe('isWorkingDay', () => {
  it('is Monday to Friday outside the holidays', () => {
    expect(isWorkingDay('2025-03-10', cal)).toBe(true) // Monday
    expect(isWorkingDay('2025-03-14', cal)).toBe(true) // Friday
    expect(isWorkingDay('2025-03-15', cal)).toBe(false) // Saturday
    expect(isWorkingDay('2025-03-16', cal)).toBe(false) // Sunday
  })

  it('is not a working day on Good Friday (Atw art. 3(2))', () => {
    expect(isWorkingDay('2025-04-18', cal)).toBe(false)
  })
})

describe('nextWorkingDayOnOrAfter (Atw art. 1: a term ending on a non-working day runs on)', () => {
  it('leaves a term ending on a working day where it is', () => {
    expect(nextWorkingDayOnOrAfter('2025-03-12', cal)).toBe('2025-03-12')
  })

  it('moves a term ending on a Saturday or Sunday to Monday', () => {
    expect(nextWorkingDayOnOrAfter('2025-03-15', cal)).toBe('2025-03-17')
    expect(nextWorkingDayOnOrAfter('2025-03-16', cal)).toBe('2025-03-17')
  })

  it("moves a term ending on King's Day 2025 (Saturday 26 April) to Monday 28 April", () => {
    expect(nextWorkingDayOnOrAfter('2025-04-26', cal)).toBe('2025-04-28')
  })

  it("moves a term ending on King's Day 2026 (Monday 27 April) to Tuesday 28 April", () => {
    expect(nextWorkingDayOnOrAfter('2026-04-27', cal)).toBe('2026-04-28')
  })

  it('moves a term ending on 5 May 2026 (Tuesday) to Wednesday 6 May', () => {
    expect(nextWorkingDayOnOrAfter('2026-05-05', cal)).toBe('2026-05-06')
  })

  it('moves a term ending on Good Friday 2025 past Easter Monday to Tuesday 22 April', () => {
    expect(nextWorkingDayOnOrAfter('2025-04-18', cal)).toBe('2025-04-22')
  })

  it('moves a term ending on Easter Monday 2025 to Tuesday 22 April', () => {
    expect(nextWorkingDayOnOrAfter('2025-04-21', cal)).toBe('2025-04-22')
  })

  it('moves a term ending on Ascension Day 2026 to Friday 15 May, or to Monday 18 May when that Friday is decreed', () => {
    expect(nextWorkingDayOnOrAfter('2026-05-14', cal)).toBe('2026-05-15')
    expect(nextWorkingDayOnOrAfter('2026-05-14', createHolidayCalendar({ extraDays: ['2026-05-15'] }))).toBe(
      '2026-05-18',
    )
  })

  it('moves a term ending on Whit Monday 2025 to Tuesday 10 June', () => {
    expect(nextWorkingDayOnOrAfter('2025-06-09', cal)).toBe('2025-06-10')
  })

  it('moves a term ending on Christmas Day 2026 (Friday) over Boxing Day and the weekend to Monday 28 December', () => {
    expect(nextWorkingDayOnOrAfter('2026-12-25', cal)).toBe('2026-12-28')
  })

  it('moves a term ending on Boxing Day 2026 (Saturday) to Monday 28 December', () => {
    expect(nextWorkingDayOnOrAfter('2026-12-26', cal)).toBe('2026-12-28')
  })

  it("moves a term ending on New Year's Day 2028 (Saturday) to Monday 3 January", () => {
    expect(nextWorkingDayOnOrAfter('2028-01-01', cal)).toBe('2028-01-03')
  })
})

describe('addWorkingDays ("within 5 working days" counts from the day after receipt)', () => {
  it('makes 5 working days after a Friday the next Friday', () => {
    expect(addWorkingDays('2025-03-07', 5, cal)).toBe('2025-03-14')
  })

  it('counts from Monday for something received on a Saturday', () => {
    expect(addWorkingDays('2025-03-08', 5, cal)).toBe('2025-03-14')
  })

  it('skips a holiday inside the window: Friday 6 June 2025 + 5 skips Whit Monday, ends Monday 16 June', () => {
    expect(addWorkingDays('2025-06-06', 5, cal)).toBe('2025-06-16')
  })

  it("skips Christmas, Boxing Day and New Year's Day: Wednesday 24 December 2025 + 5 is Monday 5 January 2026", () => {
    expect(addWorkingDays('2025-12-24', 5, cal)).toBe('2026-01-05')
  })

  it('returns the date itself for 0, and counts back for a negative number', () => {
    expect(addWorkingDays('2025-03-08', 0, cal)).toBe('2025-03-08')
    expect(addWorkingDays('2025-03-14', -5, cal)).toBe('2025-03-07')
    expect(addWorkingDays('2025-04-22', -1, cal)).toBe('2025-04-17')
  })

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays('2025-03-07', 2.5, cal)).toThrow(RangeError)
  })
})

describe('workingDaysBetween (working days after `from`, up to and including `to`)', () => {
  it('counts 5 from a Friday to the next Friday and 0 on the same day', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-14', cal)).toBe(5)
    expect(workingDaysBetween('2025-03-07', '2025-03-07', cal)).toBe(0)
  })

  it('counts 0 from a Friday to the Sunday after, 1 to the Monday', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-09', cal)).toBe(0)
    expect(workingDaysBetween('2025-03-07', '2025-03-10', cal)).toBe(1)
  })

  it('does not count a holiday: Friday 6 June 2025 to Friday 13 June is 4 (Whit Monday)', () => {
    expect(workingDaysBetween('2025-06-06', '2025-06-13', cal)).toBe(4)
  })

  it('is negative when `to` lies before `from`', () => {
    expect(workingDaysBetween('2025-03-14', '2025-03-07', cal)).toBe(-5)
  })

  it('is the inverse of addWorkingDays', () => {
    for (const from of ['2025-04-17', '2025-12-24', '2026-05-13', '2026-12-24']) {
      for (const n of [1, 5, 12]) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, cal), cal)).toBe(n)
      }
    }
  })
})
