/**
 * Support staff looking along with a citizen ("meekijken"): role `support` only, a reason and a
 * contact or ticket reference, at most 15 minutes, read-only (read-only.server.ts), audited at
 * start, at every page seen (citizen-view.server.ts) and at the end. README: Decisions.
 */
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database, ImpersonationEndedBy, ImpersonationReason } from '../../../db/schema'
import { recordAudit } from '../audit.server'
import type { StaffUser } from '../auth/user.server'
import { reasonLine } from './state.server'

/** At most 15 minutes; the database refuses longer (check constraint, migration 0007). */
export const IMPERSONATION_MINUTES = 15

/** Where an employee lands when the viewing ended by itself; the page says so. */
export const EXPIRED_LANDING = '/medewerker/burgers?melding=verlopen'

export interface StartInput {
  bsn: string
  reasonCode: ImpersonationReason
  reasonText: string | null
  reference: string
}

export type StartResult = { ok: true; impersonationId: string } | { ok: false; code: 'forbidden' | 'notFound' }

/**
 * Starts viewing as the citizen: the row, the link from the employee's session and the audit
 * entry in one transaction. A viewing still open on this session ends first.
 */
export async function startImpersonation(
  staff: StaffUser,
  input: StartInput,
  { db = getDb() }: { db?: DB } = {},
): Promise<StartResult> {
  // Authorisation in the service, not only in the route.
  if (!staff.roles.includes('support')) return { ok: false, code: 'forbidden' }
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').select('bsn').where('bsn', '=', input.bsn).executeTakeFirst()
    if (!person) return { ok: false as const, code: 'notFound' as const }
    const session = await trx
      .selectFrom('sessions')
      .select('impersonation_id')
      .where('id_hash', '=', staff.sessionId)
      .where('kind', '=', 'staff')
      .forUpdate()
      .executeTakeFirst()
    if (!session) return { ok: false as const, code: 'forbidden' as const }
    if (session.impersonation_id) await endInTransaction(trx, staff.sessionId, session.impersonation_id, 'employee')
    const row = await trx
      .insertInto('impersonations')
      .values({
        employee_id: staff.employeeId,
        employee_name: staff.name,
        bsn: input.bsn,
        reason_code: input.reasonCode,
        reason_text: input.reasonText,
        reference: input.reference,
        expires_at: sql<Date>`now() + make_interval(mins => ${IMPERSONATION_MINUTES})`,
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow()
    await trx.updateTable('sessions').set({ impersonation_id: row.id }).where('id_hash', '=', staff.sessionId).execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'impersonation.started',
      subjectBsn: input.bsn,
      resource: `impersonation:${row.id}`,
      reason: reasonLine(input.reasonCode, input.reasonText),
      details: {
        impersonationId: row.id,
        reasonCode: input.reasonCode,
        reference: input.reference,
        expiresAt: new Date(row.expires_at).toISOString(),
      },
    })
    return { ok: true as const, impersonationId: row.id }
  })
}

/**
 * Ends the viewing in the caller's transaction: by the employee, or by the clock when it had
 * already run out (then it ended at its expiry, whoever noticed). Returns false when it had
 * ended already (a second "Stoppen", two tabs).
 */
async function endInTransaction(
  trx: Transaction<Database>,
  sessionId: string,
  impersonationId: string,
  by: Exclude<ImpersonationEndedBy, 'logout'>,
): Promise<boolean> {
  await trx
    .updateTable('sessions')
    .set({ impersonation_id: null })
    .where('id_hash', '=', sessionId)
    .where('impersonation_id', '=', impersonationId)
    .execute()
  const ended = await trx
    .updateTable('impersonations')
    .set({
      ended_at: sql<Date>`least(now(), expires_at)`,
      ended_by:
        by === 'employee'
          ? sql<ImpersonationEndedBy>`case when expires_at <= now() then 'timeout' else 'employee' end`
          : 'timeout',
    })
    .where('id', '=', impersonationId)
    .where('ended_at', 'is', null)
    .returning(['id', 'bsn', 'employee_id', 'ended_by'])
    .executeTakeFirst()
  if (!ended) return false
  await recordAudit(trx, {
    actorKind: 'staff',
    actorId: ended.employee_id,
    action: 'impersonation.ended',
    subjectBsn: ended.bsn,
    resource: `impersonation:${ended.id}`,
    details: { impersonationId: ended.id, endedBy: ended.ended_by },
  })
  return true
}

/** "Stoppen": ends this session's viewing, if any. */
export async function stopImpersonation(staff: StaffUser, { db = getDb() }: { db?: DB } = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('sessions')
      .select('impersonation_id')
      .where('id_hash', '=', staff.sessionId)
      .forUpdate()
      .executeTakeFirst()
    if (!session?.impersonation_id) return false
    return endInTransaction(trx, staff.sessionId, session.impersonation_id, 'employee')
  })
}

/** Records the end of a viewing found expired; the next page is the staff view. */
export async function endExpiredImpersonation(staff: StaffUser, { db = getDb() }: { db?: DB } = {}): Promise<void> {
  if (!staff.impersonationId) return
  const id = staff.impersonationId
  await db.transaction().execute((trx) => endInTransaction(trx, staff.sessionId, id, 'timeout'))
}
