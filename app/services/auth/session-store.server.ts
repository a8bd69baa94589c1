import { createHash, randomBytes } from 'node:crypto'
import { recordAudit, type AuditEntry } from '../audit.server'
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import type { LoginRequestRow, SessionKind, SessionRow, StaffRole } from '../../../db/schema'
import type { DigidLevel } from '~/domain/digid-level'

/**
 * Sessions and pending logins in PostgreSQL (README: Decisions, sign-in state in PostgreSQL). The browser holds a random
 * 256-bit token; the database holds its SHA-256, so neither a copy of the table nor a log line
 * with a hash can be replayed as a cookie. Times come from the database clock (`now()`), the
 * one clock every app instance shares.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export interface SessionLimits {
  idleMinutes: number
  maxHours: number
}

export interface NewSession {
  kind: SessionKind
  subject: string
  actingBsn?: string | null
  level?: DigidLevel | null
  name: string
  actingName?: string | null
  roles?: StaffRole[]
  idToken?: string | null
}

/**
 * Starts a session with a fresh token, ending the one the browser had (a new id at every login:
 * no session fixation, and a step-up replaces the lower-level session). Expired rows are
 * cleared on the way, so the table holds at most the last 8 hours of logins.
 */
export async function createSession(
  input: NewSession,
  { db, replaces, limits, audit }: { db: DB; replaces?: string; limits: SessionLimits; audit?: AuditEntry },
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken()
  const session = await db.transaction().execute(async (trx) => {
    // The login's audit entry commits with the session, or neither does.
    if (audit) await recordAudit(trx, audit)
    if (replaces) await trx.deleteFrom('sessions').where('id_hash', '=', hashToken(replaces)).execute()
    // By the absolute end only: that predicate has an index. An idle session is dead already
    // (findSession checks) and goes at its absolute end, at most 8 hours later.
    await trx
      .deleteFrom('sessions')
      .where('expires_at', '<', sql<Date>`now()`)
      .execute()
    return trx
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        kind: input.kind,
        subject: input.subject,
        acting_bsn: input.actingBsn ?? null,
        level: input.level ?? null,
        name: input.name,
        acting_name: input.actingName ?? null,
        roles: input.roles ?? [],
        id_token: input.idToken ?? null,
        expires_at: sql<Date>`now() + make_interval(hours => ${limits.maxHours})`,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  })
  return { token, session }
}

/**
 * The live session for a token, or null when there is none, it sat idle too long, or it passed
 * its absolute end. With `touch` (every page view) it also records the activity: one statement,
 * one round trip.
 */
export async function findSession(
  token: string,
  { db, limits, touch }: { db: DB; limits: SessionLimits; touch: boolean },
): Promise<SessionRow | null> {
  const idHash = hashToken(token)
  const live = sql<boolean>`expires_at > now() and last_seen_at > now() - make_interval(mins => ${limits.idleMinutes})`
  if (touch) {
    const row = await db
      .updateTable('sessions')
      .set({ last_seen_at: sql<Date>`now()` })
      .where('id_hash', '=', idHash)
      .where(live)
      .returningAll()
      .executeTakeFirst()
    return row ?? null
  }
  const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where(live).executeTakeFirst()
  return row ?? null
}

/**
 * Ends a session (logout), with its audit entry in the same transaction; returns it so the caller
 * can end the provider's session too.
 */
export async function destroySession(
  token: string,
  { db, audit }: { db: DB; audit?: (row: SessionRow) => AuditEntry },
): Promise<SessionRow | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', hashToken(token))
      .returningAll()
      .executeTakeFirst()
    if (row && audit) await recordAudit(trx, audit(row))
    return row ?? null
  })
}

/** When a session ends by itself: after the idle time, or at its absolute end if that is sooner. */
export function sessionEndsAt(
  session: Pick<SessionRow, 'last_seen_at' | 'expires_at'>,
  limits: SessionLimits,
): { idle: Date; absolute: Date } {
  return {
    idle: new Date(new Date(session.last_seen_at).getTime() + limits.idleMinutes * 60_000),
    absolute: new Date(session.expires_at),
  }
}

export interface NewLoginRequest {
  kind: SessionKind
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
  level: DigidLevel | null
}

/** A login on its way to the provider: ten minutes to come back. */
export async function createLoginRequest(input: NewLoginRequest, { db }: { db: DB }): Promise<string> {
  const token = newToken()
  await db
    .deleteFrom('login_requests')
    .where('expires_at', '<', sql<Date>`now() - interval '1 hour'`)
    .execute()
  await db
    .insertInto('login_requests')
    .values({
      id_hash: hashToken(token),
      kind: input.kind,
      state: input.state,
      nonce: input.nonce,
      code_verifier: input.codeVerifier,
      return_to: input.returnTo,
      level: input.level,
      expires_at: sql<Date>`now() + interval '10 minutes'`,
    })
    .execute()
  return token
}

export type ConsumedLoginRequest =
  | { status: 'ok'; request: LoginRequestRow }
  | { status: 'missing' } // never made, expired, or for the other kind of login
  | { status: 'used' } // the callback came before: a replay

/**
 * Takes the pending login for this callback, once: a second callback with the same cookie is
 * told apart from one that never had a login, so a replayed code gets its own answer.
 */
export async function consumeLoginRequest(
  token: string,
  kind: SessionKind,
  { db }: { db: DB },
): Promise<ConsumedLoginRequest> {
  const idHash = hashToken(token)
  const taken = await db
    .updateTable('login_requests')
    .set({ consumed_at: sql<Date>`now()` })
    .where('id_hash', '=', idHash)
    .where('kind', '=', kind)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst()
  if (taken) return { status: 'ok', request: taken }
  const used = await db
    .selectFrom('login_requests')
    .select('id_hash')
    .where('id_hash', '=', idHash)
    .where('kind', '=', kind)
    .where('consumed_at', 'is not', null)
    .executeTakeFirst()
  return used ? { status: 'used' } : { status: 'missing' }
}
