import { requestLogger } from '~/context.server'

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
 * The server's logger, from the request's context (app/context.server.ts), so errors Remix
 * catches are written as every other log line is — through the BSN scrubber, never raw to the
 * console.
 */
export function serverLogger(): ServerLogger {
  return requestLogger() ?? consoleLogger
}
