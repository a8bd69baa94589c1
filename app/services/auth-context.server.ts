import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { remember } from '@epic-web/remember'

/**
 * What the sign-in code needs from the server: settings from the environment (server/config.ts),
 * the server's logger (which scrubs BSNs) and a per-request memo.
 *
 * The server puts it in an AsyncLocalStorage around each request (server/auth.ts); the loaders
 * read it from there. `remember` keeps the one AsyncLocalStorage on globalThis, so the server
 * (run by tsx) and the Remix build (a separate bundle) share it — the same trick as db/instance.
 * Two test servers with different settings in one process each get their own, per request.
 */
export interface OidcClientSettings {
  issuer: string
  clientId: string
  privateKeyFile: string
  keyId?: string
  scope: string
  redirectUri: string
  postLogoutRedirectUri: string
}

export interface DigidSettings extends OidcClientSettings {
  bsnClaim: string
  levelClaim: string
}

export interface StaffSsoSettings extends OidcClientSettings {
  employeeIdClaim: string
  nameClaim: string
  rolesClaim: string
}

export interface AuthSettings {
  baseUrl: string
  digid: DigidSettings
  staff: StaffSsoSettings
  idleMinutes: number
  maxHours: number
  /** logins per client address: a burst, then so many per second */
  loginRate: { burst: number; perSecond: number }
  /** refused bearer tokens at the back-office API per client address, within a window */
  apiBadTokens: { limit: number; windowSeconds: number }
  /** salt for the BSN fingerprints in log lines */
  logSalt: string
  /** APP_SECRET: seals the tokens handed to browsers (sealed-token.server.ts) */
  appSecret: string
  /** MOCK_IDP: the mock providers are on, so this is a demo or test (the demo mailbox shows) */
  mockProviders: boolean
}

/** The slice of pino the sign-in code uses. */
export interface AuthLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface AuthRequestContext {
  settings: AuthSettings
  logger: AuthLogger
  /** the client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts) */
  clientIp?: string
  /** the session of this request, looked up once however many loaders ask */
  memo: Map<string, Promise<unknown>>
}

export const authStorage = remember('mijn-stad:auth-context', () => new AsyncLocalStorage<AuthRequestContext>())

const silent: AuthLogger = { info() {}, warn() {}, error() {} }

/** Settings derived from the environment alone, for code run outside the server (a script). */
function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const baseUrl = (env.BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '')
  const dataDir = env.DATA_DIR ?? '.data'
  return {
    baseUrl,
    idleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 15),
    maxHours: Number(env.SESSION_MAX_HOURS ?? 8),
    loginRate: { burst: Number(env.LOGIN_RATE_BURST ?? 100), perSecond: Number(env.LOGIN_RATE_PER_SECOND ?? 10) },
    apiBadTokens: {
      limit: Number(env.API_BAD_TOKEN_LIMIT ?? 20),
      windowSeconds: Number(env.API_BAD_TOKEN_WINDOW_SECONDS ?? 900),
    },
    logSalt: env.LOG_SALT ?? 'mijn-stad',
    // Outside the server (a script, a test calling a service): a secret for this process only.
    appSecret: env.APP_SECRET ?? randomBytes(32).toString('base64url'),
    mockProviders: env.MOCK_IDP !== 'false',
    digid: {
      issuer: env.OIDC_ISSUER ?? `${baseUrl}/mock-idp/digid`,
      clientId: env.OIDC_CLIENT_ID ?? 'mijn-stad',
      privateKeyFile: env.OIDC_PRIVATE_KEY_FILE ?? `${dataDir}/oidc/digid-client.jwk.json`,
      keyId: env.OIDC_KEY_ID,
      scope: env.OIDC_SCOPE ?? 'openid',
      redirectUri: `${baseUrl}/inloggen/callback`,
      postLogoutRedirectUri: `${baseUrl}/uitgelogd`,
      bsnClaim: env.OIDC_BSN_CLAIM ?? 'bsn',
      levelClaim: env.OIDC_LEVEL_CLAIM ?? 'acr',
    },
    staff: {
      issuer: env.STAFF_OIDC_ISSUER ?? `${baseUrl}/mock-idp/staff`,
      clientId: env.STAFF_OIDC_CLIENT_ID ?? 'mijn-stad-medewerkers',
      privateKeyFile: env.STAFF_OIDC_PRIVATE_KEY_FILE ?? `${dataDir}/oidc/staff-client.jwk.json`,
      keyId: env.STAFF_OIDC_KEY_ID,
      scope: env.STAFF_OIDC_SCOPE ?? 'openid profile',
      redirectUri: `${baseUrl}/inloggen/medewerker/callback`,
      postLogoutRedirectUri: `${baseUrl}/uitgelogd`,
      employeeIdClaim: env.STAFF_OIDC_EMPLOYEE_ID_CLAIM ?? 'employee_id',
      nameClaim: env.STAFF_OIDC_NAME_CLAIM ?? 'name',
      rolesClaim: env.STAFF_OIDC_ROLES_CLAIM ?? 'roles',
    },
  }
}

let fallback: AuthRequestContext | undefined

/** The context of the current request; outside one (a script, a unit test) from the environment. */
export function authContext(): AuthRequestContext {
  const current = authStorage.getStore()
  if (current) return current
  fallback ??= { settings: settingsFromEnv(), logger: silent, memo: new Map() }
  // Outside a request nothing may be memoised across calls.
  return { ...fallback, memo: new Map() }
}
