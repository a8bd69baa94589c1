import { randomBytes, randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'

/** A fresh nonce per response for the CSP; Remix puts it on its inline scripts. */
export function nonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  res.locals.requestId = randomUUID()
  res.setHeader('X-Request-Id', res.locals.requestId)
  next()
}

/**
 * `formActions`: other origins a form may lead to. Logging out is a form POST that redirects to
 * the identity provider's logout endpoint (RP-initiated logout), and browsers hold redirects
 * after a form to form-action too; with a broker on another origin it must be named here.
 */
export function securityHeaders({ https, formActions = [] }: { https: boolean; formActions?: string[] }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'", ...formActions],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence (README: Decisions): SameSite=Lax cookies, no GET changes anything, and every
 * other request must come from our own origin, by its Origin header (or, failing that, its
 * Referer). Same origin means the same scheme, host and port: `http://` on the host of an
 * `https://` portal is another origin. Ours is the public address (`publicOrigin`, from BASE_URL)
 * or the address this request came in on (its scheme — X-Forwarded-Proto with TRUST_PROXY — and
 * its Host). Machine clients of the API authenticate with a bearer token instead and are exempt.
 */
export function sameOriginOnly({ exempt, publicOrigin }: { exempt: (path: string) => boolean; publicOrigin?: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || exempt(req.path)) return next()
    const host = req.get('host')
    const origin = originOf(req.get('origin')) ?? originOf(req.get('referer'))
    const own = [publicOrigin, host ? originOf(`${req.protocol}://${host}`) : undefined]
    if (origin && own.includes(origin)) return next()
    res
      .status(403)
      .type('text/plain; charset=utf-8')
      .send('Forbidden: cross-site request refused / verzoek van een andere website geweigerd')
  }
}

/** The serialised origin (scheme, host, port as a browser writes it) of a URL, or undefined. */
function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/** Pages that are personal, or part of signing in and out, even before a session exists. */
export const PERSONAL_PATHS = ['/mijn', '/medewerker', '/inloggen', '/uitloggen', '/uitgelogd', '/sessie', '/dev/mail']

/**
 * `Cache-Control: no-store` on every response to a signed-in browser (pages, Remix data requests,
 * PDFs, redirects) and on every personal page, whatever the route set: nothing personal may stay
 * in a shared computer's cache or a proxy after logging out. Mounted after the static files, so
 * scripts, styles and fonts keep their long caching; public pages seen without a session keep
 * theirs too.
 */
export function noStoreWhenPersonal({
  sessionCookie,
  personalPaths,
}: {
  sessionCookie: string
  personalPaths: string[]
}) {
  const hasSession = new RegExp(`(?:^|;\\s*)${sessionCookie}=[^;]`)
  return (req: Request, res: Response, next: NextFunction) => {
    const personal =
      hasSession.test(req.get('cookie') ?? '') ||
      personalPaths.some((p) => req.path === p || req.path.startsWith(`${p}/`))
    if (personal) {
      const writeHead = res.writeHead
      res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
        // A route's own `private, no-store` stays; anything that allows storing is replaced.
        if (!/\bno-store\b/.test(String(this.getHeader('Cache-Control') ?? '')))
          this.setHeader('Cache-Control', 'no-store')
        return writeHead.apply(this, args)
      } as Response['writeHead']
    }
    next()
  }
}
