import type { NextFunction, Request, Response } from 'express'

/**
 * The portal lives at one address, BASE_URL's. Its cookies belong to that host, the identity
 * providers send the browser back to it, and the links in letters and e-mails name it. A page
 * opened on another name for the same server (http://127.0.0.1:3000, a LAN address) would start
 * a login on one host whose answer comes back to another, without the login cookie. So a GET or
 * HEAD on another host is sent to the same path on BASE_URL before anything else runs, and any
 * other method is refused plainly (a form of a page that was never ours to show).
 *
 * Not redirected: the health checks (load balancers and orchestrators ask by IP address) and
 * the back-office API (machine clients, authenticated by bearer token, often call an internal
 * name). Behind a proxy with TRUST_PROXY the host the visitor used is X-Forwarded-Host.
 */
export function canonicalHost({ baseUrl, trustProxy }: { baseUrl: string; trustProxy: boolean }) {
  const base = new URL(baseUrl)
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/healthz' || req.path === '/readyz' || req.path.startsWith('/api/')) return next()
    if (sameHost(requestHost(req, trustProxy), base)) return next()
    res.set('Cache-Control', 'no-store')
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.redirect(302, `${base.origin}${req.originalUrl.startsWith('/') ? req.originalUrl : '/'}`)
      return
    }
    res
      .status(421)
      .type('text/plain; charset=utf-8')
      .send(
        `Misdirected request: this portal answers at ${base.origin} / ` +
          `Dit adres hoort niet bij dit portaal, gebruik ${base.origin}`,
      )
  }
}

function requestHost(req: Request, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || req.get('host')
}

/** Host and port as the URL parser normalises them (case, the scheme's default port). */
function sameHost(host: string | undefined, base: URL): boolean {
  if (!host) return false
  try {
    const seen = new URL(`${base.protocol}//${host}`)
    return seen.host === base.host && seen.pathname === '/' && !seen.username
  } catch {
    return false
  }
}
