import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The server secret for the demo and development, when APP_SECRET is not set: generated at the
 * first start into DATA_DIR (mode 600, like the OIDC keys) and kept, so tokens survive a
 * restart. Production with real identity providers must set APP_SECRET (server/config.ts), the
 * same on every instance.
 */
export function ensureAppSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    // Write aside and link into place: two instances starting at once end up with one secret.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(tmp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 })
    try {
      linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      unlinkSync(tmp)
    }
  }
  const secret = readFileSync(file, 'utf8').trim()
  if (secret.length < 32) throw new Error(`${file}: the secret is shorter than 32 characters`)
  return secret
}
