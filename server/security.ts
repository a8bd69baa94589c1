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
 * CSRF defence (DESIGN.md §5): SameSite=Lax cookies, no GET changes anything, and every other
 * request must come from our own origin, by its Origin header (or, failing that, its Referer).
 * Machine clients of the API authenticate with a bearer token instead and are exempt.
 */
export function sameOriginOnly({ exempt }: { exempt: (path: string) => boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || exempt(req.path)) return next()
    const host = req.get('host')
    const origin = req.get('origin') ?? refererOrigin(req.get('referer'))
    if (origin && host && originHost(origin) === host) return next()
    res
      .status(403)
      .type('text/plain; charset=utf-8')
      .send('Forbidden: cross-site request refused / verzoek van een andere website geweigerd')
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return undefined
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}
