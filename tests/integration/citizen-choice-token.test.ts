import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { ensureAppSecret } from '../../server/app-secret'
import { loadConfig } from '../../server/config'
import { sealToken } from '~/services/auth/sealed-token.server'
import { hashToken } from '~/services/auth/session-store.server'
import { loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * A support employee's "choose this citizen" token (medewerker.burgers): sealed with the server
 * secret APP_SECRET, bound to the session, valid for ten minutes. A token the employee makes up —
 * with the key the portal once derived from the session itself, for another session, expired, or
 * altered — shows nobody's name, birth date or address and writes no audit row; a valid choice
 * is audited once, as a view of that person's data.
 */
const APP_SECRET = randomBytes(32).toString('base64url')
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
let support: string
let support2: string

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer({ APP_SECRET })
  support = await loginAsStaff(server.url, 'E2001')
  support2 = await loginAsStaff(server.url, 'E2001')
})
afterAll(() => server?.close())

/** The session's id as the server stores it: the SHA-256 of the cookie's random token. */
function sessionIdOf(cookie: string): string {
  const value = decodeURIComponent(/mijnstad_sessie=([^;]+)/.exec(cookie)![1])
  return hashToken(JSON.parse(Buffer.from(value, 'base64').toString()) as string)
}

async function post(cookie: string, form: Record<string, string>) {
  const res = await portalClient(() => server.url).post('/medewerker/burgers', cookie, form)
  return { status: res.status, body: await res.text() }
}

async function choiceFor(cookie: string, bsn: string): Promise<string> {
  const { status, body } = await post(cookie, { intent: 'search', kind: 'bsn', bsn })
  expect(status).toBe(200)
  return /name="choice" value="([^"]+)"/.exec(body)![1]
}

const viewsOf = async (bsn: string) =>
  (
    await db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_bsn'])
      .where('action', '=', 'staff.citizen_chosen')
      .where('subject_bsn', '=', bsn)
      .execute()
  ).length

/** How the portal sealed a choice before: AES-GCM under SHA-256 of the session id, which the employee can compute. */
function oldDerivation(sessionId: string, bsn: string): string {
  const key = createHash('sha256').update(`mijn-stad:citizen-choice:${sessionId}`).digest()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const sealed = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

async function expectRefused(token: string) {
  for (const intent of ['choose', 'start'] as const) {
    const { status, body } = await post(support, {
      intent,
      choice: token,
      reasonCode: 'phone',
      reference: 'T-2026-0001',
    })
    expect(status, intent).toBe(400)
    expect(body).toContain('Zoek de inwoner opnieuw')
    expect(body).not.toContain(fatima.surname)
    expect(body).not.toContain(fatima.birth_date)
  }
}

describe('choosing a citizen from the search results', () => {
  it('refuses a token forged with the old derivation from the session id', async () => {
    // With the old derivation an employee could name any BSN and skip the search (and its audit).
    await expectRefused(oldDerivation(sessionIdOf(support), fatima.bsn))
    expect(await viewsOf(fatima.bsn)).toBe(0)
    expect(await db.selectFrom('impersonations').selectAll().execute()).toEqual([])
  })

  it('refuses a token of another session of the same employee', async () => {
    const theirs = await choiceFor(support2, fatima.bsn)
    await expectRefused(theirs)
    expect(await viewsOf(fatima.bsn)).toBe(0)
  })

  it('refuses an expired token (older than ten minutes), even one sealed with the real secret', async () => {
    const holder = sessionIdOf(support)
    const sealed = sealToken(
      { secret: APP_SECRET, purpose: 'citizen-choice', holder },
      fatima.bsn,
      new Date(Date.now() - 1000),
    )
    await expectRefused(sealed)
    // The same, still valid, opens: the refusal above is the expiry, not the sealing.
    const fresh = sealToken(
      { secret: APP_SECRET, purpose: 'citizen-choice', holder },
      fatima.bsn,
      new Date(Date.now() + 60_000),
    )
    const { status, body } = await post(support, { intent: 'choose', choice: fresh })
    expect(status).toBe(200)
    expect(body).toContain('Fatima el Amrani')
    expect(await viewsOf(fatima.bsn)).toBe(1)
  })

  it('refuses a token sealed for another purpose, or with another secret', async () => {
    const holder = sessionIdOf(support)
    const later = new Date(Date.now() + 60_000)
    await expectRefused(sealToken({ secret: APP_SECRET, purpose: 'something-else', holder }, jan.bsn, later))
    await expectRefused(
      sealToken({ secret: randomBytes(32).toString('base64url'), purpose: 'citizen-choice', holder }, jan.bsn, later),
    )
    expect(await viewsOf(jan.bsn)).toBe(0)
  })

  it('refuses a token with any byte changed, and garbage', async () => {
    const valid = await choiceFor(support, jan.bsn)
    const raw = Buffer.from(valid, 'base64url')
    for (const at of [0, 5, 20, raw.length - 1]) {
      const tampered = Buffer.from(raw)
      tampered[at] ^= 0x01
      await expectRefused(tampered.toString('base64url'))
    }
    for (const junk of ['', 'x', '%%%', 'A'.repeat(600), jan.bsn]) await expectRefused(junk)
    expect(await viewsOf(jan.bsn)).toBe(0)
  })

  it('a valid choice shows the person and is audited once, as a view of their data; starting is not a second view', async () => {
    const choice = await choiceFor(support, jan.bsn)
    expect(choice).not.toContain(jan.bsn)
    const { status, body } = await post(support, { intent: 'choose', choice })
    expect(status).toBe(200)
    expect(body).toContain('Jan Willem Jansen')
    const rows = await db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'subject_bsn', 'details'])
      .where('action', '=', 'staff.citizen_chosen')
      .where('subject_bsn', '=', jan.bsn)
      .execute()
    expect(rows).toEqual([
      {
        actor_kind: 'staff',
        actor_id: 'E2001',
        subject_bsn: jan.bsn,
        details: { shown: ['name', 'birthDate', 'address'] },
      },
    ])
    // The start form posts the same token: the start is audited as such, not as another view.
    const started = await post(support, { intent: 'start', choice, reasonCode: 'phone', reference: 'T-2026-0002' })
    expect(started.status).toBe(302)
    expect(await viewsOf(jan.bsn)).toBe(1)
    await fetch(`${server.url}/medewerker/meekijken/stoppen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: support, origin: server.url },
    })
  })
})

describe('APP_SECRET', () => {
  const base = { PORT: '3000', DATA_DIR: '/tmp/x' }
  const realProviders = {
    NODE_ENV: 'production' as const,
    MOCK_IDP: 'false',
    PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM', // no mock payment provider either
    OIDC_ISSUER: 'https://broker.example/digid',
    STAFF_OIDC_ISSUER: 'https://sso.example',
  }
  it('is required in production with real identity providers, and must be long enough', () => {
    expect(() => loadConfig({ ...base, ...realProviders })).toThrow(/APP_SECRET must be set in production/)
    expect(() => loadConfig({ ...base, ...realProviders, APP_SECRET: 'short' })).toThrow(/APP_SECRET/)
    expect(loadConfig({ ...base, ...realProviders, APP_SECRET }).APP_SECRET).toBe(APP_SECRET)
    // The demo (mock providers) may leave it unset: a secret is generated into DATA_DIR.
    expect(loadConfig({ ...base, NODE_ENV: 'production', MOCK_IDP_ALLOW_IN_PRODUCTION: 'true' }).appSecretFile).toBe(
      path.join('/tmp/x', 'app-secret'),
    )
  })

  it('when unset is generated once into DATA_DIR, readable by the owner only, and kept across restarts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mijnstad-secret-'))
    try {
      const file = path.join(dir, 'app-secret')
      const first = ensureAppSecret(file)
      expect(first.length).toBeGreaterThanOrEqual(32)
      expect(ensureAppSecret(file)).toBe(first)
      expect(readFileSync(file, 'utf8').trim()).toBe(first)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
