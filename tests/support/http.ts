import { randomUUID } from 'node:crypto'
/**
 * Requests to the portal as a browser without JavaScript makes them, for the HTTP tests and
 * the benchmarks: one request, no redirect followed (a test reads the Location itself), the
 * session in a Cookie header (tests/support/login.ts gets one), and every non-GET with a
 * same-origin Origin header, or the server refuses it (server/security.ts).
 *
 *   const { get, post } = portalClient(() => server.url)
 *   const res = await post('/mijn/voorkeuren', cookie, { email: 'jan@example.org' })
 *   expect(redirectTarget(res, server.url).pathname).toBe('/mijn/voorkeuren')
 */

/** A form's fields; a list is sent as the same name repeated (checkboxes, multiple selects). */
export type FormFields = Record<string, string | readonly string[]>

export interface PostOptions {
  /** the Origin header; default the portal's own (a test of the Origin check passes another) */
  origin?: string
  /** where to send it; default the portal's base URL */
  base?: string
}

/** The fields as an application/x-www-form-urlencoded body, as a plain `<form method="post">` sends it. */
export function urlEncoded(fields: FormFields): URLSearchParams {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) body.append(name, v)
  }
  return body
}

/** The fields as multipart/form-data, as a form with `encType="multipart/form-data"` sends it. */
export function multipart(fields: FormFields): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) form.append(name, v)
  }
  return form
}

export interface PortalClient {
  /** GET `path`, with the session cookie when one is given. */
  get(path: string, cookie?: string, options?: Pick<PostOptions, 'base'>): Promise<Response>
  /** POST `path` as a plain form (urlencoded), or a FormData as multipart. */
  post(path: string, cookie: string, form?: FormFields | FormData, options?: PostOptions): Promise<Response>
}

/**
 * A client for the portal at `baseUrl` — a function, because a test file's server starts in
 * `beforeAll`, after the file's helpers are defined.
 */
export function portalClient(baseUrl: () => string): PortalClient {
  return {
    get(path, cookie, { base = baseUrl() } = {}) {
      return fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
    },
    post(path, cookie, form = {}, { base = baseUrl(), origin = base } = {}) {
      const isMultipart = form instanceof FormData
      return fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        // A FormData body sets its own multipart content type, boundary included.
        headers: isMultipart
          ? { cookie, origin }
          : { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: isMultipart ? form : urlEncoded(form),
      })
    },
  }
}

/** A body of `bytes` bytes (all `fill`) sent in chunks without Content-Length, as a client streaming it would. */
export function chunkedBody(bytes: number, fill = 0x61): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      const n = Math.min(16 * 1024, bytes - sent)
      sent += n
      controller.enqueue(new Uint8Array(n).fill(fill))
    },
  })
}

/** Where the browser goes next: the Location header resolved as a browser would, against `base`. */
export function redirectTarget(res: Response, base: string): URL {
  return new URL(res.headers.get('location') ?? '', base)
}

/** A CloudEvent as a back office sends it to POST /api/v1/notifications (README, Back-office API). */
export function cloudEvent(
  type: string,
  subject: string,
  data: Record<string, unknown>,
  /** fields to replace, or to leave out with `undefined` */
  overrides: Record<string, unknown> = {},
) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'urn:nld:gemeente-groningen:zaaksysteem',
    type: `nl.groningen.zaak.${type}`,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    ...overrides,
  }
}

/** POSTs one event (an object, or a body as it is) to the API with a bearer token. */
export function sendEvent(
  baseUrl: string,
  event: unknown,
  { token, contentType = 'application/cloudevents+json' }: { token: string | null; contentType?: string },
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (token !== null) headers.authorization = `Bearer ${token}`
  return fetch(`${baseUrl}/api/v1/notifications`, {
    method: 'POST',
    headers,
    body: typeof event === 'string' ? event : JSON.stringify(event),
  })
}
