/**
 * Support staff viewing as a citizen ("meekijken", issue 7, DESIGN.md §5): role `support` only,
 * a reason and a contact or ticket reference, at most 15 minutes, read-only, audited at start,
 * at every page seen and at the end.
 *
 * Read-only is enforced in two places, so neither alone has to be perfect:
 * - the server (server/app.ts) refuses every non-GET request of a session that is viewing as a
 *   citizen, before any route runs, except "Stoppen", logging out, the idle keep-alive and the
 *   language switch (they touch the employee's own session or a cookie, never a citizen's data);
 * - `citizenView` (called by `requireCitizen`) refuses any action, so a citizen route's action
 *   cannot run for a viewing employee even if the first guard were bypassed.
 * GETs with a side effect on the citizen's data (a letter marked read) check `impersonatedBy`.
 */
import { json, redirect } from '@remix-run/node'
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Database, ImpersonationEndedBy, ImpersonationReason } from '../../db/schema'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'
import type { Language } from '~/i18n'
import { recordAudit, verifyAuditChain, type ChainCheck } from './audit.server'
import { appContext } from '~/context.server'
import type { CitizenUser, StaffUser } from './auth.server'
import { personNameOf } from '~/domain/person-name'

/** DESIGN.md §5: at most 15 minutes; the database refuses longer (check constraint, 0007). */
export const IMPERSONATION_MINUTES = 15
export const IMPERSONATION_REASONS: readonly ImpersonationReason[] = ['phone', 'counter', 'mail', 'other']

/** Where an employee lands when the viewing ended by itself; the page says so. */
export const EXPIRED_LANDING = '/medewerker/burgers?melding=verlopen'

// ── the active viewing ──────────────────────────────────────────────────────────────────────

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
export async function impersonationOf(staff: StaffUser, db: DB = getDb()): Promise<ImpersonationState> {
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

// ── starting and ending ─────────────────────────────────────────────────────────────────────

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
export async function startImpersonation(staff: StaffUser, input: StartInput, db: DB = getDb()): Promise<StartResult> {
  // Authorisation in the service, not only in the route (DESIGN.md §5).
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
export async function stopImpersonation(staff: StaffUser, db: DB = getDb()): Promise<boolean> {
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
export async function endExpiredImpersonation(staff: StaffUser, db: DB = getDb()): Promise<void> {
  if (!staff.impersonationId) return
  const id = staff.impersonationId
  await db.transaction().execute((trx) => endInTransaction(trx, staff.sessionId, id, 'timeout'))
}

/** For the server's write guard: is the session with this id (hash) viewing as a citizen? */
export async function sessionIsImpersonating(sessionIdHash: string, db: DB = getDb()): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('impersonation_id')
    .where('id_hash', '=', sessionIdHash)
    .executeTakeFirst()
  return Boolean(row?.impersonation_id)
}

// ── the citizen's pages, seen by the employee ───────────────────────────────────────────────

/** What a refused write answers: 403 with a code the error page explains (nl and en). */
export const READ_ONLY_CODE = 'impersonation_read_only'
export const LEVEL_CODE = 'impersonation_level'

function refusal(code: string): Response {
  // X-Remix-Catch: a client-side navigation shows the error page rather than treating it as data.
  return json({ code }, { status: 403, headers: { 'X-Remix-Catch': 'yes' } })
}

/**
 * `requireCitizen` for a staff session: the citizen being viewed, read-only. Throws a redirect
 * to the staff view when the viewing has run out (ending it, audited), 403 for a write or for a
 * page above the permitted level, and 403 for a staff session that is not viewing at all.
 * Every page seen is audited with its path (once per request).
 */
export async function citizenView(
  request: Request,
  staff: StaffUser,
  level: DigidLevel,
  language: Language,
): Promise<CitizenUser> {
  const state = await impersonationOf(staff)
  if (state.status === 'none') throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  if (state.status === 'expired') {
    await endExpiredImpersonation(staff)
    throw redirect(EXPIRED_LANDING)
  }
  const { impersonation } = state
  if (request.method !== 'GET' && request.method !== 'HEAD') throw refusal(READ_ONLY_CODE)
  const settings = appContext().settings.impersonation
  if (!meetsLevel(settings.maxLevel, level)) throw refusal(LEVEL_CODE)
  const memo = appContext().memo
  const key = `impersonation-seen:${impersonation.id}`
  if (!memo.has(key)) {
    const path = new URL(request.url).pathname
    const seen = recordAudit(getDb(), {
      actorKind: 'staff_as_citizen',
      actorId: staff.employeeId,
      action: 'impersonation.page_viewed',
      subjectBsn: impersonation.bsn,
      resource: path,
      reason: reasonLine(impersonation.reasonCode, impersonation.reasonText),
      details: { impersonationId: impersonation.id, path },
    })
    memo.set(key, seen)
    await seen
  }
  return {
    kind: 'citizen',
    sessionId: staff.sessionId,
    bsn: impersonation.bsn,
    level: settings.maxLevel,
    name: impersonation.citizenName,
    language,
    impersonatedBy: { employeeId: staff.employeeId, name: staff.name, impersonationId: impersonation.id },
  }
}

// ── the banner ──────────────────────────────────────────────────────────────────────────────

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

// ── the manager's review ────────────────────────────────────────────────────────────────────

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
  db: DB = getDb(),
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
export async function auditChainStatus(db: DB = getDb()): Promise<ChainCheck> {
  return verifyAuditChain(db)
}
