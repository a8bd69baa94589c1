import { createPrivateKey, createPublicKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A deliberately misbehaving OpenID provider for the portal's login error tests: it
 * answers like a DigiD broker, but the test decides what its ID token looks like — tampered with,
 * for another audience, expired — so that the portal's own checks (openid-client) are what is
 * tested. Not for anything but tests.
 */
export type FakeIdTokenMode =
  | 'valid'
  | 'tampered'
  | 'wrongAudience'
  | 'expired'
  | 'wrongIssuer'
  | 'wrongNonce'
  /** answers from an earlier session (single sign-on): `auth_time` ten minutes ago, whatever was asked */
  | 'staleLogin'

export interface FakeOidcProvider {
  issuer: string
  /** what the next token response carries */
  mode: FakeIdTokenMode
  /** the claims of the ID token besides the protocol ones */
  claims: Record<string, unknown>
  /** what the token endpoint received, for assertions (client authentication) */
  tokenRequests: URLSearchParams[]
  /** what the authorization endpoint received, for assertions (prompt, max_age) */
  authorizationRequests: URLSearchParams[]
  close(): Promise<void>
}

const b64 = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url')

export async function startFakeOidcProvider(): Promise<FakeOidcProvider> {
  // As PEM, read back into key objects of their own: a JWK exported straight from the generated
  // key object can deadlock Node 20 (see newRsaPrivateJwk in app/services/auth/oidc-keys.server.ts).
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const privateKey = createPrivateKey(pair.privateKey)
  const kid = 'fake-1'
  const jwk = { ...createPublicKey(pair.publicKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
  const codes = new Map<string, { nonce: string; clientId: string; maxAge: boolean; used: boolean }>()
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const fake: FakeOidcProvider = {
    issuer,
    mode: 'valid',
    claims: {},
    tokenRequests: [],
    authorizationRequests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }

  function idToken(clientId: string, nonce: string, maxAge: boolean): string {
    const now = Math.floor(Date.now() / 1000)
    const payload: Record<string, unknown> = {
      // OpenID Connect Core §3.1.2.1: with max_age asked, auth_time is required.
      ...(maxAge || fake.mode === 'staleLogin' ? { auth_time: fake.mode === 'staleLogin' ? now - 600 : now } : {}),
      iss: fake.mode === 'wrongIssuer' ? 'https://evil.example' : issuer,
      sub: 'fake-subject',
      aud: fake.mode === 'wrongAudience' ? 'another-client' : clientId,
      iat: fake.mode === 'expired' ? now - 900 : now,
      exp: fake.mode === 'expired' ? now - 600 : now + 300,
      nonce: fake.mode === 'wrongNonce' ? 'not-the-nonce' : nonce,
      ...fake.claims,
    }
    const input = `${b64({ alg: 'RS256', kid, typ: 'JWT' })}.${b64(payload)}`
    const signature = createSign('RSA-SHA256').update(input).sign(privateKey)
    if (fake.mode !== 'tampered') return `${input}.${b64(signature)}`
    // Signed, then changed: someone rewrote a claim on the way.
    return `${b64({ alg: 'RS256', kid, typ: 'JWT' })}.${b64({ ...payload, sub: 'someone-else' })}.${b64(signature)}`
  }

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        code_challenge_methods_supported: ['S256'],
      })
    }
    if (url.pathname === '/jwks') return send(200, { keys: [jwk] })
    if (url.pathname === '/authorize') {
      // Straight back with a code, as if the user logged in at once.
      const code = randomBytes(16).toString('base64url')
      fake.authorizationRequests.push(url.searchParams)
      codes.set(code, {
        nonce: url.searchParams.get('nonce') ?? '',
        clientId: url.searchParams.get('client_id') ?? '',
        maxAge: url.searchParams.has('max_age'),
        used: false,
      })
      const back = new URL(url.searchParams.get('redirect_uri') ?? '')
      back.searchParams.set('code', code)
      back.searchParams.set('state', url.searchParams.get('state') ?? '')
      res.writeHead(302, { location: back.href })
      return res.end()
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = ''
      for await (const chunk of req) raw += String(chunk)
      const body = new URLSearchParams(raw)
      fake.tokenRequests.push(body)
      const issued = codes.get(body.get('code') ?? '')
      if (!issued || issued.used)
        return send(400, { error: 'invalid_grant', error_description: 'code unknown or used' })
      issued.used = true
      return send(200, {
        access_token: 'fake-access',
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken(issued.clientId, issued.nonce, issued.maxAge),
      })
    }
    send(404, { error: 'not_found' })
  })
  return fake
}
