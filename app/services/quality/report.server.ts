/**
 * The manager's dashboard (/medewerker/kwaliteit) and its CSV: the figures of one period, per
 * channel and case type and judged against the norms, and the trend of the periods before it.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { CHANNELS, type Channel } from '~/domain/case-terms'
import type { Language } from '~/domain/language'
import type { LocalDate } from '~/domain/local-date'
import {
  judge,
  isPeriodComplete,
  percentShown,
  periodsUpTo,
  targetFor,
  type Grain,
  type NormTarget,
  type ReportingPeriod,
  type Tally,
  type Verdict,
} from '~/domain/quality'
import { municipalToday } from '~/services/calendar.server'
import { measureQuality, type MeasureOptions, type MeasureRow } from './measures.server'
import { listServiceNorms, normTargets, type ServiceNorm } from './norms.server'

export interface Judged {
  tally: Tally
  /** One decimal, rounded down; null without settled cases. */
  percent: number | null
  targetPercent: number | null
  /** Which norm the target comes from: the channel's own, or the decision term's (fallback). */
  targetSource: 'acknowledgement' | 'answer' | 'decision' | null
  verdict: Verdict
}

export interface QualityLine {
  key: string
  label: string
  received: number
  acknowledgement: Judged
  decision: Judged
  decided: number
  medianLeadDays: number | null
  openOverdue: number
}

function judged(tally: Tally, target: ReturnType<typeof targetFor>): Judged {
  return {
    tally,
    percent: percentShown(tally),
    targetPercent: target?.targetPercent ?? null,
    targetSource: target?.measure ?? null,
    verdict: judge(tally, target?.targetPercent ?? null),
  }
}

const EMPTY: Omit<MeasureRow, 'periodStart' | 'channel' | 'caseTypeCode'> = {
  received: 0,
  acknowledgement: { inTime: 0, settled: 0 },
  decision: { inTime: 0, settled: 0 },
  decided: 0,
  medianLeadDays: null,
  openOverdue: 0,
}

function line(
  key: string,
  label: string,
  row: Omit<MeasureRow, 'periodStart' | 'channel' | 'caseTypeCode'> | undefined,
  targets: NormTarget[],
  channel: string | null,
): QualityLine {
  const r = row ?? EMPTY
  return {
    key,
    label,
    received: r.received,
    acknowledgement: judged(r.acknowledgement, targetFor(targets, 'acknowledgement', channel)),
    decision: judged(r.decision, targetFor(targets, 'answer', channel)),
    decided: r.decided,
    medianLeadDays: r.medianLeadDays,
    openOverdue: r.openOverdue,
  }
}

async function caseTypeNames(lang: Language, db: DB): Promise<Array<{ code: string; name: string }>> {
  const rows = await db
    .selectFrom('case_types')
    .select(['code', 'name_nl', 'name_en'])
    .orderBy(lang === 'en' ? 'name_en' : 'name_nl')
    .execute()
  return rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.name_en : r.name_nl }))
}

/**
 * How far the trend looks back: five quarters (this one and the same quarter a year ago) or
 * six months. Every case received in those periods is measured, so this sets the cost of a
 * dashboard load (tests/perf/quality.bench.ts).
 */
const TREND_LENGTH: Record<Grain, number> = { quarter: 5, month: 6 }

export interface QualityReport {
  period: ReportingPeriod
  /** False while the period runs: its figures can still change. */
  complete: boolean
  today: LocalDate
  total: QualityLine
  /** Every channel, also those without cases (label: the channel code; the page translates). */
  byChannel: QualityLine[]
  byCaseType: QualityLine[]
  /** Channel × case type, only the combinations with cases. */
  byChannelAndCaseType: Array<QualityLine & { channel: Channel; caseTypeCode: string }>
  /** The overall figures of the periods up to and including this one, oldest first. */
  trend: Array<{ period: ReportingPeriod; total: QualityLine }>
  norms: ServiceNorm[]
}

/**
 * The manager's dashboard (/medewerker/kwaliteit) and its CSV: one period in full, and the
 * overall figures of the `trendLength` periods up to it. Two queries: the norms, the measures.
 */
export async function getQualityReport(
  period: ReportingPeriod,
  {
    lang,
    today = municipalToday(),
    trendLength = TREND_LENGTH[period.grain],
    extraNonWorkingDays,
    measure = measureQuality,
    db = getDb(),
  }: {
    lang: Language
    today?: LocalDate
    trendLength?: number
    extraNonWorkingDays?: readonly LocalDate[]
    /** How to get the measures; default: measure now. The public page passes a cached one. */
    measure?: (options: MeasureOptions, deps: { db: DB }) => Promise<MeasureRow[]>
    db?: DB
  },
): Promise<QualityReport> {
  const trendPeriods = periodsUpTo(period, Math.max(1, trendLength))
  const [norms, types, rows] = await Promise.all([
    listServiceNorms(lang, { db }),
    caseTypeNames(lang, db),
    measure(
      {
        from: trendPeriods[0].from,
        to: period.to,
        grain: period.grain,
        today,
        extraNonWorkingDays,
        detailFor: period.from,
      },
      { db },
    ),
  ])
  const targets = normTargets(norms)
  const inPeriod = rows.filter((r) => r.periodStart === period.from)
  const find = (channel: Channel | null, caseType: string | null) =>
    inPeriod.find((r) => r.channel === channel && r.caseTypeCode === caseType)
  const typeName = new Map(types.map((t) => [t.code, t.name]))
  return {
    period,
    complete: isPeriodComplete(period, today),
    today,
    total: line('total', 'total', find(null, null), targets, null),
    byChannel: CHANNELS.map((channel) => line(channel, channel, find(channel, null), targets, channel)),
    byCaseType: types.map((t) => line(t.code, t.name, find(null, t.code), targets, null)),
    byChannelAndCaseType: inPeriod
      .filter(
        (r): r is MeasureRow & { channel: Channel; caseTypeCode: string } =>
          r.channel !== null && r.caseTypeCode !== null,
      )
      .map((r) => ({
        ...line(
          `${r.channel}:${r.caseTypeCode}`,
          typeName.get(r.caseTypeCode) ?? r.caseTypeCode,
          r,
          targets,
          r.channel,
        ),
        channel: r.channel,
        caseTypeCode: r.caseTypeCode,
      })),
    trend: trendPeriods.map((p) => ({
      period: p,
      total: line(
        'total',
        p.key,
        rows.find((r) => r.periodStart === p.from && r.channel === null && r.caseTypeCode === null),
        targets,
        null,
      ),
    })),
    norms,
  }
}
