import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '~/services/auth/session-store.server'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { loadConfig } from '../../server/config'
import { ensureMockIdpSecrets } from '../../server/mock-idp/secrets'
import {
  browse,
  CookieJar,
  formAction,
  loginAsCitizen,
  loginAsStaff,
  openLoginPage,
  submitLoginPage,
} from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const JAN = '999993653'

let server: TestServer
beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer()
})
afterAll(() => server?.close())

const portal = portalClient(() => server.url)
const get = portal.get
const post = (p: string, cookie: string, body: Record<string, string> = {}, origin = server.url) =>
  portal.post(p, cookie, body, { origin })
const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]

/** The session row's id for a portal Cookie header: the hash of the token in the cookie. */
function sessionId(cookie: string): string {
  const value = decodeURIComponent(/mijnstad_sessie=([^;]+)/.exec(cookie)![1])
  return hashToken(JSON.parse(Buffer.from(value, 'base64').toString()) as string)
}

/** Moves a session's clock: `last_seen_at` and `expires_at` relative to now. */
async function age(
  cookie: string,
  { idleMinutes = 0, expiresInMinutes }: { idleMinutes?: number; expiresInMinutes?: number },
) {
  const id = sessionId(cookie)
  const { numUpdatedRows } = await getDb()
    .updateTable('sessions')
    .set({
      last_seen_at: sql<Date>`now() - make_interval(mins => ${idleMinutes})`,
      ...(expiresInMinutes === undefined
        ? {}
        : { expires_at: sql<Date>`now() + make_interval(mins => ${expiresInMinutes})` }),
    })
    .where('id_hash', '=', id)
    .executeTakeFirst()
  expect(numUpdatedRows).toBe(1n)
  return id
}

describe('the idle timeout (15 minutes, the DigiD norm) and the absolute end (8 hours)', () => {
  it('starts a session of 8 hours at most', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    const row = await getDb()
      .selectFrom('sessions')
      .select(sql<number>`extract(epoch from expires_at - created_at)::int`.as('seconds'))
      .where('id_hash', '=', sessionId(cookie))
      .executeTakeFirstOrThrow()
    expect(row.seconds).toBe(8 * 3600)
  })

  it('counts each page view as activity', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    const id = await age(cookie, { idleMinutes: 14 })
    expect((await get('/mijn', cookie)).status).toBe(200)
    const row = await getDb()
      .selectFrom('sessions')
      .select(sql<number>`extract(epoch from now() - last_seen_at)::int`.as('idle'))
      .where('id_hash', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.idle).toBeLessThan(5)
  })

  it('ends a session idle for more than 15 minutes: the next page says so and offers to log in again', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    await age(cookie, { idleMinutes: 16 })
    const res = await get('/mijn/zaken', cookie)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/uitgelogd?terug=%2Fmijn%2Fzaken&reden=verlopen')
    const page = await get(res.headers.get('location')!, cookie)
    const html = await page.text()
    expect(h1(html)).toBe('U bent automatisch uitgelogd')
    expect(html).toContain('U was 15 minuten niet actief')
    expect(html).toContain('href="/inloggen?terug=%2Fmijn%2Fzaken"')
    expect(page.headers.get('set-cookie')).toMatch(/^mijnstad_sessie=; Max-Age=0/)
  })

  it('ends a session at its absolute end, however active', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    await age(cookie, { idleMinutes: 0, expiresInMinutes: -1 })
    expect((await get('/mijn', cookie)).status).toBe(302)
  })

  it('hands the page the end times, for the warning two minutes before', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    const html = await (await get('/mijn', cookie)).text()
    const session = JSON.parse(/"session":(\{[^}]*\})/.exec(html)![1])
    const idleLeft = Date.parse(session.idleEndsAt) - Date.parse(session.now)
    expect(idleLeft).toBeGreaterThan(14.9 * 60_000)
    expect(idleLeft).toBeLessThanOrEqual(15 * 60_000)
    expect(session.maxHours).toBe(8)
  })

  it('"Ingelogd blijven" keeps the session; asking whether it lives does not', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    await age(cookie, { idleMinutes: 14 })
    const status = await (await get('/sessie', cookie)).json()
    expect(status.active).toBe(true)
    expect(Date.parse(status.idleEndsAt) - Date.parse(status.now)).toBeLessThan(61_000) // still about to end
    const kept = await (await post('/sessie', cookie, { mode: 'fetch' })).json()
    expect(Date.parse(kept.idleEndsAt) - Date.parse(kept.now)).toBeGreaterThan(14.9 * 60_000)
    // Without JavaScript the same button posts a form and goes back.
    const plain = await post('/sessie', cookie, { mode: 'form', returnTo: '/mijn/brieven' })
    expect(plain.headers.get('location')).toBe('/mijn/brieven')
  })

  it('says a session that has ended is over, and refuses a keep-alive from another site', async () => {
    expect(await (await get('/sessie')).json()).toEqual({ active: false })
    const cookie = await loginAsCitizen(server.url, JAN)
    expect((await post('/sessie', cookie, { mode: 'fetch' }, 'https://evil.example')).status).toBe(403)
  })
})

/** Logs in keeping the whole browser (the provider's cookies too), as a real browser would. */
async function loginKeepingJar(kind: 'citizen' | 'staff', fields: Record<string, string>, cookie?: string) {
  const { jar, page } = await openLoginPage(server.url, kind, { cookie })
  await submitLoginPage(jar, page, { action: 'login', ...fields })
  return { jar, cookie: jar.portalCookie(server.url) }
}

/** Submits the provider's logout page: its own form (CSRF token and all), as the browser does. */
async function confirmLogout(jar: CookieJar, confirm: Awaited<ReturnType<typeof browse>>) {
  const inputs = [...confirm.body.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
    m[1],
    m[2],
  ])
  const fields = new URLSearchParams(inputs)
  fields.set('logout', 'yes') // the button's value, when the page has a button
  return browse(jar, formAction(confirm.body, confirm.url), { method: 'POST', body: fields })
}

describe('logging out', () => {
  it('ends the portal session and DigiD’s (RP-initiated logout), and lands on "U bent uitgelogd"', async () => {
    const { jar, cookie } = await loginKeepingJar('citizen', { method: 'bsn', bsn: JAN, level: 'midden' })
    const res = await post('/uitloggen', cookie)
    expect(res.status).toBe(302)
    expect(res.headers.get('set-cookie')).toMatch(/^mijnstad_sessie=; Max-Age=0/)
    const end = new URL(res.headers.get('location')!)
    expect(end.pathname).toBe('/mock-idp/digid/session/end')
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/uitgelogd`)
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3)
    expect(end.searchParams.get('ui_locales')).toBe('nl')
    // DigiD's page submits its form at once (with JavaScript), or on a click.
    const confirm = await browse(jar, end)
    expect(h1(confirm.body)).toBe('U wordt uitgelogd')
    expect(confirm.body).toContain('src="/mock-idp/assets/auto-submit.js"')
    const done = await confirmLogout(jar, confirm)
    expect(done.url.pathname).toBe('/uitgelogd')
    expect(h1(done.body)).toBe('U bent uitgelogd')
    expect(done.body).toContain('U bent uitgelogd bij Mijn Stad en bij DigiD')
    expect(done.body).not.toContain('Ingelogd als')
    // The old cookie is worth nothing now, and DigiD asks for a login again.
    expect((await get('/mijn', cookie)).status).toBe(302)
    expect((await browse(jar, `${server.url}/inloggen`)).url.pathname).toMatch(/^\/mock-idp\/digid\/interaction\//)
  })

  it('also when DigiD’s own session has already ended', async () => {
    const cookie = await loginAsCitizen(server.url, JAN) // a browser without DigiD's cookies
    const jar = new CookieJar(server.url, cookie)
    const confirm = await browse(jar, (await post('/uitloggen', cookie)).headers.get('location')!)
    expect(confirm.response.status).toBe(200)
    const done = await confirmLogout(jar, confirm)
    expect(h1(done.body)).toBe('U bent uitgelogd')
  })

  it('logs a staff session out with the staff SSO and says so', async () => {
    const { jar, cookie } = await loginKeepingJar('staff', { employee: 'E1001' })
    const res = await post('/uitloggen', cookie)
    const end = new URL(res.headers.get('location')!)
    expect(end.pathname).toBe('/mock-idp/staff/session/end')
    const done = await confirmLogout(jar, await browse(jar, end))
    expect(done.url.pathname).toBe('/uitgelogd')
    expect(done.body).toContain('het inlogsysteem van de gemeente')
    expect(done.body).toContain('href="/inloggen/medewerker"')
  })

  it('only by POST from this site: a link or another site cannot log anyone out', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    expect((await get('/uitloggen', cookie)).headers.get('location')).toBe('/')
    expect((await post('/uitloggen', cookie, {}, 'https://evil.example')).status).toBe(403)
    expect((await get('/uitgelogd?reden=verlopen', cookie)).headers.get('set-cookie')).toBeNull()
    expect((await get('/mijn', cookie)).status).toBe(200)
  })

  it('in English when the portal is in English', async () => {
    const { jar, cookie } = await loginKeepingJar(
      'citizen',
      { method: 'bsn', bsn: JAN, level: 'basis' },
      'lng=ImVuIg%3D%3D',
    )
    const res = await post('/uitloggen', cookie)
    expect(new URL(res.headers.get('location')!).searchParams.get('ui_locales')).toBe('en')
    const confirm = await browse(jar, res.headers.get('location')!)
    expect(confirm.body).toContain('<html lang="en"')
    expect(h1(confirm.body)).toBe('You are being logged out')
    expect(h1((await confirmLogout(jar, confirm)).body)).toBe('You are logged out')
  })
})

describe('the cost of being logged in', () => {
  /** Counts the statements that reach PostgreSQL while `fn` runs (all pool clients share this prototype). */
  async function countQueries(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = []
    const original = pg.Client.prototype.query
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text
      if (text) seen.push(text)
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof original
    try {
      await fn()
    } finally {
      pg.Client.prototype.query = original
    }
    return seen
  }

  it('costs one query per authenticated page view: the session lookup, shared by all loaders', async () => {
    const citizen = await loginAsCitizen(server.url, JAN)
    const staff = await loginAsStaff(server.url, 'E1001')
    const home = await countQueries(async () => expect((await get('/', citizen)).status).toBe(200))
    expect(home).toHaveLength(1)
    expect(home[0]).toMatch(/^update "sessions" set "last_seen_at" = now\(\)/)
    const staffStart = await countQueries(async () => expect((await get('/medewerker', staff)).status).toBe(200))
    // A caseworker's start page adds its cases at risk; the session is looked up once.
    expect(staffStart.filter((q) => q.includes('"sessions"'))).toHaveLength(1)
    // Mijn overzicht adds its own queries (cases, letters); the session is still looked up once.
    const overview = await countQueries(async () => expect((await get('/mijn', citizen)).status).toBe(200))
    expect(overview.filter((q) => q.includes('"sessions"'))).toHaveLength(1)
    console.info(`queries per page view: / ${home.length}, /medewerker ${staffStart.length}, /mijn ${overview.length}`)
  })

  it('costs none for a visitor who is not logged in', async () => {
    expect(await countQueries(async () => (await get('/')).text())).toHaveLength(0)
  })
})

describe('configuration', () => {
  const base = { PORT: '3000', DATA_DIR: '/tmp/x' }
  it('refuses the mock identity providers in production unless allowed for a demo', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/MOCK_IDP is on while NODE_ENV=production/)
    expect(loadConfig({ ...base, NODE_ENV: 'production', MOCK_IDP_ALLOW_IN_PRODUCTION: 'true' }).MOCK_IDP).toBe(true)
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', MOCK_IDP: 'false' })).toThrow(
      /OIDC_ISSUER and STAFF_OIDC_ISSUER must be set/,
    )
  })

  it('points at a real broker by configuration alone', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      MOCK_IDP: 'false',
      PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM', // no mock payment provider either
      BASE_URL: 'https://mijn.groningen.example',
      OIDC_ISSUER: 'https://broker.example/digid',
      OIDC_CLIENT_ID: 'gemeente-groningen',
      OIDC_PRIVATE_KEY_FILE: '/run/secrets/digid.pem',
      OIDC_BSN_CLAIM: 'nin',
      STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      APP_SECRET: 'a-production-secret-of-at-least-32-characters',
    })
    expect(config.oidc.digid).toMatchObject({
      issuer: 'https://broker.example/digid',
      clientId: 'gemeente-groningen',
      privateKeyFile: '/run/secrets/digid.pem',
      bsnClaim: 'nin',
      redirectUri: 'https://mijn.groningen.example/inloggen/callback',
    })
  })

  it('generates the mock provider keys at first start, keeps them private under DATA_DIR, and reuses them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mijnstad-keys-'))
    try {
      const first = ensureMockIdpSecrets(dir, 'digid')
      const again = ensureMockIdpSecrets(dir, 'digid')
      expect(again).toEqual(first)
      expect(first.signingKey.d).toBeDefined()
      expect(statSync(path.join(dir, 'mock-idp', 'digid-signing.jwk.json')).mode & 0o777).toBe(0o600)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
