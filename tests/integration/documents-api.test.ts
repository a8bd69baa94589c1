import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE, seedPersonas, sha256 } from '../../db/seed'
import { createCase, createPerson } from '../support/factories'
import { cloudEvent, sendEvent } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * POST /api/v1/cases/{reference}/documents: a back office adds a document to a case, with its
 * bearer token, idempotent on its own document id, and every refusal as problem+json; and a
 * `besloten` event that names such a document.
 */
let server: TestServer
let db: DB
const OTHER_SOURCE = { id: `andersysteem-${randomUUID().slice(0, 8)}`, token: `token-${randomUUID()}` }

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  await db
    .insertInto('source_systems')
    .values({ id: OTHER_SOURCE.id, name: 'Ander systeem', token_hash: sha256(OTHER_SOURCE.token) })
    .execute()
  server = await startTestServer()
})
afterAll(() => server?.close())

const pdf = (text = 'besluit') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)])
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

interface Part {
  title?: string
  kind?: string
  documentId?: string
  files?: Array<{ name: string; bytes: Buffer }>
}

async function postDocument(
  reference: string,
  { title = 'Advies welstand', kind = 'attachment', documentId = randomUUID(), files }: Part = {},
  { token = DEMO_SOURCE.token as string | null, body }: { token?: string | null; body?: BodyInit } = {},
) {
  const form = new FormData()
  if (title !== undefined) form.append('title', title)
  if (kind !== undefined) form.append('kind', kind)
  if (documentId !== undefined) form.append('documentId', documentId)
  for (const f of files ?? [{ name: 'advies.pdf', bytes: pdf() }])
    form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name)
  const res = await fetch(`${server.url}/api/v1/cases/${encodeURIComponent(reference)}/documents`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: body ?? form,
  })
  const text = await res.text()
  let json: Record<string, any> = {} // eslint-disable-line @typescript-eslint/no-explicit-any -- problem+json of any shape
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: the test says so below
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: json, documentId }
}

function expectProblem(res: Awaited<ReturnType<typeof postDocument>>, status: number, field?: string, code?: string) {
  expect(res.status).toBe(status)
  expect(res.contentType).toMatch(/^application\/problem\+json/)
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^urn:/), title: expect.any(String) })
  if (field) expect(res.body.errors).toContainEqual(expect.objectContaining({ field, ...(code ? { code } : {}) }))
}

const documentsOf = (caseId: string) =>
  db.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()

async function aCase() {
  const person = await createPerson(db)
  return { ...(await createCase(db, { bsn: person.bsn })), bsn: person.bsn }
}

describe('POST /api/v1/cases/{reference}/documents: authentication', () => {
  it('refuses no token and a wrong token with 401 problems, and stores nothing', async () => {
    const c = await aCase()
    expectProblem(await postDocument(c.reference, {}, { token: null }), 401, 'Authorization', 'missing_token')
    expectProblem(await postDocument(c.reference, {}, { token: 'not-a-token' }), 401, 'Authorization', 'invalid_token')
    expect(await documentsOf(c.caseId)).toHaveLength(0)
  })
})

describe('POST /api/v1/cases/{reference}/documents: adding', () => {
  it('adds the document by the portal reference: 201, its hash, the sender, and an audit entry', async () => {
    const c = await aCase()
    const bytes = pdf('welstand')
    const res = await postDocument(c.reference, { title: 'Advies welstand', files: [{ name: 'a.pdf', bytes }] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      status: 'created',
      reference: c.reference,
      documentId: res.documentId,
      kind: 'attachment',
      title: 'Advies welstand',
      mediaType: 'application/pdf',
      size: bytes.byteLength,
      sha256: hash(bytes),
    })
    const [row] = await documentsOf(c.caseId)
    expect(row).toMatchObject({
      id: res.body.id,
      added_by: `system:${DEMO_SOURCE.id}`,
      source_document_id: res.documentId,
      sha256: hash(bytes),
    })
    expect(Buffer.compare(row.bytes, bytes)).toBe(0)
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'document.added')
      .where('subject_bsn', '=', c.bsn)
      .execute()
    expect(audit).toMatchObject([{ actor_kind: 'system', actor_id: DEMO_SOURCE.id, resource: `case:${c.reference}` }])
  })

  it('is idempotent on the document id: the same again is 200 with the same document, nothing stored twice', async () => {
    const c = await aCase()
    const documentId = `DOC-${randomUUID()}`
    const first = await postDocument(c.reference, { documentId })
    const again = await postDocument(c.reference, { documentId })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ status: 'duplicate', id: first.body.id, sha256: first.body.sha256 })
    expect(await documentsOf(c.caseId)).toHaveLength(1)
  })

  it('stores one document when two copies of the same request race each other', async () => {
    const c = await aCase()
    const documentId = `DOC-${randomUUID()}`
    const results = await Promise.all([1, 2, 3].map(() => postDocument(c.reference, { documentId })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    expect(await documentsOf(c.caseId)).toHaveLength(1)
  })

  it('answers 409 for the same document id with other bytes, or for another case, and changes nothing', async () => {
    const c = await aCase()
    const other = await aCase()
    const documentId = `DOC-${randomUUID()}`
    expect((await postDocument(c.reference, { documentId })).status).toBe(201)
    const changed = await postDocument(c.reference, {
      documentId,
      files: [{ name: 'a.pdf', bytes: pdf('een andere versie') }],
    })
    expectProblem(changed, 409, 'documentId', 'document_conflict')
    expectProblem(await postDocument(other.reference, { documentId }), 409, 'documentId', 'document_conflict')
    expect(await documentsOf(c.caseId)).toHaveLength(1)
    expect(await documentsOf(other.caseId)).toHaveLength(0)
  })

  it("reaches a case by the system's own case id, and only that system's: another system gets 404", async () => {
    const person = await createPerson(db)
    const subject = `ZS-${randomUUID().slice(0, 8)}`
    const received = await sendEvent(
      server.url,
      cloudEvent('ontvangen', subject, {
        caseType: 'omgevingsvergunning',
        bsn: person.bsn,
        description: 'Dakkapel',
        channel: 'email',
        receivedOn: new Date().toISOString().slice(0, 10),
      }),
      { token: DEMO_SOURCE.token },
    )
    expect(received.status).toBe(202)
    expectProblem(await postDocument(subject, {}, { token: OTHER_SOURCE.token }), 404)
    const own = await postDocument(subject)
    expect(own.status).toBe(201)
    expect(own.body.reference).toMatch(/^Z-\d{4}-\d{6}$/)
  })

  it('answers an unknown case with 404, by reference and by own id', async () => {
    expectProblem(await postDocument('Z-1999-999999'), 404)
    expectProblem(await postDocument('ZS-bestaat-niet'), 404)
  })
})

describe('POST /api/v1/cases/{reference}/documents: bad input', () => {
  it('refuses missing and invalid fields with 400, naming each field', async () => {
    const c = await aCase()
    const form = new FormData()
    form.append('kind', 'brochure')
    form.append('documentId', 'met spatie')
    form.append('file', new Blob([new Uint8Array(pdf())]), 'a.pdf')
    const res = await postDocument(c.reference, {}, { body: form })
    expectProblem(res, 400, 'title', 'required')
    expectProblem(res, 400, 'kind')
    expectProblem(res, 400, 'documentId')
    expectProblem(await postDocument(c.reference, { files: [] }), 400, 'file', 'required')
    expect(await documentsOf(c.caseId)).toHaveLength(0)
  })

  it('refuses a file by its content (422), past 10 MB (413), and more than one file (422), with the upload codes', async () => {
    const c = await aCase()
    expectProblem(
      await postDocument(c.reference, { files: [{ name: 'advies.pdf', bytes: exe() }] }),
      422,
      'file',
      'file_wrong_type',
    )
    expectProblem(
      await postDocument(c.reference, { files: [{ name: 'leeg.pdf', bytes: Buffer.alloc(0) }] }),
      422,
      'file',
      'file_empty',
    )
    const large = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)])
    expectProblem(
      await postDocument(c.reference, { files: [{ name: 'groot.pdf', bytes: large }] }),
      413,
      'file',
      'file_too_large',
    )
    expectProblem(
      await postDocument(c.reference, {
        files: [
          { name: 'a.pdf', bytes: pdf('a') },
          { name: 'b.pdf', bytes: pdf('b') },
        ],
      }),
      422,
      'file',
      'too_many_files',
    )
    expect(await documentsOf(c.caseId)).toHaveLength(0)
  })

  it('refuses a body that is not multipart (415), one over 11 MB (413), and a NUL in a field (400)', async () => {
    const c = await aCase()
    const json = await postDocument(c.reference, {}, { body: JSON.stringify({ title: 'x' }) })
    expectProblem(json, 415)
    const huge = new FormData()
    huge.append('file', new Blob([new Uint8Array(12 * 1024 * 1024)]), 'huge.pdf')
    expectProblem(await postDocument(c.reference, {}, { body: huge }), 413)
    expectProblem(await postDocument(c.reference, { title: 'a\u0000b' }), 400, 'title', 'invalid_characters')
    expect(await documentsOf(c.caseId)).toHaveLength(0)
  })

  it('answers GET with 405 as a problem', async () => {
    const res = await fetch(`${server.url}/api/v1/cases/Z-2026-000001/documents`, {
      headers: { authorization: `Bearer ${DEMO_SOURCE.token}` },
    })
    expect(res.status).toBe(405)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})

describe('a besloten event naming a document added through the API', () => {
  async function decisionEvent(reference: string, data: Record<string, unknown>) {
    const res = await sendEvent(
      server.url,
      cloudEvent('besloten', reference, {
        outcome: 'granted',
        reasons: 'Het plan past in het bestemmingsplan',
        ...data,
      }),
      { token: DEMO_SOURCE.token },
    )
    return { status: res.status, body: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('stores the decision with our id of that document, and the decision letter points to the case', async () => {
    const c = await aCase()
    const added = await postDocument(c.reference, { kind: 'decision', title: 'Besluit omgevingsvergunning' })
    expect(added.status).toBe(201)
    const res = await decisionEvent(c.reference, { documentId: added.documentId })
    expect(res.status).toBe(202)
    const event = await db
      .selectFrom('case_events')
      .select(['payload', 'id'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'decided')
      .executeTakeFirstOrThrow()
    expect(event.payload).toMatchObject({ outcome: 'granted', documentId: added.body.id })
    const letter = await db
      .selectFrom('letters')
      .select(['content'])
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow()
    const text = JSON.stringify(letter.content)
    expect(text).toContain('Het besluit staat ook als document bij uw')
    expect(text).toContain(`/mijn/zaken/${c.caseId}`)
  })

  it('refuses a document id this system did not add to this case with a 422 problem, and records nothing', async () => {
    const c = await aCase()
    const elsewhere = await aCase()
    const added = await postDocument(elsewhere.reference, { kind: 'decision' })
    for (const documentId of ['DOC-bestaat-niet', added.documentId]) {
      const res = await decisionEvent(c.reference, { documentId })
      expect(res.status).toBe(422)
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ field: 'data.documentId', code: 'document_not_found' }),
      )
    }
    const decided = await db
      .selectFrom('case_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'decided')
      .executeTakeFirstOrThrow()
    expect(decided.n).toBe(0)
  })
})
