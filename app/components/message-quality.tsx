import { useTranslation } from 'react-i18next'
import { formatPercent, formatPeriod } from '~/components/quality-format'
import { VerdictTag, type Verdict } from '~/components/verdict-tag'

interface Figure {
  tally: { inTime: number; settled: number }
  percent: number | null
  targetPercent: number
  verdict: Verdict
}

interface PeriodFigures {
  period: { grain: 'month' | 'quarter'; key: string; from: string; to: string }
  received: number
  acknowledgement: Figure
  answer: Figure
}

/**
 * The quality dashboard's section on messages with the caseworker: per period, how many came,
 * and the shares acknowledged and answered in time against the charter's e-mail targets
 * (app/services/messages/quality.server.ts).
 */
export function MessageQuality({
  norms,
  periods,
}: {
  norms: { acknowledgeWorkingDays: number; answerWeeks: number }
  periods: PeriodFigures[]
}) {
  const { t, i18n } = useTranslation('messages')
  const { t: tq } = useTranslation('quality')
  const cell = (f: Figure) => (
    <div className="flex flex-col items-start gap-1">
      <span className="font-bold">
        {f.percent === null ? tq('dashboard.noFigure') : formatPercent(f.percent, i18n.language)}
      </span>
      {f.tally.settled > 0 ? (
        <span className="text-sm text-muted">
          {tq('dashboard.settledOf', { inTime: f.tally.inTime, settled: f.tally.settled })}
        </span>
      ) : null}
      <span className="text-sm">{tq('units.target', { percent: formatPercent(f.targetPercent, i18n.language) })}</span>
      <VerdictTag verdict={f.verdict} />
    </div>
  )
  return (
    <section aria-labelledby="messages-quality-heading" className="space-y-4">
      <h2 id="messages-quality-heading" className="text-2xl">
        {t('quality.heading')}
      </h2>
      <p className="prose-width">
        {t('quality.lead', { days: norms.acknowledgeWorkingDays, weeks: norms.answerWeeks })}
      </p>
      <div className="overflow-x-auto" role="region" aria-labelledby="messages-quality-caption" tabIndex={0}>
        <table className="w-full min-w-[36rem] border-collapse text-left text-base">
          <caption id="messages-quality-caption" className="sr-only">
            {t('quality.caption')}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink align-bottom">
              <th scope="col" className="py-2 pr-4">
                {t('quality.period')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('quality.received')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('quality.acknowledgement')}
              </th>
              <th scope="col" className="py-2">
                {t('quality.answer')}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period.key} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  {formatPeriod(p.period, i18n.language, tq)}
                </th>
                <td className="py-3 pr-4">{p.received}</td>
                <td className="py-3 pr-4">{cell(p.acknowledgement)}</td>
                <td className="py-3">{cell(p.answer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
