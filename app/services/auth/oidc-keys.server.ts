import { createPrivateKey, generateKeyPairSync, randomBytes, webcrypto, type JsonWebKey } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Private keys for OpenID Connect: the portal's client key (private_key_jwt, NL GOV Assurance
 * profile) and the mock providers' signing keys. Generated at first start under DATA_DIR and
 * kept there (git-ignored); never committed. For a real broker the client key is a file you
 * are given or generate and register: a private JWK (JSON) or a PEM.
 */
export type PrivateJwk = JsonWebKey & { kid: string; alg: string; use?: string }

/** Reads the file, or creates it atomically with a new RSA key when it does not exist yet. */
export function ensurePrivateJwk(file: string, { alg = 'PS256' }: { alg?: 'PS256' | 'RS256' } = {}): PrivateJwk {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    const jwk = { ...newRsaPrivateJwk(), kid: randomBytes(8).toString('hex'), alg, use: 'sig' }
    // Write aside and link into place: two instances starting at once end up with one key.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(tmp, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 })
    try {
      linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      unlinkSync(tmp)
    }
  }
  return readPrivateJwk(file)
}

/**
 * A new 2048-bit RSA private key as a JWK. The key comes out of the generator as PEM and is read
 * back into a key object of its own before its JWK is exported: exporting a JWK straight from the
 * generated key object can deadlock the process in Node 20 when a garbage collection runs during
 * the export (the finished key-generation job, collected then, waits for the lock the export
 * holds on the same key). Seen as a test run that hung with the process idle.
 */
export function newRsaPrivateJwk(): JsonWebKey {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return createPrivateKey(privateKey).export({ format: 'jwk' })
}

/** A private key file as a JWK: JSON (a JWK) or PEM (PKCS#8 or PKCS#1). */
export function readPrivateJwk(file: string, keyId?: string): PrivateJwk {
  const text = readFileSync(file, 'utf8').trim()
  let jwk: JsonWebKey & { kid?: string; alg?: string; use?: string }
  if (text.startsWith('-----BEGIN')) {
    jwk = createPrivateKey(text).export({ format: 'jwk' })
  } else {
    jwk = JSON.parse(text) as typeof jwk
  }
  if (!jwk.d) throw new Error(`${file} holds no private key`)
  const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'PS256')
  return { ...jwk, kid: keyId ?? jwk.kid ?? 'mijn-stad', alg }
}

/** The public half, to register with a provider (the mock one reads it directly). */
export function publicJwk(jwk: PrivateJwk): PrivateJwk {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk
  return pub as PrivateJwk
}

const importParams: Record<string, RsaHashedImportParams | EcKeyImportParams> = {
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
}

/** The key as a non-extractable CryptoKey for signing client assertions. */
export async function importSigningKey(jwk: PrivateJwk): Promise<{ key: CryptoKey; kid: string }> {
  const params = importParams[jwk.alg]
  if (!params) throw new Error(`unsupported client key algorithm ${jwk.alg} (use PS256, RS256 or ES256)`)
  const { alg: _alg, use: _use, key_ops: _ops, kid, ...material } = jwk as PrivateJwk & { key_ops?: string[] }
  const key = await webcrypto.subtle.importKey('jwk', material as webcrypto.JsonWebKey, params, false, ['sign'])
  return { key: key as CryptoKey, kid }
}
