import path from 'node:path'
import { z } from 'zod'
import { isLocalDate } from '../app/domain/local-date'
import { DEFAULT_RESIDENTS_WARNING } from '../app/domain/move'

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'on', 'off', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'on'].includes(v)))

/** Like `bool`, but undefined when unset: its default depends on another setting. */
const optionalBool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'on'].includes(v)))

/** The mock payment provider's key when PAYMENTS_API_KEY is unset: it accepts only this one. */
export const MOCK_PSP_DEFAULT_KEY = 'test_mijnstadmockpspdemo0000000000'

/** A comma-separated list of calendar dates; one that does not exist (2026-02-30) is refused. */
const dateList = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const days = value
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
    const wrong = days.find((d) => !isLocalDate(d))
    if (wrong === undefined) return days
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${wrong}" is not a calendar date (YYYY-MM-DD)` })
    return z.NEVER
  })

/**
 * Every setting, from the environment, checked once at start (README: Configuration): a bad value
 * stops the start with a message naming the variable. The only module that reads `process.env`;
 * the app reaches the result through its context (app/context.server.ts).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production'
  const schema = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    BASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_SALT: z.string().optional(),
    SEED_DEMO_DATA: bool(true),
    MOCK_IDP: bool(true),
    MOCK_IDP_ALLOW_IN_PRODUCTION: bool(false),
    // Payments (README: Payments): Mollie's Payments API v2, or the mock provider at /mock-psp.
    // MOCK_PSP defaults to MOCK_IDP (the demo and the tests pay at the mock); production refuses
    // it unless MOCK_PSP_ALLOW_IN_PRODUCTION, which defaults to MOCK_IDP_ALLOW_IN_PRODUCTION.
    MOCK_PSP: optionalBool,
    MOCK_PSP_ALLOW_IN_PRODUCTION: optionalBool,
    PAYMENTS_API_URL: z.string().url().optional(),
    PAYMENTS_API_KEY: z
      .string()
      .regex(/^(test|live)_[A-Za-z0-9]{20,}$/, 'must be a Mollie API key (test_… or live_…)')
      .optional(),
    TRUST_PROXY: bool(false),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // Letters and jobs. SMTP_URL unset: mails are written as .eml files in DATA_DIR/mail.
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('Mijn Stad <noreply@mijnstad.groningen.example>'),
    WORKER_IN_PROCESS: bool(true), // false when `npm run worker` runs the jobs in their own process
    WORKER_CONCURRENCY: z.coerce.number().int().positive().default(5),
    WORKER_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(2_000),
    // Sign-in (README: Configuration). With MOCK_IDP on, the issuers default to the
    // built-in mock providers; pointing these at a real broker needs no code change.
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).default('mijn-stad'),
    OIDC_PRIVATE_KEY_FILE: z.string().optional(), // JWK (JSON) or PEM; default DATA_DIR/oidc/digid-client.jwk.json
    OIDC_KEY_ID: z.string().optional(),
    OIDC_SCOPE: z.string().default('openid'),
    OIDC_BSN_CLAIM: z.string().min(1).default('bsn'),
    OIDC_LEVEL_CLAIM: z.string().min(1).default('acr'),
    STAFF_OIDC_ISSUER: z.string().url().optional(),
    STAFF_OIDC_CLIENT_ID: z.string().min(1).default('mijn-stad-medewerkers'),
    STAFF_OIDC_PRIVATE_KEY_FILE: z.string().optional(),
    STAFF_OIDC_KEY_ID: z.string().optional(),
    STAFF_OIDC_SCOPE: z.string().default('openid profile'),
    STAFF_OIDC_EMPLOYEE_ID_CLAIM: z.string().min(1).default('employee_id'),
    STAFF_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
    STAFF_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(15), // DigiD norm
    SESSION_MAX_HOURS: z.coerce.number().int().positive().default(8),
    // Logins per client address (each writes a row and calls the provider): a burst, then a rate.
    LOGIN_RATE_BURST: z.coerce.number().int().positive().default(100),
    LOGIN_RATE_PER_SECOND: z.coerce.number().positive().default(10),
    // Bad bearer tokens at the back-office API per client address, across instances (PostgreSQL).
    API_BAD_TOKEN_LIMIT: z.coerce.number().int().positive().default(20),
    API_BAD_TOKEN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
    // The public contact form (no DigiD): sends per client address within the window, across instances.
    CONTACT_FORM_LIMIT: z.coerce.number().int().positive().default(10),
    CONTACT_FORM_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
    // Events per back-office system at the API: a burst, then a rate (answered 429 beyond).
    API_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(50),
    API_RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
    // Viewing as a citizen (support staff, read-only): the highest DigiD level a support employee's view reaches
    // (pages above it are refused), and whether "Wie heeft mijn gegevens bekeken" names staff.
    IMPERSONATION_MAX_LEVEL: z.enum(['basis', 'midden', 'substantieel', 'hoog']).default('midden'),
    AUDIT_SHOW_STAFF_NAMES: bool(true),
    // Moves (Wet BRP art. 2.39): the approver is warned when more people than this would live at
    // the new address after the move.
    // Atw art. 3(3): days equated to holidays by decree, e.g. "2026-05-15,2027-05-07".
    HOLIDAYS_BY_DECREE: dateList,
    MOVE_RESIDENTS_WARNING: z.coerce.number().int().min(1).max(100).default(DEFAULT_RESIDENTS_WARNING),
    // Seals the tokens handed to browsers (app/services/sealed-token.server.ts). Unset: generated
    // into DATA_DIR/app-secret (demo, development); required in production with real providers.
    APP_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  })
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  const c = parsed.data
  const dataDir = path.resolve(c.DATA_DIR)
  const baseUrl = (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '')
  // The mock identity providers let anyone sign in as anyone: never by accident in production.
  if (production && c.MOCK_IDP && !c.MOCK_IDP_ALLOW_IN_PRODUCTION) {
    throw new Error(
      'invalid configuration: MOCK_IDP is on while NODE_ENV=production. Set MOCK_IDP=false and OIDC_ISSUER / STAFF_OIDC_ISSUER for a real ' +
        'identity provider, or MOCK_IDP_ALLOW_IN_PRODUCTION=true for a demo.',
    )
  }
  if (!c.MOCK_IDP && (!c.OIDC_ISSUER || !c.STAFF_OIDC_ISSUER)) {
    throw new Error('invalid configuration: with MOCK_IDP=false, OIDC_ISSUER and STAFF_OIDC_ISSUER must be set')
  }
  // The mock payment provider marks anything paid at a click: never by accident in production.
  const mockPsp = c.MOCK_PSP ?? c.MOCK_IDP
  if (production && mockPsp && !(c.MOCK_PSP_ALLOW_IN_PRODUCTION ?? c.MOCK_IDP_ALLOW_IN_PRODUCTION)) {
    throw new Error(
      'invalid configuration: MOCK_PSP (the mock payment provider) is on while NODE_ENV=production. Set MOCK_PSP=false ' +
        'and PAYMENTS_API_KEY for Mollie, or MOCK_PSP_ALLOW_IN_PRODUCTION=true for a demo.',
    )
  }
  if (!mockPsp && !c.PAYMENTS_API_KEY) {
    throw new Error('invalid configuration: with MOCK_PSP=false, PAYMENTS_API_KEY must be set (test_… or live_…)')
  }
  if (production && !mockPsp && c.PAYMENTS_API_URL && !c.PAYMENTS_API_URL.startsWith('https://')) {
    throw new Error('invalid configuration: PAYMENTS_API_URL must be https:// in production')
  }
  if (production && !c.MOCK_IDP && !c.APP_SECRET) {
    throw new Error(
      'invalid configuration: APP_SECRET must be set in production (at least 32 characters, the same on every instance; e.g. `openssl rand -base64 48`)',
    )
  }
  // Half real, half mock: pointing OIDC_ISSUER at a real broker would leave the staff sign-in on
  // the mock (anyone as a manager), or the other way round. In production that is never meant.
  const mockDigid = (c.OIDC_ISSUER ?? `${baseUrl}/mock-idp/digid`) === `${baseUrl}/mock-idp/digid`
  const mockStaff = (c.STAFF_OIDC_ISSUER ?? `${baseUrl}/mock-idp/staff`) === `${baseUrl}/mock-idp/staff`
  if (production && mockDigid !== mockStaff) {
    const [real, mock] = mockDigid ? ['STAFF_OIDC_ISSUER', 'OIDC_ISSUER'] : ['OIDC_ISSUER', 'STAFF_OIDC_ISSUER']
    throw new Error(
      `invalid configuration: ${real} points at a real identity provider while ${mock} is ` +
        `${mock in env && env[mock] ? 'the mock one' : 'unset, so the mock one'}. Set ${mock} to the real provider ` +
        'too and MOCK_IDP=false, or leave both unset for a demo.',
    )
  }
  const paymentsApiUrl = (
    c.PAYMENTS_API_URL ?? (mockPsp ? `${baseUrl}/mock-psp/v2` : 'https://api.mollie.com/v2')
  ).replace(/\/$/, '')
  return {
    ...c,
    production,
    appSecretFile: path.join(dataDir, 'app-secret'),
    dataDir,
    mailDir: path.join(dataDir, 'mail'),
    baseUrl,
    payments: {
      mock: mockPsp,
      apiUrl: paymentsApiUrl,
      apiKey: c.PAYMENTS_API_KEY ?? MOCK_PSP_DEFAULT_KEY,
      // The provider calls the webhook and sends the citizen back on the portal's public address.
      publicBaseUrl: baseUrl,
      // Where the checkout page is: a form on the portal leads there (CSP form-action). Mollie's
      // API is at api.mollie.com, its checkout at www.mollie.com; a mock serves both itself.
      checkoutOrigin: new URL(paymentsApiUrl).origin.replace('://api.mollie.com', '://www.mollie.com'),
    },
    oidc: {
      digid: {
        issuer: c.OIDC_ISSUER ?? `${baseUrl}/mock-idp/digid`,
        clientId: c.OIDC_CLIENT_ID,
        privateKeyFile: path.resolve(c.OIDC_PRIVATE_KEY_FILE ?? path.join(dataDir, 'oidc', 'digid-client.jwk.json')),
        keyId: c.OIDC_KEY_ID,
        scope: c.OIDC_SCOPE,
        redirectUri: `${baseUrl}/inloggen/callback`,
        postLogoutRedirectUri: `${baseUrl}/uitgelogd`,
        bsnClaim: c.OIDC_BSN_CLAIM,
        levelClaim: c.OIDC_LEVEL_CLAIM,
      },
      staff: {
        issuer: c.STAFF_OIDC_ISSUER ?? `${baseUrl}/mock-idp/staff`,
        clientId: c.STAFF_OIDC_CLIENT_ID,
        privateKeyFile: path.resolve(
          c.STAFF_OIDC_PRIVATE_KEY_FILE ?? path.join(dataDir, 'oidc', 'staff-client.jwk.json'),
        ),
        keyId: c.STAFF_OIDC_KEY_ID,
        scope: c.STAFF_OIDC_SCOPE,
        redirectUri: `${baseUrl}/inloggen/medewerker/callback`,
        postLogoutRedirectUri: `${baseUrl}/uitgelogd`,
        employeeIdClaim: c.STAFF_OIDC_EMPLOYEE_ID_CLAIM,
        nameClaim: c.STAFF_OIDC_NAME_CLAIM,
        rolesClaim: c.STAFF_OIDC_ROLES_CLAIM,
      },
    },
  }
}

export type Config = ReturnType<typeof loadConfig>
