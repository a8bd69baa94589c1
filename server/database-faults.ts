import { json, type ServerBuild } from '@remix-run/node'
import type { Logger } from 'pino'
import { DATABASE_RETRY_AFTER_SECONDS } from '../app/domain/refusal'

/**
 * When PostgreSQL goes away (restarted, a backend terminated, the network gone) the requests
 * that needed it answer 503 with Retry-After — a page "Mijn Stad is even niet bereikbaar", or
 * problem+json for the API — instead of 500, and the pool reconnects by itself (db/client.ts).
 * A few input errors that escape a route's own checks (a schema's parse, a URI decoding, a value
 * PostgreSQL cannot take) answer 400 instead of 500, and are logged so the route gets fixed.
 */

/** Node socket errors of a connection that failed or broke. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
/** SQLSTATEs of a server that is going, gone or full (class 08: connection exception). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300'])
/** What pg and pg-pool say when a connection ends under them or cannot be had in time. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Connection closed/i

function causes(error: unknown): unknown[] {
  const seen: unknown[] = []
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 5 || seen.includes(e)) return
    seen.push(e)
    if (e instanceof AggregateError) e.errors.forEach((inner) => walk(inner, depth + 1))
    walk((e as { cause?: unknown }).cause, depth + 1)
  }
  walk(error, 0)
  return seen
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08')))
      return true
    return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)
  })
}

/** An input error no route should have let through: a schema, a URI, a value PostgreSQL refuses. */
export function isInputError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { name, code } = error as { name?: unknown; code?: unknown }
  if (name === 'ZodError' || error instanceof URIError) return true
  // SQLSTATE class 22, data exception: invalid text representation, NUL in text, out of range, …
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && 'severity' in error
}

const isApi = (request: Request) => new URL(request.url).pathname.startsWith('/api/')

function problem(status: number, slug: string, title: string, detail: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: `urn:nl:groningen:mijn-stad:problem:${slug}`, title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  })
}

export function databaseUnavailableResponse(request: Request): Response {
  const retryAfter = String(DATABASE_RETRY_AFTER_SECONDS)
  if (isApi(request)) {
    return problem(
      503,
      'service-unavailable',
      'Service unavailable',
      `The database cannot be reached. Nothing was stored; send the same event again after ${retryAfter} s.`,
      { 'Retry-After': retryAfter },
    )
  }
  return json(
    { code: 'database_unavailable', retryAfter: DATABASE_RETRY_AFTER_SECONDS },
    { status: 503, headers: { 'Retry-After': retryAfter, 'Cache-Control': 'no-store' } },
  )
}

function badRequestResponse(request: Request): Response {
  if (isApi(request)) return problem(400, 'bad-request', 'Bad request', 'The request cannot be processed as sent.')
  return json({ code: 'bad_request' }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
}

type DataFunction = (args: { request: Request } & Record<string, unknown>) => unknown

function guarded(fn: DataFunction, routeId: string, logger: Logger): DataFunction {
  return async (args) => {
    try {
      return await fn(args)
    } catch (error) {
      if (error instanceof Response) throw error
      if (isDatabaseUnavailable(error)) {
        logger.warn({ event: 'database_unavailable', route: routeId, err: error }, 'database unavailable: answered 503')
        throw databaseUnavailableResponse(args.request)
      }
      if (isInputError(error)) {
        logger.warn(
          { event: 'input_error_escaped', route: routeId, err: error },
          'input error escaped a route: answered 400',
        )
        throw badRequestResponse(args.request)
      }
      throw error
    }
  }
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>()

/** The build with every loader and action guarded as above: routes added later included. */
export function withFaultAnswers(build: ServerBuild, logger: Logger): ServerBuild {
  const known = wrapped.get(build)
  if (known) return known
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module } as Record<string, unknown>
      for (const name of ['loader', 'action'] as const) {
        if (typeof module[name] === 'function') module[name] = guarded(module[name] as DataFunction, id, logger)
      }
      return [id, { ...route, module: module as unknown as typeof route.module }]
    }),
  )
  const result = { ...build, routes }
  wrapped.set(build, result)
  return result
}
