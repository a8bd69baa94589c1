import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE, seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { personaByKey } from '../../db/seed/personas'
import { chunkedBody } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'
import { brief, expectAuditChainIntact, inputsFor, judge, report, SEED, send, snapshot, tally } from './harness'

/**
 * The back-office API (`POST /api/v1/notifications`) with and without a valid token: CloudEvents
 * of every type built from a valid one and then bent — attributes missing, of another type, any
 * JSON; texts with NUL and lone surrogates; malformed JSON, other media types, oversized and
 * chunked bodies, other methods. Never 500; a refused event writes nothing.
 */
let server: TestServer
let db: DB
let references: string[]

beforeAll(async () => {
  // So many events from one token would otherwise mostly meet the rate limit.
  process.env.API_RATE_LIMIT_BURST = '1000000'
  db = getDb()
  await seedPersonas(db)
  references = (await seedDemoCases(db, new Date())).map((c) => c.reference)
  // Wrong tokens are fuzzed by the thousand from one address: without a high limit the address
  // would be blocked after 20 and the valid token's inputs never reach the route (the limit
  // itself is tested in tests/integration/api-bad-tokens.test.ts).
  server = await startTestServer({ API_BAD_TOKEN_LIMIT: '1000000' })
})
afterAll(() => server?.close())

const TYPES = ['ontvangen', 'stap-bereikt', 'opgeschort', 'hervat', 'verdaagd', 'besloten', 'gesloten']
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
const today = new Date().toISOString().slice(0, 10)

/** Valid data for each type, as a back office would send it. */
function validData(type: string): Record<string, unknown> {
  switch (type) {
    case 'ontvangen':
      return {
        caseType: 'parkeervergunning',
        bsn: personaByKey('jan').bsn,
        description: 'Parkeervergunning',
        channel: 'internet',
        receivedOn: today,
      }
    case 'stap-bereikt':
      return { step: 'controle' }
    case 'opgeschort':
      return { information: 'Een kopie van uw kentekenbewijs', respondBy: inAWeek }
    case 'verdaagd':
      return { reason: 'Wij wachten op advies.' }
    case 'besloten':
      return { outcome: 'granted', summary: 'Toegekend' }
    default:
      return {}
  }
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '', ' ', "' or 1=1 --", '<script>', 'a'.repeat(3000)),
)
const anyValue = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) })

const event = fc
  .record({
    type: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...TYPES) }, { weight: 1, arbitrary: text }),
    subject: fc.oneof(fc.constantFrom(...['ZS-NIEUW']), text, fc.constant('')),
    subjectKind: fc.nat(3),
    // A third of the events as sent, the rest bent in one to three places.
    bend: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.record({
          path: fc.constantFrom(
            'specversion',
            'id',
            'source',
            'type',
            'subject',
            'time',
            'data',
            'datacontenttype',
            'data.*',
            'extra',
          ),
          how: fc.constantFrom('drop', 'replace'),
          value: anyValue,
        }),
        { minLength: 1, maxLength: 3 },
      ),
      fc.array(fc.record({ path: fc.constant('data.*'), how: fc.constant('replace'), value: text }), {
        minLength: 1,
        maxLength: 1,
      }),
    ),
    time: fc.oneof(
      { weight: 6, arbitrary: fc.constant('now') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '2026-02-30T10:00:00+01:00',
          '3000-01-01T00:00:00Z',
          'gisteren',
          '2024-01-01T00:00:00',
        ),
      },
    ),
  })
  .map(({ type, subject, subjectKind, bend, time }) => {
    const fullType = TYPES.includes(type) ? `nl.groningen.zaak.${type}` : type
    const ce: Record<string, unknown> = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:fuzz',
      type: fullType,
      // Known cases mostly, so events get as far as the service.
      subject:
        type === 'ontvangen' || subjectKind === 0
          ? `ZS-${randomUUID()}`
          : subjectKind === 1
            ? subject
            : references[subjectKind % references.length],
      time: time === 'now' ? new Date().toISOString() : time,
      data: validData(type),
    }
    for (const { path, how, value } of bend) {
      if (path === 'data.*') {
        const data = (typeof ce.data === 'object' && ce.data !== null ? ce.data : {}) as Record<string, unknown>
        const key = Object.keys(data)[0] ?? 'note'
        if (how === 'drop') delete data[key]
        else data[key] = value
      } else if (how === 'drop') delete ce[path]
      else ce[path] = value
    }
    return ce
  })

const request = fc.record({
  event,
  token: fc.oneof(
    { weight: 8, arbitrary: fc.constant('valid') },
    { weight: 1, arbitrary: fc.constantFrom('none', 'wrong', 'malformed') },
  ),
  encoding: fc.oneof(
    { weight: 10, arbitrary: fc.constant('json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('truncated', 'empty', 'oversize', 'chunked-oversize', 'form', 'xml', 'no-type', 'bom'),
    },
  ),
  mediaType: fc.constantFrom(
    'application/cloudevents+json',
    'application/json',
    'application/cloudevents+json; charset=utf-8',
  ),
  method: fc.oneof(
    { weight: 20, arbitrary: fc.constant('POST') },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
  ),
})

const chunked = (bytes: number) => chunkedBody(bytes, 0x20)

describe('fuzzing the back-office API', () => {
  it('answers every event below 500, and a refused one writes nothing', async () => {
    const t = tally('api')
    let before = await snapshot(db)
    await fc.assert(
      fc.asyncProperty(request, async ({ event: ce, token, encoding, mediaType, method }) => {
        const headers: Record<string, string> = { 'content-type': mediaType }
        if (token === 'valid') headers.authorization = `Bearer ${DEMO_SOURCE.token}`
        if (token === 'wrong') headers.authorization = 'Bearer not-a-token'
        if (token === 'malformed') headers.authorization = 'Bearer \u00e9\u00e9n twee'
        const json = JSON.stringify(ce)
        let body: BodyInit | undefined = json
        const init: RequestInit & { duplex?: 'half' } = { method, headers }
        switch (encoding) {
          case 'truncated':
            body = json.slice(0, Math.max(1, json.length - 7))
            break
          case 'empty':
            body = ''
            break
          case 'oversize':
            body = JSON.stringify({ ...ce, padding: 'x'.repeat(70_000) })
            break
          case 'chunked-oversize':
            body = chunked(100_000)
            init.duplex = 'half'
            break
          case 'form':
            headers['content-type'] = 'application/x-www-form-urlencoded'
            body = new URLSearchParams({ event: json }).toString()
            break
          case 'xml':
            headers['content-type'] = 'application/xml'
            body = `<event>${json}</event>`
            break
          case 'no-type':
            delete headers['content-type']
            break
          case 'bom':
            body = `\ufeff${json}`
            break
        }
        if (method === 'GET') body = undefined
        const outcome = await send(`${server.url}/api/v1/notifications`, { ...init, body })
        const judged = await judge(t, db, before, 'api', `${method} ${encoding} ${token}: ${brief(ce)}`, outcome)
        before = judged.after
        return true
      }),
      { seed: SEED + 3000, numRuns: inputsFor(0.2) },
    )
    report(t, server.logs)
    await expectAuditChainIntact(db)
    expect(t.serverErrors).toEqual([])
    expect(t.partialWrites).toEqual([])
    // Valid events were among them, and were taken: the fuzz reached the service, not only the edge.
    expect(t.statuses['202'] ?? 0).toBeGreaterThan(0)
  })
})
