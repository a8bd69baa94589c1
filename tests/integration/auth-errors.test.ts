import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acrForLevel } from '~/domain/digid-level'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { UNKNOWN_VALID_BSN } from '../../db/seed/personas'
import { startFakeOidcProvider, type FakeOidcProvider } from '../support/fake-oidc-provider'
import { browse, CookieJar, openLoginPage, submitLoginPage, type BrowserResult } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Every way a login can fail is a clear page in the user's language, with a
 * way back, no stack trace, and no BSN in the page or the log.
 */
const JAN = '999993653'

let server: TestServer // the portal with the mock DigiD
let brokered: TestServer // the portal pointed at a misbehaving broker
let unreachable: TestServer // the portal pointed at nothing
let fake: FakeOidcProvider
let english: string

beforeAll(async () => {
  await seedPersonas(getDb())
  fake = await startFakeOidcProvider()
  fake.claims = { bsn: JAN, acr: acrForLevel.midden }
  ;[server, brokered, unreachable] = await Promise.all([
    startTestServer(),
    // Both sign-ins at the broker: a real DigiD beside the mock staff SSO is refused in production.
    startTestServer({ OIDC_ISSUER: fake.issuer, STAFF_OIDC_ISSUER: fake.issuer }),
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    startTestServer({ OIDC_ISSUER: 'http://127.0.0.1:9/digid', STAFF_OIDC_ISSUER: 'http://127.0.0.1:9/sso' }),
  ])
  const res = await fetch(`${server.url}/taal`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ lng: 'en', returnTo: '/' }),
  })
  english = (res.headers.get('set-cookie') ?? '').split(';')[0]
})
afterAll(async () => {
  await Promise.all([server?.close(), brokered?.close(), unreachable?.close(), fake?.close()])
})

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]

/** What every failure page must do, whatever the failure. */
function expectClearPage(
  result: BrowserResult,
  logs: TestServer['logs'],
  { status, heading }: { status: number; heading: string },
) {
  expect(result.response.status).toBe(status)
  expect(h1(result.body)).toBe(heading)
  expect(result.body).toMatch(/href="\/"/) // a way home
  expect(result.body).not.toMatch(/\bat [\w.]+ \(|Error:|stack/i) // no stack trace
  expect(result.body).not.toContain(JAN)
  expect(result.body).not.toContain(UNKNOWN_VALID_BSN)
  expect(JSON.stringify(logs)).not.toContain(JAN)
  expect(JSON.stringify(logs)).not.toContain(UNKNOWN_VALID_BSN)
}

/** Logs in at the mock DigiD but stops before the callback: returns its URL and the browser. */
async function toCallback(base: string, bsn = JAN, cookie?: string) {
  const { jar, page } = await openLoginPage(base, 'citizen', { cookie })
  const redirect = await browse(jar, new URL(page.body.match(/action="([^"]+)"/)![1], page.url), {
    method: 'POST',
    body: new URLSearchParams({ action: 'login', method: 'bsn', bsn, level: 'midden' }),
    stopBefore: (url) => url.pathname === '/inloggen/callback',
  })
  return { jar, callback: new URL(redirect.response.headers.get('location')!, base) }
}

function lastFailure(logs: TestServer['logs']) {
  return [...logs].reverse().find((l) => l.event === 'login_failed')
}

describe('when the identity provider cannot be reached', () => {
  it('says DigiD cannot be reached now, with a way to try again (503), in Dutch', async () => {
    const result = await browse(new CookieJar(), `${unreachable.url}/inloggen?terug=/mijn/zaken`)
    expectClearPage(result, unreachable.logs, { status: 503, heading: 'Inloggen kan nu niet' })
    expect(result.body).toContain('Wij kunnen DigiD op dit moment niet bereiken')
    expect(result.body).toContain('href="/inloggen?terug=%2Fmijn%2Fzaken"')
  })

  it('in English when the portal is in English', async () => {
    const result = await browse(new CookieJar(unreachable.url, english), `${unreachable.url}/inloggen`)
    expectClearPage(result, unreachable.logs, { status: 503, heading: 'Logging in is not possible right now' })
    expect(result.body).toContain('We cannot reach DigiD at the moment')
  })

  it('the same for the staff sign-in', async () => {
    const result = await browse(new CookieJar(), `${unreachable.url}/inloggen/medewerker`)
    expectClearPage(result, unreachable.logs, { status: 503, heading: 'Inloggen kan nu niet' })
    expect(result.body).toContain('het inlogsysteem van de gemeente')
  })
})

describe('when the state does not match', () => {
  it('refuses a callback whose state is not the one this browser sent', async () => {
    const { jar, callback } = await toCallback(server.url)
    callback.searchParams.set('state', 'forged-state-value-from-another-login')
    const result = await browse(jar, callback)
    expectClearPage(result, server.logs, { status: 400, heading: 'Het inloggen is niet gelukt' })
    expect(result.body).toContain('Uw inlogpoging is verlopen, of is begonnen in een ander venster')
    expect(jar.portalCookie(server.url)).not.toContain('mijnstad_sessie')
    expect(lastFailure(server.logs)).toMatchObject({ reason: 'stateMismatch', detail: 'state' })
  })

  it('refuses a callback in a browser that never started a login (login CSRF), in English', async () => {
    const { callback } = await toCallback(server.url)
    const result = await browse(new CookieJar(server.url, english), callback)
    expectClearPage(result, server.logs, { status: 400, heading: 'Logging in did not work' })
    expect(result.body).toContain('Your login attempt has expired')
    expect(lastFailure(server.logs)).toMatchObject({ reason: 'stateMismatch', detail: 'no-login-cookie' })
  })
})

describe('when an authorization code is replayed', () => {
  it('does not log in twice with one callback', async () => {
    const { jar, callback } = await toCallback(server.url)
    const replayJar = new CookieJar(server.url, jar.header(new URL('/inloggen/callback', server.url)))
    const first = await browse(jar, callback)
    expect(first.url.pathname).toBe('/mijn')
    const again = await browse(replayJar, callback)
    expectClearPage(again, server.logs, { status: 400, heading: 'Deze inlogpoging is al gebruikt' })
    expect(lastFailure(server.logs)).toMatchObject({ reason: 'codeReplayed', detail: 'callback-replayed' })
  })

  it('and when the portal itself would let it through, DigiD refuses the used code (invalid_grant)', async () => {
    const { jar, callback } = await toCallback(server.url, JAN, english)
    const replayJar = new CookieJar(server.url, jar.header(new URL('/inloggen/callback', server.url)))
    expect((await browse(jar, callback)).url.pathname).toBe('/mijn')
    // As if a second instance had not seen the first use yet: the provider is the last line.
    await sql`update login_requests set consumed_at = null`.execute(getDb())
    const again = await browse(replayJar, callback)
    expectClearPage(again, server.logs, { status: 400, heading: 'This login attempt has already been used' })
    expect(lastFailure(server.logs)).toMatchObject({ reason: 'codeReplayed', detail: 'token-endpoint-invalid_grant' })
  })
})

describe('when the ID token does not pass the checks', () => {
  const cases = [
    { mode: 'tampered', detail: 'id-token-signature', what: 'a tampered ID token (signature)' },
    { mode: 'wrongAudience', detail: 'id-token-aud', what: 'an ID token for another client (audience)' },
    { mode: 'expired', detail: 'id-token-expired', what: 'an expired ID token' },
    { mode: 'wrongIssuer', detail: 'id-token-iss', what: 'an ID token from another issuer' },
    { mode: 'wrongNonce', detail: 'id-token-nonce', what: 'an ID token with another nonce' },
    // max_age=0 was asked: a broker that answers from an earlier session is not a fresh login
    { mode: 'staleLogin', detail: 'id-token-auth-time', what: 'an ID token from an earlier login (auth_time)' },
  ] as const
  for (const c of cases) {
    it(`refuses ${c.what}: no session, a clear page in Dutch and English`, async () => {
      fake.mode = c.mode
      const nl = await browse(new CookieJar(), `${brokered.url}/inloggen`)
      expectClearPage(nl, brokered.logs, { status: 502, heading: 'Het inloggen is niet gelukt' })
      expect(nl.body).toContain('Wij konden niet controleren dat het antwoord van DigiD echt en nog geldig was')
      expect(nl.body).toContain(`Foutcode: ${c.detail}`)
      expect(lastFailure(brokered.logs)).toMatchObject({ reason: 'tokenInvalid', detail: c.detail })

      const jar = new CookieJar(brokered.url, english)
      const en = await browse(jar, `${brokered.url}/inloggen`)
      expectClearPage(en, brokered.logs, { status: 502, heading: 'Logging in did not work' })
      expect(jar.portalCookie(brokered.url)).not.toContain('mijnstad_sessie')
    })
  }

  it('accepts the same broker when it behaves: pointing OIDC_ISSUER elsewhere is all it takes', async () => {
    fake.mode = 'valid'
    const jar = new CookieJar()
    const result = await browse(jar, `${brokered.url}/inloggen`)
    expect(result.url.pathname).toBe('/mijn')
    expect(result.body).toContain('Welkom, Jan Willem Jansen')
    // private_key_jwt: a signed client assertion, no shared secret
    const token = fake.tokenRequests.at(-1)!
    expect(token.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(token.get('client_assertion')?.split('.')).toHaveLength(3)
    expect(token.get('client_secret')).toBeNull()
    expect(token.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    // Every DigiD login asks for a fresh authentication, at the default level (Basis) too.
    const asked = fake.authorizationRequests.at(-1)!
    expect(asked.get('prompt')).toBe('login')
    expect(asked.get('max_age')).toBe('0')
    expect(asked.get('acr_values')).toBe(acrForLevel.basis)
  })

  it("lets the logout form lead to the broker's origin (CSP form-action), and only there", async () => {
    const csp = (await fetch(`${brokered.url}/`)).headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`form-action 'self' ${fake.issuer}`)
    expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toContain("form-action 'self';")
  })
})

describe('when DigiD knows the person but the register does not', () => {
  it('starts no session and says so without showing or logging the BSN', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const result = await submitLoginPage(jar, page, {
      action: 'login',
      method: 'bsn',
      bsn: UNKNOWN_VALID_BSN,
      level: 'basis',
    })
    expectClearPage(result, server.logs, { status: 403, heading: 'Wij kunnen u niet vinden' })
    expect(result.body).toContain('wij vinden u niet in de basisregistratie')
    expect(jar.portalCookie(server.url)).not.toContain('mijnstad_sessie')
    const logged = [...server.logs].reverse().find((l) => l.event === 'login_unknown_person')
    expect(logged?.subject).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/) // a salted fingerprint, not the number
  })

  it('in English when the portal is in English', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen', { cookie: english })
    const result = await submitLoginPage(jar, page, {
      action: 'login',
      method: 'bsn',
      bsn: UNKNOWN_VALID_BSN,
      level: 'basis',
    })
    expectClearPage(result, server.logs, { status: 403, heading: 'We cannot find you' })
  })
})

describe('when the user cancels at DigiD', () => {
  it('comes back to the portal with "U heeft het inloggen geannuleerd"', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen', { start: '/inloggen?terug=/mijn/brieven' })
    const result = await submitLoginPage(jar, page, { action: 'cancel' })
    expect(result.url.pathname).toBe('/inloggen/callback')
    expectClearPage(result, server.logs, { status: 200, heading: 'U heeft het inloggen geannuleerd' })
    expect(result.body).toContain('href="/inloggen?terug=%2Fmijn%2Fbrieven"')
  })

  it('and with "You cancelled logging in" when the portal is in English (ui_locales)', async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen', { cookie: english })
    expect(page.body).toContain('<html lang="en"')
    expect(page.body).toContain('How do you want to log in?')
    const result = await submitLoginPage(jar, page, { action: 'cancel' })
    expectClearPage(result, server.logs, { status: 200, heading: 'You cancelled logging in' })
  })
})

describe('when the provider returns a lower level than was asked for', () => {
  it('does not log in at the lower level, and says why', async () => {
    fake.mode = 'valid'
    fake.claims = { bsn: JAN, acr: acrForLevel.basis }
    try {
      const jar = new CookieJar()
      const result = await browse(jar, `${brokered.url}/inloggen?niveau=midden`)
      expectClearPage(result, brokered.logs, { status: 403, heading: 'Uw manier van inloggen is niet sterk genoeg' })
      expect(jar.portalCookie(brokered.url)).not.toContain('mijnstad_sessie')
      expect(lastFailure(brokered.logs)).toMatchObject({ reason: 'levelTooLow', detail: 'acr-basis-below-midden' })
    } finally {
      fake.claims = { bsn: JAN, acr: acrForLevel.midden }
    }
  })

  it('nor with a BSN claim that fails the eleven test', async () => {
    fake.mode = 'valid'
    fake.claims = { bsn: '123456789', acr: acrForLevel.midden }
    try {
      const result = await browse(new CookieJar(), `${brokered.url}/inloggen`)
      expectClearPage(result, brokered.logs, { status: 502, heading: 'Het inloggen is niet gelukt' })
      expect(result.body).not.toContain('123456789')
      expect(lastFailure(brokered.logs)).toMatchObject({ reason: 'tokenInvalid', detail: 'bsn-claim' })
    } finally {
      fake.claims = { bsn: JAN, acr: acrForLevel.midden }
    }
  })
})

describe('when one address tries to log in too often', () => {
  it('slows it down with a clear page (429), not an error', async () => {
    const limited = await startTestServer({ LOGIN_RATE_BURST: '2', LOGIN_RATE_PER_SECOND: '0.001' })
    try {
      for (let i = 0; i < 2; i++)
        expect((await fetch(`${limited.url}/inloggen`, { redirect: 'manual' })).status).toBe(302)
      const result = await browse(new CookieJar(), `${limited.url}/inloggen`)
      expectClearPage(result, limited.logs, { status: 429, heading: 'Te veel inlogpogingen' })
    } finally {
      await limited.close()
    }
  })
})
