import { existsSync } from 'node:fs'
import type { Express } from 'express'
import type { Logger } from 'pino'
import { ensurePrivateJwk, readPrivateJwk } from '../app/services/auth/oidc-keys.server'
import type { Config } from './config'
import { mountMockIdps } from './mock-idp'

/**
 * Sign-in wiring, mounted before the Remix handler: the mock identity providers when MOCK_IDP is
 * on (their client keys generated at first start); with a real broker, the client keys checked
 * now. The loaders read their settings from the app's context (app/context.server.ts, put around
 * each request by server/app.ts).
 */
export async function mountAuth(app: Express, { config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const { digid, staff } = config.oidc
  if (config.MOCK_IDP) {
    await mountMockIdps(app, {
      config,
      logger,
      digidClientKey: ensurePrivateJwk(digid.privateKeyFile),
      staffClientKey: ensurePrivateJwk(staff.privateKeyFile),
    })
  } else {
    // A real broker: the client keys are given and registered with it, never made up here.
    for (const [name, file] of [
      ['OIDC_PRIVATE_KEY_FILE', digid.privateKeyFile],
      ['STAFF_OIDC_PRIVATE_KEY_FILE', staff.privateKeyFile],
    ]) {
      if (!existsSync(file)) throw new Error(`${name}: no key file at ${file}`)
      readPrivateJwk(file) // fails now, at start, rather than at the first login
    }
  }
}
