import { spawn } from 'node:child_process'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Looking along, for the citizen and the manager: "Wie heeft mijn gegevens bekeken" shows a citizen
 * their own log only, "Dit herken ik niet" records one contact moment; the manager's review
 * lists every viewing with its reason and the audit chain's state; `npm run audit:verify`
 * fails on a row altered in the database.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}

const portal = portalClient(() => server.url)
const get = async (path: string, cookie: string, base = server.url) => {
  const res = await portal.get(path, cookie, { base })
  return { res, body: await res.text() }
}
const post = async (path: string, cookie: string, form: Record<string, string>) => {
  const res = await portal.post(path, cookie, form)
  return { res, body: await res.text() }
}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  await seedDemoCases(db, new Date())
  server = await startTestServer()
  cookies.support = await loginAsStaff(server.url, 'E2001')
  cookies.caseworker = await loginAsStaff(server.url, 'E1001')
  cookies.manager = await loginAsStaff(server.url, 'E3001')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn)
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn)
  // Sanne Visser views as Jan (two pages), then stops; a caseworker opens one of Jan's cases.
  const search = await post('/medewerker/burgers', cookies.support, { intent: 'search', kind: 'bsn', bsn: jan.bsn })
  const choice = /name="choice" value="([^"]+)"/.exec(search.body)![1]
  expect(
    (
      await post('/medewerker/burgers', cookies.support, {
        intent: 'start',
        choice,
        reasonCode: 'phone',
        reasonText: 'kan brief niet vinden',
        reference: 'T-77',
      })
    ).res.status,
  ).toBe(302)
  await get('/mijn', cookies.support)
  await get('/mijn/brieven', cookies.support)
  expect((await post('/medewerker/meekijken/stoppen', cookies.support, {})).res.status).toBe(302)
  const janCase = await db.selectFrom('cases').select('id').where('bsn', '=', jan.bsn).executeTakeFirstOrThrow()
  expect((await get(`/medewerker/zaken/${janCase.id}`, cookies.caseworker)).res.status).toBe(200)
})
afterAll(() => server?.close())

const contactMoments = async (bsn: string) =>
  (
    await db
      .selectFrom('contact_moments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('bsn', '=', bsn)
      .executeTakeFirstOrThrow()
  ).n

describe('Wie heeft mijn gegevens bekeken', () => {
  it('shows the citizen the viewing and the staff view of their data, newest first: when, who, why, what was seen', async () => {
    const { res, body } = await get('/mijn/inzage', cookies.jan)
    expect(res.status).toBe(200)
    expect(body).toContain('Wie heeft mijn gegevens bekeken')
    expect(body).toContain('Sanne Visser keek met u mee')
    expect(body).toContain('Telefonische vraag: kan brief niet vinden')
    expect(body).toContain('T-77')
    expect(body).toContain('Mijn overzicht, Mijn brieven')
    expect(body).toContain('Mirjam Kuipers: bekeek uw zaak')
    // Newest first: the caseworker's view came after the viewing.
    expect(body.indexOf('Mirjam Kuipers')).toBeLessThan(body.indexOf('Sanne Visser keek met u mee'))
    expect(body).toContain('Dit herken ik niet')
  })

  it('never shows a citizen another citizen’s log', async () => {
    const { res, body } = await get('/mijn/inzage', cookies.fatima)
    expect(res.status).toBe(200)
    expect(body).not.toContain('Sanne Visser')
    expect(body).not.toContain('Mirjam Kuipers')
    expect(body).toContain('Geen enkele medewerker heeft uw gegevens bekeken.')
  })

  it('refuses to report an entry of someone else’s log (404, nothing recorded)', async () => {
    const janEntry = await db
      .selectFrom('audit_log')
      .select('id')
      .where('subject_bsn', '=', jan.bsn)
      .where('action', '=', 'impersonation.started')
      .executeTakeFirstOrThrow()
    const { res } = await post('/mijn/inzage', cookies.fatima, { entry: janEntry.id })
    expect(res.status).toBe(404)
    expect(await contactMoments(fatima.bsn)).toBe(0)
    expect(await contactMoments(jan.bsn)).toBe(0)
  })

  it('"Dit herken ik niet" records one contact moment for follow-up, audited, and confirms', async () => {
    const janEntry = await db
      .selectFrom('audit_log')
      .select('id')
      .where('subject_bsn', '=', jan.bsn)
      .where('action', '=', 'impersonation.started')
      .executeTakeFirstOrThrow()
    const first = await post('/mijn/inzage', cookies.jan, { entry: janEntry.id })
    expect(first.res.status).toBe(302)
    expect(first.res.headers.get('location')).toBe('/mijn/inzage?melding=ontvangen')
    const page = await get('/mijn/inzage?melding=ontvangen', cookies.jan)
    expect(page.body).toContain('Bedankt voor uw melding.')
    expect(page.body).toContain('U heeft gemeld dat u dit niet herkent.')
    const again = await post('/mijn/inzage', cookies.jan, { entry: janEntry.id })
    expect(again.res.headers.get('location')).toBe('/mijn/inzage?melding=al-gemeld')
    expect(await contactMoments(jan.bsn)).toBe(1)
    const moment = await db
      .selectFrom('contact_moments')
      .selectAll()
      .where('bsn', '=', jan.bsn)
      .executeTakeFirstOrThrow()
    expect(moment.subject).toBe('Inzage: niet herkend')
    expect(moment.summary).toContain('E2001')
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'inzage.not_recognised').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_kind: 'citizen', subject_bsn: jan.bsn, resource: `audit:${janEntry.id}` })
  })

  it('shows employee numbers instead of names with AUDIT_SHOW_STAFF_NAMES=false', async () => {
    const numbers = await startTestServer({ AUDIT_SHOW_STAFF_NAMES: 'false' })
    try {
      const { body } = await get('/mijn/inzage', cookies.jan, numbers.url)
      expect(body).toContain('E2001 keek met u mee')
      expect(body).not.toContain('Sanne Visser')
    } finally {
      await numbers.close()
    }
  })
})

describe('the manager’s review of viewings', () => {
  it('is for managers only', async () => {
    expect((await get('/medewerker/meekijken', cookies.support)).res.status).toBe(403)
    expect((await get('/medewerker/meekijken', cookies.jan)).res.status).toBe(403)
  })

  it('lists every viewing in the period with employee, reason and reference, filters by employee, and shows the chain intact', async () => {
    const { res, body } = await get('/medewerker/meekijken', cookies.manager)
    expect(res.status).toBe(200)
    expect(body).toContain('Sanne Visser')
    expect(body).toContain('Telefonische vraag: kan brief niet vinden')
    expect(body).toContain('T-77')
    expect(body).toContain('door de medewerker')
    expect(body).toMatch(/In orde: alle \d+ regels/)
    const other = await get('/medewerker/meekijken?medewerker=E9999', cookies.manager)
    expect(other.body).toContain('In deze periode heeft niemand meegekeken.')
    const past = await get('/medewerker/meekijken?van=2020-01-01&tot=2020-01-31', cookies.manager)
    expect(past.body).toContain('In deze periode heeft niemand meegekeken.')
  })
})

function auditVerify(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 1 naming the first row altered directly in the database; the manager sees it too', async () => {
    const ok = await auditVerify()
    expect(ok.out).toContain('audit log intact')
    expect(ok.code).toBe(0)
    const target = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'impersonation.started')
      .executeTakeFirstOrThrow()
    // Only someone who can switch the guard off can change a row; the chain still shows it.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db)
    await sql`update audit_log set reason = 'counter' where id = ${target.id}`.execute(db)
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db)
    const broken = await auditVerify()
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`BROKEN at entry ${target.id}`)
    const review = await get('/medewerker/meekijken', cookies.manager)
    expect(review.body).toContain(`Niet in orde: regel ${target.id} is gewijzigd`)
  }, 60_000)

  it('refuses TRUNCATE of the audit log', async () => {
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/)
  })
})
