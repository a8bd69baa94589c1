import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { seedDemoCases } from '../../server/seed/cases'
import { seedDemoMessages } from '../../server/seed/messages'
import { seedDemoQuestions } from '../../server/seed/questions'
import { readContactHistory, type ContactQuery } from '~/services/contacts/history.server'
import { exportPersonalData } from '~/services/requests/data-export.server'
import { createPerson } from '../support/factories'
import { portalClient } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The contact history on both sides: the citizen's "Mijn contact" (every kind of contact,
 * newest first, nothing internal, paged by keyset) and the staff's klantbeeld (internal entries
 * too; only for those with the right; every view audited and shown in "Wie heeft mijn gegevens
 * bekeken"; no BSN in an address or a log line).
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)
const get = async (path: string, cookie: string) => {
  const res = await portal.get(path, cookie)
  return { res, body: await res.text() }
}
const post = async (path: string, cookie: string, form: Record<string, string>) => {
  const res = await portal.post(path, cookie, form)
  return { res, body: await res.text() }
}
const ALL: ContactQuery = { filter: 'alles', period: 'alles', after: null }
const times = (body: string) => [...body.matchAll(/<time dateTime="([^"]+T[^"]+)"/g)].map((m) => m[1])

beforeAll(async () => {
  db = getDb()
  const now = new Date()
  await seedPersonas(db)
  await seedDemoCases(db, now)
  await seedDemoMessages(db, now)
  await seedDemoQuestions(db, now)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn)
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn)
  cookies.kcc = await loginAsStaff(server.url, 'E2002')
  cookies.permits = await loginAsStaff(server.url, 'E1001') // Vergunningen
  cookies.income = await loginAsStaff(server.url, 'E1002') // Werk en Inkomen
})
afterAll(() => server?.close())

const questionOf = (bsn: string, department: string | null = null) => {
  let q = db.selectFrom('questions').select(['id', 'reference']).where('bsn', '=', bsn)
  q = department ? q.where('department', '=', department) : q
  return q.orderBy('received_at').executeTakeFirstOrThrow()
}

describe('Mijn contact', () => {
  it('shows every kind of contact as one timeline, newest first, with links', async () => {
    const { res, body } = await get('/mijn/contact', cookies.jan)
    expect(res.status).toBe(200)
    for (const word of ['Vraag gesteld', 'Antwoord', 'Telefoongesprek', 'Bezoek aan de balie', 'Bericht verstuurd'])
      expect(body).toContain(word)
    expect(body).toContain('Brief')
    const shown = times(body)
    expect(shown.length).toBeGreaterThan(8)
    expect([...shown].sort().reverse()).toEqual(shown)
    const answered = await questionOf(jan.bsn)
    expect(body).toContain(`href="/mijn/vragen/${answered.id}"`)
    expect(body).toMatch(/href="\/mijn\/zaken\/[0-9a-f-]{36}\/berichten"/)
    expect(body).toMatch(/href="\/mijn\/brieven\/[0-9a-f-]{36}"/)
    // The employee is named as on the case pages, never by number.
    expect(body).toContain('Lotte de Vries, Klantcontactcentrum')
    // (a whole word: a build chunk's hashed name may hold "E" and four digits)
    expect(body).not.toMatch(/\bE\d{4}\b/)
  })

  it('never shows the citizen the internal hand-over or note', async () => {
    const { body } = await get('/mijn/contact', cookies.fatima)
    expect(body).toContain('Vraag gesteld')
    expect(body).not.toContain('Overgedragen')
    expect(body).not.toContain('Bestemmingsplan opgevraagd')
    expect(body).not.toContain('hangt af van het bestemmingsplan')
    const page = await readContactHistory(fatima.bsn, ALL, { viewer: 'citizen', db })
    expect(page.entries.some((e) => e.internal || e.kind === 'handover' || e.kind === 'note')).toBe(false)
    expect(page.entries.every((e) => e.employeeId === null)).toBe(true)
  })

  it('filters by kind and period with a GET form, and refuses nothing it does not know', async () => {
    const calls = await get('/mijn/contact?soort=telefoon&periode=jaar', cookies.jan)
    expect(calls.res.status).toBe(200)
    expect(calls.body).toContain('Telefoongesprek')
    expect(calls.body).not.toContain('Vraag gesteld')
    expect(calls.body).not.toContain('Bezoek aan de balie')
    // Unknown values fall back to everything, page one.
    for (const query of [
      '?soort=onbekend',
      '?periode=eeuw',
      '?na=bogus',
      `?na=${Buffer.from('x|y').toString('base64url')}`,
    ]) {
      const { res, body } = await get(`/mijn/contact${query}`, cookies.jan)
      expect(res.status).toBe(200)
      expect(body).toContain('Vraag gesteld')
    }
    // Hostile input is refused before it reaches the page, never a 500.
    for (const query of ['?soort=%00', `?na=${'x'.repeat(9000)}`]) {
      expect((await get(`/mijn/contact${query}`, cookies.jan)).res.status).toBeLessThan(500)
    }
  })

  it('pages a long history by keyset: every contact once, in order, also when times are equal', async () => {
    const person = await createPerson(db)
    const base = Date.UTC(2026, 5, 1, 10)
    await db
      .insertInto('contact_moments')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          bsn: person.bsn,
          channel: 'phone' as const,
          subject: `Gesprek ${i}`,
          summary: 'Samenvatting',
          // three contacts at each moment: the key decides their order
          occurred_at: new Date(base + Math.floor(i / 3) * 60_000) as never,
        })),
      )
      .execute()
    const seen: string[] = []
    let after: ContactQuery['after'] = null
    let pages = 0
    do {
      const page = await readContactHistory(person.bsn, { ...ALL, after }, { viewer: 'citizen', pageSize: 25, db })
      seen.push(...page.entries.map((e) => `${e.at}|${e.key}`))
      after = page.next
      pages++
    } while (after && pages < 10)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(60)
    expect([...seen].sort().reverse()).toEqual(seen)
  })

  it('pages through the link on the page, keeping the filter', async () => {
    // Enough calls for Jan to need a second page.
    await db
      .insertInto('contact_moments')
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          bsn: jan.bsn,
          channel: 'phone' as const,
          subject: `Terugbelverzoek ${i}`,
          summary: 'Teruggebeld.',
          occurred_at: new Date(Date.UTC(2025, 0, 1 + i, 9)) as never,
        })),
      )
      .execute()
    const first = await get('/mijn/contact?soort=telefoon', cookies.jan)
    expect(times(first.body)).toHaveLength(25)
    const next = /href="(\/mijn\/contact\?[^"]*na=[^"]+)"/.exec(first.body)![1].replace(/&amp;/g, '&')
    expect(next).toContain('soort=telefoon')
    const older = await get(next, cookies.jan)
    expect(older.res.status).toBe(200)
    expect(older.body).toContain('Terug naar het nieuwste')
    const second = times(older.body)
    expect(second.length).toBeGreaterThan(0)
    expect(second[0] <= times(first.body)[24]).toBe(true)
    expect(older.body).toContain('Terugbelverzoek 0')
    expect(first.body).not.toContain('Terugbelverzoek 0<')
  })
})

describe('the copy of all their data', () => {
  it('holds the questions with the thread the citizen sees, and the contact moments with what they were about', async () => {
    const data = await exportPersonalData({ bsn: fatima.bsn }, { format: 'json', language: 'nl', db })
    const handedOver = await questionOf(fatima.bsn, 'Vergunningen')
    const question = data.questions.find((q) => q.reference === handedOver.reference)!
    expect(question.entries.map((e) => e.kind)).toEqual(['question', 'acknowledgement'])
    expect(JSON.stringify(data.questions)).not.toContain('Bestemmingsplan opgevraagd')
    const janData = await exportPersonalData({ bsn: jan.bsn }, { format: 'json', language: 'nl', db })
    const call = janData.contactMoments.find((m) => m.subject === 'Verhuizing doorgeven')!
    expect(call).toMatchObject({ channel: 'phone', topic: 'moving' })
    expect(call.questionReference).toMatch(/^V-\d{4}-\d{6}$/)
  })
})

describe('the klantbeeld', () => {
  it('shows the contact centre the internal entries, by question, and audits the view', async () => {
    const q = await questionOf(fatima.bsn, 'Vergunningen')
    const before = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'contact_history.viewed')
      .where('subject_bsn', '=', fatima.bsn)
      .execute()
    const { res, body } = await get(`/medewerker/klantbeeld/vraag/${q.id}`, cookies.kcc)
    expect(res.status).toBe(200)
    expect(body).toContain('Klantbeeld van Fatima el Amrani')
    expect(body).toContain('Overgedragen (intern)')
    expect(body).toContain('Bestemmingsplan opgevraagd')
    expect(body).toContain('(E1001)')
    const after = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'contact_history.viewed')
      .where('subject_bsn', '=', fatima.bsn)
      .orderBy('id', 'desc')
      .execute()
    expect(after.length).toBe(before.length + 1)
    expect(after[0]).toMatchObject({ actor_kind: 'staff', actor_id: 'E2002', resource: `question:${q.reference}` })
    const inzage = await get('/mijn/inzage', cookies.fatima)
    expect(inzage.body).toContain('bekeek het overzicht van uw contacten met de gemeente')
  })

  it('lets a caseworker in only from a question handed to their department or a case they handle', async () => {
    const q = await questionOf(fatima.bsn, 'Vergunningen')
    expect((await get(`/medewerker/klantbeeld/vraag/${q.id}`, cookies.permits)).res.status).toBe(200)
    expect((await get(`/medewerker/klantbeeld/vraag/${q.id}`, cookies.income)).res.status).toBe(404)
    const janQuestion = await questionOf(jan.bsn)
    expect((await get(`/medewerker/klantbeeld/vraag/${janQuestion.id}`, cookies.permits)).res.status).toBe(404)
    const permit = await db
      .selectFrom('cases')
      .select('id')
      .where('external_id', '=', 'ZS-1001')
      .executeTakeFirstOrThrow()
    expect((await get(`/medewerker/klantbeeld/zaak/${permit.id}`, cookies.permits)).res.status).toBe(200)
    expect((await get(`/medewerker/klantbeeld/zaak/${permit.id}`, cookies.income)).res.status).toBe(404)
    expect((await get('/medewerker/klantbeeld/zaak/not-a-uuid', cookies.kcc)).res.status).toBe(404)
    expect(
      (await get('/medewerker/klantbeeld/vraag/00000000-0000-4000-8000-000000000000', cookies.kcc)).res.status,
    ).toBe(404)
    // A citizen is no employee.
    expect((await get(`/medewerker/klantbeeld/zaak/${permit.id}`, cookies.jan)).res.status).toBe(403)
    // Unseen is unaudited: no row for the refusals.
    const refused = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'contact_history.viewed')
      .where('actor_id', '=', 'E1002')
      .execute()
    expect(refused).toHaveLength(0)
  })

  it('opens from the citizen search for the contact centre, with no BSN in any address or log line', async () => {
    const search = await post('/medewerker/burgers', cookies.kcc, { intent: 'search', kind: 'bsn', bsn: jan.bsn })
    expect(search.res.status).toBe(200)
    expect(search.body).toContain('Klantbeeld bekijken')
    // The contact centre does not look along.
    expect(search.body).not.toContain('name="intent" value="choose"')
    const choice = /action="\/medewerker\/klantbeeld"[^>]*>\s*<input type="hidden" name="choice" value="([^"]+)"/.exec(
      search.body,
    )![1]
    const opened = await post('/medewerker/klantbeeld', cookies.kcc, { choice })
    expect(opened.res.status).toBe(302)
    const location = opened.res.headers.get('location')!
    expect(location).toMatch(/^\/medewerker\/klantbeeld\?burger=/)
    expect(location).not.toContain(jan.bsn)
    const page = await get(location, cookies.kcc)
    expect(page.res.status).toBe(200)
    expect(page.body).toContain('Klantbeeld van Jan Willem Jansen')
    const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
    expect(links.some((l) => l.includes(jan.bsn))).toBe(false)
    // Another session cannot use the address.
    expect((await get(location, await loginAsStaff(server.url, 'E2002'))).res.status).toBe(404)
    // A tampered choice goes back to the search.
    const tampered = await post('/medewerker/klantbeeld', cookies.kcc, { choice: `${choice}x` })
    expect(tampered.res.headers.get('location')).toBe('/medewerker/burgers?melding=verlopen')
    expect(JSON.stringify(server.logs)).not.toContain(jan.bsn)
    expect(JSON.stringify(server.logs)).not.toContain(fatima.bsn)
  })
})
