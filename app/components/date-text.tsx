import { useTranslation } from 'react-i18next'

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A calendar date ('2026-03-12') written out for the reader: "12 maart 2026", "12 March 2026".
 * Formatted in UTC because a LocalDate has no zone: the date never shifts by the browser's.
 */
export function formatLocalDate(date: string, language: string, withWeekday = false): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL'
  const key = `${locale}:${withWeekday}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withWeekday ? { weekday: 'long' } : {}),
    })
    formats.set(key, format)
  }
  return format.format(new Date(`${date}T00:00:00Z`))
}

/** A `<time>` element for a calendar date, in the page's language. */
export function DateText({ date, withWeekday = false }: { date: string; withWeekday?: boolean }) {
  const { i18n } = useTranslation()
  return <time dateTime={date}>{formatLocalDate(date, i18n.language, withWeekday)}</time>
}
