import type { AppLoadContext } from '@remix-run/node'

/** The slice of the server's logger Remix code uses (pino: it scrubs BSNs, server/logger.ts). */
export interface ServerLogger {
  error(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
}

/** Outside the server (a script, a unit test): the console. */
const consoleLogger: ServerLogger = {
  error: (obj, msg) => console.error(msg ?? '', obj),
  warn: (obj, msg) => console.warn(msg ?? '', obj),
}

/**
 * The server hands its logger to Remix in the load context (server/remix.ts), so errors Remix
 * catches are written as every other log line is — through the BSN scrubber, never raw to the
 * console.
 */
export function serverLogger(context: AppLoadContext | undefined): ServerLogger {
  const log = context?.log as Partial<ServerLogger> | undefined
  return typeof log?.error === 'function' && typeof log.warn === 'function' ? (log as ServerLogger) : consoleLogger
}
