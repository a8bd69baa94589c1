/** The public charter page (/kwaliteitshandvest): the norms, and last quarter's figures per channel. */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import type { LocalDate } from '~/domain/local-date'
import { lastCompletedQuarter, type ReportingPeriod } from '~/domain/quality'
import { municipalToday } from '~/services/calendar.server'
import { measureQuality, type MeasureOptions, type MeasureRow } from './measures.server'
import type { ServiceNorm } from './norms.server'
import { getQualityReport, type QualityLine } from './report.server'
import { measureQuestionQuality, type QuestionLine } from './questions.server'
import { decreeDays } from './terms-sql.server'

export interface PublicCharter {
  period: ReportingPeriod
  norms: ServiceNorm[]
  /** Last quarter per channel (only the channels the portal can measure) and in total. */
  byChannel: QualityLine[]
  total: QualityLine
  /** Last quarter's questions by internet, e-mail and post, against their own targets. */
  questions: QuestionLine[]
}

/** The charter in the reader's language; `fresh` measures anew instead of taking the shared figures. */
export async function getPublicCharter(
  lang: Language,
  { today = municipalToday(), fresh = false, db = getDb() }: { today?: LocalDate; fresh?: boolean; db?: DB } = {},
): Promise<PublicCharter> {
  const period = lastCompletedQuarter(today)
  const report = await getQualityReport(period, {
    lang,
    today,
    trendLength: 1,
    measure: fresh ? measureQuality : cachedMeasures,
    db,
  })
  const questions = fresh ? measureQuestionQuality([period], { today, db }) : cachedQuestions(period, today, db)
  return {
    period,
    norms: report.norms,
    byChannel: report.byChannel,
    total: report.total,
    questions: (await questions).periods[0].byChannel,
  }
}

/**
 * The public page is open to anyone, and measuring a quarter of a large municipality reads
 * every case of it (some 100,000 at a million cases: tests/perf/quality.bench.ts). So its
 * figures are measured at most once per PUBLIC_FIGURES_TTL_MS per app instance and shared by
 * the visitors in between — also those who arrive while the measuring runs. The manager's
 * dashboard always measures afresh.
 */
const PUBLIC_FIGURES_TTL_MS = 10 * 60_000
const measured = new Map<string, { expires: number; rows: Promise<MeasureRow[]> }>()

function cachedMeasures(options: MeasureOptions, deps: { db: DB }): Promise<MeasureRow[]> {
  const key = JSON.stringify([
    options.from,
    options.to,
    options.grain,
    options.today,
    options.extraNonWorkingDays ?? decreeDays(),
    options.detailFor,
  ])
  const now = Date.now()
  const hit = measured.get(key)
  if (hit && hit.expires > now) return hit.rows
  const rows = measureQuality(options, deps)
  measured.set(key, { expires: now + PUBLIC_FIGURES_TTL_MS, rows })
  // A failed measurement is not kept: the next visitor tries again.
  rows.catch(() => {
    if (measured.get(key)?.rows === rows) measured.delete(key)
  })
  for (const [k, v] of measured) if (v.expires <= now) measured.delete(k)
  return rows
}

const measuredQuestions = new Map<string, { expires: number; figures: ReturnType<typeof measureQuestionQuality> }>()

/** The questions' figures, shared like the cases' (PUBLIC_FIGURES_TTL_MS). */
function cachedQuestions(period: ReportingPeriod, today: LocalDate, db: DB): ReturnType<typeof measureQuestionQuality> {
  const key = JSON.stringify([period.from, period.to, today, decreeDays()])
  const now = Date.now()
  const hit = measuredQuestions.get(key)
  if (hit && hit.expires > now) return hit.figures
  const figures = measureQuestionQuality([period], { today, db })
  measuredQuestions.set(key, { expires: now + PUBLIC_FIGURES_TTL_MS, figures })
  figures.catch(() => {
    if (measuredQuestions.get(key)?.figures === figures) measuredQuestions.delete(key)
  })
  for (const [k, v] of measuredQuestions) if (v.expires <= now) measuredQuestions.delete(k)
  return figures
}
