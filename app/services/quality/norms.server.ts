/** The quality charter's service norms (table `service_norms`), and the targets they set. */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Channel } from '~/domain/case-terms'
import type { Language } from '~/domain/language'
import type { NormTarget } from '~/domain/quality'

export interface ServiceNorm {
  code: string
  channel: Channel | 'chat' | null
  measure: 'acknowledgement' | 'answer' | 'decision' | 'other'
  measuredFromCases: boolean
  term: { amount: number | null; unit: 'working_days' | 'weeks' | 'case_type' | 'seconds' | 'minutes' | 'hours' } | null
  targetPercent: number
  derived: boolean
  text: string
  source: string
}

/** The charter's norms in the reader's language, in the charter's order. */
export async function listServiceNorms(lang: Language, { db = getDb() }: { db?: DB } = {}): Promise<ServiceNorm[]> {
  const rows = await db.selectFrom('service_norms').selectAll().orderBy('position').execute()
  return rows.map((r) => ({
    code: r.code,
    channel: r.channel,
    measure: r.measure,
    measuredFromCases: r.measured_from_cases,
    term: r.term_unit ? { amount: r.term_amount, unit: r.term_unit } : null,
    targetPercent: r.target_percent,
    derived: r.derived,
    text: lang === 'en' ? r.norm_en : r.norm_nl,
    source: r.source,
  }))
}

export function normTargets(norms: readonly ServiceNorm[]): NormTarget[] {
  return norms.flatMap((n) =>
    n.measure === 'other' ? [] : [{ measure: n.measure, channel: n.channel, targetPercent: n.targetPercent }],
  )
}
