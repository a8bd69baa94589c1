import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { personaByKey } from '../../db/seed/personas'
import type { Express } from 'express'
import { isValidBsn } from '~/domain/bsn'
import { personNameOf } from '~/domain/person-name'
import { requireCitizen } from '~/services/auth/guards.server'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { multipart, portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Looking along over HTTP, against the real server: a support employee finds a citizen, views as them
 * (read-only, with a reason, at most 15 minutes) and stops; every refusal is checked, and so is
 * the database after each refused write: nothing changed.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const cookies: Record<string, string> = {}
/** Every URL the flow produced (Location headers, links, form actions): a BSN may be in none. */
const urls: string[] = []

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  await seedDemoCases(db, new Date())
  server = await startTestServer({}, { mount: backstopRoute })
  cookies.support = await loginAsStaff(server.url, 'E2001')
  cookies.support2 = await loginAsStaff(server.url, 'E2001')
  cookies.caseworker = await loginAsStaff(server.url, 'E1001')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
})
afterAll(() => server?.close())

/**
 * A citizen action the server's write guard does not stand in front of (mounted before it, as
 * a route on its list of exceptions would be): only `requireCitizen` can refuse it.
 */
function backstopRoute(app: Express) {
  app.post('/test/citizen-write', async (req, res) => {
    try {
      const request = new Request(new URL(req.originalUrl, 'http://portal.test'), {
        method: 'POST',
        headers: { cookie: req.headers.cookie ?? '' },
      })
      const citizen = await requireCitizen(request)
      res.type('text/plain').send(`written for ${citizen.name}`)
    } catch (err) {
      if (!(err instanceof Response)) throw err
      res
        .status(err.status)
        .type('application/json')
        .send(await err.text())
    }
  })
}

async function collect(res: Response): Promise<string> {
  const location = res.headers.get('location')
  if (location) urls.push(location)
  const body = await res.text()
  for (const m of body.matchAll(/\b(?:href|action)="([^"]*)"/g)) urls.push(m[1])
  return body
}
const portal = portalClient(() => server.url)
const get = async (path: string, cookie: string) => {
  const res = await portal.get(path, cookie)
  return { res, body: await collect(res) }
}
const post = async (path: string, cookie: string, form: Record<string, string>, base = server.url) => {
  // The correction form uploads evidence: multipart, as a browser sends it (server/limits.ts).
  const res = await portal.post(path, cookie, path === '/mijn/gegevens/correctie' ? multipart(form) : form, { base })
  return { res, body: await collect(res) }
}
const choiceIn = (html: string) => /name="choice" value="([^"]+)"/.exec(html)?.[1]

async function searchJan(cookie: string) {
  const { res, body } = await post('/medewerker/burgers', cookie, { intent: 'search', kind: 'bsn', bsn: jan.bsn })
  expect(res.status).toBe(200)
  const choice = choiceIn(body)
  expect(choice).toBeTruthy()
  return { body, choice: choice as string }
}

async function startViewing(
  cookie: string,
  fields: Record<string, string> = { reasonCode: 'phone', reference: 'T-2026-0042' },
) {
  const { choice } = await searchJan(cookie)
  return post('/medewerker/burgers', cookie, { intent: 'start', choice, ...fields })
}

const activeImpersonation = () =>
  db
    .selectFrom('impersonations')
    .selectAll()
    .where('bsn', '=', jan.bsn)
    .where('ended_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst()

/** Everything of Jan's a write could touch, and the tables a write would add to. */
async function snapshot() {
  const { rows } = await sql<{ state: string }>`select json_build_object(
      'person', (select row_to_json(p) from persons p where bsn = ${jan.bsn}),
      'contact', (select row_to_json(c) from contact_details c where bsn = ${jan.bsn}),
      'letters', (select json_agg(json_build_object('id', id, 'read_at', read_at) order by id) from letters where bsn = ${jan.bsn}),
      'cases', (select json_agg(json_build_object('id', id, 'status', status, 'last_event_seq', last_event_seq) order by id) from cases where bsn = ${jan.bsn}),
      'case_events', (select count(*) from case_events),
      'moves', (select count(*) from move_requests),
      'corrections', (select count(*) from correction_requests),
      'contact_moments', (select count(*) from contact_moments),
      'email_confirmations', (select count(*) from email_confirmations)
    )::text as state`.execute(db)
  return rows[0].state
}

describe('finding a citizen (role support)', () => {
  it('refuses a caseworker: the page, the search and starting are 403, and nothing is recorded', async () => {
    expect((await get('/medewerker/burgers', cookies.caseworker)).res.status).toBe(403)
    expect(
      (await post('/medewerker/burgers', cookies.caseworker, { intent: 'search', kind: 'bsn', bsn: jan.bsn })).res
        .status,
    ).toBe(403)
    const { choice } = await searchJan(cookies.support)
    const start = await post('/medewerker/burgers', cookies.caseworker, {
      intent: 'start',
      choice,
      reasonCode: 'phone',
      reference: 'T-1',
    })
    expect(start.res.status).toBe(403)
    expect(await db.selectFrom('impersonations').selectAll().execute()).toHaveLength(0)
    const searches = await db.selectFrom('audit_log').select('actor_id').where('action', '=', 'staff.search').execute()
    expect(searches.map((s) => s.actor_id)).not.toContain('E1001')
  })

  it('finds by BSN, by name and birth date, and by postcode and house number; audits each search by kind, never with the BSN', async () => {
    const byBsn = await searchJan(cookies.support)
    expect(byBsn.body).toContain('Jan Willem Jansen')
    expect(byBsn.body).not.toContain(jan.bsn)
    const byName = await post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'name',
      surname: 'jansen',
      birthDate: jan.birth_date,
    })
    expect(byName.body).toContain('Jan Willem Jansen')
    const address = await db
      .selectFrom('persons as p')
      .innerJoin('addresses as a', 'a.id', 'p.address_id')
      .select(['a.postcode', 'a.house_number'])
      .where('p.bsn', '=', jan.bsn)
      .executeTakeFirstOrThrow()
    const byAddress = await post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'address',
      postcode: `${address.postcode.slice(0, 4)} ${address.postcode.slice(4).toLowerCase()}`,
      houseNumber: String(address.house_number),
    })
    expect(byAddress.body).toContain('Jan Willem Jansen')
    const audit = await db
      .selectFrom('audit_log')
      .select(['details', 'subject_bsn', 'actor_id'])
      .where('action', '=', 'staff.search')
      .where('actor_id', '=', 'E2001')
      .execute()
    expect(new Set(audit.map((a) => (a.details as { criteria: string }).criteria))).toEqual(
      new Set(['bsn', 'name', 'address']),
    )
    expect(JSON.stringify(audit)).not.toContain(jan.bsn)
  })

  it('says what to fix for a bad search, without echoing a BSN', async () => {
    const { res, body } = await post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'bsn',
      bsn: '123456789',
    })
    expect(res.status).toBe(400)
    expect(body).toContain('Vul een geldig BSN in van 9 cijfers')
    expect(body).not.toContain('123456789')
  })

  it('does not accept a chosen result from another session', async () => {
    const { choice } = await searchJan(cookies.support)
    const { res, body } = await post('/medewerker/burgers', cookies.support2, {
      intent: 'start',
      choice,
      reasonCode: 'phone',
      reference: 'T-1',
    })
    expect(res.status).toBe(400)
    expect(body).toContain('Zoek de inwoner opnieuw')
    expect(await activeImpersonation()).toBeUndefined()
  })

  it('requires a reason and a reference (and a text for "anders"); the form says so and nothing starts', async () => {
    const { res, body } = await startViewing(cookies.support, { reasonText: '', reference: '' })
    expect(res.status).toBe(400)
    expect(body).toContain('Kies een reden')
    expect(body).toContain('Vul een contact- of ticketnummer in')
    expect(body).toContain('href="#reasonCode"')
    const other = await startViewing(cookies.support, { reasonCode: 'other', reasonText: '', reference: 'T-9' })
    expect(other.res.status).toBe(400)
    expect(other.body).toContain('Vul een toelichting in')
    const withBsn = await startViewing(cookies.support, { reasonCode: 'phone', reference: jan.bsn })
    expect(withBsn.res.status).toBe(400)
    expect(withBsn.body).toContain('Zet geen BSN in dit veld')
    expect(await activeImpersonation()).toBeUndefined()
  })
})

describe('viewing as the citizen', () => {
  it('starts with a reason and a reference, audited, and shows the citizen’s overview with the banner', async () => {
    const { res } = await startViewing(cookies.support)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/mijn')
    const row = await activeImpersonation()
    expect(row).toMatchObject({ employee_id: 'E2001', reason_code: 'phone', reference: 'T-2026-0042' })
    expect(new Date(row!.expires_at).getTime() - new Date(row!.started_at).getTime()).toBe(15 * 60_000)
    const started = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'impersonation.started')
      .executeTakeFirstOrThrow()
    expect(started).toMatchObject({ actor_kind: 'staff', actor_id: 'E2001', subject_bsn: jan.bsn, reason: 'phone' })

    const page = await get('/mijn', cookies.support)
    expect(page.res.status).toBe(200)
    expect(page.body).toContain('Sanne Visser kijkt mee als Jan Willem Jansen.')
    expect(page.body).toMatch(/Nog 1[45] minuten\./)
    expect(page.body).toContain('action="/medewerker/meekijken/stoppen"')
    const seen = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'impersonation.page_viewed')
      .execute()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      actor_kind: 'staff_as_citizen',
      actor_id: 'E2001',
      subject_bsn: jan.bsn,
      resource: '/mijn',
    })
  })

  it('shows pages up to Midden by default, and audits each page seen with its path', async () => {
    const data = await get('/mijn/gegevens', cookies.support)
    expect(data.res.status).toBe(200)
    expect(data.body).toContain('kijkt mee als')
    const paths = (
      await db.selectFrom('audit_log').select('resource').where('action', '=', 'impersonation.page_viewed').execute()
    ).map((r) => r.resource)
    expect(paths).toContain('/mijn/gegevens')
  })

  it('refuses pages above IMPERSONATION_MAX_LEVEL', async () => {
    const strict = await startTestServer({ IMPERSONATION_MAX_LEVEL: 'basis' })
    try {
      const res = await fetch(`${strict.url}/mijn/gegevens`, {
        headers: { cookie: cookies.support },
        redirect: 'manual',
      })
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('Deze pagina valt buiten meekijken')
      const overview = await fetch(`${strict.url}/mijn`, { headers: { cookie: cookies.support }, redirect: 'manual' })
      expect(overview.status).toBe(200)
    } finally {
      await strict.close()
    }
  })

  it('refuses every write with 403 and a message — form posts, client-side submissions, the API — and nothing changes', async () => {
    const before = await snapshot()
    const auditBefore = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', 'not like', 'impersonation.%')
      .executeTakeFirstOrThrow()
    const writes: Array<[string, Record<string, string>]> = [
      [
        '/mijn/voorkeuren',
        { email: 'iemand@example.org', phone: '0612345678', letterChannel: 'paper', language: 'en' },
      ],
      ['/mijn/gegevens/verhuizen', { postcode: '9711AB', houseNumber: '1' }],
      ['/mijn/gegevens/correctie', { field: 'given_names', proposedValue: 'Jan', explanation: 'typo' }],
      ['/mijn/inzage', { entry: '1' }],
      ['/medewerker/burgers', { intent: 'search', kind: 'bsn', bsn: jan.bsn }],
      ['/api/v1/notifications', { anything: 'x' }],
    ]
    for (const [path, form] of writes) {
      const { res, body } = await post(path, cookies.support, form)
      expect(res.status, path).toBe(403)
      if (!path.startsWith('/api/')) expect(body, path).toContain('Wijzigen kan niet tijdens meekijken')
    }
    // A client-side (JavaScript) submission: 403 the error boundary explains.
    const js = await fetch(`${server.url}/mijn/voorkeuren?_data=routes%2Fmijn%2B%2Fvoorkeuren`, {
      method: 'POST',
      headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'iemand@example.org' }),
    })
    expect(js.status).toBe(403)
    expect(js.headers.get('x-remix-catch')).toBe('yes')
    expect(await js.json()).toEqual({ code: 'impersonation_read_only' })
    // Reading an unread letter does not mark it read.
    const letter = await db
      .selectFrom('letters')
      .select('id')
      .where('bsn', '=', jan.bsn)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
    const read = await get(`/mijn/brieven/${letter.id}`, cookies.support)
    expect(read.res.status).toBe(200)
    expect(await snapshot()).toBe(before)
    const auditAfter = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', 'not like', 'impersonation.%')
      .executeTakeFirstOrThrow()
    // Only reads were audited (personal data seen as the citizen), no change.
    const changes = await db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_kind', '=', 'staff_as_citizen')
      .where('action', 'not in', ['impersonation.page_viewed', 'personal_data.viewed'])
      .execute()
    expect(changes).toEqual([])
    expect(auditAfter.n).toBeGreaterThanOrEqual(auditBefore.n)
    expect(server.logs.filter((l) => l.event === 'impersonation_write_refused').length).toBeGreaterThanOrEqual(
      writes.length + 1,
    )
  })

  it('refuses a write in requireCitizen too, behind the server’s guard, while the citizen’s own session may write', async () => {
    const viewing = await fetch(`${server.url}/test/citizen-write`, {
      method: 'POST',
      headers: { cookie: cookies.support, origin: server.url },
    })
    expect(viewing.status).toBe(403)
    expect(await viewing.json()).toEqual({ code: 'impersonation_read_only' })
    const own = await fetch(`${server.url}/test/citizen-write`, {
      method: 'POST',
      headers: { cookie: cookies.jan, origin: server.url },
    })
    expect(own.status).toBe(200)
    expect(await own.text()).toBe(`written for ${personNameOf(jan)}`)
  })

  it('leaves the citizen’s own session alone: no banner, and reading a letter marks it read', async () => {
    const page = await get('/mijn', cookies.jan)
    expect(page.res.status).toBe(200)
    expect(page.body).not.toContain('kijkt mee als')
    const letter = await db
      .selectFrom('letters')
      .select('id')
      .where('bsn', '=', jan.bsn)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect((await get(`/mijn/brieven/${letter.id}`, cookies.jan)).res.status).toBe(200)
    const after = await db.selectFrom('letters').select('read_at').where('id', '=', letter.id).executeTakeFirstOrThrow()
    expect(after.read_at).not.toBeNull()
  })

  it('"Stoppen" ends it, audited; the citizen’s pages are closed to the employee again', async () => {
    const { res } = await post('/medewerker/meekijken/stoppen', cookies.support, {})
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/medewerker/burgers?melding=gestopt')
    const row = await db
      .selectFrom('impersonations')
      .selectAll()
      .where('bsn', '=', jan.bsn)
      .orderBy('started_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(row.ended_by).toBe('employee')
    expect((await get('/mijn', cookies.support)).res.status).toBe(403)
    const ended = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'impersonation.ended')
      .executeTakeFirstOrThrow()
    expect(ended.details).toMatchObject({ impersonationId: row.id, endedBy: 'employee' })
    // The employee may write again (a search).
    expect(
      (await post('/medewerker/burgers', cookies.support, { intent: 'search', kind: 'bsn', bsn: jan.bsn })).res.status,
    ).toBe(200)
  })

  it('after 15 minutes the next request lands on the staff view with a message, and the end is recorded as a timeout', async () => {
    expect((await startViewing(cookies.support)).res.status).toBe(302)
    const row = (await activeImpersonation())!
    await sql`update impersonations set started_at = now() - interval '16 minutes', expires_at = now() - interval '1 minute' where id = ${row.id}`.execute(
      db,
    )
    const { res } = await get('/mijn/zaken', cookies.support)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/medewerker/burgers?melding=verlopen')
    const landing = await get('/medewerker/burgers?melding=verlopen', cookies.support)
    expect(landing.body).toContain('Meekijken is gestopt: de 15 minuten zijn voorbij.')
    expect(landing.body).not.toContain('kijkt mee als')
    const ended = await db
      .selectFrom('impersonations')
      .select(['ended_by', 'ended_at', 'expires_at'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(ended.ended_by).toBe('timeout')
    expect(new Date(ended.ended_at!).getTime()).toBe(new Date(ended.expires_at).getTime())
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'impersonation.ended')
      .where('resource', '=', `impersonation:${row.id}`)
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ endedBy: 'timeout' })
  })

  it('the database refuses an impersonation longer than 15 minutes', async () => {
    await expect(
      sql`insert into impersonations (employee_id, employee_name, bsn, reason_code, reference, expires_at)
          values ('E2001', 'x', ${jan.bsn}, 'phone', 'T', now() + interval '16 minutes')`.execute(db),
    ).rejects.toThrow(/impersonations_at_most_15_minutes/)
  })

  it('logging out ends it (recorded as "logout")', async () => {
    const cookie = await loginAsStaff(server.url, 'E2001')
    expect((await startViewing(cookie)).res.status).toBe(302)
    const row = (await activeImpersonation())!
    const out = await post('/uitloggen', cookie, {})
    expect(out.res.status).toBeGreaterThanOrEqual(300)
    const ended = await db
      .selectFrom('impersonations')
      .select('ended_by')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(ended.ended_by).toBe('logout')
  })

  it('never put a BSN in a URL: no Location header, link or form action of the whole flow', () => {
    expect(urls.length).toBeGreaterThan(20)
    // A BSN stands on its own (a path segment, a query value); digits inside a random hex id
    // (a UUID such as …-8f5389325452) are not one, even when they pass the eleven test.
    const withBsn = urls.filter((u) => (u.match(/(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g) ?? []).some(isValidBsn))
    expect(urls.filter((u) => u.includes(jan.bsn))).toEqual([])
    expect(withBsn).toEqual([])
    const logged = JSON.stringify(server.logs)
    expect(logged).not.toContain(jan.bsn)
  })
})
