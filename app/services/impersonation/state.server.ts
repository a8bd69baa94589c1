import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { ImpersonationReason } from '../../../db/schema'
import { personNameOf } from '~/domain/person-name'
import { appContext } from '~/context.server'
import type { StaffUser } from '../auth/user.server'

/** The look-along a staff session is in, if any, as the banner and the citizen's pages see it. */
export interface ActiveImpersonation {
  id: string
  bsn: string
  citizenName: string
  employeeId: string
  employeeName: string
  reasonCode: ImpersonationReason
  reasonText: string | null
  reference: string
  expiresAt: string
  /** the database clock at the lookup: the banner counts down relative to it */
  now: string
}

export type ImpersonationState =
  { status: 'none' } | { status: 'expired' } | { status: 'active'; impersonation: ActiveImpersonation }

/** One lookup per request, however many loaders ask (the root's banner and the page's own). */
export async function impersonationOf(
  staff: StaffUser,
  { db = getDb() }: { db?: DB } = {},
): Promise<ImpersonationState> {
  if (!staff.impersonationId) return { status: 'none' }
  const memo = appContext().memo
  const key = `impersonation:${staff.sessionId}`
  let pending = memo.get(key) as Promise<ImpersonationState> | undefined
  if (!pending) {
    pending = loadImpersonation(db, staff.impersonationId)
    memo.set(key, pending)
  }
  return pending
}

async function loadImpersonation(db: DB, id: string): Promise<ImpersonationState> {
  const row = await db
    .selectFrom('impersonations as i')
    .innerJoin('persons as p', 'p.bsn', 'i.bsn')
    .select([
      'i.id',
      'i.bsn',
      'i.employee_id',
      'i.employee_name',
      'i.reason_code',
      'i.reason_text',
      'i.reference',
      'i.expires_at',
      'i.ended_at',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      sql<Date>`now()`.as('now'),
    ])
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!row || row.ended_at !== null) return { status: 'none' }
  if (new Date(row.expires_at) <= new Date(row.now)) return { status: 'expired' }
  return {
    status: 'active',
    impersonation: {
      id: row.id,
      bsn: row.bsn,
      citizenName: personNameOf(row),
      employeeId: row.employee_id,
      employeeName: row.employee_name,
      reasonCode: row.reason_code,
      reasonText: row.reason_text,
      reference: row.reference,
      expiresAt: new Date(row.expires_at).toISOString(),
      now: new Date(row.now).toISOString(),
    },
  }
}

/** The reason as one line for the audit log: the code, and the employee's words if any. */
export function reasonLine(code: ImpersonationReason, text: string | null): string {
  return text ? `${code}: ${text}` : code
}

export interface ImpersonationBanner {
  employeeName: string
  citizenName: string
  expiresAt: string
  now: string
  minutesLeft: number
}

/** For the page shell: whom the employee is viewing and how long is left; null otherwise. */
export async function impersonationBanner(staff: StaffUser): Promise<ImpersonationBanner | null> {
  const state = await impersonationOf(staff)
  if (state.status !== 'active') return null
  const { impersonation: i } = state
  const ms = new Date(i.expiresAt).getTime() - new Date(i.now).getTime()
  return {
    employeeName: i.employeeName,
    citizenName: i.citizenName,
    expiresAt: i.expiresAt,
    now: i.now,
    minutesLeft: Math.max(1, Math.ceil(ms / 60_000)),
  }
}
