import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personas } from '../../db/seed/personas'
import { browse, CookieJar, formAction, type BrowserResult } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The DigiD step-up for Mijn gegevens (Midden) from a Basis session, as a browser does it —
 * one cookie jar for the portal and the mock DigiD, and the login form sent as it was filled
 * in. It used to jump to DigiD without a word, offer the first persona instead of the person
 * logged in, end at "Foutcode: invalid_request" on "Inloggen", and after "Annuleren" say "U bent
 * niet ingelogd" while the header said otherwise.
 */
let server: TestServer
const bsns = personas.map((p) => p.bsn)

beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer()
})
afterAll(() => server?.close())

/** The fields of a form (the first, or the first with this action) as the browser would send them untouched. */
function formDefaults(html: string, action = ''): Record<string, string> {
  const form =
    [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`action="${action}`)) ?? ''
  const fields: Record<string, string> = {}
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1]
    const value = /value="([^"]*)"/.exec(m[1])?.[1] ?? ''
    const type = /type="([^"]+)"/.exec(m[1])?.[1] ?? 'text'
    if (!name) continue
    if ((type === 'radio' || type === 'checkbox') && !/\schecked=""/.test(m[1])) continue
    fields[name] = value.replace(/&amp;/g, '&')
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected =
      /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(m[2]) ?? /<option[^>]*value="([^"]*)"/.exec(m[2])
    fields[m[1]] = selected?.[1] ?? ''
  }
  return fields
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

/** Logs in at Basis as `persona` through the mock DigiD, keeping the provider's cookies too. */
async function basisLogin(persona: string): Promise<CookieJar> {
  const jar = new CookieJar()
  const page = await browse(jar, `${server.url}/inloggen`)
  const done = await browse(jar, formAction(page.body, page.url), {
    method: 'POST',
    body: new URLSearchParams({ action: 'login', method: 'persona', persona, level: 'basis' }),
  })
  expect(done.url.pathname).toBe('/mijn')
  return jar
}

async function toDigid(jar: CookieJar): Promise<{ explanation: BrowserResult; digid: BrowserResult }> {
  const explanation = await browse(jar, `${server.url}/mijn/gegevens`)
  const digid = await browse(jar, formAction(explanation.body, explanation.url, /^\/inloggen$/), {
    method: 'POST',
    body: new URLSearchParams(formDefaults(explanation.body, '/inloggen"')),
  })
  return { explanation, digid }
}

function expectNoBsnIn(result: BrowserResult) {
  for (const hop of result.hops) for (const bsn of bsns) expect(`${hop.url} ${hop.location ?? ''}`).not.toContain(bsn)
}

describe('step-up from Basis to Midden for Mijn gegevens', () => {
  it('first says why, in plain words, with a button to go on and a way back; nothing is started yet', async () => {
    const jar = await basisLogin('fatima')
    const page = await browse(jar, `${server.url}/mijn/gegevens`)
    expect(page.response.status).toBe(200)
    expect(page.url.pathname).toBe('/inloggen')
    expect(page.response.headers.get('cache-control')).toBe('no-store')
    const body = text(page.body)
    expect(body).toContain('Log opnieuw in met DigiD')
    expect(body).toContain(
      'Voor Mijn gegevens heeft u een hoger betrouwbaarheidsniveau nodig: inloggen met de DigiD app of met sms-controle.',
    )
    expect(body).toContain('U bent nu ingelogd met gebruikersnaam en wachtwoord (DigiD Basis).')
    expect(page.body).toMatch(/<form method="post" action="\/inloggen"/)
    expect(page.body).toContain('>Doorgaan naar DigiD</button>')
    expect(page.body).toContain('href="/mijn"')
    // No login was started: no pending-login cookie, and the header still shows the person.
    expect(page.response.headers.get('set-cookie') ?? '').not.toContain('mijnstad_inlog')
    expect(body).toContain('Fatima el Amrani')
  })

  it('says the same in English', async () => {
    const jar = await basisLogin('liam')
    const page = await browse(jar, `${server.url}/mijn/gegevens`)
    expect(text(page.body)).toContain(
      'For My details you need a higher level of assurance: log in with the DigiD app or with an SMS check.',
    )
    expect(page.body).toContain('>Continue to DigiD</button>')
  })

  it('offers the person already logged in at DigiD, without a BSN in any URL, and “Inloggen” lands on Mijn gegevens', async () => {
    const jar = await basisLogin('fatima')
    const { digid } = await toDigid(jar)
    expect(digid.url.pathname).toMatch(/^\/mock-idp\/digid\/interaction\//)
    expect(digid.body).toMatch(/<option value="fatima" selected="">/)
    expect(text(digid.body)).toContain('ingelogd als Fatima el Amrani')
    const authorize = digid.hops.find((h) => h.url.includes('/mock-idp/digid/auth?'))!
    const hint = new URL(authorize.url).searchParams.get('login_hint')
    expect(hint).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expectNoBsnIn(digid)

    // "Inloggen" with the form as it was filled in: Midden is chosen already.
    const done = await browse(jar, formAction(digid.body, digid.url), {
      method: 'POST',
      body: new URLSearchParams({ ...formDefaults(digid.body), action: 'login' }),
    })
    expect(done.response.status).toBe(200)
    expect(done.url.pathname).toBe('/mijn/gegevens')
    expect(done.body).not.toContain('invalid_request')
    expect(text(done.body)).toContain('Fatima el Amrani')
    expectNoBsnIn(done)
  })

  it('logs someone else in when another persona is chosen at that step, instead of failing with invalid_request', async () => {
    const jar = await basisLogin('jan')
    const { digid } = await toDigid(jar)
    const done = await browse(jar, formAction(digid.body, digid.url), {
      method: 'POST',
      body: new URLSearchParams({ ...formDefaults(digid.body), action: 'login', persona: 'anneke' }),
    })
    expect(done.body).not.toContain('invalid_request')
    expect(done.url.pathname).toBe('/mijn/gegevens')
    expect(text(done.body)).toContain('Anneke Bakker')
  })

  it('cancelling says the Basis login still holds and Midden is needed, with a way back to Mijn overzicht', async () => {
    const jar = await basisLogin('fatima')
    const { digid } = await toDigid(jar)
    const cancelled = await browse(jar, formAction(digid.body, digid.url), {
      method: 'POST',
      body: new URLSearchParams({ ...formDefaults(digid.body), action: 'cancel' }),
    })
    expect(cancelled.url.pathname).toBe('/inloggen/callback')
    const body = text(cancelled.body)
    expect(body).toContain('U heeft het inloggen geannuleerd')
    expect(body).toContain('U bent nog ingelogd met DigiD Basis; voor deze pagina is Midden nodig.')
    expect(body).not.toContain('U bent niet ingelogd')
    expect(cancelled.body).toMatch(/href="\/mijn"[^>]*>Terug naar Mijn overzicht</)
    expect(cancelled.body).toContain('href="/inloggen?terug=%2Fmijn%2Fgegevens&amp;niveau=midden"')
    // The header agrees: still logged in, as Fatima; and the Basis pages still open.
    expect(body).toContain('Ingelogd als')
    const overview = await browse(jar, `${server.url}/mijn`)
    expect(overview.url.pathname).toBe('/mijn')
    expect(text(overview.body)).toContain('betrouwbaarheidsniveau Basis')
  })

  it('cancelling a first login (no session) still says plainly that you are not logged in', async () => {
    const jar = new CookieJar()
    const page = await browse(jar, `${server.url}/inloggen`)
    const cancelled = await browse(jar, formAction(page.body, page.url), {
      method: 'POST',
      body: new URLSearchParams({ action: 'cancel' }),
    })
    expect(text(cancelled.body)).toContain('U bent niet ingelogd')
    expect(cancelled.body).toMatch(/href="\/"[^>]*>Naar de startpagina</)
  })
})

describe('the mock DigiD’s error pages', () => {
  it('say the reason in plain words, with the code and the provider’s description', async () => {
    const cases: Array<[string, string]> = [
      ['/mock-idp/digid/auth?response_type=code', 'Het verzoek om in te loggen was niet compleet of klopte niet.'],
      [
        '/mock-idp/digid/auth?client_id=mijn-stad&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2F',
        'Mijn Stad is bij deze inlogdienst niet goed ingesteld.',
      ],
      [
        '/mock-idp/digid/auth?client_id=unknown&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2F',
        'Mijn Stad is bij deze inlogdienst niet goed ingesteld.',
      ],
      ['/mock-idp/digid/interaction/verlopen', 'Deze inlogpoging is verlopen'],
    ]
    for (const [path, reason] of cases) {
      const res = await fetch(`${server.url}${path}`)
      const body = text(await res.text())
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(body, path).toContain(reason)
      expect(body, path).toMatch(/Foutcode: \w+/)
    }
    // A login form that was not ours (a field far too long): the form again, 400, with its message
    // at the field — not a bare 500.
    const jar = new CookieJar()
    const page = await browse(jar, `${server.url}/inloggen`)
    const hostile = await browse(jar, formAction(page.body, page.url), {
      method: 'POST',
      body: new URLSearchParams({ action: 'login', method: 'persona', persona: 'x'.repeat(500), level: 'basis' }),
    })
    expect(hostile.response.status).toBe(400)
    expect(text(hostile.body)).toContain('Fout: Kies een testpersoon.')
    const described = text(await (await fetch(`${server.url}/mock-idp/digid/auth?response_type=code`)).text())
    expect(described).toMatch(/Technische melding \(voor ontwikkelaars\): .*missing required parameter/)
  })
})
