/**
 * The case type catalogue (lead time, extension, steps and their names) and the stored event
 * history of cases, as the domain (app/domain/case-terms.ts) reads them.
 */
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { CaseEventType } from '../../../db/schema'
import type { CaseEvent, CaseTypeRules } from '~/domain/case-terms'
import type { Language } from '~/domain/language'

export interface CaseTypeInfo {
  rules: CaseTypeRules
  names: { nl: string; en: string }
  defaultContactId: string | null
  steps: Array<{
    code: string
    final: boolean
    informsCitizen: boolean
    name: { nl: string; en: string }
    explanation: { nl: string; en: string }
  }>
}

/** A case type with its steps in one round trip (the steps as a JSON array, in order). */
export async function loadCaseType(db: Executor, code: string): Promise<CaseTypeInfo | null> {
  const type = await db
    .selectFrom('case_types as t')
    .selectAll('t')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('case_type_steps as s')
          .select([
            's.code',
            's.final',
            's.informs_citizen',
            's.name_nl',
            's.name_en',
            's.explanation_nl',
            's.explanation_en',
          ])
          .whereRef('s.case_type_code', '=', 't.code')
          .orderBy('s.position'),
      ).as('steps'),
    )
    .where('t.code', '=', code)
    .executeTakeFirst()
  return type ? toCaseTypeInfo(type, type.steps) : null
}

/** The rules of a case type (app/domain/case-terms.ts) from its row and its steps in order. */
export function caseTypeRules(
  type: {
    code: string
    lead_time_amount: number
    lead_time_unit: 'days' | 'weeks'
    extension_amount: number | null
    extension_unit: 'days' | 'weeks' | null
    suspension_allowed: boolean
  },
  steps: Array<{ code: string; final: boolean }>,
): CaseTypeRules {
  return {
    code: type.code,
    leadTime: { amount: type.lead_time_amount, unit: type.lead_time_unit },
    extension:
      type.extension_amount && type.extension_unit
        ? { amount: type.extension_amount, unit: type.extension_unit }
        : null,
    suspensionAllowed: type.suspension_allowed,
    steps: steps.map((s) => ({ code: s.code, final: s.final })),
  }
}

export function toCaseTypeInfo(
  type: {
    code: string
    name_nl: string
    name_en: string
    lead_time_amount: number
    lead_time_unit: 'days' | 'weeks'
    extension_amount: number | null
    extension_unit: 'days' | 'weeks' | null
    suspension_allowed: boolean
    default_contact_id: string | null
  },
  steps: Array<{
    code: string
    final: boolean
    informs_citizen: boolean
    name_nl: string
    name_en: string
    explanation_nl: string
    explanation_en: string
  }>,
): CaseTypeInfo {
  return {
    rules: caseTypeRules(type, steps),
    names: { nl: type.name_nl, en: type.name_en },
    defaultContactId: type.default_contact_id,
    steps: steps.map((s) => ({
      code: s.code,
      final: s.final,
      informsCitizen: s.informs_citizen,
      name: { nl: s.name_nl, en: s.name_en },
      explanation: { nl: s.explanation_nl, en: s.explanation_en },
    })),
  }
}

/** Every case type with its steps, keyed by code: two queries, for the views over many cases. */
export async function loadCatalogue(db: Executor): Promise<Map<string, CaseTypeInfo>> {
  const [types, steps] = await Promise.all([
    db.selectFrom('case_types').selectAll().execute(),
    db.selectFrom('case_type_steps').selectAll().orderBy('case_type_code').orderBy('position').execute(),
  ])
  return new Map(
    types.map((t) => [
      t.code,
      toCaseTypeInfo(
        t,
        steps.filter((s) => s.case_type_code === t.code),
      ),
    ]),
  )
}

export interface StoredEvent {
  id: string
  seq: number
  type: CaseEventType
  payload: Record<string, unknown>
  occurred_at: Date
  actor: string
}

/** A stored event as the domain reads it; payloads are written by this module in that shape. */
export function toDomainEvent(row: Pick<StoredEvent, 'seq' | 'type' | 'payload' | 'occurred_at'>): CaseEvent {
  return { seq: row.seq, type: row.type, occurredAt: new Date(row.occurred_at), payload: row.payload } as CaseEvent
}

export async function loadEvents(db: Executor, caseIds: string[]): Promise<Map<string, StoredEvent[]>> {
  const byCase = new Map<string, StoredEvent[]>(caseIds.map((id) => [id, []]))
  if (caseIds.length === 0) return byCase
  const rows = await db
    .selectFrom('case_events')
    .select(['id', 'case_id', 'seq', 'type', 'payload', 'occurred_at', 'actor'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute()
  for (const row of rows) byCase.get(row.case_id)?.push(row)
  return byCase
}

/** The catalogue for the registration form: code and name, in the reader's language. */
export async function listCaseTypes({
  lang,
  db = getDb(),
}: {
  lang: Language
  db?: DB
}): Promise<Array<{ code: string; name: string }>> {
  const rows = await db
    .selectFrom('case_types')
    .select(['code', 'name_nl', 'name_en'])
    .orderBy(lang === 'en' ? 'name_en' : 'name_nl')
    .execute()
  return rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.name_en : r.name_nl }))
}
