import type { Express, Response as ExpressResponse } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acrForLevel } from '~/domain/digid-level'
import { requireCitizen, requireStaff } from '~/services/auth/guards.server'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { browse, loginAsCitizen, loginAsStaff, openLoginPage, submitLoginPage } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const JAN = '999993653'
const FATIMA = '999990019'
const NOOR = '999990032'
const LIAM = '999990093'

/** Pages only the tests have: one that needs Midden, one that needs the manager role. */
function testRoutes(app: Express) {
  const asRequest = (req: { originalUrl: string; headers: { cookie?: string } }) =>
    new Request(new URL(req.originalUrl, 'http://portal.test'), { headers: { cookie: req.headers.cookie ?? '' } })
  const reply = (res: ExpressResponse, err: unknown) => {
    if (!(err instanceof Response)) throw err
    res.status(err.status)
    const location = err.headers.get('location')
    if (location) res.set('location', location)
    res.end()
  }
  app.get('/test/midden', async (req, res) => {
    try {
      const user = await requireCitizen(asRequest(req), { level: 'midden' })
      res.type('text/plain').send(`midden ok: ${user.name} (${user.level})`)
    } catch (err) {
      reply(res, err)
    }
  })
  app.get('/test/manager', async (req, res) => {
    try {
      const user = await requireStaff(asRequest(req), 'manager')
      res.type('text/plain').send(`manager ok: ${user.name}`)
    } catch (err) {
      reply(res, err)
    }
  })
}

let server: TestServer
beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer({}, { mount: testRoutes })
})
afterAll(() => server?.close())

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]
const sessionToken = (cookie: string) => /mijnstad_sessie=([^;]+)/.exec(cookie)?.[1]
const { get } = portalClient(() => server.url)

describe('the mock DigiD, a real OpenID provider', () => {
  it('publishes its own issuer, discovery and JWKS, with the DigiD levels as acr values', async () => {
    const meta = await (await fetch(`${server.url}/mock-idp/digid/.well-known/openid-configuration`)).json()
    expect(meta.issuer).toBe(`${server.url}/mock-idp/digid`)
    expect(meta.acr_values_supported).toEqual(Object.values(acrForLevel))
    expect(meta.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt'])
    expect(meta.code_challenge_methods_supported).toEqual(['S256'])
    const jwks = await (await fetch(meta.jwks_uri)).json()
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(jwks.keys[0].d).toBeUndefined() // only the public half
  })

  it('is asked with PKCE (S256), a state and a nonce of 256 bits, the level wanted and the language', async () => {
    const res = await get('/inloggen?niveau=midden&terug=%2Fmijn')
    expect(res.status).toBe(302)
    const to = new URL(res.headers.get('location')!)
    expect(to.pathname).toBe('/mock-idp/digid/auth')
    const p = to.searchParams
    expect(p.get('response_type')).toBe('code')
    expect(p.get('client_id')).toBe('mijn-stad')
    expect(p.get('redirect_uri')).toBe(`${server.url}/inloggen/callback`)
    expect(p.get('code_challenge_method')).toBe('S256')
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(p.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(p.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(p.get('acr_values')).toBe(acrForLevel.midden)
    expect(p.get('ui_locales')).toBe('nl')
    expect(p.get('prompt')).toBe('login')
    // The pending login is bound to this browser by a cookie of its own.
    expect(res.headers.get('set-cookie')).toMatch(
      /^mijnstad_inlog=[^;]+; Max-Age=600; Path=\/inloggen; HttpOnly; SameSite=Lax$/,
    )
  })

  it('reads like DigiD and says it is a test environment', async () => {
    const { page } = await openLoginPage(server.url, 'citizen')
    const html = page.body
    expect(html).toContain('<html lang="nl"')
    for (const text of [
      'Inloggen bij DigiD',
      'Hoe wilt u inloggen?',
      'Burgerservicenummer',
      'Betrouwbaarheidsniveau',
      'Testomgeving',
      'Inloggen',
      'Annuleren',
    ]) {
      expect(html).toContain(text)
    }
    for (const level of ['Basis', 'Midden', 'Substantieel', 'Hoog']) expect(html).toContain(`>${level}</label>`)
    expect(html).toContain('Jan Willem Jansen') // the demo personas
    expect(html).not.toMatch(/<style|style="|<script>/) // nothing inline: the CSP holds
  })

  it('refuses a number that fails the eleven test, says why, and keeps what was typed', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const result = await submitLoginPage(jar, page, {
      action: 'login',
      method: 'bsn',
      bsn: '123456789',
      level: 'basis',
    })
    expect(result.response.status).toBe(400)
    expect(result.body).toContain('Er is een probleem')
    expect(result.body).toContain('href="#bsn"')
    expect(result.body).toContain('Dit burgerservicenummer klopt niet.')
    expect(result.body).toContain('value="123456789"')
    expect(result.body).toContain('aria-invalid="true"')
    // Still the same login: correct it and go on.
    const fixed = await submitLoginPage(jar, result, {
      action: 'login',
      method: 'bsn',
      bsn: '9999 93 653',
      level: 'basis',
    })
    expect(fixed.url.pathname).toBe('/mijn')
  })

  it('says a login page that has expired or belongs to another browser is over, and leads back', async () => {
    const res = await fetch(`${server.url}/mock-idp/digid/interaction/not-a-login`)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Deze inlogpoging is verlopen')
    expect(html).toContain(`href="${server.url}"`)
  })

  it('asks for a number when none was typed', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen', { cookie: 'lng=ImVuIg%3D%3D' })
    const result = await submitLoginPage(jar, page, { action: 'login', method: 'bsn', bsn: '', level: 'basis' })
    expect(result.response.status).toBe(400)
    expect(result.body).toContain('Enter a citizen service number.')
  })
})

describe('logging in as a citizen', () => {
  it('a persona logs in at Midden and sees their name on Mijn overzicht', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const result = await submitLoginPage(jar, page, {
      action: 'login',
      method: 'persona',
      persona: 'jan',
      level: 'midden',
    })
    expect(result.url.pathname).toBe('/mijn')
    expect(h1(result.body)).toBe('Mijn overzicht')
    expect(result.body).toContain('Welkom, Jan Willem Jansen')
    expect(result.body).toContain('betrouwbaarheidsniveau Midden')
    expect(result.body).toContain('Ingelogd als')
    expect(result.body).toContain('>Uitloggen</button>')
    expect(result.hops.map((h) => new URL(h.url).pathname)).toContain('/inloggen/callback')
  })

  it('sets the session cookie HttpOnly and SameSite=Lax, without Secure on plain-http localhost', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const form = page.body.match(/action="([^"]+)"/)![1]
    const result = await browse(jar, new URL(form, page.url), {
      method: 'POST',
      body: new URLSearchParams({ action: 'login', method: 'bsn', bsn: JAN, level: 'basis' }),
      stopBefore: (url) => url.pathname === '/mijn',
    })
    const cookies = result.response.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('mijnstad_sessie='))!
    expect(session).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(session).not.toMatch(/Secure|Max-Age|Expires/i) // ends with the browser; the server enforces 8 h
    expect(cookies).toContainEqual(expect.stringMatching(/^mijnstad_inlog=; Max-Age=0/))
  })

  it('keeps only a hash of the cookie in the database, and an ID token with a pairwise sub', async () => {
    const cookie = await loginAsCitizen(server.url, JAN, 'midden')
    const rows = await getDb().selectFrom('sessions').selectAll().where('subject', '=', JAN).execute()
    const token = JSON.parse(Buffer.from(decodeURIComponent(sessionToken(cookie)!), 'base64').toString())
    expect(rows.some((r) => r.id_hash === token)).toBe(false)
    const row = rows.at(-1)!
    const claims = JSON.parse(Buffer.from(row.id_token!.split('.')[1], 'base64url').toString())
    expect(claims.sub).not.toContain(JAN)
    expect(claims.bsn).toBe(JAN)
    expect(claims.acr).toBe(acrForLevel.midden)
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(300) // ID tokens of at most 5 minutes
  })

  it('gives a new session id at every login and ends the one before', async () => {
    const first = await loginAsCitizen(server.url, JAN)
    const second = await loginAsCitizen(server.url, JAN, 'midden', { cookie: first, start: '/inloggen?niveau=midden' })
    expect(sessionToken(second)).not.toBe(sessionToken(first))
    expect((await get('/mijn', second)).status).toBe(200)
    expect((await get('/mijn', first)).status).toBe(302)
  })

  it('never adopts a session id the browser brought along (session fixation)', async () => {
    const planted = `mijnstad_sessie=${Buffer.from(JSON.stringify('A'.repeat(43))).toString('base64')}`
    const cookie = await loginAsCitizen(server.url, JAN, 'basis', { cookie: planted })
    expect(sessionToken(cookie)).not.toBe(sessionToken(planted))
    expect((await get('/mijn', planted)).status).toBe(302)
  })

  it('goes straight on to the page wanted when already logged in at the level asked', async () => {
    const cookie = await loginAsCitizen(server.url, JAN, 'midden')
    const res = await get('/inloggen?terug=%2Fmijn%3Fx%3D1', cookie)
    expect(res.headers.get('location')).toBe('/mijn?x=1')
  })

  it('sends someone who is not logged in to the login, and brings them back to the page wanted', async () => {
    const res = await get('/mijn?tab=zaken')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/inloggen?terug=%2Fmijn%3Ftab%3Dzaken')
    const { jar, page } = await openLoginPage(server.url, 'citizen', { start: res.headers.get('location')! })
    const result = await submitLoginPage(jar, page, { action: 'login', method: 'bsn', bsn: JAN, level: 'basis' })
    expect(result.url.pathname + result.url.search).toBe('/mijn?tab=zaken')
  })

  for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    it(`never returns to another site after login (${evil})`, async () => {
      const { jar, page } = await openLoginPage(server.url, 'citizen', {
        start: `/inloggen?terug=${encodeURIComponent(evil)}`,
      })
      const result = await submitLoginPage(jar, page, { action: 'login', method: 'bsn', bsn: JAN, level: 'basis' })
      expect(result.url.origin).toBe(server.url)
      expect(result.url.pathname).toBe('/mijn')
    })
  }

  it("sets the portal's language from the persona's preference when the visitor chose none", async () => {
    const cookie = await loginAsCitizen(server.url, LIAM)
    expect(cookie).toContain('lng=ImVuIg%3D%3D') // "en"
    expect(await (await get('/mijn', cookie)).text()).toContain('Welcome, Liam')
    // A visitor who chose Dutch keeps Dutch.
    const chosen = await loginAsCitizen(server.url, LIAM, 'basis', { cookie: 'lng=Im5sIg%3D%3D' })
    expect(await (await get('/mijn', chosen)).text()).toContain('Welkom, Liam')
  })

  it('DigiD Machtigen: shows the represented person and keeps who acts on their behalf', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const result = await submitLoginPage(jar, page, {
      action: 'login',
      method: 'persona',
      persona: 'fatima',
      namens: 'noor',
      level: 'midden',
    })
    expect(result.url.pathname).toBe('/mijn')
    expect(result.body).toContain('Welkom, Fatima el Amrani')
    expect(result.body).toContain('U regelt zaken namens Noor de Vries')
    const row = await getDb()
      .selectFrom('sessions')
      .select(['subject', 'acting_bsn'])
      .where('acting_bsn', '=', FATIMA)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ subject: NOOR, acting_bsn: FATIMA })
  })
})

describe('step-up from Basis to Midden', () => {
  it('sends a Basis session through DigiD again asking for Midden, and back to the page wanted', async () => {
    const basis = await loginAsCitizen(server.url, JAN, 'basis')
    const res = await get('/test/midden', basis)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/inloggen?niveau=midden&terug=%2Ftest%2Fmidden')

    const { jar, page } = await openLoginPage(server.url, 'citizen', {
      cookie: basis,
      start: res.headers.get('location')!,
    })
    expect(page.body).toContain('vraagt minimaal het betrouwbaarheidsniveau Midden')
    expect(page.body).toMatch(/id="level-midden"[^>]* checked=""/) // the level asked for is chosen already
    // DigiD does not let a lower level through when a higher one was asked for.
    const refused = await submitLoginPage(jar, page, { action: 'login', method: 'bsn', bsn: JAN, level: 'basis' })
    expect(refused.response.status).toBe(400)
    expect(refused.body).toContain('vraagt minimaal het niveau Midden. Kies Midden of hoger.')

    const result = await submitLoginPage(jar, refused, { action: 'login', method: 'bsn', bsn: JAN, level: 'midden' })
    expect(result.url.pathname).toBe('/test/midden')
    expect(result.body).toBe('midden ok: Jan Willem Jansen (midden)')
    const midden = jar.portalCookie(server.url)
    expect(sessionToken(midden)).not.toBe(sessionToken(basis))
    expect((await get('/test/midden', basis)).status).toBe(302) // the Basis session is gone
  })

  it('lets a higher level through at once', async () => {
    const hoog = await loginAsCitizen(server.url, JAN, 'hoog')
    expect(await (await get('/test/midden', hoog)).text()).toBe('midden ok: Jan Willem Jansen (hoog)')
  })
})

describe('staff sign-in', () => {
  it('a caseworker signs in with the staff SSO and sees their name and role at /medewerker', async () => {
    const { page } = await openLoginPage(server.url, 'staff')
    expect(page.body).toContain('Inloggen als medewerker')
    expect(page.body).toContain('Mirjam Kuipers')
    const cookie = await loginAsStaff(server.url, 'E1001')
    const html = await (await get('/medewerker', cookie)).text()
    expect(h1(html)).toBe('Mijn Stad voor medewerkers')
    expect(html).toContain('Welkom, Mirjam Kuipers')
    expect(html).toContain('Behandelaar')
    expect(html).toContain('(medewerker)')
  })

  it('sends someone not logged in to the staff login', async () => {
    const res = await get('/medewerker')
    expect(res.headers.get('location')).toBe('/inloggen/medewerker?terug=%2Fmedewerker')
  })

  it('needs the role: a caseworker may not see a manager page, a manager may', async () => {
    expect((await get('/test/manager', await loginAsStaff(server.url, 'E1001'))).status).toBe(403)
    expect(await (await get('/test/manager', await loginAsStaff(server.url, 'E3001'))).text()).toBe(
      'manager ok: Ahmed Benali',
    )
  })

  it('a citizen session never reaches staff pages, and a staff session never reaches citizen pages', async () => {
    const citizen = await loginAsCitizen(server.url, JAN, 'hoog')
    const staff = await loginAsStaff(server.url, 'E3002')
    const forbidden = await get('/medewerker', citizen)
    expect(forbidden.status).toBe(403)
    expect(h1(await forbidden.text())).toBe('Geen toegang')
    expect((await get('/mijn', staff)).status).toBe(403)
    expect((await get('/test/midden', staff)).status).toBe(403)
  })

  it('cancelling at the staff SSO comes back with a clear page', async () => {
    const { jar, page } = await openLoginPage(server.url, 'staff')
    const result = await submitLoginPage(jar, page, { action: 'cancel' })
    expect(result.url.pathname).toBe('/inloggen/medewerker/callback')
    expect(h1(result.body)).toBe('U heeft het inloggen geannuleerd')
  })
})
