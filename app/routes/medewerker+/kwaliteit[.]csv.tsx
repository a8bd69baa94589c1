import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireStaff } from '~/services/auth/guards.server'
import { municipalToday } from '~/services/calendar.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { qualityReportCsv } from '~/services/quality/csv.server'
import { periodFromQuery } from '~/services/quality/period.server'
import { getQualityReport } from '~/services/quality/report.server'
import { measureQuestionQuality } from '~/services/quality/questions.server'

/**
 * /medewerker/kwaliteit.csv?period=2026-Q1: the dashboard's figures as a spreadsheet (role
 * manager). Counts and shares only, in the manager's language; no BSN or other personal data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager')
  const today = municipalToday()
  const period = periodFromQuery(new URL(request.url).searchParams, { today })
  if (!period) throw new Response('Bad Request', { status: 400 })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const [report, questions] = await Promise.all([
    getQualityReport(period, { lang, today, trendLength: 1 }),
    measureQuestionQuality([period], { today }),
  ])
  return new Response(qualityReportCsv(report, { t, questions: questions.periods[0].byChannel }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kwaliteit-${period.key}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
