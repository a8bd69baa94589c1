/**
 * Tokens handed to the browser that only this server can make or read: a value sealed with
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the server secret APP_SECRET, bound to
 * one purpose and one holder (e.g. an employee's session), with an expiry inside the sealed
 * part. Nothing the holder knows — the session cookie, the page — is enough to forge one, and
 * any app instance sharing APP_SECRET can open it (README: Configuration).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const EXPIRY_BYTES = 6
/** version, IV, tag, expiry: what even an empty value costs */
const OVERHEAD = 1 + IV_BYTES + TAG_BYTES + EXPIRY_BYTES
const MAX_TOKEN_CHARS = 512

export interface SealOptions {
  /** the server secret (APP_SECRET) */
  secret: string
  /** what the token is for; a token of one purpose never opens as another */
  purpose: string
  /** whom it belongs to (a session id hash): it opens only for the same holder */
  holder: string
}

const keys = new Map<string, Buffer>()
function keyFor(secret: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`
  let key = keys.get(cacheKey)
  if (!key) {
    if (keys.size > 32) keys.clear()
    key = Buffer.from(hkdfSync('sha256', secret, 'mijn-stad sealed token', `purpose:${purpose}`, 32))
    keys.set(cacheKey, key)
  }
  return key
}

const additionalData = (o: SealOptions) => Buffer.from(`v${VERSION}\n${o.purpose}\n${o.holder}`, 'utf8')

export function sealToken(o: SealOptions, value: string, expiresAt: Date): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keyFor(o.secret, o.purpose), iv)
  cipher.setAAD(additionalData(o))
  const expiry = Buffer.alloc(EXPIRY_BYTES)
  expiry.writeUIntBE(Math.floor(expiresAt.getTime() / 1000), 0, EXPIRY_BYTES)
  const sealed = Buffer.concat([cipher.update(Buffer.concat([expiry, Buffer.from(value, 'utf8')])), cipher.final()])
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

export type OpenOutcome = { ok: true; value: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

/** The value of a token this server sealed for this purpose and holder, unless it has expired. */
export function openToken(o: SealOptions, token: string, now: Date = new Date()): OpenOutcome {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token))
    return { ok: false, reason: 'malformed' }
  const raw = Buffer.from(token, 'base64url')
  if (raw.length < OVERHEAD || raw[0] !== VERSION) return { ok: false, reason: 'malformed' }
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(o.secret, o.purpose), raw.subarray(1, 1 + IV_BYTES))
    decipher.setAAD(additionalData(o))
    decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES))
    plain = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()])
  } catch {
    // Another key, another holder or purpose, or a changed byte: GCM's tag does not match.
    return { ok: false, reason: 'forged' }
  }
  const expiresAt = plain.readUIntBE(0, EXPIRY_BYTES) * 1000
  if (now.getTime() >= expiresAt) return { ok: false, reason: 'expired' }
  return { ok: true, value: plain.subarray(EXPIRY_BYTES).toString('utf8') }
}
