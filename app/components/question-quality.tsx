import { useTranslation } from 'react-i18next'
import { formatNumber, formatPercent } from '~/components/quality-format'
import { VerdictTag, type Verdict } from '~/components/verdict-tag'

interface Figure {
  tally: { inTime: number; settled: number }
  percent: number | null
  targetPercent: number | null
  verdict: Verdict
}

/** One channel's question figures (app/services/quality/questions.server.ts QuestionLine). */
export interface QuestionFigures {
  key: string
  received: number
  acknowledgement: Figure
  /** the answer within its term */
  decision: Figure
  openOverdue: number
}

function Cell({ f }: { f: Figure }) {
  const { t, i18n } = useTranslation('quality')
  return (
    <div className="flex flex-col items-start gap-1">
      <span className="font-bold">
        {f.percent === null ? t('dashboard.noFigure') : formatPercent(f.percent, i18n.language)}
      </span>
      {f.tally.settled > 0 ? (
        <span className="text-sm text-muted">
          {t('dashboard.settledOf', { inTime: f.tally.inTime, settled: f.tally.settled })}
        </span>
      ) : null}
      {f.targetPercent !== null ? (
        <span className="text-sm">{t('units.target', { percent: formatPercent(f.targetPercent, i18n.language) })}</span>
      ) : null}
      <VerdictTag verdict={f.verdict} />
    </div>
  )
}

/** The dashboard's section on questions by internet, e-mail and post, against the charter's targets. */
export function QuestionQuality({ lines }: { lines: QuestionFigures[] }) {
  const { t, i18n } = useTranslation('contact')
  const { t: tq } = useTranslation('quality')
  return (
    <section aria-labelledby="questions-quality-heading" className="space-y-4">
      <h2 id="questions-quality-heading" className="text-2xl">
        {t('quality.heading')}
      </h2>
      <p className="prose-width">{t('quality.lead')}</p>
      <div className="overflow-x-auto" role="region" aria-labelledby="questions-quality-caption" tabIndex={0}>
        <table className="w-full min-w-[40rem] border-collapse text-left text-base">
          <caption id="questions-quality-caption" className="sr-only">
            {t('quality.caption')}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink align-bottom">
              <th scope="col" className="py-2 pr-4">
                {t('quality.channel')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('quality.received')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('quality.acknowledgement')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('quality.answer')}
              </th>
              <th scope="col" className="py-2">
                {t('quality.openOverdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  {tq(`channels.${l.key}`)}
                </th>
                <td className="py-3 pr-4">{formatNumber(l.received, i18n.language)}</td>
                <td className="py-3 pr-4">
                  <Cell f={l.acknowledgement} />
                </td>
                <td className="py-3 pr-4">
                  <Cell f={l.decision} />
                </td>
                <td className="py-3">{formatNumber(l.openOverdue, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
