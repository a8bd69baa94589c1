import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { Express } from 'express'
import type { Logger } from 'pino'
import { authStorage, type AuthSettings } from '../app/services/auth-context.server'
import { ensurePrivateJwk, readPrivateJwk } from '../app/services/auth/oidc-keys.server'
import { ensureAppSecret } from './app-secret'
import type { Config } from './config'
import { mountMockIdps } from './mock-idp'

/**
 * Sign-in wiring (issue 3), mounted before the Remix handler: the mock identity providers when
 * MOCK_IDP is on (their client keys generated at first start), and the per-request context the
 * loaders read their settings, logger and session memo from (app/services/auth-context.server.ts).
 */
export async function mountAuth(app: Express, { config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const settings: AuthSettings = {
    baseUrl: config.baseUrl,
    digid: config.oidc.digid,
    staff: config.oidc.staff,
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
    loginRate: { burst: config.LOGIN_RATE_BURST, perSecond: config.LOGIN_RATE_PER_SECOND },
    apiBadTokens: { limit: config.API_BAD_TOKEN_LIMIT, windowSeconds: config.API_BAD_TOKEN_WINDOW_SECONDS },
    // Without LOG_SALT the fingerprints correlate within one run only, which is the safer default.
    logSalt: config.LOG_SALT ?? randomBytes(16).toString('hex'),
    appSecret: config.APP_SECRET ?? ensureAppSecret(config.appSecretFile),
    mockProviders: config.MOCK_IDP,
  }

  if (config.MOCK_IDP) {
    await mountMockIdps(app, {
      config,
      logger,
      digidClientKey: ensurePrivateJwk(settings.digid.privateKeyFile),
      staffClientKey: ensurePrivateJwk(settings.staff.privateKeyFile),
    })
  } else {
    // A real broker: the client keys are given and registered with it, never made up here.
    for (const [name, file] of [
      ['OIDC_PRIVATE_KEY_FILE', settings.digid.privateKeyFile],
      ['STAFF_OIDC_PRIVATE_KEY_FILE', settings.staff.privateKeyFile],
    ]) {
      if (!existsSync(file)) throw new Error(`${name}: no key file at ${file}`)
      readPrivateJwk(file) // fails now, at start, rather than at the first login
    }
  }

  app.use((req, _res, next) => {
    authStorage.run({ settings, logger, clientIp: req.ip, memo: new Map() }, next)
  })
}
