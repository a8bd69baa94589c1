import { format } from 'node:util'
import pino, { type DestinationStream, type Logger } from 'pino'
import { UUID_PATTERN } from '../app/domain/ids'

/**
 * Any run of nine digits standing on its own may be a BSN: it never reaches a log line,
 * whatever carried it in (a path, an error of PostgreSQL, a message). Digits inside an id are
 * not one: a UUID_PATTERN (the request id, a case id) and a long hexadecimal token (a hash, a trace id)
 * are kept whole, so a log line can still be found by its request id. A short token that mixes
 * letters and a BSN (`bsn999993653`, `a999993653`) is still scrubbed.
 */
const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g
const TOKEN =
  /(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])|[0-9A-Za-z]+/gi
/** At least 16 hexadecimal characters with a letter among them: a hash or a random id. */
const HEX_ID = /^(?=[0-9a-f]*[a-f])[0-9a-f]{16,}$/i

export function scrubBsn(value: string): string {
  return value.replace(TOKEN, (token) =>
    UUID_PATTERN.test(token) || HEX_ID.test(token) ? token : token.replace(NINE_DIGITS, '[bsn]'),
  )
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubBsn(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) {
    const { code } = value as { code?: unknown }
    return {
      type: value.name,
      message: scrubBsn(value.message),
      ...(typeof code === 'string' ? { code } : {}),
      stack: value.stack ? scrubBsn(value.stack) : undefined,
    }
  }
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1)
  return out
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mijn-stad' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every argument of every log call passes through the scrubber, messages and objects alike.
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((a) => scrubDeep(a)) as Parameters<typeof method>)
        },
      },
    },
    destination,
  )
}

/**
 * What libraries print with console.* (React, Remix, a dependency's warning) goes through the
 * logger too — scrubbed, one JSON line — instead of raw to the terminal. The server calls this
 * once at start; an Error among the arguments is logged as `err`.
 */
export function routeConsoleThrough(logger: Logger): void {
  const forward =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error)
      const rest = args.filter((a) => a !== err)
      logger[level]({ component: 'console', ...(err ? { err } : {}) }, rest.length ? format(...rest) : String(err))
    }
  console.error = forward('error')
  console.warn = forward('warn')
  console.info = forward('info')
  console.log = forward('info')
  console.debug = forward('debug')
}
