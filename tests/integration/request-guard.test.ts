import http from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DB } from '../../db/client'
import { closeDb, getDb, configureDb } from '../../db/instance'
import { DEMO_SOURCE, seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { formAction, loginAsCitizen, openLoginPage } from '../support/login'
import { chunkedBody } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The edge (server/request-guard.ts, server/limits.ts, server/database-faults.ts): every kind of
 * input that answered 500 before is answered 4xx or 503 with a page or problem+json, and a
 * refused input writes nothing.
 */
let server: TestServer
let db: DB
const token = DEMO_SOURCE.token
const cookies: Record<string, string> = {}
const jan = personaByKey('jan')

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  const en = await post('/taal', new URLSearchParams({ lng: 'en', returnTo: '/' }))
  cookies.english = (en.headers.get('set-cookie') ?? '').split(';')[0]
})
afterAll(() => server?.close())

function post(path: string, body: BodyInit, headers: Record<string, string> = {}, method = 'POST') {
  return fetch(`${server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: { origin: server.url, ...headers },
    body,
  })
}
const json = { 'content-type': 'application/json' }
const contactRow = () => db.selectFrom('contact_details').selectAll().where('bsn', '=', jan.bsn).executeTakeFirst()

const chunked = (bytes: number) => chunkedBody(bytes)

describe('media types are checked before any form is parsed', () => {
  it('answers a form route given JSON, XML or plain text with 415 and a page, also without login', async () => {
    for (const [path, type, body] of [
      ['/taal', 'application/json', '{"lng":"en"}'],
      ['/sessie', 'application/xml', '<a/>'],
      ['/taal', 'text/plain', 'lng=en'],
      ['/mijn/voorkeuren', 'application/json', '{}'],
    ]) {
      const res = await post(path, body, { 'content-type': type, cookie: path.startsWith('/mijn') ? cookies.jan : '' })
      expect(res.status, `${type} to ${path}`).toBe(415)
      const html = await res.text()
      expect(html).toContain('Dit formulier kunnen wij zo niet ontvangen')
      expect(html).toContain('Bel 14 050')
    }
  })

  it('answers in English when the visitor chose English', async () => {
    const res = await post('/taal', '{}', { ...json, cookie: cookies.english })
    expect(res.status).toBe(415)
    expect(await res.text()).toContain('We cannot receive this form like this')
  })

  it('takes an empty POST as an empty form, whatever its media type', async () => {
    const bare = await fetch(`${server.url}/taal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url },
    })
    expect(bare.status).toBe(302)
    expect((await post('/taal', '', { 'content-type': 'text/plain' })).status).toBe(302)
  })

  it('answers a multipart body that does not parse with 400, and a form the upload route cannot take with 415', async () => {
    const broken = await post('/mijn/gegevens/correctie', 'garbage', {
      'content-type': 'multipart/form-data; boundary=xyz',
      cookie: cookies.jan,
    })
    expect(broken.status).toBe(400)
    expect(await broken.text()).toContain('Dit verzoek klopt niet')
    const urlencoded = await post('/mijn/gegevens/correctie', 'field=surname', {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookies.jan,
    })
    expect(urlencoded.status).toBe(415)
  })
})

describe('bodies are bounded before Remix', () => {
  it('refuses 100 KB to the language switch, without login, with 413 and a page', async () => {
    const res = await post('/taal', `lng=en&x=${'a'.repeat(100_000)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Wat u stuurde is te groot')
  })

  it('counts a chunked body as it arrives: 413, not a reset', async () => {
    const res = await fetch(`${server.url}/taal`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: chunked(1024 * 1024),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it("answers the API's chunked body over 64 KB with 413 problem+json", async () => {
    const res = await fetch(`${server.url}/api/v1/notifications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json' },
      body: chunked(200 * 1024),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await res.json()).toMatchObject({ status: 413, title: 'Payload too large' })
  })

  it('lets an upload route take its 10 MB file, and refuses more than 11 MB with 413', async () => {
    const form = new FormData()
    form.append('field', 'surname')
    form.append('evidence', new Blob([new Uint8Array(12 * 1024 * 1024)]), 'akte.pdf')
    const res = await post('/mijn/gegevens/correctie', form, { cookie: cookies.jan })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Bestanden mogen samen hoogstens 10 MB zijn')
  })

  it('refuses a multipart body with more parts than the route takes', async () => {
    const form = new FormData()
    for (let i = 0; i < 50; i++) form.append(`f${i}`, 'x')
    const res = await post('/mijn/gegevens/correctie', form, { cookie: cookies.jan })
    expect(res.status).toBe(413)
  })
})

describe('methods and paths that cannot be served', () => {
  it('answers TRACE with 405 and Allow, a method it does not know with 501', async () => {
    // fetch refuses to send TRACE; node:http does not.
    const trace = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .request(`${server.url}/`, { method: 'TRACE', headers: { origin: server.url } }, resolve)
        .on('error', reject)
        .end(),
    )
    trace.resume()
    expect(trace.statusCode).toBe(405)
    expect(trace.headers.allow).toBe('GET, HEAD, POST')
    const propfind = await fetch(`${server.url}/api/v1/notifications`, { method: 'PROPFIND' })
    expect(propfind.status).toBe(501)
    expect(propfind.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('answers a path that does not decode, or holds a NUL, with 400 and a page', async () => {
    // A backslash or a control character would make the router read the path as another host.
    for (const path of ['/%ff', '/mijn/zaken/%E0%A4%A', '/mijn/zaken/%00', '/%ED%A0%80', '/%2e%2e/%5c', '/%5C%01x']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(400)
      const html = await res.text()
      expect(html).toContain('Dit verzoek klopt niet')
      // Served at an address it does not belong to: no scripts to take it over.
      expect(html).not.toContain('<script')
    }
  })

  it("answers the mock DigiD's login form with its message, whatever is typed, not with 500", async () => {
    const { jar, page } = await openLoginPage(server.url, 'citizen')
    const action = formAction(page.body, page.url)
    const res = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(action), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'login', method: 'bsn', bsn: '9'.repeat(50), level: 'basis' }),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('id="bsn-error"')
  })

  it('answers a keep-alive return path over 2,048 characters by going home, not with 500', async () => {
    const res = await post('/sessie', new URLSearchParams({ returnTo: `/${'a'.repeat(3000)}` }), {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookies.jan,
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/')
  })
})

describe('characters no field may hold', () => {
  it('shows the form again with the message at the field, keeping the rest of the input, and writes nothing', async () => {
    const before = await contactRow()
    const res = await post(
      '/mijn/voorkeuren',
      new URLSearchParams({
        email: 'jan\u0000@example.org',
        phone: '0612345678',
        letterChannel: 'paper',
        language: 'nl',
      }),
      { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.jan },
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Er stonden tekens in uw invoer')
    expect(html).toContain('href="#email"')
    expect(html).toMatch(/id="email-error"[^>]*>Hier stonden tekens die wij niet kunnen verwerken/)
    expect(html).toContain('value="jan@example.org"')
    expect(await contactRow()).toEqual(before)
    expect(server.logs.some((l) => l.event === 'input_refused' && l.field === 'email')).toBe(true)
  })

  it('answers a JavaScript submission with a 400 its error boundary shows', async () => {
    const res = await post(
      '/mijn/voorkeuren?_data=routes%2Fmijn%2B%2Fvoorkeuren',
      new URLSearchParams({ email: '\u0000' }),
      {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookies.jan,
      },
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('x-remix-catch')).toBe('yes')
  })

  it('refuses a NUL in a query parameter: the page with the value cleaned, 400', async () => {
    const res = await fetch(`${server.url}/mijn/gegevens/correctie?gegeven=sur%00name`, {
      headers: { cookie: cookies.jan },
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('href="#gegeven"')
  })

  it('refuses NUL and lone surrogates in an API event with problem+json naming the field', async () => {
    for (const text of ['\\u0000', '\\ud800']) {
      const res = await post(
        '/api/v1/notifications',
        `{"specversion":"1.0","id":"x-${text}","source":"urn:t","type":"nl.groningen.zaak.hervat","subject":"Z-2026-000001","time":"2026-01-05T10:00:00+01:00","data":{"note":"a${text}b"}}`,
        { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json' },
      )
      expect(res.status).toBe(400)
      const problem = await res.json()
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'id', code: 'invalid_characters' }))
    }
  })
})

describe('errors are logged through the scrubbing logger', () => {
  it("writes a route's unexpected error, BSN and all, as a scrubbed log line, never raw to the console", async () => {
    // A database that refuses this citizen's update with a message naming the BSN.
    await sql`create or replace function fail_with_bsn() returns trigger language plpgsql as $$
      begin raise exception 'refused for %', new.bsn; end $$`.execute(db)
    await sql`create trigger fail_with_bsn before update on contact_details for each row execute function fail_with_bsn()`.execute(
      db,
    )
    const consoleError = vi.spyOn(console, 'error')
    try {
      const res = await post(
        '/mijn/voorkeuren',
        new URLSearchParams({ email: 'jan@example.org', phone: '', letterChannel: 'digital', language: 'nl' }),
        { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.jan },
      )
      expect(res.status).toBe(500)
      const line = server.logs.find((l) => l.msg === 'request failed')
      expect(line).toBeDefined()
      expect(JSON.stringify(line)).toContain('refused for [bsn]')
      expect(JSON.stringify(server.logs)).not.toContain(jan.bsn)
      expect(consoleError).not.toHaveBeenCalled()
    } finally {
      consoleError.mockRestore()
      await sql`drop trigger fail_with_bsn on contact_details`.execute(db)
    }
  })
})

describe('while the database is away', () => {
  async function withoutDatabase(check: () => Promise<void>) {
    const original = process.env.DATABASE_URL!
    await closeDb()
    // The pool's next connection goes to a port where nothing listens: refused, as when it restarts.
    const gone = new URL(original)
    gone.port = '1'
    configureDb(gone.toString())
    try {
      await check()
    } finally {
      await closeDb()
      configureDb(original)
      db = getDb()
    }
  }

  it('answers a page with 503, Retry-After, the retry time and the phone number, in Dutch and English', async () => {
    await withoutDatabase(async () => {
      const nl = await fetch(`${server.url}/mijn`, { headers: { cookie: cookies.jan } })
      expect(nl.status).toBe(503)
      expect(nl.headers.get('retry-after')).toBe('30')
      const html = await nl.text()
      expect(html).toContain('Mijn Stad is even niet bereikbaar')
      expect(html).toContain('Probeer het over 30 seconden opnieuw')
      expect(html).toContain('Bel 14 050')
      expect(html).toContain('href="/mijn"') // try again
      const english = [...cookies.jan.split(/;\s*/).filter((c) => !c.startsWith('lng=')), cookies.english].join('; ')
      const en = await fetch(`${server.url}/mijn`, { headers: { cookie: english } })
      expect(en.status).toBe(503)
      expect(await en.text()).toContain('Mijn Stad cannot be reached for a moment')
    })
  })

  it('answers the API with 503 problem+json and Retry-After, and /readyz with 503', async () => {
    await withoutDatabase(async () => {
      const res = await post(
        '/api/v1/notifications',
        JSON.stringify({
          specversion: '1.0',
          id: 'x',
          source: 'urn:t',
          type: 'nl.groningen.zaak.hervat',
          subject: 'Z-2026-000001',
          time: '2026-01-05T10:00:00+01:00',
          data: {},
        }),
        { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json' },
      )
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('30')
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const ready = await fetch(`${server.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' })
    })
    // And back: the pool connects again by itself.
    expect((await fetch(`${server.url}/mijn`, { headers: { cookie: cookies.jan } })).status).toBe(200)
  })
})
