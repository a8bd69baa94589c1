import { timingSafeEqual, createHash } from 'node:crypto'
import type { AuditEntry } from './audit.server'
import { createCookie, redirect, redirectDocument } from '@remix-run/node'
import { z } from 'zod'
import { getDb } from '../../db/instance'
import type { SessionRow, StaffRole } from '../../db/schema'
import { isValidBsn } from '~/domain/bsn'
import {
  ACTING_SUBJECT_CLAIM,
  acrForLevel,
  isDigidLevel,
  LEGAL_SUBJECT_CLAIM,
  levelFromAcr,
  meetsLevel,
  type DigidLevel,
} from '~/domain/digid-level'
import { safeReturnPath } from '~/domain/return-path'
import { isLanguage, type Language } from '~/i18n'
import { appContext, type AppSettings } from '~/context.server'
import { getLanguage, languageCookie } from './i18n.server'
import { buildAuthorizationRequest, buildLogoutUrl, exchangeCode, LoginError, type LoginFailure } from './oidc.server'
import {
  consumeLoginRequest,
  createLoginRequest,
  createSession,
  destroySession,
  findSession,
  hashToken,
  sessionEndsAt,
  type SessionLimits,
} from './session.server'
import { createTokenBucket } from './token-bucket.server'
import { citizenView, sessionIsImpersonating } from './impersonation.server'
import { personNameOf } from '~/domain/person-name'

export type { DigidLevel } from '~/domain/digid-level'
export { LoginError, type LoginFailure } from './oidc.server'

export interface CitizenUser {
  kind: 'citizen'
  /** the session's id as stored (a hash of the cookie's token): safe to put in an audit row */
  sessionId: string
  /** whose data is shown: the citizen, or under DigiD Machtigen the person represented */
  bsn: string
  level: DigidLevel
  name: string
  /** the portal's language for this request */
  language: Language
  /** DigiD Machtigen: the BSN of the person acting on `bsn`'s behalf */
  actingBsn?: string
  impersonatedBy?: { employeeId: string; name: string; impersonationId: string } // issue 7 fills it
}

export interface StaffUser {
  kind: 'staff'
  sessionId: string
  employeeId: string
  name: string
  roles: StaffRole[]
  /** issue 7: set while this employee views as a citizen (impersonation.server.ts) */
  impersonationId?: string
}

export type User = CitizenUser | StaffUser
export type LoginKind = 'citizen' | 'staff'

const STAFF_ROLES: readonly StaffRole[] = ['support', 'caseworker', 'manager']

// ── cookies ─────────────────────────────────────────────────────────────────────────────────

/**
 * The session cookie holds a random token and nothing else (DESIGN.md §5): HttpOnly,
 * SameSite=Lax, Secure outside plain-http localhost, and no Max-Age, so closing the browser
 * ends it; the server enforces the 15 minutes idle and 8 hours absolute.
 */
export const SESSION_COOKIE = 'mijnstad_sessie'

function cookies(settings: AppSettings) {
  const secure = settings.baseUrl.startsWith('https://')
  return {
    session: createCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure }),
    login: createCookie('mijnstad_inlog', { path: '/inloggen', httpOnly: true, sameSite: 'lax', secure, maxAge: 600 }),
  }
}

const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

async function readCookie(request: Request, which: 'session' | 'login'): Promise<string | null> {
  const value: unknown = await cookies(appContext().settings)[which].parse(request.headers.get('cookie'))
  const parsed = Token.safeParse(value)
  return parsed.success ? parsed.data : null
}

const limits = (settings: AppSettings): SessionLimits => ({
  idleMinutes: settings.idleMinutes,
  maxHours: settings.maxHours,
})

// ── who is signed in ────────────────────────────────────────────────────────────────────────

interface LoadedSession {
  row: SessionRow
  user: User
}

/**
 * The request's session, looked up once per request whatever the number of loaders that ask
 * (the root loader for the header and the page's own): one query per page view, which also
 * records the activity for the idle timeout.
 */
async function loadSession(request: Request, { touch = true } = {}): Promise<LoadedSession | null> {
  const ctx = appContext()
  const token = await readCookie(request, 'session')
  if (!token) return null
  const key = `session:${touch}:${token}`
  let pending = ctx.memo.get(key) as Promise<LoadedSession | null> | undefined
  if (!pending) {
    pending = (async () => {
      const row = await findSession(getDb(), token, { limits: limits(ctx.settings), touch })
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

function returnPathOf(request: Request): string {
  const url = new URL(request.url)
  return safeReturnPath(url.pathname + url.search)
}

/** Where a request without a live session goes: the login, or first "you were logged out" if it had one. */
async function toLogin(request: Request, kind: LoginKind, level?: DigidLevel): Promise<never> {
  const terug = returnPathOf(request)
  const hadSession = (await readCookie(request, 'session')) !== null
  const query = new URLSearchParams({ terug })
  if (hadSession) {
    if (kind === 'staff') query.set('wie', 'medewerker')
    query.set('reden', 'verlopen')
    throw redirect(`/uitgelogd?${query}`)
  }
  if (level && level !== 'basis') query.set('niveau', level)
  throw redirect(`${kind === 'staff' ? '/inloggen/medewerker' : '/inloggen'}?${query}`)
}

const forbidden = () => new Response('Forbidden', { status: 403, statusText: 'Forbidden' })

/**
 * The signed-in citizen, or a thrown response: to the DigiD login (not signed in), through
 * DigiD again asking for the level needed (step-up, DESIGN.md §4: never a refusal), or 403 for
 * a staff session.
 */
export async function requireCitizen(request: Request, opts: { level?: DigidLevel } = {}): Promise<CitizenUser> {
  const level = opts.level ?? 'basis'
  const user = await getUser(request)
  if (!user) return toLogin(request, 'citizen', level)
  // Issue 7: a support employee viewing as this citizen gets the citizen, read-only (or a refusal).
  if (user.kind === 'staff') return citizenView(request, user, level, await getLanguage(request))
  if (user.kind !== 'citizen') throw forbidden()
  if (!meetsLevel(user.level, level)) {
    throw redirect(`/inloggen?${new URLSearchParams({ niveau: level, terug: returnPathOf(request) })}`)
  }
  return user
}

/**
 * The signed-in employee, or a thrown response: to the staff login, or 403 (citizen, or without
 * the role — or without any of the roles, given a list).
 */
export async function requireStaff(request: Request, role?: StaffRole | readonly StaffRole[]): Promise<StaffUser> {
  const user = await getUser(request)
  if (!user) return toLogin(request, 'staff')
  if (user.kind !== 'staff') throw forbidden()
  const anyOf: readonly StaffRole[] = role === undefined ? [] : typeof role === 'string' ? [role] : role
  if (anyOf.length && !anyOf.some((r) => user.roles.includes(r))) throw forbidden()
  return user
}

// ── logging in ──────────────────────────────────────────────────────────────────────────────

/**
 * Logins per client address: each one writes a row and calls the provider, so a script must
 * not be able to flood either. In-process (see token-bucket.server.ts for the trade-off), and
 * generous by default: behind a proxy without TRUST_PROXY every visitor shares one address.
 */
const loginLimiters = new Map<string, ReturnType<typeof createTokenBucket>>()
function loginLimiter({ burst, perSecond }: AppSettings['loginRate']) {
  const key = `${burst}/${perSecond}`
  let limiter = loginLimiters.get(key)
  if (!limiter) loginLimiters.set(key, (limiter = createTokenBucket({ ratePerSecond: perSecond, burst })))
  return limiter
}

/**
 * Every DigiD login is a fresh authentication: `prompt=login`, and `max_age=0` so that the ID
 * token's `auth_time` must be now (checked at the callback). A step-up must not be answered from
 * the provider's session at the old level, and a logout at DigiD that did not finish (a closed
 * tab, a provider that was down) must not hand the next person at this computer a silent
 * single sign-on into the previous person's data.
 */
const DIGID_FRESH_LOGIN = { prompt: 'login', maxAge: 0 } as const

export interface StartLogin {
  returnTo: string
  level?: DigidLevel
}

/** Sends the browser to the provider; throws LoginError('unreachable') when it does not answer. */
export async function startLogin(
  request: Request,
  kind: LoginKind,
  { returnTo, level }: StartLogin,
): Promise<Response> {
  const ctx = appContext()
  if (loginLimiter(ctx.settings.loginRate).take(`${kind}:${ctx.clientIp ?? 'unknown'}`) > 0)
    throw new LoginError('rateLimited', 'login-rate')
  const settings = kind === 'citizen' ? ctx.settings.digid : ctx.settings.staff
  const language = await getLanguage(request)
  const wanted = kind === 'citizen' ? (level ?? 'basis') : null
  const start = await buildAuthorizationRequest(settings, {
    uiLocales: language,
    // The staff SSO may use its single sign-on; DigiD never (DIGID_FRESH_LOGIN).
    ...(wanted ? { acrValues: acrForLevel[wanted], ...DIGID_FRESH_LOGIN } : {}),
    ...(kind === 'citizen' ? { loginHint: await citizenLoginHint(request) } : {}),
  })
  const token = await createLoginRequest(getDb(), {
    kind,
    state: start.state,
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    returnTo: safeReturnPath(returnTo, kind === 'staff' ? '/medewerker' : '/mijn'),
    level: wanted,
  })
  const { login } = cookies(ctx.settings)
  // A document redirect: the provider is another application, even when it shares our origin.
  return redirectDocument(start.url.href, { headers: { 'Set-Cookie': await login.serialize(token) } })
}

/**
 * A citizen logging in again (a step-up) is offered as the person already logged in: the hint
 * is the provider's own `sub` from the session's ID token — pairwise, so it means nothing
 * elsewhere and never is the BSN (no BSN in a URL, DESIGN.md §5).
 */
async function citizenLoginHint(request: Request): Promise<string | undefined> {
  const current = await loadSession(request)
  if (current?.row.kind !== 'citizen' || !current.row.id_token) return undefined
  try {
    const payload: unknown = JSON.parse(Buffer.from(current.row.id_token.split('.')[1] ?? '', 'base64url').toString())
    const sub = (payload as { sub?: unknown }).sub
    return typeof sub === 'string' && sub.length <= 255 && !isValidBsn(sub) ? sub : undefined
  } catch {
    return undefined
  }
}

const CallbackParams = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(256).optional(),
})

function sameString(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}

export interface LoginOutcome {
  /** the response to send: a redirect on success; on failure the page shows `failure` */
  headers: Headers
  redirectTo?: string
  failure?: LoginFailure
  /** the failed check, for the helpdesk code and the log */
  detail?: string
  /** where "try again" leads */
  retry: string
  /** the level this login asked for, when it was one of ours */
  wantedLevel?: DigidLevel
}

/**
 * The provider's callback: checks it belongs to a login this browser started (state, once),
 * exchanges the code (PKCE, private_key_jwt) and checks the ID token, then starts a session
 * with a new id. Every failure is a LoginFailure the page explains; none shows or logs a BSN.
 */
export async function completeLogin(request: Request, kind: LoginKind): Promise<LoginOutcome> {
  const ctx = appContext()
  const c = cookies(ctx.settings)
  const headers = new Headers()
  headers.append('Set-Cookie', await c.login.serialize('', { maxAge: 0 }))
  const retryBase = kind === 'staff' ? '/inloggen/medewerker' : '/inloggen'
  let retry = retryBase
  let wantedLevel: DigidLevel | undefined
  try {
    const params = CallbackParams.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!params.success) throw new LoginError('failed', 'callback-params')
    const token = await readCookie(request, 'login')
    if (!token) throw new LoginError('stateMismatch', 'no-login-cookie')
    const pending = await consumeLoginRequest(getDb(), token, kind)
    if (pending.status === 'used') throw new LoginError('codeReplayed', 'callback-replayed')
    if (pending.status === 'missing') throw new LoginError('stateMismatch', 'no-pending-login')
    const { request: login } = pending
    retry = `${retryBase}?${new URLSearchParams({ terug: login.return_to, ...(login.level && login.level !== 'basis' ? { niveau: login.level } : {}) })}`
    wantedLevel = login.level ?? undefined
    if (!params.data.state || !sameString(params.data.state, login.state))
      throw new LoginError('stateMismatch', 'state')
    if (params.data.error) {
      throw new LoginError(
        params.data.error === 'access_denied' ? 'cancelled' : 'failed',
        `authorization-${params.data.error}`,
      )
    }
    const settings = kind === 'citizen' ? ctx.settings.digid : ctx.settings.staff
    const result = await exchangeCode(settings, new URL(request.url).searchParams, {
      state: login.state,
      nonce: login.nonce,
      codeVerifier: login.code_verifier,
      ...(kind === 'citizen' ? { maxAge: DIGID_FRESH_LOGIN.maxAge } : {}),
    })
    const replaces = (await readCookie(request, 'session')) ?? undefined
    const session =
      kind === 'citizen'
        ? await citizenSession(result.claims, result.idToken, login.level ?? 'basis', ctx.settings)
        : staffSession(result.claims, result.idToken, ctx.settings)
    const { token: sessionToken, session: row } = await createSession(getDb(), session.input, {
      replaces,
      limits: limits(ctx.settings),
      audit: loginAudit(session.input),
    })
    headers.append('Set-Cookie', await c.session.serialize(sessionToken))
    // A persona's language preference sets the portal's language, unless the visitor chose one.
    const chosen: unknown = await languageCookie.parse(request.headers.get('cookie'))
    if (!isLanguage(chosen) && session.language)
      headers.append('Set-Cookie', await languageCookie.serialize(session.language))
    ctx.logger.info(
      {
        event: 'login',
        kind,
        loa: row.level,
        subject: fingerprint(row.subject, ctx.settings),
        acting: row.acting_bsn !== null,
        session: row.id_hash.slice(0, 12),
      },
      'signed in',
    )
    return { headers, redirectTo: login.return_to, retry }
  } catch (err) {
    const failure = err instanceof LoginError ? err : new LoginError('failed', 'unexpected')
    if (!(err instanceof LoginError))
      ctx.logger.error({ err, event: 'login_failed', kind }, 'login failed unexpectedly')
    else
      ctx.logger.warn({ event: 'login_failed', kind, reason: failure.reason, detail: failure.detail }, 'login failed')
    return { headers, failure: failure.reason, detail: failure.detail, retry, wantedLevel }
  }
}

/** Login and logout in the audit log (issue 7): who, at which level; never a BSN as the actor. */
function loginAudit(input: SessionToStart['input']): AuditEntry {
  if (input.kind === 'staff')
    return { actorKind: 'staff', actorId: input.subject, action: 'login', details: { roles: input.roles ?? [] } }
  return {
    actorKind: input.actingBsn ? 'representative' : 'citizen',
    actorId: input.actingBsn ? 'representative' : 'citizen',
    action: 'login',
    subjectBsn: input.subject,
    details: { level: input.level ?? null, ...(input.actingName ? { actingName: input.actingName } : {}) },
  }
}

function logoutAudit(row: { kind: string; subject: string; acting_bsn: string | null }): AuditEntry {
  if (row.kind === 'staff') return { actorKind: 'staff', actorId: row.subject, action: 'logout' }
  return {
    actorKind: row.acting_bsn ? 'representative' : 'citizen',
    actorId: row.acting_bsn ? 'representative' : 'citizen',
    action: 'logout',
    subjectBsn: row.subject,
  }
}

interface SessionToStart {
  input: Parameters<typeof createSession>[1]
  language?: Language
}

/**
 * A salted fingerprint of a subject for log lines, in groups of four ("3f9a-0c12-…"): the log's
 * BSN scrubber blanks any run of nine digits, which a plain hex string would now and then hold.
 */
function fingerprint(subject: string, settings: AppSettings): string {
  const hex = createHash('sha256').update(`${settings.logSalt}:${subject}`).digest('hex').slice(0, 16)
  return hex.match(/.{4}/g)!.join('-')
}

async function citizenSession(
  claims: Record<string, unknown>,
  idToken: string,
  wanted: DigidLevel,
  settings: AppSettings,
): Promise<SessionToStart> {
  const own = claims[settings.digid.bsnClaim]
  const legal = claims[LEGAL_SUBJECT_CLAIM]
  const acting = claims[ACTING_SUBJECT_CLAIM]
  // DigiD Machtigen: the represented person's data is shown; the acting person is kept for the audit.
  const subject = typeof legal === 'string' ? legal : own
  if (typeof subject !== 'string' || !isValidBsn(subject)) throw new LoginError('tokenInvalid', 'bsn-claim')
  const level = levelFromAcr(claims[settings.digid.levelClaim])
  if (!level) throw new LoginError('tokenInvalid', 'acr-claim')
  if (!meetsLevel(level, wanted)) throw new LoginError('levelTooLow', `acr-${level}-below-${wanted}`)
  let actingBsn: string | null = null
  if (typeof legal === 'string') {
    const candidate = typeof acting === 'string' ? acting : own
    actingBsn = typeof candidate === 'string' && isValidBsn(candidate) && candidate !== subject ? candidate : null
  }
  const db = getDb()
  const person = await db
    .selectFrom('persons')
    .leftJoin('contact_details', 'contact_details.bsn', 'persons.bsn')
    .select(['persons.given_names', 'persons.name_prefix', 'persons.surname', 'contact_details.language'])
    .where('persons.bsn', '=', subject)
    .executeTakeFirst()
  if (!person) {
    // Known to DigiD, not to us: no session. The log gets a salted hash, never the number.
    appContext().logger.warn(
      { event: 'login_unknown_person', subject: fingerprint(subject, settings) },
      'no person in the register',
    )
    throw new LoginError('unknownPerson', 'no-person')
  }
  let actingName: string | null = null
  if (actingBsn) {
    const actor = await db
      .selectFrom('persons')
      .select(['given_names', 'name_prefix', 'surname'])
      .where('bsn', '=', actingBsn)
      .executeTakeFirst()
    actingName = actor ? personNameOf(actor) : null
  }
  return {
    input: { kind: 'citizen', subject, actingBsn, actingName, level, name: personNameOf(person), idToken },
    language: person.language ?? undefined,
  }
}

const EmployeeId = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/)

function staffSession(claims: Record<string, unknown>, idToken: string, settings: AppSettings): SessionToStart {
  const s = settings.staff
  const id = EmployeeId.safeParse(claims[s.employeeIdClaim])
  if (!id.success) throw new LoginError('tokenInvalid', 'employee-id-claim')
  const rawRoles = claims[s.rolesClaim]
  const roles = (
    Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : []
  ).filter((r): r is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(r))
  const name =
    typeof claims[s.nameClaim] === 'string' && claims[s.nameClaim] ? String(claims[s.nameClaim]).slice(0, 200) : id.data
  return { input: { kind: 'staff', subject: id.data, name, roles, idToken } }
}

// ── staying in, logging out ─────────────────────────────────────────────────────────────────

/** "Ingelogd blijven": records activity now; null when the session has already ended. */
export async function keepAlive(request: Request): Promise<SessionInfo | null> {
  return getSessionInfo(request, { touch: true })
}

/** The session's end times without counting this as activity (the idle warning's check). */
export async function sessionStatus(request: Request): Promise<SessionInfo | null> {
  return getSessionInfo(request, { touch: false })
}

/**
 * Ends the portal session and then the provider's (RP-initiated logout), which sends the browser
 * back to /uitgelogd. When the provider is down the portal session still ends.
 */
export async function logout(request: Request): Promise<Response> {
  const ctx = appContext()
  const c = cookies(ctx.settings)
  const token = await readCookie(request, 'session')
  const headers = { 'Set-Cookie': await c.session.serialize('', { maxAge: 0 }) }
  const row = token ? await destroySession(getDb(), token, logoutAudit) : null
  if (!row) return redirect('/uitgelogd', { headers })
  ctx.logger.info({ event: 'logout', kind: row.kind, session: row.id_hash.slice(0, 12) }, 'signed out')
  const settings = row.kind === 'citizen' ? ctx.settings.digid : ctx.settings.staff
  const url = await buildLogoutUrl(settings, {
    idToken: row.id_token,
    state: row.kind === 'staff' ? 'medewerker' : undefined,
    uiLocales: await getLanguage(request),
  })
  return url
    ? redirectDocument(url.href, { headers })
    : redirect(row.kind === 'staff' ? '/uitgelogd?wie=medewerker' : '/uitgelogd', { headers })
}

/** Issue 7, the server's write guard: is the session in this Cookie header viewing as a citizen? */
export async function isViewingAsCitizen(cookieHeader: string | undefined): Promise<boolean> {
  const token = await readCookie(
    new Request('http://localhost/', { headers: cookieHeader ? { cookie: cookieHeader } : {} }),
    'session',
  )
  return token ? sessionIsImpersonating(hashToken(token)) : false
}

/** Clears a cookie that points at a session that has ended. */
export async function clearSessionCookie(): Promise<string> {
  return cookies(appContext().settings).session.serialize('', { maxAge: 0 })
}

export const LoginQuery = z.object({
  terug: z.string().max(2048).optional(),
  niveau: z
    .string()
    .optional()
    .transform((v) => (isDigidLevel(v) ? v : undefined)),
})

/** The idle timeout in minutes (15, the DigiD norm, unless configured otherwise). */
export function sessionIdleMinutes(): number {
  return appContext().settings.idleMinutes
}
