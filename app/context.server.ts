import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { remember } from '@epic-web/remember'
import type { DigidLevel } from '~/domain/digid-level'
import type { LocalDate } from '~/domain/local-date'
import { loadConfig, type Config } from '../server/config'

/**
 * The one context of the app: its settings (parsed and checked once, at start, by
 * server/config.ts), the server's logger (which scrubs BSNs) and, in a request, the client's
 * address and a per-request memo. README: Architecture.
 *
 * The server puts it in an AsyncLocalStorage around each request (server/app.ts); loaders,
 * actions and services read it with `appContext()` / `settings()`. `remember` keeps the one
 * AsyncLocalStorage on globalThis, so the server (run by tsx) and the Remix build (a separate
 * bundle) share it — the same trick as db/instance. Two test servers with different settings in
 * one process each get their own, per request.
 *
 * Outside a request (the job runner, a script, a test calling a service) the settings are those
 * the process handed over with `setSettingsOutsideRequests` (the server and the worker do, at
 * start), else derived once from `loadConfig()` — never from a second reading of the environment.
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

export interface ImpersonationSettings {
  /** the highest DigiD level the view reaches (IMPERSONATION_MAX_LEVEL, default Midden) */
  maxLevel: DigidLevel
  /** "Wie heeft mijn gegevens bekeken" names staff (true) or shows their employee number */
  showStaffNames: boolean
}

export interface AppSettings {
  /** BASE_URL without a trailing slash: the portal's public address (redirects, letters, e-mails) */
  baseUrl: string
  /** the public address is https: cookies are sent with `Secure` */
  secureCookies: boolean
  digid: DigidSettings
  staff: StaffSsoSettings
  idleMinutes: number
  maxHours: number
  /** logins per client address: a burst, then so many per second */
  loginRate: { burst: number; perSecond: number }
  /** refused bearer tokens at the back-office API per client address, within a window */
  apiBadTokens: { limit: number; windowSeconds: number }
  /** the public contact form: sends per client address within the window */
  contactForm: { limit: number; windowSeconds: number }
  /** events per back-office system at the API: a burst, then so many per second */
  apiRate: { burst: number; perSecond: number }
  /** salt for the BSN fingerprints in log lines */
  logSalt: string
  /** APP_SECRET: seals the tokens handed to browsers (sealed-token.server.ts) */
  appSecret: string
  /** MOCK_IDP: the mock providers are on, so this is a demo or test (the demo mailbox shows) */
  mockProviders: boolean
  impersonation: ImpersonationSettings
  /** HOLIDAYS_BY_DECREE: days equated to holidays by decree (Atw art. 3(3)) */
  holidaysByDecree: readonly LocalDate[]
  /** MOVE_RESIDENTS_WARNING: the approver of a move is warned above this many residents */
  moveResidentsWarning: number
  /** DATA_DIR/mail: where e-mails are written as .eml files when SMTP_URL is unset */
  mailDir: string
  /** the `source` of the CloudEvents sent to subscribers: `${baseUrl}/mijn-stad` */
  eventSource: string
  /** the payment service provider (PAYMENTS_API_URL, PAYMENTS_API_KEY, MOCK_PSP; README: Payments) */
  payments: PaymentSettings
}

export interface PaymentSettings {
  /** MOCK_PSP: the mock provider is mounted at /mock-psp */
  mock: boolean
  /** Mollie's Payments API v2 base, e.g. https://api.mollie.com/v2 */
  apiUrl: string
  apiKey: string
  /** the portal's public address: the webhook and the citizen's way back */
  publicBaseUrl: string
  /** the origin of the provider's checkout page */
  checkoutOrigin: string
}

/** The slice of pino the app uses. */
export interface AppLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface AppContext {
  settings: AppSettings
  logger: AppLogger
  /** the client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts) */
  clientIp?: string
  /** the session of this request, looked up once however many loaders ask */
  memo: Map<string, Promise<unknown>>
}

export const appStorage = remember('mijn-stad:app-context', () => new AsyncLocalStorage<AppContext>())

/**
 * The app's settings from the checked configuration. The secrets are passed in: the server
 * reads or makes them in DATA_DIR (server/app.ts); elsewhere they are per process.
 */
export function appSettingsOf(config: Config, secrets: { appSecret: string; logSalt: string }): AppSettings {
  return {
    baseUrl: config.baseUrl,
    secureCookies: config.baseUrl.startsWith('https://'),
    digid: config.oidc.digid,
    staff: config.oidc.staff,
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
    loginRate: { burst: config.LOGIN_RATE_BURST, perSecond: config.LOGIN_RATE_PER_SECOND },
    apiBadTokens: { limit: config.API_BAD_TOKEN_LIMIT, windowSeconds: config.API_BAD_TOKEN_WINDOW_SECONDS },
    contactForm: { limit: config.CONTACT_FORM_LIMIT, windowSeconds: config.CONTACT_FORM_WINDOW_SECONDS },
    apiRate: { burst: config.API_RATE_LIMIT_BURST, perSecond: config.API_RATE_LIMIT_PER_SECOND },
    logSalt: secrets.logSalt,
    appSecret: secrets.appSecret,
    mockProviders: config.MOCK_IDP,
    impersonation: { maxLevel: config.IMPERSONATION_MAX_LEVEL, showStaffNames: config.AUDIT_SHOW_STAFF_NAMES },
    holidaysByDecree: config.HOLIDAYS_BY_DECREE,
    moveResidentsWarning: config.MOVE_RESIDENTS_WARNING,
    mailDir: config.mailDir,
    eventSource: `${config.baseUrl}/mijn-stad`,
    payments: config.payments,
  }
}

const silent: AppLogger = { info() {}, warn() {}, error() {} }
const outside = remember('mijn-stad:settings-outside-requests', () => ({
  settings: undefined as AppSettings | undefined,
}))

/**
 * The settings for code that runs outside a request in this process: the server and the worker
 * hand over the ones they run with, so a job writes the same links as a page. `undefined`:
 * derived from `loadConfig()` again at the next use.
 */
export function setSettingsOutsideRequests(settings: AppSettings | undefined): void {
  outside.settings = settings
}

/** The context of the current request; outside one, the process's settings and no logger. */
export function appContext(): AppContext {
  const current = appStorage.getStore()
  if (current) return current
  outside.settings ??= (() => {
    const config = loadConfig()
    // Outside the server (a script, a test calling a service): a secret for this process only.
    return appSettingsOf(config, {
      appSecret: config.APP_SECRET ?? randomBytes(32).toString('base64url'),
      logSalt: config.LOG_SALT ?? 'mijn-stad',
    })
  })()
  // Outside a request nothing may be memoised across calls.
  return { settings: outside.settings, logger: silent, memo: new Map() }
}

/** The settings of the current request, or of the process outside one. */
export function settings(): AppSettings {
  return appContext().settings
}

/** The logger of the current request; outside one (a script, a unit test), undefined. */
export function requestLogger(): AppLogger | undefined {
  return appStorage.getStore()?.logger
}
