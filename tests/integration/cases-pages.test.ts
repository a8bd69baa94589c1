import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases, type PlayedCase } from '../../server/seed/cases'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The case pages over HTTP, logged in through the mock DigiD and the mock staff SSO, on the
 * demo cases (server/seed/cases.ts). The browser suite (tests/e2e/cases.e2e.ts) covers the rest.
 */
let server: TestServer
let db: DB
let demo: Map<string, PlayedCase>
const cookies: Record<string, string> = {}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  const played = await seedDemoCases(db, new Date())
  demo = new Map(
    played.map((p, i) => [
      [
        'jan-permit',
        'jan-parking',
        'jan-old',
        'fatima',
        'anneke',
        'truus',
        'pieter',
        'liam-parking',
        'liam-grant',
        'kees',
        'mehmet',
      ][i],
      p,
    ]),
  )
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, personaByKey('jan').bsn)
  cookies.fatima = await loginAsCitizen(server.url, personaByKey('fatima').bsn)
  cookies.mirjam = await loginAsStaff(server.url, 'E1001') // caseworker (permits)
  cookies.henk = await loginAsStaff(server.url, 'E1002') // caseworker (work and income)
  cookies.sanne = await loginAsStaff(server.url, 'E2001') // support, not a caseworker
})
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)
const formIdOf = (html: string) => /name="formId" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? ''
const eventCount = async (caseId: string) =>
  (
    await db
      .selectFrom('case_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).n

describe('the citizen’s case pages', () => {
  it('send someone who is not logged in to DigiD', async () => {
    const res = await get('/mijn/zaken')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/inloggen/)
  })

  it('list the citizen’s own cases, open first, with step and latest decision date', async () => {
    const html = await (await get('/mijn/zaken', cookies.jan)).text()
    expect(html).toContain('<h1')
    expect(html).toContain('Lopende zaken')
    expect(html).toContain(demo.get('jan-permit')!.reference)
    expect(html).toContain(demo.get('jan-old')!.reference)
    expect(html).toContain('Uiterlijke beslisdatum')
    expect(html.indexOf(demo.get('jan-permit')!.reference)).toBeLessThan(html.indexOf('Afgeronde zaken'))
    expect(html.indexOf(demo.get('jan-old')!.reference)).toBeGreaterThan(html.indexOf('Afgeronde zaken'))
    expect(html).not.toContain(demo.get('fatima')!.reference)
  })

  it('show a case with its steps, contact person and what to do; information asked comes first', async () => {
    const html = await (await get(`/mijn/zaken/${demo.get('fatima')!.caseId}`, cookies.fatima)).text()
    expect(html).toContain('Wat wij nog van u nodig hebben')
    expect(html).toContain('Een verklaring van uw huisarts')
    expect(html).toContain('aria-current="step"')
    expect(html).toContain('Youssef Amrani')
    expect(html).toContain('tel:0503671004')
    expect(html).toContain('Waarom is de beslisdatum veranderd?')
    expect(html).toContain('Wat kunt u nu doen?')
  })

  it('answer another citizen’s case, an unknown id and a malformed id with the same 404', async () => {
    const foreign = await get(`/mijn/zaken/${demo.get('fatima')!.caseId}`, cookies.jan)
    const unknown = await get('/mijn/zaken/00000000-0000-4000-8000-000000000000', cookies.jan)
    const malformed = await get('/mijn/zaken/Z-2026-000001', cookies.jan)
    expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404])
    // The page itself, without the header's return path and the session's clock.
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0]
    const [a, b] = [main(await foreign.text()), main(await unknown.text())]
    expect(a).toBeTruthy()
    expect(a).toBe(b)
    expect(a).not.toContain('Huishoudelijke hulp')
  })

  it('fill Mijn overzicht with what needs action, unread letters and the next date', async () => {
    const html = await (await get('/mijn', cookies.fatima)).text()
    expect(html).toContain('Actie nodig')
    expect(html).toContain(demo.get('fatima')!.reference)
    expect(html).toMatch(/U heeft (\d+ nieuwe brie(f|ven)|geen nieuwe brieven)/)
    expect(html).toContain('Eerstvolgende datum')
  })
})

describe('the caseworker screens', () => {
  it('refuse citizens and staff without the caseworker role', async () => {
    expect((await get('/medewerker/zaken', cookies.jan)).status).toBe(403)
    expect((await get('/medewerker/zaken', cookies.sanne)).status).toBe(403)
    expect((await get('/medewerker/zaken', cookies.mirjam)).status).toBe(200)
  })

  it('list the work with late cases first', async () => {
    const html = await (await get('/medewerker/zaken?alle=1', cookies.mirjam)).text()
    const mehmet = html.indexOf(demo.get('mehmet')!.reference)
    const jan = html.indexOf(demo.get('jan-parking')!.reference)
    expect(mehmet).toBeGreaterThan(0)
    expect(mehmet).toBeLessThan(jan)
    expect(html).not.toContain(personaByKey('jan').bsn)
  })

  it('move a case to its next step once, however often the form is sent', async () => {
    const { caseId } = demo.get('jan-parking')!
    const form = await (await get(`/medewerker/zaken/${caseId}/volgende-stap`, cookies.mirjam)).text()
    const formId = formIdOf(form)
    expect(formId).not.toBe('')
    const before = await eventCount(caseId)
    const first = await post(`/medewerker/zaken/${caseId}/volgende-stap`, cookies.mirjam, { formId, step: 'controle' })
    expect(first.status).toBe(302)
    expect(first.headers.get('location')).toBe(`/medewerker/zaken/${caseId}?vastgelegd=volgende-stap`)
    const again = await post(`/medewerker/zaken/${caseId}/volgende-stap`, cookies.mirjam, { formId, step: 'controle' })
    expect(again.status).toBe(302)
    expect(await eventCount(caseId)).toBe(before + 1)
    const citizen = await (await get(`/mijn/zaken/${caseId}`, cookies.jan)).text()
    expect(citizen).toMatch(/aria-current="step"[^>]*>.*?Controle/s)
  })

  it('keep what was typed and name the problem when the rules refuse', async () => {
    const { caseId } = demo.get('anneke')! // social assistance, already extended once
    const form = await (await get(`/medewerker/zaken/${caseId}/verdagen`, cookies.henk)).text()
    const res = await post(`/medewerker/zaken/${caseId}/verdagen`, cookies.henk, {
      formId: formIdOf(form),
      reason: 'Nog meer tijd nodig',
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('Er is een probleem')
    expect(html).toContain('al een keer verdaagd')
    expect(html).toContain('Nog meer tijd nodig')
    expect(html).toContain('href="#reason"')
  })

  it('register a case received by post, with the BSN in the body only', async () => {
    const form = await (await get('/medewerker/zaken/nieuw', cookies.mirjam)).text()
    const bad = await post('/medewerker/zaken/nieuw', cookies.mirjam, {
      formId: formIdOf(form),
      bsn: '123456789',
      caseType: 'subsidie',
      subject: 'Subsidie buurtfeest',
      channel: 'post',
      receivedOn: '2026-01-05',
    })
    expect(bad.status).toBe(400)
    const badHtml = await bad.text()
    expect(badHtml).toContain('Dit is geen geldig BSN')
    expect(badHtml).toContain('Subsidie buurtfeest')
    const ok = await post('/medewerker/zaken/nieuw', cookies.mirjam, {
      formId: formIdOf(form),
      bsn: personaByKey('lisa').bsn,
      caseType: 'subsidie',
      subject: 'Subsidie buurtfeest',
      channel: 'post',
      receivedOn: '2026-01-05',
    })
    expect(ok.status).toBe(302)
    const location = ok.headers.get('location') ?? ''
    expect(location).toMatch(/^\/medewerker\/zaken\/[0-9a-f-]{36}\?vastgelegd=registreren$/)
    expect(location).not.toContain(personaByKey('lisa').bsn)
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', location.split('/')[3].split('?')[0])
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      bsn: personaByKey('lisa').bsn,
      channel: 'post',
      received_on: '2026-01-05',
      contact_employee_id: 'E1001',
      source: 'portal',
    })
    expect(JSON.stringify(server.logs)).not.toContain(personaByKey('lisa').bsn)
  })
})
