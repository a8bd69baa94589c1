import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ensurePrivateJwk, type PrivateJwk } from '../../app/services/auth/oidc-keys.server'

export interface MockIdpSecrets {
  /** signs the ID tokens (RS256, as most DigiD brokers do) */
  signingKey: PrivateJwk
  /** sign the provider's cookies */
  cookieKeys: string[]
  /** salt of the pairwise subject identifiers: `sub` is never the BSN */
  pairwiseSalt: string
}

/**
 * A mock provider's keys, generated at its first start and kept under DATA_DIR/mock-idp (never
 * committed: .data/ is git-ignored). Kept, not regenerated, so that a restart does not
 * invalidate ID tokens the portal still holds as logout hints.
 */
export function ensureMockIdpSecrets(dataDir: string, name: string): MockIdpSecrets {
  const dir = path.join(dataDir, 'mock-idp')
  const signingKey = ensurePrivateJwk(path.join(dir, `${name}-signing.jwk.json`), { alg: 'RS256' })
  const file = path.join(dir, `${name}-secrets.json`)
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const secrets = {
      cookieKeys: [randomBytes(32).toString('base64url')],
      pairwiseSalt: randomBytes(32).toString('base64url'),
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
    try {
      linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      unlinkSync(tmp)
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Omit<MockIdpSecrets, 'signingKey'>
  return { signingKey, ...stored }
}
