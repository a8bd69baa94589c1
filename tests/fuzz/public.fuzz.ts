import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedDemoData } from '../../server/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, openLoginPage } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'
import { crawl, distinctForms, formsOf, type FormSpec } from './crawl'
import { fuzzForms } from './forms'
import { brief, expectAuditChainIntact, inputsFor, judge, report, SEED, send, snapshot, tally } from './harness'

/**
 * What anyone can send without logging in: the public pages' forms (the language switch), the
 * session keep-alive and logout, the login pages of the mock DigiD and staff SSO, and any path.
 */
let server: TestServer
let db: DB

beforeAll(async () => {
  db = getDb()
  await seedDemoData(db)
  server = await startTestServer({ LOGIN_RATE_BURST: '100000' })
})
afterAll(() => server?.close())

const budget = inputsFor(0.2)

describe('fuzzing what needs no login', () => {
  it('answers the public forms, keep-alive and logout below 500, and writes nothing for a refused input', async () => {
    const t = tally('public forms')
    const { forms } = await crawl([`${server.url}/`, `${server.url}/uitgelogd`], {
      cookie: '',
      within: ['/', '/kwaliteitshandvest', '/uitgelogd'],
      skip: () => false,
    })
    // The forms a logged-in page adds (keep-alive, logout), sent by someone who is not, or no longer, logged in.
    const citizen = await loginAsCitizen(server.url, personaByKey('lisa').bsn)
    const mijn = await fetch(`${server.url}/mijn`, { headers: { cookie: citizen } })
    const loggedInForms = formsOf(await mijn.text(), `${server.url}/mijn`)
    const keepAlive: FormSpec = {
      page: `${server.url}/mijn`,
      action: `${server.url}/sessie`,
      method: 'post',
      enctype: 'application/x-www-form-urlencoded',
      fields: [
        { name: 'mode', kind: 'hidden', value: 'form', options: ['form', 'fetch'] },
        { name: 'returnTo', kind: 'hidden', value: '/mijn', options: [] },
      ],
      routeId: 'routes/sessie',
    }
    const all = distinctForms([...forms, ...loggedInForms, keepAlive], () => false)
    console.log(`public: ${all.map((f) => `${f.method.toUpperCase()} ${new URL(f.action).pathname}`).join(', ')}`)
    expect(all.some((f) => new URL(f.action).pathname === '/taal')).toBe(true)
    expect(all.some((f) => new URL(f.action).pathname === '/uitloggen')).toBe(true)
    await fuzzForms(t, db, all, { cookie: '', inputs: Math.round(budget * 0.35), seed: SEED })
    report(t, server.logs)
    expect(t.serverErrors).toEqual([])
    expect(t.partialWrites).toEqual([])
  })

  it('answers the login pages of the mock DigiD and staff SSO below 500', async () => {
    const t = tally('login pages')
    const batches = 8
    for (let i = 0; i < batches; i++) {
      // A fresh login each time: a valid input ends the one in progress.
      const kind = i % 2 === 0 ? 'citizen' : 'staff'
      const { jar, page } = await openLoginPage(server.url, kind)
      const [form] = formsOf(page.body, page.url.href)
      expect(form, `${kind} login page has a form`).toBeDefined()
      await fuzzForms(t, db, [form], {
        cookie: jar.header(new URL(form.action)),
        inputs: Math.round((budget * 0.3) / batches),
        seed: SEED + 1000 + i,
      })
    }
    report(t, server.logs)
    expect(t.serverErrors).toEqual([])
    expect(t.partialWrites).toEqual([])
  })

  it('answers any path, however encoded, below 500', async () => {
    const t = tally('paths')
    const segment = fc.oneof(
      fc.constantFrom(
        'mijn',
        'zaken',
        'brieven',
        'medewerker',
        'api',
        'v1',
        'kwaliteitshandvest',
        'build',
        'fonts',
        'mock-idp',
      ),
      fc.constantFrom(
        '%ff',
        '%00',
        '%E0%A4%A',
        '%ED%A0%80',
        '..',
        '%2e%2e',
        '%2f',
        '%5c',
        '%',
        '%%',
        '~',
        '.env',
        '__refusal',
      ),
      fc.uuid(),
      fc.string({ unit: 'binary-ascii', maxLength: 12 }).map(encodeURIComponent),
      fc.constantFrom(3000, 9000).map((n) => 'a'.repeat(n)),
    )
    const request = fc.record({
      segments: fc.array(segment, { minLength: 1, maxLength: 5 }),
      query: fc.option(
        fc.string({ maxLength: 20 }).map((q) => `?${q.replace(/#/g, '')}`),
        { freq: 3 },
      ),
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'DELETE', 'POST'),
    })
    let before = await snapshot(db)
    await fc.assert(
      fc.asyncProperty(request, async ({ segments, query, method }) => {
        const path = `/${segments.join('/')}${query ?? ''}`
        const outcome = await send(`${server.url}${path}`, { method, headers: { origin: server.url } })
        const judged = await judge(t, db, before, 'path', `${method} ${brief(path)}`, outcome)
        before = judged.after
        return true
      }),
      { seed: SEED + 2000, numRuns: Math.round(budget * 0.35) },
    )
    report(t, server.logs)
    await expectAuditChainIntact(db)
    expect(t.serverErrors).toEqual([])
    expect(t.partialWrites).toEqual([])
  })
})
