import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { ImpersonationEndedBy, ImpersonationReason } from '../../../db/schema'
import { personNameOf } from '~/domain/person-name'
import { verifyAuditChain, type ChainCheck } from '../audit.server'

/** The manager's review of looking along ("Meekijken controleren"): who looked, why, how long. */
export interface ImpersonationReviewRow {
  id: string
  employeeId: string
  employeeName: string
  citizenName: string
  reasonCode: ImpersonationReason
  reasonText: string | null
  reference: string
  startedAt: string
  endedAt: string | null
  /** 'active' while it runs; an expired one nobody noticed yet counts as ended by the clock */
  endedBy: ImpersonationEndedBy | 'active'
  pagesSeen: number
}

/** Every viewing that started in [from, to) (dates in Europe/Amsterdam), newest first. */
export async function listImpersonations(
  { from, to, employeeId }: { from: string; to: string; employeeId?: string },
  { db = getDb() }: { db?: DB } = {},
): Promise<{ rows: ImpersonationReviewRow[]; employees: Array<{ id: string; name: string }> }> {
  const inPeriod = sql<boolean>`i.started_at >= (${from}::date)::timestamp at time zone 'Europe/Amsterdam'
    and i.started_at < ((${to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam'`
  let query = db
    .selectFrom('impersonations as i')
    .innerJoin('persons as p', 'p.bsn', 'i.bsn')
    .select([
      'i.id',
      'i.employee_id',
      'i.employee_name',
      'i.reason_code',
      'i.reason_text',
      'i.reference',
      'i.started_at',
      'i.ended_at',
      'i.ended_by',
      'i.expires_at',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      sql<boolean>`i.expires_at <= now()`.as('expired'),
      sql<number>`(select count(*)::int from audit_log a where a.subject_bsn = i.bsn and a.action = 'impersonation.page_viewed'
                     and a.details->>'impersonationId' = i.id::text)`.as('pages'),
    ])
    .where(inPeriod)
  if (employeeId) query = query.where('i.employee_id', '=', employeeId)
  const [rows, employees] = await Promise.all([
    query.orderBy('i.started_at', 'desc').limit(1000).execute(),
    db
      .selectFrom('impersonations as i')
      .select(['i.employee_id as id', sql<string>`max(i.employee_name)`.as('name')])
      .where(inPeriod)
      .groupBy('i.employee_id')
      .orderBy('name')
      .execute(),
  ])
  return {
    employees,
    rows: rows.map((r) => ({
      id: r.id,
      employeeId: r.employee_id,
      employeeName: r.employee_name,
      citizenName: personNameOf(r),
      reasonCode: r.reason_code,
      reasonText: r.reason_text,
      reference: r.reference,
      startedAt: new Date(r.started_at).toISOString(),
      endedAt: r.ended_at
        ? new Date(r.ended_at).toISOString()
        : r.expired
          ? new Date(r.expires_at).toISOString()
          : null,
      endedBy: r.ended_by ?? (r.expired ? 'timeout' : 'active'),
      pagesSeen: r.pages,
    })),
  }
}

/** The audit log's hash chain, for the manager's review page (a full scan: see README). */
export async function auditChainStatus({ db = getDb() }: { db?: DB } = {}): Promise<ChainCheck> {
  return verifyAuditChain(db)
}
