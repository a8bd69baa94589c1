import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, json, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BarChart, type ChartBar } from '~/components/bar-chart'
import { formatDays, formatNumber, formatPercent, formatPeriod, type Translate } from '~/components/quality-format'
import { VerdictTag } from '~/components/verdict-tag'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { periodChoices, periodFromQuery } from '~/services/quality/period.server'
import { getQualityReport, type Judged, type QualityLine } from '~/services/quality/report.server'
import { municipalToday } from '~/services/calendar.server'
import { MessageQuality } from '~/components/message-quality'
import { measureMessageQuality } from '~/services/messages/quality.server'
import { QuestionQuality } from '~/components/question-quality'
import { measureQuestionQuality } from '~/services/quality/questions.server'

/** "Do we keep our norms?": per channel and case type, against the charter's targets (README, Decisions). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager')
  const today = municipalToday()
  const period = periodFromQuery(new URL(request.url).searchParams, { today })
  if (!period) throw new Response('Bad Request', { status: 400 })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const report = await getQualityReport(period, { lang, today })
  // Messages on cases, by the charter's e-mail norms, over the same periods as the trend.
  const messages = await measureMessageQuality(
    report.trend.map((p) => p.period),
    { today },
  )
  // Questions by internet, e-mail and post, by the charter's norms per channel, in this period.
  const questions = await measureQuestionQuality([period], { today })
  return json({
    report,
    messages,
    questions: questions.periods[0].byChannel,
    choices: periodChoices(period, { today }),
    title: t('quality:dashboard.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['quality', 'messages', 'contact'] }

type Line = QualityLine
type Measure = 'acknowledgement' | 'decision'

function MeasureCell({ judged, explainFallback = false }: { judged: Judged; explainFallback?: boolean }) {
  const { t, i18n } = useTranslation('quality')
  const { tally, percent, targetPercent, targetSource, verdict } = judged
  return (
    <div className="flex flex-col items-start gap-1">
      <span className="font-bold">
        {percent === null ? t('dashboard.noFigure') : formatPercent(percent, i18n.language)}
      </span>
      {tally.settled > 0 ? (
        <span className="text-sm text-muted">
          {t('dashboard.settledOf', { inTime: tally.inTime, settled: tally.settled })}
        </span>
      ) : null}
      {targetPercent !== null ? (
        <span className="text-sm">
          {t('units.target', { percent: formatPercent(targetPercent, i18n.language) })}
          {explainFallback && targetSource === 'decision' ? ` (${t('dashboard.targetFallback').toLowerCase()})` : null}
        </span>
      ) : null}
      <VerdictTag verdict={verdict} />
    </div>
  )
}

function LinesTable({
  id,
  caption,
  labelHeader,
  lines,
  labelOf,
  explainFallback = false,
}: {
  id: string
  caption: string
  labelHeader: string
  lines: Line[]
  labelOf: (l: Line) => string
  explainFallback?: boolean
}) {
  const { t, i18n } = useTranslation('quality')
  // On a phone the table scrolls sideways: the region can take focus, so a keyboard can scroll it.
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="w-full min-w-[46rem] border-collapse text-left text-base">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink align-bottom">
            <th scope="col" className="py-2 pr-4">
              {labelHeader}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('dashboard.columns.received')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('dashboard.columns.acknowledged')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('dashboard.columns.decided')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('dashboard.columns.median')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('dashboard.columns.openOverdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className="border-b border-line align-top">
              <th scope="row" className="py-3 pr-4">
                {labelOf(l)}
              </th>
              <td className="py-3 pr-4 text-right">{formatNumber(l.received, i18n.language)}</td>
              <td className="py-3 pr-4">
                <MeasureCell judged={l.acknowledgement} />
              </td>
              <td className="py-3 pr-4">
                <MeasureCell judged={l.decision} explainFallback={explainFallback} />
              </td>
              <td className="py-3 pr-4 text-right">
                {l.medianLeadDays === null
                  ? t('dashboard.noFigure')
                  : formatDays(l.medianLeadDays, i18n.language, t as Translate)}
              </td>
              <td className="py-3 text-right">{formatNumber(l.openOverdue, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function barsOf(lines: Line[], measure: Measure, labelOf: (l: Line) => string, t: Translate): ChartBar[] {
  return lines.map((l) => ({
    key: l.key,
    label: labelOf(l),
    percent: l[measure].percent,
    targetPercent: l[measure].targetPercent,
    verdict: l[measure].verdict,
    detail: t('quality:dashboard.settledOf', { inTime: l[measure].tally.inTime, settled: l[measure].tally.settled }),
  }))
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="border-l-4 border-brand bg-brand-light p-4">
      <dt className="text-base">{label}</dt>
      <dd className="m-0 mt-1">{children}</dd>
    </div>
  )
}

export default function QualityDashboard() {
  const { report, choices, messages, questions } = useLoaderData<typeof loader>()
  const { t: tq, i18n } = useTranslation('quality')
  const t = tq as Translate
  const language = i18n.language
  const periodName = formatPeriod(report.period, language, t)
  const channelLabel = (l: Line) => t(`quality:channels.${l.key}`)
  const typeLabel = (l: Line) => l.label
  const periodLabel = (l: Line) => formatPeriod(report.trend.find((p) => p.period.key === l.label)!.period, language, t)
  const trendLines = report.trend.map((p) => ({ ...p.total, key: p.period.key, label: p.period.key }))
  const otherNorms = report.norms.filter((n) => !n.measuredFromCases)
  const { total } = report

  return (
    <div className="space-y-12">
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('quality:dashboard.heading')}</h1>
        <p className="mt-4 text-xl">{t('quality:dashboard.lead')}</p>
      </div>

      <Form method="get" className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="period" className="font-bold">
            {t('quality:dashboard.periodLabel')}
          </label>
          <select
            id="period"
            name="period"
            defaultValue={report.period.key}
            className="min-h-11 rounded-sm border-2 border-ink bg-white px-3 py-2"
          >
            <optgroup label={t('quality:dashboard.quarters')}>
              {choices.quarters.map((p) => (
                <option key={p.key} value={p.key}>
                  {formatPeriod(p, language, t)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('quality:dashboard.months')}>
              {choices.months.map((p) => (
                <option key={p.key} value={p.key}>
                  {formatPeriod(p, language, t)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('quality:dashboard.show')}
        </button>
        <a href={`/medewerker/kwaliteit.csv?period=${report.period.key}`} className="btn-secondary" download>
          {t('quality:dashboard.csv')}
        </a>
      </Form>

      <section aria-labelledby="summary-heading" className="space-y-4">
        <h2 id="summary-heading" className="text-2xl">
          {t('quality:dashboard.summaryHeading', { period: periodName })}
        </h2>
        {!report.complete ? (
          <p className="border-l-4 border-info bg-brand-light p-3">{t('quality:dashboard.running')}</p>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Stat label={t('quality:dashboard.received')}>
            <span className="text-3xl font-bold">{formatNumber(total.received, language)}</span>
          </Stat>
          <Stat label={t('quality:dashboard.acknowledgedInTime')}>
            <MeasureCell judged={total.acknowledgement} />
          </Stat>
          <Stat label={t('quality:dashboard.decidedInTime')}>
            <MeasureCell judged={total.decision} explainFallback />
          </Stat>
          <Stat label={t('quality:dashboard.medianLeadTime')}>
            <span className="text-2xl font-bold">
              {total.medianLeadDays === null
                ? t('quality:dashboard.noFigure')
                : formatDays(total.medianLeadDays, language, t)}
            </span>
          </Stat>
          <Stat label={t('quality:dashboard.openOverdue')}>
            <span className="text-3xl font-bold">{formatNumber(total.openOverdue, language)}</span>
          </Stat>
        </dl>
      </section>

      <section aria-labelledby="channel-heading" className="space-y-6">
        <h2 id="channel-heading" className="text-2xl">
          {t('quality:dashboard.byChannelHeading')}
        </h2>
        <LinesTable
          id="by-channel"
          explainFallback
          caption={t('quality:dashboard.tableByChannel')}
          labelHeader={t('quality:dashboard.columns.channel')}
          lines={report.byChannel}
          labelOf={channelLabel}
        />
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChart
            id="chart-ack-channel"
            title={t('quality:dashboard.charts.ackByChannel')}
            labelHeader={t('quality:dashboard.columns.channel')}
            bars={barsOf(report.byChannel, 'acknowledgement', channelLabel, t)}
          />
          <BarChart
            id="chart-decided-channel"
            title={t('quality:dashboard.charts.decidedByChannel')}
            labelHeader={t('quality:dashboard.columns.channel')}
            bars={barsOf(report.byChannel, 'decision', channelLabel, t)}
          />
        </div>
      </section>

      <section aria-labelledby="type-heading" className="space-y-6">
        <h2 id="type-heading" className="text-2xl">
          {t('quality:dashboard.byCaseTypeHeading')}
        </h2>
        <LinesTable
          id="by-case-type"
          caption={t('quality:dashboard.tableByCaseType')}
          labelHeader={t('quality:dashboard.columns.caseType')}
          lines={report.byCaseType}
          labelOf={typeLabel}
        />
        <BarChart
          id="chart-decided-type"
          title={t('quality:dashboard.charts.decidedByCaseType')}
          labelHeader={t('quality:dashboard.columns.caseType')}
          bars={barsOf(report.byCaseType, 'decision', typeLabel, t)}
        />
      </section>

      <section aria-labelledby="trend-heading" className="space-y-6">
        <h2 id="trend-heading" className="text-2xl">
          {t('quality:dashboard.trendHeading')}
        </h2>
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChart
            id="chart-ack-trend"
            title={t('quality:dashboard.charts.ackTrend')}
            labelHeader={t('quality:dashboard.columns.period')}
            bars={barsOf(trendLines, 'acknowledgement', periodLabel, t)}
          />
          <BarChart
            id="chart-decided-trend"
            title={t('quality:dashboard.charts.decidedTrend')}
            labelHeader={t('quality:dashboard.columns.period')}
            bars={barsOf(trendLines, 'decision', periodLabel, t)}
          />
        </div>
      </section>

      <MessageQuality norms={messages.norms} periods={messages.periods} />

      <QuestionQuality lines={questions} />

      <section aria-labelledby="how-heading" className="prose-width space-y-3">
        <h2 id="how-heading" className="text-2xl">
          {t('quality:dashboard.howHeading')}
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          {(['cohort', 'acknowledgement', 'decision', 'pending', 'target', 'median'] as const).map((key) => (
            <li key={key}>{t(`quality:dashboard.how.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="other-heading" className="space-y-4">
        <h2 id="other-heading" className="text-2xl">
          {t('quality:dashboard.otherNormsHeading')}
        </h2>
        <p className="prose-width">{t('quality:dashboard.otherNormsText')}</p>
        <div className="overflow-x-auto" role="region" aria-labelledby="other-norms-caption" tabIndex={0}>
          <table className="w-full min-w-[40rem] border-collapse text-left text-base">
            <caption id="other-norms-caption" className="sr-only">
              {t('quality:dashboard.tableOtherNorms')}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('quality:dashboard.normColumns.channel')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('quality:dashboard.normColumns.norm')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('quality:dashboard.normColumns.target')}
                </th>
                <th scope="col" className="py-2">
                  {t('quality:dashboard.normColumns.source')}
                </th>
              </tr>
            </thead>
            <tbody>
              {otherNorms.map((n) => (
                <tr key={n.code} className="border-b border-line align-top">
                  <td className="py-2 pr-4">
                    {n.channel ? t(`quality:channels.${n.channel}`) : t('quality:channels.all')}
                  </td>
                  <td className="py-2 pr-4">{n.text}</td>
                  <td className="py-2 pr-4 text-right">{formatPercent(n.targetPercent, language)}</td>
                  <td className="py-2 text-sm text-muted" lang="nl">
                    {n.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
