/**
 * A small in-process token bucket, one per key (here: per API token). Each key may spend
 * `burst` requests at once and regains `ratePerSecond` per second.
 *
 * In-process on purpose: it needs no shared store and costs nothing per request. The price:
 * with N app instances behind a load balancer the effective limit is N × the configured rate,
 * and a restart forgets the counts. Documented in the API's route module and the README. A
 * shared limiter (PostgreSQL or the load balancer) is the step up if that ever matters.
 */
export interface TokenBucket {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now?: number): number
}

export function createTokenBucket({
  ratePerSecond,
  burst,
  maxKeys = 10_000,
}: {
  ratePerSecond: number
  burst: number
  maxKeys?: number
}): TokenBucket {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key)
      if (!bucket) {
        // Bounded memory: random keys (bad tokens) cannot grow the map without end.
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string)
        bucket = { tokens: burst, at: now }
        buckets.set(key, bucket)
      }
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond)
      bucket.at = now
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return Math.ceil((1 - bucket.tokens) / ratePerSecond)
    },
  }
}
