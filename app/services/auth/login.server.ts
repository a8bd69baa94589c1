import { timingSafeEqual, createHash } from 'node:crypto'
import { redirectDocument } from '@remix-run/node'
import { z } from 'zod'
import { getDb } from '../../../db/instance'
import { isValidBsn } from '~/domain/bsn'
import { acrForLevel, isDigidLevel, type DigidLevel } from '~/domain/digid-level'
import { safeReturnPath } from '~/domain/return-path'
import { isLanguage } from '~/i18n'
import { appContext, type AppSettings } from '~/context.server'
import { getLanguage, languageCookie } from '../i18n.server'
import { cookies, limits, readCookie } from './cookies.server'
import { loadSession } from './current-user.server'
import { citizenSession, fingerprint, loginAudit, staffSession } from './login-subject.server'
import { buildAuthorizationRequest, exchangeCode, LoginError, type LoginFailure } from './oidc.server'
import { consumeLoginRequest, createLoginRequest, createSession } from './session-store.server'
import { createTokenBucket } from './token-bucket.server'
import type { LoginKind } from './user.server'

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

/** The login pages' query: where to go afterwards, and the DigiD level asked for (a step-up). */
export const LoginQuery = z.object({
  terug: z.string().max(2048).optional(),
  niveau: z
    .string()
    .optional()
    .transform((v) => (isDigidLevel(v) ? v : undefined)),
})

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
  const token = await createLoginRequest(
    {
      kind,
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
      returnTo: safeReturnPath(returnTo, kind === 'staff' ? '/medewerker' : '/mijn'),
      level: wanted,
    },
    { db: getDb() },
  )
  const { login } = cookies(ctx.settings)
  // A document redirect: the provider is another application, even when it shares our origin.
  return redirectDocument(start.url.href, { headers: { 'Set-Cookie': await login.serialize(token) } })
}

/**
 * A citizen logging in again (a step-up) is offered as the person already logged in: the hint
 * is the provider's own `sub` from the session's ID token — pairwise, so it means nothing
 * elsewhere and never is the BSN (a BSN never goes in a URL: README, Security).
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
    const pending = await consumeLoginRequest(token, kind, { db: getDb() })
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
    const { token: sessionToken, session: row } = await createSession(session.input, {
      db: getDb(),
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
