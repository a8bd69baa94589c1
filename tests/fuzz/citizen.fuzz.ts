import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedDemoData } from '../../server/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'
import { explore, fuzzForms } from './forms'
import { expectAuditChainIntact, inputsFor, report, SEED, tally } from './harness'

/**
 * Every form a citizen can reach from Mijn overzicht, found by following the links (and each
 * flow's next step), fuzzed: no answer of 500 or above, nothing written by a refused input.
 */
let server: TestServer
let db: DB
let cookie: string
const stayLoggedIn = (url: URL) =>
  url.pathname === '/uitloggen' || url.pathname.startsWith('/inloggen') || url.pathname.startsWith('/mock-idp')

beforeAll(async () => {
  db = getDb()
  await seedDemoData(db)
  server = await startTestServer()
  // DigiD level Midden: the personal data pages and their forms too.
  cookie = await loginAsCitizen(server.url, personaByKey('jan').bsn, 'midden')
})
afterAll(() => server?.close())

describe('fuzzing the citizen forms', () => {
  it('answers every input below 500 and writes nothing for a refused one', async () => {
    const { pages, forms } = await explore([`${server.url}/mijn`], { cookie, within: ['/mijn'], skip: stayLoggedIn })
    console.log(
      `citizen: ${pages.length} pages, ${forms.length} forms: ${forms.map((f) => `${f.method.toUpperCase()} ${new URL(f.action).pathname}`).join(', ')}`,
    )
    expect(forms.length).toBeGreaterThanOrEqual(5)
    const t = tally('citizen')
    await fuzzForms(t, db, forms, { cookie, inputs: inputsFor(0.3), seed: SEED })
    report(t, server.logs)
    await expectAuditChainIntact(db)
    expect(t.serverErrors).toEqual([])
    expect(t.partialWrites).toEqual([])
  })
})
