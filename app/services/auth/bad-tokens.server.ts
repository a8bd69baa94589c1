/**
 * Bad bearer tokens at the back-office API, counted per client address (README: Back-office
 * API). A valid token is looked up in the database; a wrong one used to cost the same lookup,
 * as often as anyone liked, and never slowed down, since the per-token bucket gives every
 * random token a fresh bucket. Now every refused token counts against the address it came
 * from: after `limit` of them within `windowSeconds` the address gets 429 with Retry-After,
 * before any token it sends is looked up, until the window ends. Another address — the
 * back-office system with its valid token — is not touched by it.
 *
 * The counters live in PostgreSQL (rate-limiter-flexible's PostgreSQL store, table
 * `rate_limits`, migration 0014), so the limit holds across app instances and restarts. Each
 * instance also remembers, in memory, the addresses it saw blocked and until when, so a blocked
 * address's next guesses cost no query at all. The key is a SHA-256 of the address, not the
 * address itself; rows are purged by the maintenance job an hour after they expire.
 */
import { createHash } from 'node:crypto'
import { CompiledQuery } from 'kysely'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'

export interface BadTokenLimit {
  /** refused tokens allowed per address within the window */
  limit: number
  windowSeconds: number
}

const KEY_PREFIX = 'api-bad-token'
const MAX_REMEMBERED = 10_000

/** The store's queries through the app's own pool (Kysely), answered like a pg Pool would. */
const storeClient = {
  async query({ text, values }: { text: string; values?: unknown[] }) {
    const { rows } = await getDb().executeQuery(CompiledQuery.raw(text, values ?? []))
    return { rows, rowCount: rows.length }
  },
}

const limiters = new Map<string, { store: RateLimiterPostgres; blockedUntil: Map<string, number> }>()

function limiterFor({ limit, windowSeconds }: BadTokenLimit) {
  const id = `${limit}/${windowSeconds}`
  let found = limiters.get(id)
  if (!found) {
    const store = new RateLimiterPostgres({
      storeClient,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true, // migration 0014
      clearExpiredByTimeout: false, // the maintenance job purges (purgeExpiredRateLimits)
      keyPrefix: KEY_PREFIX,
      points: limit,
      duration: windowSeconds,
    })
    limiters.set(id, (found = { store, blockedUntil: new Map() }))
  }
  return found
}

const addressKey = (address: string | undefined) =>
  createHash('sha256')
    .update(address ?? 'unknown')
    .digest('hex')

function remember(blockedUntil: Map<string, number>, key: string, until: number) {
  if (blockedUntil.size >= MAX_REMEMBERED) blockedUntil.delete(blockedUntil.keys().next().value as string)
  blockedUntil.set(key, until)
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/**
 * Before a token from this address is looked up: 0 to go on, or the seconds to wait because the
 * address sent too many bad tokens.
 */
export async function secondsBlockedForBadTokens(
  address: string | undefined,
  settings: BadTokenLimit,
  now: number = Date.now(),
): Promise<number> {
  const { store, blockedUntil } = limiterFor(settings)
  const key = addressKey(address)
  const until = blockedUntil.get(key)
  if (until !== undefined) {
    if (until > now) return seconds(until - now)
    blockedUntil.delete(key)
  }
  const counted = await store.get(key)
  if (!counted || counted.consumedPoints < settings.limit) return 0
  remember(blockedUntil, key, now + counted.msBeforeNext)
  return seconds(counted.msBeforeNext)
}

/**
 * A token from this address was refused: counts it. Returns 0 while the address is within its
 * limit (answer 401), or the seconds to wait when it has gone over (answer 429).
 */
export async function countBadToken(
  address: string | undefined,
  settings: BadTokenLimit,
  now: number = Date.now(),
): Promise<number> {
  const { store, blockedUntil } = limiterFor(settings)
  const key = addressKey(address)
  try {
    const counted = await store.consume(key)
    if (counted.consumedPoints >= settings.limit) remember(blockedUntil, key, now + counted.msBeforeNext)
    return 0
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused
    remember(blockedUntil, key, now + refused.msBeforeNext)
    return seconds(refused.msBeforeNext)
  }
}

/** Deletes counters that expired more than an hour before `now`. Run by the maintenance job. */
export async function purgeExpiredRateLimits(now: Date, db: DB = getDb()): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('expire', '<', String(now.getTime() - 3_600_000))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
