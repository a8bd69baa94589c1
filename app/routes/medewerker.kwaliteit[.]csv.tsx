import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireStaff } from '~/services/auth.server'
import { municipalToday } from '~/services/cases.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { getQualityReport, qualityReportCsv, resolvePeriod } from '~/services/quality.server'

const QualityQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/)
    .optional(),
})

/**
 * /medewerker/kwaliteit.csv?period=2026-Q1: the dashboard's figures as a spreadsheet (role
 * manager). Counts and shares only, in the manager's language; no BSN or other personal data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager')
  const query = QualityQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const today = municipalToday()
  const period = query.success ? resolvePeriod(query.data.period, today) : null
  if (!period) throw new Response('Bad Request', { status: 400 })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const report = await getQualityReport({ period, lang, today, trendLength: 1 })
  return new Response(qualityReportCsv(report, t), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kwaliteit-${period.key}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
