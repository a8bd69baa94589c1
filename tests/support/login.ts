import type { DigidLevel } from '~/domain/digid-level'

/**
 * Logging in over plain HTTP for tests and benchmarks, through the real flow: portal → mock
 * DigiD (or mock staff SSO) → callback, following redirects by hand and carrying cookies like a
 * browser would (per host and path). POSTs carry an Origin header: the server refuses non-GET
 * requests without a same-origin Origin (server/security.ts).
 */

interface StoredCookie {
  host: string
  path: string
  name: string
  value: string
}

export class CookieJar {
  private cookies: StoredCookie[] = []

  /** Seeds the jar from a Cookie header value, for the portal's host at path `/`. */
  constructor(baseUrl?: string, cookieHeader?: string) {
    if (baseUrl && cookieHeader) {
      const host = new URL(baseUrl).host
      for (const pair of cookieHeader.split(/;\s*/).filter(Boolean)) {
        const i = pair.indexOf('=')
        this.set({ host, path: '/', name: pair.slice(0, i), value: pair.slice(i + 1) })
      }
    }
  }

  private set(cookie: StoredCookie) {
    this.cookies = this.cookies.filter(
      (c) => !(c.host === cookie.host && c.path === cookie.path && c.name === cookie.name),
    )
    if (cookie.value !== '') this.cookies.push(cookie)
  }

  store(url: URL, response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(/;\s*/)
      const i = pair.indexOf('=')
      const name = pair.slice(0, i)
      let value = pair.slice(i + 1)
      let path = '/'
      for (const attribute of attributes) {
        const [key, v = ''] = attribute.split('=')
        const k = key.toLowerCase()
        if (k === 'path') path = v || '/'
        if ((k === 'max-age' && Number(v) <= 0) || (k === 'expires' && Date.parse(v) <= Date.now())) value = ''
      }
      this.set({ host: url.host, path, name, value })
    }
  }

  header(url: URL): string {
    return this.cookies
      .filter(
        (c) =>
          c.host === url.host &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
  }

  /** The portal's cookies (path `/`), as a Cookie header value. */
  portalCookie(baseUrl: string): string {
    return this.header(new URL('/', baseUrl))
  }
}

export interface Hop {
  url: string
  status: number
  location: string | null
}

export interface BrowserResult {
  response: Response
  url: URL
  body: string
  hops: Hop[]
}

/** One request and every redirect after it, with the jar; stops at the first non-redirect. */
export async function browse(
  jar: CookieJar,
  start: string | URL,
  init: {
    method?: string
    body?: URLSearchParams
    /** stop at a redirect to a URL like this, without following it */ stopBefore?: (url: URL) => boolean
  } = {},
  maxHops = 15,
): Promise<BrowserResult> {
  let url = new URL(start)
  let method = init.method ?? 'GET'
  let body: URLSearchParams | undefined = init.body
  const hops: Hop[] = []
  for (let i = 0; i < maxHops; i++) {
    const headers: Record<string, string> = {}
    const cookie = jar.header(url)
    if (cookie) headers.cookie = cookie
    if (method !== 'GET') {
      headers.origin = url.origin
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' ? undefined : body,
      redirect: 'manual',
    })
    jar.store(url, response)
    const location = response.headers.get('location')
    hops.push({ url: url.href, status: response.status, location })
    if (response.status >= 300 && response.status < 400 && location) {
      if (init.stopBefore?.(new URL(location, url))) return { response, url, body: await response.text(), hops }
      await response.arrayBuffer()
      url = new URL(location, url)
      // 303 always, and 301/302 after a POST as browsers do, continue as GET.
      if (response.status === 303 || method !== 'GET') {
        method = 'GET'
        body = undefined
      }
      continue
    }
    return { response, url, body: await response.text(), hops }
  }
  throw new Error(`more than ${maxHops} redirects from ${start}`)
}

/**
 * The form's action on an HTML page (the mock providers' interaction and logout pages); with
 * `matching`, the first form whose action matches (a portal page also has the logout form).
 */
export function formAction(html: string, page: URL, matching?: RegExp): URL {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))
  const action = matching ? actions.find((a) => matching.test(a)) : actions[0]
  if (!action) throw new Error(`no form on ${page.pathname}`)
  return new URL(action, page)
}

export interface LoginOptions {
  /** the portal cookies the browser already has (a step-up, a second login) */
  cookie?: string
  /** where to start: default /inloggen (DigiD) or /inloggen/medewerker */
  start?: string
  /** extra fields for the mock DigiD form, e.g. { namens: 'noor' } */
  form?: Record<string, string>
}

/** Up to the mock provider's login page: returns the jar and that page. */
export async function openLoginPage(baseUrl: string, kind: 'citizen' | 'staff', options: LoginOptions = {}) {
  const jar = new CookieJar(baseUrl, options.cookie)
  const start = new URL(options.start ?? (kind === 'staff' ? '/inloggen/medewerker' : '/inloggen'), baseUrl)
  let page = await browse(jar, start)
  // A step-up: the portal first says why DigiD asks again; its button goes on (a POST).
  if (page.response.status === 200 && page.url.pathname === '/inloggen' && /name="niveau"/.test(page.body)) {
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? ''
    page = await browse(jar, formAction(page.body, page.url, /^\/inloggen$/), {
      method: 'POST',
      body: new URLSearchParams({ terug: field('terug').replace(/&amp;/g, '&'), niveau: field('niveau') }),
    })
  }
  if (page.response.status !== 200 || !page.url.pathname.includes('/interaction/')) {
    throw new Error(`expected the ${kind} login page, got ${page.response.status} at ${page.url.pathname}`)
  }
  return { jar, page }
}

/** Submits the mock provider's login page and follows the way back to the portal. */
export async function submitLoginPage(
  jar: CookieJar,
  page: BrowserResult,
  fields: Record<string, string>,
): Promise<BrowserResult> {
  return browse(jar, formAction(page.body, page.url), { method: 'POST', body: new URLSearchParams(fields) })
}

function expectLoggedIn(result: BrowserResult, jar: CookieJar, baseUrl: string): string {
  const cookie = jar.portalCookie(baseUrl)
  if (
    !/mijnstad_sessie=/.test(cookie) ||
    result.response.status !== 200 ||
    result.url.pathname.startsWith('/inloggen')
  ) {
    const title = /<title>([^<]*)<\/title>/.exec(result.body)?.[1]
    throw new Error(
      `login did not succeed: ${result.response.status} at ${result.url.pathname} (${title ?? 'no title'})`,
    )
  }
  return cookie
}

/** Logs a citizen in with the mock DigiD by BSN; returns the portal's Cookie header value. */
export async function loginAsCitizen(
  baseUrl: string,
  bsn: string,
  level: DigidLevel = 'basis',
  options: LoginOptions = {},
): Promise<string> {
  const { jar, page } = await openLoginPage(baseUrl, 'citizen', options)
  const result = await submitLoginPage(jar, page, { action: 'login', method: 'bsn', bsn, level, ...options.form })
  return expectLoggedIn(result, jar, baseUrl)
}

/** Logs an employee in with the mock staff SSO; returns the portal's Cookie header value. */
export async function loginAsStaff(baseUrl: string, employeeId: string, options: LoginOptions = {}): Promise<string> {
  const { jar, page } = await openLoginPage(baseUrl, 'staff', options)
  const result = await submitLoginPage(jar, page, { action: 'login', employee: employeeId })
  return expectLoggedIn(result, jar, baseUrl)
}
