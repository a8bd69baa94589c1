import { randomBytes } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE } from '../../db/seed'
import { purgeExpiredRateLimits } from '~/services/auth/bad-tokens.server'
import { cloudEvent } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const LIMIT = 5

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ API_BAD_TOKEN_LIMIT: String(LIMIT), API_BAD_TOKEN_WINDOW_SECONDS: '600' })
})
afterAll(async () => {
  for (const agent of agents.values()) agent.destroy()
  await server?.close()
})

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * One event, sent from a loopback address of our choosing (127.0.0.x all reach this machine),
 * so that different clients can be told apart without trusting X-Forwarded-For.
 */
const agents = new Map<string, http.Agent>()
const agentFor = (from: string) => {
  let agent = agents.get(from)
  if (!agent) agents.set(from, (agent = new http.Agent({ keepAlive: true, localAddress: from })))
  return agent
}

function send(from: string, token: string): Promise<Answer> {
  const url = new URL('/api/v1/notifications', server.url)
  const body = JSON.stringify(cloudEvent('gesloten', 'ZS-NONE', {}, { source: 'urn:test', datacontenttype: undefined }))
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: agentFor(from),
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/cloudevents+json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += String(c)))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const guess = () => randomBytes(24).toString('base64url')

/** The token lookups (source_systems) the server makes while `fn` runs. */
async function tokenLookups(fn: () => Promise<unknown>): Promise<number> {
  let seen = 0
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text
    if (text?.includes('"source_systems"')) seen++
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof original
  try {
    await fn()
  } finally {
    pg.Client.prototype.query = original
  }
  return seen
}

describe('invalid API tokens are limited per client address', () => {
  it(`answers 401 to the first ${LIMIT} bad tokens of an address, then 429 with Retry-After, without looking tokens up`, async () => {
    const from = '127.0.0.2'
    for (let i = 0; i < LIMIT; i++) {
      const res = await send(from, guess())
      expect(res.status).toBe(401)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    const lookups = await tokenLookups(async () => {
      for (let i = 0; i < 20; i++) {
        const res = await send(from, guess())
        expect(res.status).toBe(429)
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(600)
        expect(JSON.parse(res.body)).toMatchObject({ status: 429, title: 'Too many requests' })
      }
    })
    expect(lookups).toBe(0)
    // The address is refused whatever it sends next, the valid token included.
    expect((await send(from, DEMO_SOURCE.token)).status).toBe(429)
  })

  it('leaves a valid token from another address alone, however many bad guesses someone else made', async () => {
    const res = await send('127.0.0.1', DEMO_SOURCE.token)
    expect(res.status).toBe(422) // authenticated; the case in the event is unknown
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ field: 'subject', code: 'case_not_found' })
  })

  it('keeps the count in PostgreSQL, so every app instance sees it, under a hash of the address', async () => {
    const rows = await getDb().selectFrom('rate_limits').select(['key', 'points', 'expire']).execute()
    const row = rows.find((r) => r.points >= LIMIT)
    expect(row?.key).toMatch(/^api-bad-token:[0-9a-f]{64}$/)
    expect(JSON.stringify(rows)).not.toContain('127.0.0.2')
    // An hour after they expire, the maintenance job removes the counters.
    const expire = Number(row!.expire)
    expect(await purgeExpiredRateLimits(new Date(expire + 30 * 60_000))).toBe(0)
    expect(await purgeExpiredRateLimits(new Date(expire + 61 * 60_000))).toBeGreaterThanOrEqual(1)
  })

  it('1,000 random tokens from one address: each refused, and only the first few looked up', async () => {
    const statuses = new Map<number, number>()
    const lookups = await tokenLookups(async () => {
      for (let i = 0; i < 1000; i++) {
        const { status } = await send('127.0.0.3', guess())
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    })
    expect(Object.fromEntries(statuses)).toEqual({ 401: LIMIT, 429: 1000 - LIMIT })
    expect(lookups).toBe(LIMIT)
    console.info(`1000 random tokens: ${LIMIT} × 401, ${1000 - LIMIT} × 429, ${lookups} token lookups`)
  }, 180_000)
})
