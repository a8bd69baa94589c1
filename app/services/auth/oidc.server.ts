import * as client from 'openid-client'
import type { OidcClientSettings } from '~/context.server'
import { importSigningKey, readPrivateJwk } from './oidc-keys.server'

/**
 * The portal as OpenID Connect relying party (openid-client v6), as the NL GOV Assurance profile
 * asks: authorization code flow with PKCE (S256), state and nonce (256 bits each), client
 * authentication by `private_key_jwt`, and the ID token's signature, issuer, audience, expiry
 * and nonce checked. The same code serves the mock DigiD, a real DigiD broker and the staff SSO:
 * only the settings differ.
 */

/** Why a login failed, as the user is told (one page per reason) and the log records it. */
export type LoginFailure =
  | 'unreachable' // the provider did not answer
  | 'stateMismatch' // no pending login for this browser, or the state does not match
  | 'codeReplayed' // this callback was already used, or the provider refused the code
  | 'tokenInvalid' // the ID token failed a check: signature, issuer, audience, expiry, nonce
  | 'cancelled' // the user chose Annuleren at the provider
  | 'unknownPerson' // a valid BSN, but nobody in our register
  | 'levelTooLow' // the provider returned a lower level than asked
  | 'rateLimited' // too many logins from this address in a short time
  | 'failed' // anything else the provider answered

export class LoginError extends Error {
  constructor(
    readonly reason: LoginFailure,
    /** for the log only: a short technical code, never personal data */
    readonly detail: string,
  ) {
    super(`login failed: ${reason} (${detail})`)
    this.name = 'LoginError'
  }
}

const DISCOVERY_TTL_MS = 60 * 60_000
const TIMEOUT_SECONDS = 5

const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>()

/** Loopback issuers (the mock providers, a test double) may use http; any other must use https. */
function isLoopback(url: string): boolean {
  const { hostname } = new URL(url)
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}

/**
 * The provider's metadata (discovery) and our client, cached for an hour per process: a cache of
 * public metadata, not session state. A failed discovery is not cached, so the next login retries.
 */
export async function oidcConfiguration(settings: OidcClientSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId} ${settings.privateKeyFile}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config
  const config = (async () => {
    const signingKey = await importSigningKey(readPrivateJwk(settings.privateKeyFile, settings.keyId))
    const execute = [client.enableNonRepudiationChecks] // also verify the ID token's signature
    if (isLoopback(settings.issuer)) execute.unshift(client.allowInsecureRequests)
    try {
      const configuration = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri], post_logout_redirect_uris: [settings.postLogoutRedirectUri] },
        client.PrivateKeyJwt(signingKey),
        { execute, timeout: TIMEOUT_SECONDS },
      )
      configuration.timeout = TIMEOUT_SECONDS
      return configuration
    } catch (err) {
      throw classify(err)
    }
  })()
  cache.set(key, { at: Date.now(), config })
  config.catch(() => cache.delete(key))
  return config
}

export interface AuthorizationStart {
  url: URL
  state: string
  nonce: string
  codeVerifier: string
}

/** Where to send the browser: the provider's authorization endpoint with fresh PKCE, state and nonce. */
export async function buildAuthorizationRequest(
  settings: OidcClientSettings,
  extra: { acrValues?: string; uiLocales: string; prompt?: string; maxAge?: number; loginHint?: string },
): Promise<AuthorizationStart> {
  const config = await oidcConfiguration(settings)
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const params: Record<string, string> = {
    redirect_uri: settings.redirectUri,
    response_type: 'code',
    scope: settings.scope,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: extra.uiLocales,
  }
  if (extra.acrValues) params.acr_values = extra.acrValues
  if (extra.prompt) params.prompt = extra.prompt
  if (extra.maxAge !== undefined) params.max_age = String(extra.maxAge)
  if (extra.loginHint) params.login_hint = extra.loginHint
  return { url: client.buildAuthorizationUrl(config, params), state, nonce, codeVerifier }
}

export interface CodeExchangeResult {
  claims: Record<string, unknown>
  idToken: string
}

/** The callback's code for tokens; every check of the ID token happens here. */
export async function exchangeCode(
  settings: OidcClientSettings,
  callbackParams: URLSearchParams,
  checks: { state: string; nonce: string; codeVerifier: string; maxAge?: number },
): Promise<CodeExchangeResult> {
  const config = await oidcConfiguration(settings)
  // Rebuild the callback URL from the configured redirect URI, not from the Host header:
  // behind a proxy the two differ, and the token request must name the registered one.
  const currentUrl = new URL(settings.redirectUri)
  for (const [k, v] of callbackParams) currentUrl.searchParams.append(k, v)
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
      // With max_age sent, the ID token must say when the person authenticated (auth_time),
      // and that must be now: a provider that answered from an older session is refused.
      ...(checks.maxAge !== undefined ? { maxAge: checks.maxAge } : {}),
    })
    const claims = tokens.claims()
    if (!claims || !tokens.id_token) throw new LoginError('tokenInvalid', 'no-id-token')
    return { claims: { ...claims }, idToken: tokens.id_token }
  } catch (err) {
    throw classify(err)
  }
}

/** The provider's logout URL (RP-initiated logout), or null when it offers none or is down. */
export async function buildLogoutUrl(
  settings: OidcClientSettings,
  { idToken, state, uiLocales }: { idToken: string | null; state?: string; uiLocales: string },
): Promise<URL | null> {
  try {
    const config = await oidcConfiguration(settings)
    if (!config.serverMetadata().end_session_endpoint) return null
    const params: Record<string, string> = {
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
      client_id: settings.clientId,
      ui_locales: uiLocales,
    }
    if (idToken) params.id_token_hint = idToken
    if (state) params.state = state
    return client.buildEndSessionUrl(config, params)
  } catch {
    return null
  }
}

/**
 * openid-client's errors, sorted into what the user is told. The detail names the check that
 * failed (for the log); it never carries the error's `cause`, which may hold the token's claims.
 */
function classify(err: unknown): LoginError {
  if (err instanceof LoginError) return err
  if (err instanceof client.ResponseBodyError) {
    // invalid_grant: the code was used before, expired, or was not ours (RFC 6749 §5.2).
    return new LoginError(err.error === 'invalid_grant' ? 'codeReplayed' : 'failed', `token-endpoint-${err.error}`)
  }
  if (err instanceof client.AuthorizationResponseError) {
    return new LoginError(err.error === 'access_denied' ? 'cancelled' : 'failed', `authorization-${err.error}`)
  }
  const code = (err as { code?: unknown }).code
  // openid-client wraps the failed check; its own message is generic, the cause's names the check.
  const cause = (err as { cause?: unknown }).cause
  const message = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err)
  switch (code) {
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED': {
      const claim = /"(\w+)"/.exec(message)?.[1] ?? 'claim'
      return new LoginError('tokenInvalid', `id-token-${claim}`)
    }
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      if (/auth_time|authentication/i.test(message)) return new LoginError('tokenInvalid', 'id-token-auth-time')
      return new LoginError('tokenInvalid', 'id-token-expired')
    case 'OAUTH_INVALID_RESPONSE':
      if (/signature/i.test(message)) return new LoginError('tokenInvalid', 'id-token-signature')
      if (/"state"/.test(message)) return new LoginError('stateMismatch', 'state')
      return new LoginError('tokenInvalid', 'invalid-response')
    case 'OAUTH_KEY_SELECTION_FAILED':
      return new LoginError('tokenInvalid', 'id-token-key')
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new LoginError('tokenInvalid', 'id-token-signature')
    case 'OAUTH_TIMEOUT':
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
      return new LoginError('unreachable', String(code).toLowerCase())
  }
  if (
    err instanceof TypeError ||
    (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
  ) {
    // fetch() failed: connection refused, DNS, TLS, timeout
    return new LoginError('unreachable', err.name === 'TypeError' ? 'network' : 'timeout')
  }
  return new LoginError('failed', typeof code === 'string' ? code.toLowerCase() : 'unexpected')
}
