import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE, sha256 } from '../../db/seed'
import { createCase, createPerson } from '../support/factories'
import { cloudEvent, sendEvent } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

let server: TestServer
let db: DB
beforeAll(async () => {
  server = await startTestServer()
  db = getDb()
})
afterAll(() => server.close())

const today = () => new Date().toISOString().slice(0, 10)
const endpoint = () => `${server.url}/api/v1/notifications`

async function post(
  body: unknown,
  {
    token = DEMO_SOURCE.token,
    contentType = 'application/cloudevents+json',
  }: { token?: string | null; contentType?: string } = {},
) {
  const res = await sendEvent(server.url, body, { token, contentType })
  const json = (await res.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- problem+json of any shape
  return { status: res.status, contentType: res.headers.get('content-type'), headers: res.headers, body: json }
}

const counts = async () => {
  const n = async (table: 'cases' | 'case_events' | 'letters') =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n
  return { cases: await n('cases'), events: await n('case_events'), letters: await n('letters') }
}

async function receivedEvent(
  bsn: string,
  subject = `ZS-${randomUUID().slice(0, 8)}`,
  data: Record<string, unknown> = {},
) {
  return cloudEvent('ontvangen', subject, {
    caseType: 'omgevingsvergunning',
    bsn,
    description: 'Dakkapel',
    channel: 'email',
    receivedOn: today(),
    ...data,
  })
}

/** Expects an RFC 9457 problem with the status and the named field among its errors. */
function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number, field?: string, code?: string) {
  expect(res.status).toBe(status)
  expect(res.contentType).toMatch(/^application\/problem\+json/)
  expect(res.body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:/),
    title: expect.any(String),
    detail: expect.any(String),
  })
  expect(Array.isArray(res.body.errors)).toBe(true)
  if (field) expect(res.body.errors).toContainEqual(expect.objectContaining({ field, ...(code ? { code } : {}) }))
}

describe('POST /api/v1/notifications: authentication', () => {
  it('refuses a request without a token with 401, a problem and a WWW-Authenticate challenge', async () => {
    const res = await post(cloudEvent('gesloten', 'ZS-1', {}), { token: null })
    expectProblem(res, 401, 'Authorization', 'missing_token')
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /)
  })

  it('refuses a wrong token with 401 and writes nothing', async () => {
    const person = await createPerson(db)
    const before = await counts()
    const res = await post(await receivedEvent(person.bsn), { token: 'not-the-token' })
    expectProblem(res, 401, 'Authorization', 'invalid_token')
    expect(await counts()).toEqual(before)
  })

  it('refuses the token of a source system that was switched off', async () => {
    await db
      .insertInto('source_systems')
      .values({ id: 'oud', name: 'Oud systeem', token_hash: sha256('old-token'), active: false })
      .execute()
    expectProblem(await post(cloudEvent('gesloten', 'ZS-1', {}), { token: 'old-token' }), 401)
  })
})

describe('POST /api/v1/notifications: accepting events', () => {
  it('accepts a received event with 202, creates the case and tells its reference', async () => {
    const person = await createPerson(db)
    const event = await receivedEvent(person.bsn, 'ZS-API-1')
    const res = await post(event)
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ status: 'accepted', reference: expect.stringMatching(/^Z-\d{4}-\d{6}$/), sequence: 1 })
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', res.body.reference)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      bsn: person.bsn,
      source: DEMO_SOURCE.id,
      external_id: 'ZS-API-1',
      channel: 'email',
      status: 'open',
      subject: 'Dakkapel',
    })
    const ev = await db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).executeTakeFirstOrThrow()
    expect(ev).toMatchObject({
      source: DEMO_SOURCE.id,
      source_event_id: event.id,
      actor: `system:${DEMO_SOURCE.id}`,
      type: 'received',
    })
  })

  it('moves a case by its back-office id and by the portal reference', async () => {
    const person = await createPerson(db)
    const created = await post(await receivedEvent(person.bsn, 'ZS-API-2'))
    expect((await post(cloudEvent('stap-bereikt', 'ZS-API-2', { step: 'volledigheid' }))).body).toMatchObject({
      status: 'accepted',
      sequence: 2,
    })
    expect(
      (await post(cloudEvent('stap-bereikt', created.body.reference, { step: 'beoordeling' }))).body,
    ).toMatchObject({ status: 'accepted', sequence: 3 })
    const row = await db
      .selectFrom('cases')
      .select(['current_step'])
      .where('reference', '=', created.body.reference)
      .executeTakeFirstOrThrow()
    expect(row.current_step).toBe('beoordeling')
  })

  it('takes every event type through a case’s life: suspended, resumed, extended, decided, closed', async () => {
    const person = await createPerson(db)
    const { body } = await post(await receivedEvent(person.bsn, 'ZS-API-LIFE'))
    const respondBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
    for (const [type, data] of [
      ['opgeschort', { information: 'Bouwtekening', respondBy }],
      ['hervat', { note: 'Tekening ontvangen' }],
      ['verdaagd', { reason: 'Advies welstandscommissie' }],
      [
        'besloten',
        { outcome: 'granted', summary: 'Vergunning verleend', reasons: 'Het plan past in het omgevingsplan' },
      ],
      ['gesloten', {}],
    ] as const) {
      const res = await post(cloudEvent(type, 'ZS-API-LIFE', data))
      expect(res.status, type).toBe(202)
    }
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'closed',
      extended: true,
      outcome: 'granted',
      last_event_seq: 6,
      current_step: 'besluit',
    })
  })

  it('answers the same event again with 202 "duplicate" and changes nothing', async () => {
    const person = await createPerson(db)
    const event = await receivedEvent(person.bsn)
    const first = await post(event)
    const caseRow = await db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', first.body.reference)
      .executeTakeFirstOrThrow()
    const before = await counts()
    const again = await post(event)
    expect(again.status).toBe(202)
    expect(again.body).toEqual({ status: 'duplicate', reference: first.body.reference, sequence: 1 })
    expect(await counts()).toEqual(before)
    expect(await db.selectFrom('cases').selectAll().where('id', '=', caseRow.id).executeTakeFirstOrThrow()).toEqual(
      caseRow,
    )
    // The key is the event id: the same id with other content is still the same event.
    const step = cloudEvent('stap-bereikt', event.subject, { step: 'volledigheid' })
    await post(step)
    const afterStep = await counts()
    expect((await post({ ...step, data: { step: 'beoordeling' } })).body.status).toBe('duplicate')
    expect(await counts()).toEqual(afterStep)
  })

  it('records one event when eight copies arrive at the same moment', async () => {
    const person = await createPerson(db)
    const before = await counts()
    const event = await receivedEvent(person.bsn)
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(event)))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202))
    expect(answers.filter((a) => a.body.status === 'accepted')).toHaveLength(1)
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1)
    const after = await counts()
    expect([after.cases - before.cases, after.events - before.events]).toEqual([1, 1])
  })
})

describe('POST /api/v1/notifications: refusing events, writing nothing', () => {
  let person: { bsn: string }
  let permit: { reference: string }
  let closedCase: { reference: string }
  let move: { reference: string }
  beforeAll(async () => {
    person = await createPerson(db)
    permit = await createCase(db, { bsn: person.bsn, receivedDaysAgo: 3 })
    move = await createCase(db, { bsn: person.bsn, caseTypeCode: 'verhuizing', receivedDaysAgo: 3 })
    closedCase = await createCase(db, {
      bsn: person.bsn,
      receivedDaysAgo: 10,
      events: [
        { daysAgo: 5, type: 'decided', outcome: 'refused', reasons: 'Te hoog', citizenOptions: 'Opnieuw aanvragen' },
        { daysAgo: 4, type: 'closed' },
      ],
    })
  })

  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof post>>>, number, string, string?]> = [
    ['malformed JSON', () => post('{"specversion": "1.0", '), 400, '(body)', 'malformed_json'],
    ['a body that is not an object', () => post('[1, 2]'), 400, '(body)'],
    [
      'another media type',
      () => post(cloudEvent('gesloten', 'x', {}), { contentType: 'text/plain' }),
      415,
      'Content-Type',
    ],
    ['a missing id', () => post({ ...cloudEvent('gesloten', 'x', {}), id: undefined }), 400, 'id', 'required'],
    ['a missing time', () => post({ ...cloudEvent('gesloten', 'x', {}), time: undefined }), 400, 'time', 'required'],
    [
      'a time without a zone',
      () => post(cloudEvent('gesloten', 'x', {}, { time: '2026-01-01T10:00:00' })),
      400,
      'time',
    ],
    [
      'a missing subject',
      () => post({ ...cloudEvent('gesloten', 'x', {}), subject: undefined }),
      400,
      'subject',
      'required',
    ],
    ['another specversion', () => post(cloudEvent('gesloten', 'x', {}, { specversion: '0.3' })), 400, 'specversion'],
    ['an unknown event type', () => post(cloudEvent('verplaatst', 'x', {})), 400, 'type'],
    ['missing data', () => post({ ...cloudEvent('gesloten', 'x', {}), data: undefined }), 400, 'data', 'required'],
    [
      'a step event without a step',
      () => post(cloudEvent('stap-bereikt', permit.reference, {})),
      400,
      'data.step',
      'required',
    ],
    [
      'an impossible date',
      () => post(cloudEvent('opgeschort', permit.reference, { information: 'x', respondBy: '2026-02-30' })),
      400,
      'data.respondBy',
    ],
    [
      'an unknown channel',
      () => receivedEvent(person.bsn, undefined, { channel: 'fax' }).then(post),
      400,
      'data.channel',
    ],
    [
      'an event in the future',
      () =>
        post(cloudEvent('gesloten', permit.reference, {}, { time: new Date(Date.now() + 86_400_000).toISOString() })),
      422,
      'time',
      'time_in_future',
    ],
    [
      'an unknown case type',
      () => receivedEvent(person.bsn, undefined, { caseType: 'hondenbelasting' }).then(post),
      422,
      'data.caseType',
      'unknown_case_type',
    ],
    [
      'a BSN failing the eleven test',
      () => receivedEvent(person.bsn, undefined, { bsn: '123456789' }).then(post),
      422,
      'data.bsn',
      'invalid_bsn',
    ],
    [
      'a BSN of nobody in the register',
      () => receivedEvent(person.bsn, undefined, { bsn: '999990135' }).then(post),
      422,
      'data.bsn',
      'person_not_found',
    ],
    [
      'an unknown case',
      () => post(cloudEvent('stap-bereikt', 'ZS-NOBODY', { step: 'beoordeling' })),
      422,
      'subject',
      'case_not_found',
    ],
    [
      'a step not in the case type',
      () => post(cloudEvent('stap-bereikt', permit.reference, { step: 'keukentafelgesprek' })),
      422,
      'data.step',
      'unknown_step',
    ],
    [
      'an extension where the case type allows none',
      () => post(cloudEvent('verdaagd', move.reference, { reason: 'Drukte' })),
      422,
      'type',
      'extension_not_allowed',
    ],
    [
      'an event for a closed case',
      () => post(cloudEvent('stap-bereikt', closedCase.reference, { step: 'beoordeling' })),
      409,
      'type',
      'case_closed',
    ],
    [
      'resuming a case that waits for nothing',
      () => post(cloudEvent('hervat', permit.reference, {})),
      409,
      'type',
      'not_suspended',
    ],
    [
      'closing a case before its decision',
      () => post(cloudEvent('gesloten', permit.reference, {})),
      409,
      'type',
      'not_decided',
    ],
  ]

  for (const [what, send, status, field, code] of cases) {
    it(`answers ${status} for ${what}`, async () => {
      const before = await counts()
      expectProblem(await send(), status, field, code)
      expect(await counts()).toEqual(before)
    })
  }

  it('answers 409 for a second extension, after accepting the first', async () => {
    expect((await post(cloudEvent('verdaagd', permit.reference, { reason: 'Advies nodig' }))).status).toBe(202)
    const before = await counts()
    expectProblem(
      await post(cloudEvent('verdaagd', permit.reference, { reason: 'Nog meer advies' })),
      409,
      'type',
      'already_extended',
    )
    expect(await counts()).toEqual(before)
  })

  it('refuses a second case under a back-office id already used, as a conflict', async () => {
    await post(await receivedEvent(person.bsn, 'ZS-SAME'))
    expectProblem(await post(await receivedEvent(person.bsn, 'ZS-SAME')), 409, 'subject', 'external_id_taken')
  })

  it('refuses a body over 64 KB with 413', async () => {
    const res = await post(cloudEvent('hervat', permit.reference, { note: 'x'.repeat(70_000) }))
    expectProblem(res, 413)
  })

  it('answers GET with 405 and Allow: POST', async () => {
    const res = await fetch(endpoint())
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('never repeats a BSN in an answer or a log line', async () => {
    const res = await post(await receivedEvent(person.bsn, undefined, { bsn: '999990135' }))
    expect(JSON.stringify(res.body)).not.toContain('999990135')
    const bad = await post(await receivedEvent(person.bsn, undefined, { bsn: '12345678' }))
    expect(JSON.stringify(bad.body)).not.toContain('12345678')
    expect(JSON.stringify(server.logs)).not.toContain(person.bsn)
  })
})
