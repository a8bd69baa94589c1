import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { personaByKey, personas } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import { answerInformationRequest } from '~/services/cases/information.server'
import { createCase } from '../support/factories'
import { loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The staff side over HTTP: every staff page shows the navigation of the roles the employee
 * holds, with the current area marked; the search on every page finds a case by number, name or
 * BSN (caseworkers, managers) or a citizen to look along with (support), by POST only, audited
 * and rate-limited; managers look at the caseworkers' areas without acting in them.
 */
let server: TestServer
let db: DB
const cookies: Record<string, string> = {}
const jan = personaByKey('jan')
let janCase: { id: string; reference: string }

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  await seedDemoCases(db, new Date())
  server = await startTestServer()
  for (const [who, id] of [
    ['caseworker', 'E1001'],
    ['caseworker2', 'E1002'],
    ['support', 'E2001'],
    ['manager', 'E3001'],
    ['managerCaseworker', 'E3002'],
    ['kcc', 'E2002'],
    ['editor', 'E4001'],
  ])
    cookies[who] = await loginAsStaff(server.url, id)
  janCase = await db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('bsn', '=', jan.bsn)
    .where('status', '!=', 'closed')
    .orderBy('reference')
    .executeTakeFirstOrThrow()
})
afterAll(() => server?.close())

const portal = portalClient(() => server.url)
const get = async (path: string, cookie: string) => {
  const res = await portal.get(path, cookie)
  return { status: res.status, body: await res.text() }
}
const post = async (path: string, cookie: string, form: Record<string, string>) => {
  const res = await portal.post(path, cookie, form)
  return { status: res.status, location: res.headers.get('location'), body: await res.text() }
}

/** The wide-screen navigation's links (the phone menu repeats them), with their aria-current. */
function navOf(html: string): Array<{ href: string; current: string | null }> {
  const nav = /<nav aria-label="Werkgebieden voor medewerkers"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1]
  if (!nav) return []
  return [...nav.matchAll(/<a([^>]*)>/g)].map((m) => ({
    href: /href="([^"]+)"/.exec(m[1])![1],
    current: /aria-current="([^"]+)"/.exec(m[1])?.[1] ?? null,
  }))
}

const AREAS = {
  caseworker: [
    '/medewerker',
    '/medewerker/vragen',
    '/medewerker/zaken',
    '/medewerker/berichten',
    '/medewerker/zaken/nieuw',
    '/medewerker/verhuizingen',
    '/medewerker/correcties',
    '/medewerker/post',
  ],
  support: ['/medewerker', '/medewerker/burgers'],
  kcc: ['/medewerker', '/medewerker/vragen', '/medewerker/burgers', '/medewerker/kennisbank'],
  editor: ['/medewerker', '/medewerker/kennisbank'],
  manager: [
    '/medewerker',
    '/medewerker/vragen',
    '/medewerker/zaken',
    '/medewerker/berichten',
    '/medewerker/verhuizingen',
    '/medewerker/correcties',
    '/medewerker/post',
    '/medewerker/kwaliteit',
    '/medewerker/meekijken',
  ],
}

describe('the staff navigation', () => {
  const cases: Array<[keyof typeof AREAS, string[], Record<string, string>]> = [
    [
      'caseworker',
      [
        '/medewerker',
        '/medewerker/vragen',
        '/medewerker/zaken',
        '/medewerker/berichten',
        '/medewerker/zaken/nieuw',
        '/medewerker/verhuizingen',
        '/medewerker/correcties',
        '/medewerker/post',
        '/medewerker/zoeken',
        'CASE',
      ],
      { CASE: '/medewerker/zaken', '/medewerker/zaken/nieuw': '/medewerker/zaken/nieuw' },
    ],
    ['support', ['/medewerker', '/medewerker/burgers', '/medewerker/zoeken'], {}],
    [
      'kcc',
      [
        '/medewerker',
        '/medewerker/vragen',
        '/medewerker/vragen/registreren',
        '/medewerker/burgers',
        '/medewerker/kennisbank',
      ],
      { '/medewerker/vragen/registreren': '/medewerker/vragen' },
    ],
    [
      'editor',
      ['/medewerker', '/medewerker/kennisbank', '/medewerker/kennisbank/nieuw'],
      {
        '/medewerker/kennisbank/nieuw': '/medewerker/kennisbank',
      },
    ],
    [
      'manager',
      [
        '/medewerker',
        '/medewerker/vragen',
        '/medewerker/zaken',
        '/medewerker/berichten',
        '/medewerker/verhuizingen',
        '/medewerker/correcties',
        '/medewerker/post',
        '/medewerker/kwaliteit',
        '/medewerker/meekijken',
        '/medewerker/zoeken',
        'CASE',
      ],
      { CASE: '/medewerker/zaken' },
    ],
  ]
  for (const [role, pages, currentOf] of cases) {
    it(`is on every page of a ${role}, with exactly the areas of that role and the current one marked`, async () => {
      for (const page of pages) {
        const path = page === 'CASE' ? `/medewerker/zaken/${janCase.id}` : page
        const { status, body } = await get(path, cookies[role])
        expect(status, path).toBe(200)
        const links = navOf(body)
        expect(
          links.map((l) => l.href),
          path,
        ).toEqual(AREAS[role])
        const marked = links.filter((l) => l.current)
        const expected = currentOf[page] ?? (path === '/medewerker/zoeken' ? null : path)
        expect(
          marked.map((l) => l.href),
          path,
        ).toEqual(expected ? [expected] : [])
        if (expected) expect(marked[0].current, path).toBe(expected === path ? 'page' : 'true')
        // The search on every page, a POST, except on the search page which has its own.
        expect(body, path).toContain('action="/medewerker/zoeken"')
        // Folding menu for phones, without JavaScript: a <details>.
        expect(body, path).toMatch(/<details[^>]*><summary[^>]*>Menu<\/summary>/)
      }
    })
  }

  it('stays when a page is refused (403) or missing (404), with a way back to the staff start page', async () => {
    for (const [path, status] of [
      ['/medewerker/kwaliteit', 403],
      ['/medewerker/burgers', 403],
      ['/medewerker/bestaat-niet', 404],
      [`/medewerker/zaken/${janCase.id}x`, 404],
    ] as const) {
      const { status: got, body } = await get(path, cookies.caseworker)
      expect(got, path).toBe(status)
      expect(navOf(body).map((l) => l.href)).toEqual(AREAS.caseworker)
      expect(body).toContain('href="/medewerker"')
    }
  })

  it('is not shown to a citizen, who gets 403', async () => {
    const { loginAsCitizen } = await import('../support/login')
    const citizen = await loginAsCitizen(server.url, jan.bsn)
    const { status, body } = await get('/medewerker/zaken', citizen)
    expect(status).toBe(403)
    expect(navOf(body)).toEqual([])
  })
})

describe('a manager in the caseworkers’ areas', () => {
  it('looks at the cases, all of them, and the case itself — without the actions', async () => {
    const list = await get('/medewerker/zaken', cookies.manager)
    expect(list.status).toBe(200)
    expect(list.body).toContain(janCase.reference)
    expect(list.body).not.toContain('href="/medewerker/zaken/nieuw"')
    expect(list.body).toContain('U bekijkt dit als manager.')
    const detail = await get(`/medewerker/zaken/${janCase.id}`, cookies.manager)
    expect(detail.status).toBe(200)
    expect(detail.body).toContain('U bekijkt dit als manager.')
    // No action; reading the conversation with the citizen is not one (its page has no answer form for a manager).
    expect(detail.body).not.toMatch(new RegExp(`href="/medewerker/zaken/${janCase.id}/(?!berichten")`))
    // Viewing a case is audited for the citizen, as for a caseworker.
    const audit = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'case.viewed')
      .where('actor_id', '=', 'E3001')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })

  it('cannot act: registering and recording are refused (403), and nothing is written', async () => {
    const before = await db.selectFrom('case_events').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect((await get('/medewerker/zaken/nieuw', cookies.manager)).status).toBe(403)
    expect((await get(`/medewerker/zaken/${janCase.id}/volgende-stap`, cookies.manager)).status).toBe(403)
    expect((await post(`/medewerker/zaken/${janCase.id}/sluiten`, cookies.manager, {})).status).toBe(403)
    expect((await post('/medewerker/post', cookies.manager, { letterId: crypto.randomUUID() })).status).toBe(403)
    const after = await db.selectFrom('case_events').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('with the caseworker role too, acts as a caseworker', async () => {
    const list = await get('/medewerker/zaken', cookies.managerCaseworker)
    expect(list.body).toContain('href="/medewerker/zaken/nieuw"')
    expect(list.body).not.toContain('U bekijkt dit als manager.')
  })
})

describe('search from every staff page', () => {
  const search = (cookie: string, q: string) => post('/medewerker/zoeken', cookie, { q })
  const searchAudits = () =>
    db
      .selectFrom('audit_log')
      .select(['actor_id', 'details', 'subject_bsn', 'resource'])
      .where('action', '=', 'staff.search')
      .execute()

  it('finds a case by its number, however typed, and links to it', async () => {
    const [, year, n] = /^Z-(\d{4})-(\d{6})$/.exec(janCase.reference)!
    for (const q of [janCase.reference, `z${year}${Number(n)}`]) {
      const { status, body } = await search(cookies.caseworker, q)
      expect(status, q).toBe(200)
      expect(body).toContain(`href="/medewerker/zaken/${janCase.id}"`)
      expect(body).toContain('1 zaak gevonden.')
    }
  })

  it('finds the cases of a citizen by name and by BSN, and never shows the BSN again', async () => {
    const byName = await search(cookies.caseworker, 'jan jansen')
    expect(byName.body).toContain(`href="/medewerker/zaken/${janCase.id}"`)
    expect(byName.body).toContain('value="jan jansen"') // a name comes back in the field
    const byBsn = await search(cookies.caseworker, jan.bsn.replace(/(\d{4})(\d{2})(\d{3})/, '$1 $2 $3'))
    expect(byBsn.body).toContain(`href="/medewerker/zaken/${janCase.id}"`)
    for (const p of personas) expect(byBsn.body).not.toContain(p.bsn)
    expect(byBsn.body).not.toMatch(/value="[\d ]+"/)
  })

  it('gives support staff the citizen, to start looking along — a choice that is audited once chosen', async () => {
    const { body } = await search(cookies.support, 'Jansen')
    expect(body).toContain('1 inwoner gevonden.')
    expect(body).toContain('Jan Willem Jansen')
    expect(body).not.toContain(`href="/medewerker/zaken/`) // no case pages for support
    const choice = /name="choice" value="([^"]+)"/.exec(body)![1]
    expect(body).toContain('action="/medewerker/burgers"')
    const chosen = await post('/medewerker/burgers', cookies.support, { intent: 'choose', choice })
    expect(chosen.status).toBe(200)
    expect(chosen.body).toContain('Meekijken starten')
    expect(chosen.body).toContain('Jan Willem Jansen')
    const views = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'staff.citizen_chosen')
      .where('subject_bsn', '=', jan.bsn)
      .execute()
    expect(views.map((v) => v.actor_id)).toEqual(['E2001'])
    // By case number, support finds the person the case is about.
    const byCase = await search(cookies.support, janCase.reference)
    expect(byCase.body).toContain('Jan Willem Jansen')
  })

  it('audits every search by kind and number of results, never the words or the BSN typed', async () => {
    const audits = await searchAudits()
    expect(audits.length).toBeGreaterThanOrEqual(5)
    const text = JSON.stringify(audits)
    expect(text).not.toContain(jan.bsn)
    expect(text).not.toMatch(/jansen/i)
    expect(audits.every((a) => a.subject_bsn === null)).toBe(true)
    expect(new Set(audits.map((a) => (a.details as { criteria: string }).criteria))).toEqual(
      new Set(['caseReference', 'name', 'bsn']),
    )
    // Nor any log line: the request log has the path only, the query was in the body.
    const lines = JSON.stringify(server.logs)
    expect(lines).not.toContain(jan.bsn)
    expect(lines).not.toMatch(/jansen/i)
  })

  it('says what to fix for a query it cannot read, without showing digits again', async () => {
    const cases: Array<[string, string]> = [
      ['', 'Vul een zaaknummer, naam of BSN in'],
      ['123456789', 'Vul een geldig BSN in van 9 cijfers'],
      ['Z-2026', 'Vul het zaaknummer helemaal in'],
      ['J', 'Vul ten minste 2 letters van de naam in'],
      ['Jansen 999993653', 'Zoek op een zaaknummer, een naam (alleen letters) of een BSN'],
    ]
    for (const [q, message] of cases) {
      const { status, body } = await search(cookies.caseworker, q)
      expect(status, q).toBe(400)
      expect(body, q).toContain(message)
      expect(body, q).toContain('href="#q"')
      if (/\d/.test(q) && !q.startsWith('Z')) expect(body, q).not.toContain(q)
    }
  })

  it('never searches from a URL: a GET with a query string shows the empty form', async () => {
    const { status, body } = await get(`/medewerker/zoeken?q=${janCase.reference}`, cookies.caseworker)
    expect(status).toBe(200)
    expect(body).not.toContain(`href="/medewerker/zaken/${janCase.id}"`)
  })

  it('is refused to a citizen, and limited per employee (one budget with "Burger zoeken")', async () => {
    const { loginAsCitizen } = await import('../support/login')
    const citizen = await loginAsCitizen(server.url, jan.bsn)
    expect((await search(citizen, 'Jansen')).status).toBe(403)
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await search(cookies.caseworker2, 'Jansen')).status)
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    const limited = await search(cookies.caseworker2, 'Jansen')
    expect(limited.body).toContain('U heeft veel gezocht in korte tijd')
    // Another employee is not held up by it.
    expect((await search(cookies.caseworker, 'Jansen')).status).toBe(200)
  })
})

describe('the start page: what is mine today', () => {
  it('shows a caseworker their cases at risk and what waits in the shared lists', async () => {
    const { body } = await get('/medewerker', cookies.caseworker)
    expect(body).toContain('Mijn zaken die bijna te laat zijn')
    expect(body).toMatch(/\d+ (brief|brieven) om te printen/)
    expect(body).toMatch(/\d+ verhuizing(en)? om te controleren|verhuizing om te controleren/)
  })

  /** The two counts of "Reacties van inwoners" on the start page, with their links. */
  const citizensReplies = (html: string) => {
    const number = (n: string) => (n === 'Geen' ? 0 : Number(n))
    const received =
      /href="\/medewerker\/zaken\?ontvangen=1"[^>]*>(Geen|\d+) (?:zaak|zaken) met Informatie ontvangen</.exec(html)
    const messages =
      /href="\/medewerker\/berichten"[^>]*>(Geen|\d+) bericht(?:en)? (?:wacht|wachten|die wachten) op antwoord(?:, daarvan (?:is|zijn) (\d+) te laat)?</.exec(
        html,
      )
    expect(received, 'the link to the cases with Informatie ontvangen').not.toBeNull()
    expect(messages, 'the link to the messages waiting for an answer').not.toBeNull()
    return { received: number(received![1]), waiting: number(messages![1]), late: Number(messages![2] ?? 0) }
  }

  it('counts a caseworker’s cases with Informatie ontvangen and the citizens’ messages waiting, and how many are late', async () => {
    const before = citizensReplies((await get('/medewerker', cookies.caseworker)).body)
    const otherBefore = citizensReplies((await get('/medewerker', cookies.caseworker2)).body)
    // Jan answers a request for information on a permit of Mirjam's (E1001).
    const today = todayIn(new Date())
    const asked = await createCase(db, {
      bsn: jan.bsn,
      subject: 'Schuur in de tuin',
      receivedDaysAgo: 10,
      externalId: `ZS-TODAY-${randomUUID().slice(0, 8)}`,
      events: [
        { daysAgo: 3, type: 'suspended', information: 'Een tekening van de schuur.', respondBy: addDays(today, 11) },
      ],
    })
    const answered = await answerInformationRequest(
      { bsn: jan.bsn },
      asked.caseId,
      { answer: 'De tekening zit erbij.', files: [] },
      { formId: randomUUID() },
    )
    expect(answered).toMatchObject({ ok: true })
    // Two questions of Jan on that case: one 30 days old (its acknowledgement is late), one of today.
    await db
      .insertInto('case_messages')
      .values([
        {
          case_id: asked.caseId,
          author_kind: 'citizen',
          body: 'Oude vraag',
          sent_at: new Date(Date.now() - 30 * 86_400_000),
          form_id: randomUUID(),
        },
        {
          case_id: asked.caseId,
          author_kind: 'citizen',
          body: 'Nieuwe vraag',
          sent_at: new Date(),
          form_id: randomUUID(),
        },
      ])
      .execute()

    const { body } = await get('/medewerker', cookies.caseworker)
    expect(body).toContain('Reacties van inwoners')
    expect(citizensReplies(body)).toEqual({
      received: before.received + 1,
      waiting: before.waiting + 2,
      late: before.late + 1,
    })
    // A caseworker of another department does not handle the permit: nothing changes for them.
    expect(citizensReplies((await get('/medewerker', cookies.caseworker2)).body)).toEqual(otherBefore)
    // The link leads to that very case on the work list's filter.
    const filtered = await get('/medewerker/zaken?ontvangen=1', cookies.caseworker)
    expect(filtered.body).toContain(asked.reference)
  })

  it('shows support staff how to find a citizen and how often they looked along today', async () => {
    const { body } = await get('/medewerker', cookies.support)
    expect(body).toContain('Burger zoeken en meekijken')
    expect(body).toMatch(/U heeft vandaag (nog niet|\d+ keer) meegekeken/)
    expect(body).not.toContain('Mijn zaken die bijna te laat zijn')
  })

  it('shows a manager the municipality’s overdue cases and the looking-along to review', async () => {
    const { body } = await get('/medewerker', cookies.manager)
    expect(body).toMatch(/\d+ zaak is over de beslistermijn|\d+ zaken zijn over de beslistermijn/)
    expect(body).toContain('href="/medewerker/meekijken"')
    expect(body).toContain('href="/medewerker/kwaliteit"')
  })
})
