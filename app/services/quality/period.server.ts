/** Which period the dashboard and its CSV show: `?period=2026-Q1` or `?period=2026-03`. */
import { z } from 'zod'
import type { LocalDate } from '~/domain/local-date'
import { parsePeriod, periodContaining, periodsUpTo, type Grain, type ReportingPeriod } from '~/domain/quality'
import { municipalToday } from '~/services/calendar.server'

/** The period a dashboard opens on when none is asked for: the quarter running today. */
function defaultPeriod({
  today = municipalToday(),
  grain = 'quarter',
}: { today?: LocalDate; grain?: Grain } = {}): ReportingPeriod {
  return periodContaining(today, grain)
}

const PeriodQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/)
    .optional(),
})

/** The dashboard's and the CSV's `?period=2026-Q1` or `?period=2026-03`; null when malformed. */
export function periodFromQuery(params: URLSearchParams, { today }: { today: LocalDate }): ReportingPeriod | null {
  const query = PeriodQuery.safeParse(Object.fromEntries(params))
  return query.success ? resolvePeriod(query.data.period, { today }) : null
}

/** A `?period=` value as the dashboard takes it: '2026-Q1' or '2026-03'; absent → this quarter. */
function resolvePeriod(
  key: string | undefined,
  { today = municipalToday() }: { today?: LocalDate } = {},
): ReportingPeriod | null {
  if (key === undefined || key === '') return defaultPeriod({ today })
  return parsePeriod(key)
}

/** The periods the selector offers: the last 8 quarters and 12 months, and the chosen one. */
export function periodChoices(
  selected: ReportingPeriod,
  { today }: { today: LocalDate },
): { quarters: ReportingPeriod[]; months: ReportingPeriod[] } {
  const quarters = periodsUpTo(periodContaining(today, 'quarter'), 8).reverse()
  const months = periodsUpTo(periodContaining(today, 'month'), 12).reverse()
  const list = selected.grain === 'quarter' ? quarters : months
  if (!list.some((p) => p.key === selected.key)) list.push(selected)
  return { quarters, months }
}
