import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestServer, type TestServer } from '../support/server'

let server: TestServer
let english: string // the cookie the language switch sets
beforeAll(async () => {
  server = await startTestServer()
  const res = await fetch(`${server.url}/taal`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ lng: 'en', returnTo: '/' }),
  })
  english = (res.headers.get('set-cookie') ?? '').split(';')[0]
})
afterAll(() => server.close())

describe('the portal shell', () => {
  it('serves the home page in Dutch by default, with lang="nl" and the DigiD button', async () => {
    const res = await fetch(`${server.url}/`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="nl"')
    expect(html).toContain('Inloggen met DigiD')
    expect(html).toContain('Direct naar de inhoud')
  })

  it('serves English when the language cookie says so', async () => {
    const html = await (await fetch(`${server.url}/`, { headers: { cookie: english } })).text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Log in with DigiD')
  })

  it('ignores the browser language: the portal is Dutch until the visitor chooses', async () => {
    const html = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text()
    expect(html).toContain('<html lang="nl"')
  })

  it('switches the language with a same-origin POST, remembers it in a cookie and goes back', async () => {
    const res = await fetch(`${server.url}/taal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lng: 'en', returnTo: '/kwaliteitshandvest?x=1' }),
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/kwaliteitshandvest?x=1')
    expect(res.headers.get('set-cookie')).toMatch(/^lng=.*HttpOnly.*SameSite=Lax/i)
  })

  it('never redirects a language switch to another site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await fetch(`${server.url}/taal`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ lng: 'en', returnTo }),
      })
      expect(res.headers.get('location')).toBe('/')
    }
  })

  it('refuses a POST from another origin (CSRF) and one without Origin or Referer', async () => {
    const cross = await fetch(`${server.url}/taal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'lng=en',
    })
    expect(cross.status).toBe(403)
    const bare = await fetch(`${server.url}/taal`, { method: 'POST', redirect: 'manual', body: 'lng=en' })
    expect(bare.status).toBe(403)
  })

  it('answers an unknown page with a real 404 and a way back, in the chosen language', async () => {
    const nl = await fetch(`${server.url}/bestaat-niet`)
    expect(nl.status).toBe(404)
    const html = await nl.text()
    expect(html).toContain('Pagina niet gevonden')
    expect(html).toContain('href="/"')
    const en = await (await fetch(`${server.url}/bestaat-niet`, { headers: { cookie: english } })).text()
    expect(en).toContain('Page not found')
  })

  it('sends the security headers: a CSP with a nonce, no framing, same-origin referrers', async () => {
    const res = await fetch(`${server.url}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('x-powered-by')).toBeNull()
    const html = await res.text()
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(html).toContain(`nonce="${nonce}"`)
  })

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' })
  })

  it('logs each request without the query string, and never a BSN even when one is in the path', async () => {
    await (await fetch(`${server.url}/zoeken/999993653?bsn=999993653`)).text()
    const line = await vi.waitFor(() => {
      const found = server.logs.find((l) => l.msg === 'request' && String(l.path).startsWith('/zoeken'))
      if (!found) throw new Error('no log line yet')
      return found
    })
    expect(line).toMatchObject({ method: 'GET', status: 404, path: '/zoeken/[bsn]' })
    expect(JSON.stringify(server.logs)).not.toContain('999993653')
  })
})
