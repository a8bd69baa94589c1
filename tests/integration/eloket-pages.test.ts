import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { multipart, portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The e-loket's pages over HTTP as a browser without JavaScript uses them: start, a page
 * refused (400, what was typed shown again), pages saved, the check page, sending, and the
 * acknowledgement page with the case reference; a foreign or malformed id is the same 404;
 * a page with a file question takes multipart; Mijn aanvragen lists and deletes drafts.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const { get, post } = portalClient(() => server.url)

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'midden')
})
afterAll(() => server?.close())

const location = (res: Response) => new URL(res.headers.get('location') ?? '', server.url).pathname

async function start(cookie: string, code: string): Promise<{ id: string; page: string }> {
  const res = await post(`/mijn/aanvragen/${code}`, cookie, {})
  expect(res.status).toBe(302)
  const [, , , , id, page] = location(res).split('/')
  return { id: id!, page: page! }
}

describe('applying for Wmo support without JavaScript', () => {
  it('starts, refuses an empty page with a message, saves each page, checks and sends to a case', async () => {
    const overview = await get('/mijn/aanvragen', cookies.fatima)
    expect(overview.status).toBe(200)
    const overviewHtml = await overview.text()
    expect(overviewHtml).toContain('Mijn aanvragen')
    expect(overviewHtml).toContain('href="/mijn/aanvragen/wmo"')

    const startPage = await get('/mijn/aanvragen/wmo', cookies.fatima)
    expect(startPage.status).toBe(200)
    const startHtml = await startPage.text()
    expect(startHtml).toContain('Aanvraag starten')
    // What we know: Fatima's name and address, with where to correct them.
    expect(startHtml).toContain('Helperzoom 8')

    const { id, page } = await start(cookies.fatima, 'wmo')
    expect(page).toBe('hulp')
    const base = `/mijn/aanvragen/wmo/${id}`
    expect((await get(`${base}/hulp`, cookies.fatima)).status).toBe(200)

    const refused = await post(`${base}/hulp`, cookies.fatima, {})
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Kies waarmee u hulp nodig heeft')

    const saved = await post(`${base}/hulp`, cookies.fatima, { helpWith: ['household', 'other'] })
    expect(location(saved)).toBe(`${base}/iets-anders`)
    // Too long: refused, and what was typed is on the page again.
    const typed = 'Boodschappen doen & koken'.padEnd(250, '.')
    const tooLong = await post(`${base}/iets-anders`, cookies.fatima, { otherHelp: typed })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toContain('Boodschappen doen &amp; koken')
    expect(location(await post(`${base}/iets-anders`, cookies.fatima, { otherHelp: 'Koken' }))).toBe(`${base}/situatie`)
    expect(
      location(await post(`${base}/situatie`, cookies.fatima, { description: 'Ik kan niet meer stofzuigen.' })),
    ).toBe(`${base}/mantelzorg`)
    // Her phone number is known (Voorkeuren): the contact page is not asked.
    expect(location(await post(`${base}/mantelzorg`, cookies.fatima, { informalCare: 'no' }))).toBe(
      `${base}/documenten`,
    )
    expect((await get(`${base}/contact`, cookies.fatima)).status).toBe(404)
    // The documents page has a file question: multipart, its own rule in server/limits.ts.
    const documents = await post(`${base}/documenten`, cookies.fatima, multipart({}))
    expect(location(documents)).toBe(`${base}/controleren`)

    const check = await get(`${base}/controleren`, cookies.fatima)
    expect(check.status).toBe(200)
    const checkHtml = await check.text()
    expect(checkHtml).toContain('Controleer uw gegevens')
    expect(checkHtml).toContain('Ik kan niet meer stofzuigen.')
    expect(checkHtml).toContain(`href="${base}/situatie?terug=controleren"`)
    expect(checkHtml).toContain('Verzenden')

    // A change from the check page comes back to it.
    const changed = await post(`${base}/situatie?terug=controleren`, cookies.fatima, {
      description: 'Ik kan niet meer stofzuigen en niet meer koken.',
    })
    expect(location(changed)).toBe(`${base}/controleren`)

    const sent = await post(`${base}/controleren`, cookies.fatima, {})
    expect(location(sent)).toBe(`${base}/verstuurd`)
    const done = await get(`${base}/verstuurd`, cookies.fatima)
    const doneHtml = await done.text()
    const row = await db
      .selectFrom('applications as a')
      .innerJoin('cases as c', 'c.id', 'a.case_id')
      .select(['c.id', 'c.reference', 'c.channel', 'c.case_type_code'])
      .where('a.id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ channel: 'internet', case_type_code: 'wmo' })
    expect(doneHtml).toContain(row.reference)
    expect(doneHtml).toContain(`href="/mijn/zaken/${row.id}"`)
    // Sent twice (back button, a second click): the same case, no second one.
    expect(location(await post(`${base}/controleren`, cookies.fatima, {}))).toBe(`${base}/verstuurd`)
    const cases = await db
      .selectFrom('cases')
      .select('id')
      .where('bsn', '=', fatima.bsn)
      .where('case_type_code', '=', 'wmo')
      .execute()
    expect(cases).toHaveLength(1)
    // After sending, its pages lead to the acknowledgement.
    expect(location(await get(`${base}/hulp`, cookies.fatima))).toBe(`${base}/verstuurd`)
    expect(await (await get('/mijn/aanvragen', cookies.fatima)).text()).toContain(row.reference)
  })
})

describe('only the citizen’s own application', () => {
  it('answers another citizen’s, an unknown and a malformed id the same: 404', async () => {
    const { id } = await start(cookies.fatima, 'afval')
    for (const path of [
      `/mijn/aanvragen/afval/${id}`,
      `/mijn/aanvragen/afval/${id}/controleren`,
      `/mijn/aanvragen/afval/00000000-0000-4000-8000-000000000000/controleren`,
      `/mijn/aanvragen/afval/not-a-uuid/controleren`,
      `/mijn/aanvragen/bestaat-niet`,
    ])
      expect((await get(path, cookies.jan)).status, path).toBe(404)
    expect((await post(`/mijn/aanvragen/afval/${id}/controleren`, cookies.jan, {})).status).toBe(404)
    expect((await post('/mijn/aanvragen', cookies.jan, { intent: 'delete', id })).status).toBe(404)
    // Its owner deletes it from Mijn aanvragen.
    const deleted = await post('/mijn/aanvragen', cookies.fatima, { intent: 'delete', id })
    expect(location(deleted)).toBe('/mijn/aanvragen')
    expect(await db.selectFrom('applications').select('id').where('id', '=', id).execute()).toEqual([])
  })
})
