import { settings } from '~/context.server'
import { createHolidayCalendar, type HolidayCalendar } from '~/domain/working-days'
import { todayIn, type LocalDate } from '~/domain/local-date'

/**
 * The municipality's calendar: which days are working days (Algemene termijnenwet), what day it is
 * in Groningen, and the portal's public address printed in letters. One home for all three, so the
 * terms of a case, its letters and the quality figures count the same days.
 */

// One calendar per list of decree days (the settings of a process, or of a test server).
const calendars = new WeakMap<readonly LocalDate[], HolidayCalendar>()

/**
 * Atw art. 3(3): days equated to holidays by decree are configuration, HOLIDAYS_BY_DECREE as a
 * comma-separated list of dates (e.g. "2026-05-15"), checked at start by server/config.ts.
 */
export function holidayCalendar(): HolidayCalendar {
  const extraDays = settings().holidaysByDecree
  let calendar = calendars.get(extraDays)
  if (!calendar) {
    calendar = createHolidayCalendar({ extraDays })
    calendars.set(extraDays, calendar)
  }
  return calendar
}

/** "Today" for the municipality: the date in Europe/Amsterdam. */
export function municipalToday(now: Date = new Date()): LocalDate {
  return todayIn(now)
}

/** The portal's public address (BASE_URL), for the links printed in letters and e-mails. */
export function publicBaseUrl(): string {
  return settings().baseUrl
}
