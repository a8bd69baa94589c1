import { createRequestHandler as createRemixRequestHandler, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import { DATABASE_RETRY_AFTER_SECONDS, type Refusal } from '../app/domain/refusal'
import { isDatabaseUnavailable } from './database-faults'

/**
 * How a request refused before Remix is answered, in the form its sender reads:
 * - the back-office API: problem+json (RFC 9457), as the route's own answers;
 * - a page's JavaScript (Remix `?_data=` requests): JSON the route's error boundary shows;
 * - a browser: the portal's own error page, in the visitor's language (the root route renders
 *   it from the load context, app/root.tsx), without scripts, as it is not the page asked for.
 */
export type RefuseFn = (req: Request, res: Response, refusal: Refusal) => Promise<void>

/**
 * The address the error page is rendered at: the home page, whose loader reads nothing but the
 * language (the root's refusal is the page shown), so the language switch on it leads home.
 */
const REFUSAL_PATH = '/'

const PROBLEMS: Record<Refusal['code'], { title: string; detail: string }> = {
  bad_url: { title: 'Bad request', detail: 'The request path cannot be decoded.' },
  bad_request: { title: 'Bad request', detail: 'The request cannot be processed as sent.' },
  malformed_body: { title: 'Malformed body', detail: 'The body cannot be parsed as its Content-Type says.' },
  method_not_allowed: { title: 'Method not allowed', detail: 'This method is not served here.' },
  not_implemented: { title: 'Not implemented', detail: 'This method is not known to this server.' },
  payload_too_large: { title: 'Payload too large', detail: 'The body is larger than this endpoint takes.' },
  unsupported_media_type: { title: 'Unsupported media type', detail: 'This endpoint does not take this media type.' },
  database_unavailable: {
    title: 'Service unavailable',
    detail: 'The database cannot be reached. Nothing was stored; send the same request again later.',
  },
}

export function createRefusals({
  build,
  production,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  production: boolean
}): RefuseFn {
  const handle = createRemixRequestHandler(build, production ? 'production' : 'development')

  return async (req, res, refusal) => {
    if (res.headersSent) return
    res.status(refusal.status).set('Cache-Control', 'no-store')
    if (refusal.retryAfter) res.set('Retry-After', String(refusal.retryAfter))
    if (refusal.status === 405) res.set('Allow', 'GET, HEAD, POST')
    if (req.path.startsWith('/api/')) {
      const { title, detail } = PROBLEMS[refusal.code]
      res.type('application/problem+json').send(
        JSON.stringify({
          type: `urn:nl:groningen:mijn-stad:problem:${refusal.code.replace(/_/g, '-')}`,
          title,
          status: refusal.status,
          detail,
          errors: [],
        }),
      )
      return
    }
    if (req.method !== 'HEAD' && typeof req.query._data === 'string') {
      // Remix's client shows the error boundary for a "caught" answer.
      res.set('X-Remix-Catch', 'yes').json({ code: refusal.code, retryAfter: refusal.retryAfter })
      return
    }
    if (!req.accepts('html')) {
      res.type('text/plain; charset=utf-8').send(`${refusal.status} ${PROBLEMS[refusal.code].title}\n`)
      return
    }
    const origin = `${req.protocol}://localhost`
    const page = await handle(
      new globalThis.Request(new URL(REFUSAL_PATH, origin), {
        // The language only: no session, so nothing of the visitor's is read or renewed.
        headers: {
          cookie: languageCookieOf(req.headers.cookie),
          accept: 'text/html',
          'user-agent': req.get('user-agent') ?? '',
        },
      }),
      {
        cspNonce: res.locals.cspNonce,
        impersonationRefused: null,
        refusal,
        requestId: res.locals.requestId,
      },
    )
    res.type('html').send(req.method === 'HEAD' ? '' : await page.text())
  }
}

function languageCookieOf(header: string | undefined): string {
  return (header ?? '')
    .split(/;\s*/)
    .filter((pair) => pair.startsWith('lng='))
    .join('; ')
}

/**
 * The last error handler: a lost database answers 503 (the error page, or problem+json), an
 * HTTP error of a body parser (the mock identity providers' forms) its own 4xx, anything else
 * 500 without details, logged with its request id.
 */
export function errorAnswers({ refuse, logger }: { refuse: RefuseFn; logger: Logger }) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const answer = (refusal: Refusal) =>
      refuse(req, res, refusal).catch((failed: unknown) => {
        logger.error({ err: failed, requestId: res.locals.requestId }, 'error page failed')
        if (!res.headersSent) res.status(refusal.status).type('text/plain').send(`${refusal.status}\n`)
      })
    if (isDatabaseUnavailable(err)) {
      logger.warn(
        { event: 'database_unavailable', requestId: res.locals.requestId, err },
        'database unavailable: answered 503',
      )
      return void answer({ status: 503, code: 'database_unavailable', retryAfter: DATABASE_RETRY_AFTER_SECONDS })
    }
    const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status
    if (typeof status === 'number' && status >= 400 && status < 500 && (err as { expose?: unknown }).expose) {
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request'
      return void answer({ status, code })
    }
    logger.error({ err, requestId: res.locals.requestId }, 'unhandled error')
    if (!res.headersSent) res.status(500).type('text/plain').send('Internal Server Error')
  }
}
