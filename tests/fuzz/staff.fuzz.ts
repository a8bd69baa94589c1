import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedDemoData } from '../../server/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'
import { formKey } from './crawl'
import { explore, fuzzForms } from './forms'
import { expectAuditChainIntact, inputsFor, report, SEED, tally } from './harness'

/**
 * Every form an employee can reach from their start page, for each kind of employee, found by
 * following the links and fuzzed. The citizens first use their own forms once (a move, a
 * correction), so the staff have requests to review.
 */
const EMPLOYEES = [
  ['caseworker (civil affairs)', 'E1003'],
  ['caseworker (permits)', 'E1001'],
  ['support', 'E2001'],
  ['manager', 'E3001'],
  ['editor', 'E4001'],
  ['kcc', 'E2002'],
] as const

/**
 * Where the crawl starts: the start page, and the areas of the staff side (README: pages), which
 * the start page does not all link to yet. A page an employee may not see answers 403 and is
 * left out; every form on a page that answers is found by the crawl itself.
 */
const STAFF_AREAS = [
  '/medewerker',
  '/medewerker/zaken',
  '/medewerker/verhuizingen',
  '/medewerker/correcties',
  '/medewerker/post',
  '/medewerker/burgers',
  '/medewerker/kwaliteit',
  '/medewerker/meekijken',
  '/medewerker/kennisbank',
  '/medewerker/vragen',
]

let server: TestServer
let db: DB
const stayLoggedIn = (url: URL) =>
  url.pathname === '/uitloggen' || url.pathname.startsWith('/inloggen') || url.pathname.startsWith('/mock-idp')

beforeAll(async () => {
  db = getDb()
  await seedDemoData(db)
  server = await startTestServer({ LOGIN_RATE_BURST: '100000' })
  for (const key of ['jan', 'pieter', 'kees'] as const) {
    const cookie = await loginAsCitizen(server.url, personaByKey(key).bsn, 'midden')
    await explore([`${server.url}/mijn`], { cookie, within: ['/mijn'], skip: stayLoggedIn })
  }
})
afterAll(() => server?.close())

describe('fuzzing the staff forms', () => {
  it.each(EMPLOYEES)(
    'as a %s: answers every input below 500 and writes nothing for a refused one',
    async (role, employee) => {
      const session = () => loginAsStaff(server.url, employee)
      const cookie = await session()
      const { pages, forms } = await explore(
        STAFF_AREAS.map((area) => `${server.url}${area}`),
        {
          cookie,
          within: ['/medewerker'],
          skip: stayLoggedIn,
        },
      )
      console.log(`${role}: ${pages.length} pages, ${forms.length} forms: ${forms.map(formKey).join(' | ')}`)
      expect(forms.length).toBeGreaterThanOrEqual(2)
      const t = tally(`staff: ${role}`)
      await fuzzForms(t, db, forms, { cookie, session, inputs: inputsFor(0.3 / EMPLOYEES.length), seed: SEED })
      report(t, server.logs)
      await expectAuditChainIntact(db)
      expect(t.serverErrors).toEqual([])
      expect(t.partialWrites).toEqual([])
    },
  )
})
