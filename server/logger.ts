import pino, { type DestinationStream, type Logger } from 'pino'

/** Any run of nine digits may be a BSN: it never reaches a log line, whatever carried it in. */
const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g

export function scrubBsn(value: string): string {
  return value.replace(NINE_DIGITS, '[bsn]')
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubBsn(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubBsn(value.message),
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
