import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { browse, CookieJar, formAction } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The demo opened at http://127.0.0.1:PORT (or a LAN address) while BASE_URL says
 * http://localhost:PORT: the first login used to fail with "no-login-cookie", because the login
 * started on one host and DigiD sent the browser back to the other. Every page on another host
 * now first goes to the same path on BASE_URL.
 */
let server: TestServer
let proxied: TestServer
let other: string

beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer({}, { baseHost: 'localhost' })
  proxied = await startTestServer({ TRUST_PROXY: 'true' }, { baseHost: 'localhost' })
  other = server.url.replace('//localhost:', '//127.0.0.1:')
})
afterAll(async () => {
  await server?.close()
  await proxied?.close()
})

describe('a request on another host than BASE_URL’s', () => {
  it('is redirected to the same path and query on BASE_URL, before any login starts', async () => {
    const res = await fetch(`${other}/mijn/zaken?pagina=2`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${server.url}/mijn/zaken?pagina=2`)
    expect(res.headers.get('set-cookie')).toBeNull()
    const login = await fetch(`${other}/inloggen?terug=%2Fmijn%2Fgegevens`, { redirect: 'manual' })
    expect(login.headers.get('location')).toBe(`${server.url}/inloggen?terug=%2Fmijn%2Fgegevens`)
    // No pending login was written for the wrong host.
    expect(login.headers.get('set-cookie')).toBeNull()
    const head = await fetch(`${other}/`, { method: 'HEAD', redirect: 'manual' })
    expect(head.status).toBe(302)
    expect(head.headers.get('location')).toBe(`${server.url}/`)
  })

  it('lets a citizen who opened 127.0.0.1 log in end to end and land on BASE_URL', async () => {
    const jar = new CookieJar()
    const page = await browse(jar, `${other}/inloggen`)
    expect(page.url.origin).toBe(server.url)
    expect(page.url.pathname).toMatch(/^\/mock-idp\/digid\/interaction\//)
    const done = await browse(jar, formAction(page.body, page.url), {
      method: 'POST',
      body: new URLSearchParams({ action: 'login', method: 'persona', persona: 'jan', level: 'basis' }),
    })
    expect(done.response.status).toBe(200)
    expect(done.url.href).toBe(`${server.url}/mijn`)
    expect(done.body).toContain('Welkom, Jan Willem Jansen')
    expect(done.body).not.toContain('no-login-cookie')
  })

  it('refuses a form post plainly (421), naming the right address', async () => {
    const res = await fetch(`${other}/uitloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: other, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(res.status).toBe(421)
    expect(await res.text()).toContain(server.url)
  })

  it('leaves the health checks and the back-office API alone', async () => {
    expect((await fetch(`${other}/healthz`, { redirect: 'manual' })).status).toBe(200)
    expect((await fetch(`${other}/readyz`, { redirect: 'manual' })).status).toBe(200)
    const api = await fetch(`${other}/api/v1/notifications`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/cloudevents+json' },
      body: '{}',
    })
    expect(api.status).toBe(401)
  })

  it('accepts the host as spelled differently but equal (case, and no redirect on BASE_URL itself)', async () => {
    const res = await fetch(`${server.url}/`, { headers: { host: server.url.slice(7).toUpperCase() } })
    expect(res.status).toBe(200)
  })

  it('behind a proxy with TRUST_PROXY, judges the host the visitor used (X-Forwarded-Host)', async () => {
    const port = new URL(proxied.url).port
    const ok = await fetch(`${proxied.url}/`, {
      redirect: 'manual',
      headers: { 'x-forwarded-host': `localhost:${port}` },
    })
    expect(ok.status).toBe(200)
    const wrong = await fetch(`${proxied.url}/mijn`, {
      redirect: 'manual',
      headers: { 'x-forwarded-host': 'mijnstad.internal:8080' },
    })
    expect(wrong.status).toBe(302)
    expect(wrong.headers.get('location')).toBe(`${proxied.url}/mijn`)
    // Without TRUST_PROXY the header is not believed: the Host header decides.
    const ignored = await fetch(`${server.url}/`, {
      redirect: 'manual',
      headers: { 'x-forwarded-host': 'mijnstad.internal:8080' },
    })
    expect(ignored.status).toBe(200)
  })
})
