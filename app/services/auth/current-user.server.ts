import { getDb } from '../../../db/instance'
import type { SessionRow } from '../../../db/schema'
import type { DigidLevel } from '~/domain/digid-level'
import type { Language } from '~/i18n'
import { appContext } from '~/context.server'
import { getLanguage } from '../i18n.server'
import { limits, readCookie } from './cookies.server'
import { findSession, sessionEndsAt } from './session-store.server'
import type { CitizenUser, LoginKind, StaffUser, User } from './user.server'

export interface LoadedSession {
  row: SessionRow
  user: User
}

/**
 * The request's session, looked up once per request whatever the number of loaders that ask
 * (the root loader for the header and the page's own): one query per page view, which also
 * records the activity for the idle timeout.
 */
export async function loadSession(request: Request, { touch = true } = {}): Promise<LoadedSession | null> {
  const ctx = appContext()
  const token = await readCookie(request, 'session')
  if (!token) return null
  const key = `session:${touch}:${token}`
  let pending = ctx.memo.get(key) as Promise<LoadedSession | null> | undefined
  if (!pending) {
    pending = (async () => {
      const row = await findSession(token, { db: getDb(), limits: limits(ctx.settings), touch })
      return row ? { row, user: toUser(row, await getLanguage(request)) } : null
    })()
    ctx.memo.set(key, pending)
  }
  return pending
}

function toUser(row: SessionRow, language: Language): User {
  if (row.kind === 'staff') {
    return {
      kind: 'staff',
      sessionId: row.id_hash,
      employeeId: row.subject,
      name: row.name,
      roles: row.roles,
      ...(row.impersonation_id ? { impersonationId: row.impersonation_id } : {}),
    }
  }
  return {
    kind: 'citizen',
    sessionId: row.id_hash,
    bsn: row.subject,
    level: row.level ?? 'basis',
    name: row.name,
    language,
    ...(row.acting_bsn ? { actingBsn: row.acting_bsn } : {}),
  }
}

export async function getUser(request: Request): Promise<CitizenUser | StaffUser | null> {
  return (await loadSession(request))?.user ?? null
}

/** For the page shell: who, and when the session ends (the idle warning counts down to it). */
export interface SessionInfo {
  kind: LoginKind
  name: string
  actingName: string | null
  level: DigidLevel | null
  idleEndsAt: string
  absoluteEndsAt: string
  /** this server's clock at the lookup: the browser counts down relative to it */
  now: string
  maxHours: number
}

export async function getSessionInfo(request: Request, { touch = true } = {}): Promise<SessionInfo | null> {
  const loaded = await loadSession(request, { touch })
  if (!loaded) return null
  const { row } = loaded
  const ends = sessionEndsAt(row, limits(appContext().settings))
  return {
    kind: row.kind,
    name: row.name,
    actingName: row.acting_name,
    level: row.level,
    idleEndsAt: ends.idle.toISOString(),
    absoluteEndsAt: ends.absolute.toISOString(),
    now: new Date().toISOString(),
    maxHours: appContext().settings.maxHours,
  }
}

/** "Ingelogd blijven": records activity now; null when the session has already ended. */
export async function keepAlive(request: Request): Promise<SessionInfo | null> {
  return getSessionInfo(request, { touch: true })
}

/** The session's end times without counting this as activity (the idle warning's check). */
export async function sessionStatus(request: Request): Promise<SessionInfo | null> {
  return getSessionInfo(request, { touch: false })
}

/** The idle timeout in minutes (15, the DigiD norm, unless configured otherwise). */
export function sessionIdleMinutes(): number {
  return appContext().settings.idleMinutes
}
