// The slice of autocannon 8's API the benchmarks use (the package ships no types of its own).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface RawRequest {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
    }
    interface Request extends RawRequest {
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest | false | null | undefined
      onResponse?: (
        status: number,
        body: string,
        context: Record<string, unknown>,
        headers: Record<string, string>,
      ) => void
    }
    interface Options extends RawRequest {
      url: string
      connections?: number
      duration?: number
      amount?: number
      timeout?: number
      pipelining?: number
      requests?: Request[]
    }
    interface Histogram {
      average: number
      min: number
      max: number
      p50: number
      p90: number
      p97_5: number
      p99: number
    }
    interface Result {
      duration: number
      errors: number
      timeouts: number
      non2xx: number
      latency: Histogram
      requests: Histogram & { total: number }
      /** bytes per second */
      throughput: Histogram & { total: number }
      statusCodeStats?: Record<string, { count: number }>
    }
    type Instance = EventEmitter & PromiseLike<Result>
  }
  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
