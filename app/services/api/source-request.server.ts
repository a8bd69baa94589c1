/**
 * What every back-office API route shares (README, "Back-office API"): answers as problem+json
 * (RFC 9457), and who is sending — a bearer token per source system, with the bad-token block
 * per client address and the rate limit per system.
 *
 * `Authorization: Bearer <token>`, one token per source system, stored as a SHA-256 hash and
 * compared in constant time (source-systems.server.ts). Refused tokens count against the client
 * address: after API_BAD_TOKEN_LIMIT within API_BAD_TOKEN_WINDOW_SECONDS the address gets 429
 * with Retry-After, before any token it sends is looked up (auth/bad-tokens.server.ts; in
 * PostgreSQL, so across instances). Rate limit per source system, after its token is known: an
 * in-process token bucket of API_RATE_LIMIT_PER_SECOND with bursts of API_RATE_LIMIT_BURST.
 * In-process means per app instance: with N instances the limit is N times as high. One bucket
 * serves every route, so a system's events and documents share its limit.
 */
import { appContext, type AppSettings } from '~/context.server'
import { countBadToken, secondsBlockedForBadTokens } from '~/services/auth/bad-tokens.server'
import { createTokenBucket } from '~/services/auth/token-bucket.server'
import { authenticateSourceSystem, type SourceSystem } from '~/services/source-systems.server'

export interface ProblemError {
  field: string
  code: string
  message: string
}

/** An `application/problem+json` answer; `slug` makes its `type` URN. */
export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  errors: ProblemError[] = [],
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `urn:nl:groningen:mijn-stad:problem:${slug}`, title, status, detail, errors }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
    },
  )
}

export function methodNotAllowed(detail: string): Response {
  return problem(405, 'method-not-allowed', 'Method not allowed', detail, [], { Allow: 'POST' })
}

// One bucket per rate setting (API_RATE_LIMIT_*, server/config.ts): per server.
const buckets = new WeakMap<AppSettings['apiRate'], ReturnType<typeof createTokenBucket>>()
function bucketFor(rate: AppSettings['apiRate']) {
  let bucket = buckets.get(rate)
  if (!bucket) {
    bucket = createTokenBucket({ ratePerSecond: rate.perSecond, burst: rate.burst })
    buckets.set(rate, bucket)
  }
  return bucket
}

function tooManyBadTokens(wait: number) {
  return problem(
    429,
    'rate-limited',
    'Too many requests',
    `Too many invalid tokens from this address; retry after ${wait} s.`,
    [],
    { 'Retry-After': String(wait) },
  )
}

/**
 * The source system that sent this request, or the answer to give instead: 429 (too many bad
 * tokens from this address, or this system's rate limit), 401 (no token or an unknown one).
 * Reads only the Authorization header; the body is the route's.
 */
export async function authenticateSourceRequest(
  request: Request,
): Promise<{ ok: true; system: SourceSystem } | { ok: false; response: Response }> {
  const token = /^Bearer ([\x21-\x7e]{1,512})$/.exec(request.headers.get('authorization') ?? '')?.[1]
  const { clientIp, settings } = appContext()
  // An address that sent too many bad tokens is refused before its next token is looked up.
  const blocked = token ? await secondsBlockedForBadTokens(clientIp, settings.apiBadTokens) : 0
  if (blocked > 0) return { ok: false, response: tooManyBadTokens(blocked) }
  const system = token ? await authenticateSourceSystem(token) : null
  if (token && !system) {
    const wait = await countBadToken(clientIp, settings.apiBadTokens)
    if (wait > 0) return { ok: false, response: tooManyBadTokens(wait) }
  }
  if (!system) {
    return {
      ok: false,
      response: problem(
        401,
        'unauthorized',
        'Not authenticated',
        'Send a valid bearer token of a registered source system.',
        [
          {
            field: 'Authorization',
            code: token ? 'invalid_token' : 'missing_token',
            message: token ? 'the token is not valid' : 'a bearer token is required',
          },
        ],
        { 'WWW-Authenticate': 'Bearer realm="mijn-stad", error="invalid_token"' },
      ),
    }
  }
  const wait = bucketFor(settings.apiRate).take(system.id)
  if (wait > 0) {
    return {
      ok: false,
      response: problem(
        429,
        'rate-limited',
        'Too many requests',
        `Rate limit of this source system reached; retry after ${wait} s.`,
        [],
        { 'Retry-After': String(wait) },
      ),
    }
  }
  return { ok: true, system }
}
