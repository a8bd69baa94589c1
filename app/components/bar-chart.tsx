import { useTranslation } from 'react-i18next'
import { formatPercent } from './quality-format'
import { VerdictTag, type Verdict } from './verdict-tag'

export interface ChartBar {
  key: string
  label: string
  /** 0–100, or null when there is nothing to measure. */
  percent: number | null
  targetPercent: number | null
  verdict: Verdict
  /** What the percentage is made of, e.g. "5 van 7". */
  detail?: string
}

// Geometry in SVG user units; the drawing scales with its box, text with it.
const WIDTH = 400
const TRACK = 264
const ROW = 60
const INK = '#1b1b1b'
const BRAND = '#154273'
const LINE = '#6f777b'

function VerdictIcon({ verdict, x, y }: { verdict: Verdict; x: number; y: number }) {
  if (verdict === 'met') return <path d={`M${x} ${y + 8}l5 5 10-12`} fill="none" stroke={INK} strokeWidth="3" />
  if (verdict === 'missed') {
    return (
      <g>
        <circle cx={x + 8} cy={y + 7} r="8" fill={INK} />
        <path d={`M${x + 4.5} ${y + 3.5}l7 7M${x + 11.5} ${y + 3.5}l-7 7`} stroke="#fff" strokeWidth="2" />
      </g>
    )
  }
  return null
}

/**
 * A horizontal bar chart of percentages against their targets, as inline SVG with role="img",
 * a title and a description that says in words what the bars show; the same figures follow in
 * a table. Met or missed is never colour alone: a missed bar is striped and carries a cross,
 * a met one a tick, and the table says it in words.
 */
export function BarChart({
  id,
  title,
  labelHeader,
  bars,
}: {
  id: string
  title: string
  labelHeader: string
  bars: ChartBar[]
}) {
  const { t, i18n } = useTranslation('quality')
  const language = i18n.language
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const hatchId = `${id}-hatch`
  const axisY = bars.length * ROW + 6
  const height = axisY + 76
  const x = (percent: number) => (TRACK * Math.max(0, Math.min(100, percent))) / 100
  const value = (bar: ChartBar) =>
    bar.percent === null ? t('dashboard.noFigure') : formatPercent(bar.percent, language)
  const description = t('dashboard.charts.desc', {
    what: title,
    items: bars
      .map((bar) => {
        const verdict = t(`verdict.${bar.verdict}`)
        if (bar.percent === null) return t('dashboard.charts.descNoValue', { label: bar.label, verdict })
        return bar.targetPercent === null
          ? t('dashboard.charts.descItem', { label: bar.label, value: value(bar), verdict })
          : t('dashboard.charts.descItemTarget', {
              label: bar.label,
              value: value(bar),
              target: formatPercent(bar.targetPercent, language),
              verdict,
            })
      })
      .join('; '),
  })

  return (
    <figure className="max-w-lg">
      <figcaption className="text-lg font-bold">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="mt-2 h-auto w-full"
        fontSize="18"
        fill={INK}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#fff" />
            <rect width="4" height="8" fill={BRAND} />
          </pattern>
        </defs>
        {bars.map((bar, i) => {
          const y = i * ROW
          return (
            <g key={bar.key}>
              <text x="0" y={y + 18}>
                {bar.label}
              </text>
              <rect x="0" y={y + 26} width={TRACK} height="20" fill="#fff" stroke={LINE} />
              {bar.percent !== null && bar.percent > 0 ? (
                <rect
                  x="0"
                  y={y + 26}
                  width={x(bar.percent)}
                  height="20"
                  fill={bar.verdict === 'missed' ? `url(#${hatchId})` : BRAND}
                  stroke={BRAND}
                  strokeWidth="2"
                />
              ) : null}
              {bar.targetPercent !== null ? (
                <line
                  x1={x(bar.targetPercent)}
                  x2={x(bar.targetPercent)}
                  y1={y + 21}
                  y2={y + 51}
                  stroke={INK}
                  strokeWidth="3"
                />
              ) : null}
              <VerdictIcon verdict={bar.verdict} x={TRACK + 10} y={y + 29} />
              <text x={TRACK + 34} y={y + 42}>
                {value(bar)}
              </text>
            </g>
          )
        })}
        <g fontSize="15">
          <line x1="0" x2={TRACK} y1={axisY} y2={axisY} stroke={LINE} />
          {[0, 50, 100].map((p) => (
            <g key={p}>
              <line x1={x(p)} x2={x(p)} y1={axisY} y2={axisY + 6} stroke={LINE} />
              <text x={x(p)} y={axisY + 22} textAnchor={p === 0 ? 'start' : p === 100 ? 'end' : 'middle'}>
                {formatPercent(p, language)}
              </text>
            </g>
          ))}
          <line x1="2" x2="2" y1={axisY + 34} y2={axisY + 50} stroke={INK} strokeWidth="3" />
          <text x="14" y={axisY + 47}>
            {t('dashboard.charts.legendTarget')}
          </text>
          <rect x="0" y={axisY + 56} width="24" height="14" fill={`url(#${hatchId})`} stroke={BRAND} strokeWidth="2" />
          <text x="32" y={axisY + 68}>
            {t('dashboard.charts.legendMissed')}
          </text>
        </g>
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">{t('dashboard.charts.tableSummary')}</summary>
        <table className="mt-2 w-full border-collapse text-left text-base">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">
                {labelHeader}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                %
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t('dashboard.columns.target')}
              </th>
              <th scope="col" className="py-1">
                {t('dashboard.columns.verdict')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} className="border-b border-line align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {bar.label}
                </th>
                <td className="py-1 pr-3 text-right">
                  {value(bar)}
                  {bar.detail ? <span className="block text-sm text-muted">{bar.detail}</span> : null}
                </td>
                <td className="py-1 pr-3 text-right">
                  {bar.targetPercent === null ? t('dashboard.noFigure') : formatPercent(bar.targetPercent, language)}
                </td>
                <td className="py-1">
                  <VerdictTag verdict={bar.verdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
