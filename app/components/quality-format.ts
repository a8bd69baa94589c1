/** Formatting for the quality pages, in the reader's language: percentages, days, periods. */

/** The slice of i18next's `t` these need. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

const numberFormats = new Map<string, Intl.NumberFormat>()

function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL'
}

function numberFormat(language: string, style: 'percent' | 'decimal'): Intl.NumberFormat {
  const key = `${language}:${style}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { style, maximumFractionDigits: 1 })
    numberFormats.set(key, format)
  }
  return format
}

/** 97.9 → "97,9%" (nl) or "97.9%" (en); the value is already rounded down by the domain. */
export function formatPercent(value: number, language: string): string {
  return numberFormat(language, 'percent').format(value / 100)
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language, 'decimal').format(value)
}

/** 24.5 → "24,5 dagen" / "24.5 days". */
export function formatDays(value: number, language: string, t: Translate): string {
  return t('quality:units.days', { count: value === 1 ? 1 : 2, formatted: formatNumber(value, language) })
}

export interface PeriodLike {
  grain: 'month' | 'quarter'
  key: string
  from: string
  to: string
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()
function monthName(date: string, language: string, withYear: boolean): string {
  const key = `${language}:${withYear}`
  let format = monthFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      timeZone: 'UTC',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
    })
    monthFormats.set(key, format)
  }
  return format.format(new Date(`${date}T00:00:00Z`))
}

/** "maart 2026", "1e kwartaal 2026" / "March 2026", "1st quarter of 2026". */
export function formatPeriod(period: PeriodLike, language: string, t: Translate): string {
  if (period.grain === 'month') return monthName(period.from, language, true)
  const [year, quarter] = period.key.split('-Q')
  return t('quality:period.quarter', { ordinal: t(`quality:period.ordinal_${quarter}`), year })
}

/** For a quarter, the months it spans, for readers who do not think in quarters: "januari tot en met maart 2026". */
export function formatQuarterMonths(period: PeriodLike, language: string, t: Translate): string {
  return t('quality:period.quarterMonths', {
    from: monthName(period.from, language, false),
    to: monthName(period.to, language, false),
    year: period.from.slice(0, 4),
  })
}
