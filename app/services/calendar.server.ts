import { createHolidayCalendar, type HolidayCalendar } from '~/domain/working-days'
import { todayIn, type LocalDate } from '~/domain/local-date'

/**
 * The municipality's calendar: which days are working days (Algemene termijnenwet), what day it is
 * in Groningen, and the portal's public address printed in letters. One home for all three, so the
 * terms of a case, its letters and the quality figures count the same days.
 */

let calendar: HolidayCalendar | undefined
/**
 * Atw art. 3(3): days equated to holidays by decree are configuration, HOLIDAYS_BY_DECREE as a
 * comma-separated list of dates (e.g. "2026-05-15").
 */
export function holidayCalendar(): HolidayCalendar {
  if (!calendar) {
    const extraDays = (process.env.HOLIDAYS_BY_DECREE ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
    calendar = createHolidayCalendar({ extraDays })
  }
  return calendar
}

/** "Today" for the municipality: the date in Europe/Amsterdam. */
export function municipalToday(now: Date = new Date()): LocalDate {
  return todayIn(now)
}

/** The portal's public address, for the links printed in letters and e-mails. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '')
}
