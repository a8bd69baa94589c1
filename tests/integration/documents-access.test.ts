import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { addDocuments } from '~/services/cases/documents.server'
import { createCase, createPerson } from '../support/factories'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { multipart, portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'
import { plainPng } from '../support/upload-files'

/**
 * The documents of a case for the citizen and the caseworker: the list (documents and letters,
 * who added each), downloads with their hash checked, the same 404 for whatever is not theirs,
 * every staff opening audited and shown in "Wie heeft mijn gegevens bekeken" — also while a
 * support employee looks along —, the caseworker's form to add one (without JavaScript), and
 * the decision with its PDF.
 */
let server: TestServer
let db: DB
const portal = portalClient(() => server.url)
const cookies: Record<string, string> = {}
let citizen: { bsn: string }
let other: { bsn: string }

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  citizen = await createPerson(db, { given_names: 'Dirk' })
  other = await createPerson(db)
  cookies.citizen = await loginAsCitizen(server.url, citizen.bsn, 'midden')
  cookies.other = await loginAsCitizen(server.url, other.bsn, 'midden')
  cookies.mirjam = await loginAsStaff(server.url, 'E1001') // caseworker, Vergunningen (omgevingsvergunning)
  cookies.henk = await loginAsStaff(server.url, 'E1002') // caseworker, Werk en Inkomen
  cookies.support = await loginAsStaff(server.url, 'E2001')
})
afterAll(() => server?.close())

const pdf = (text = 'document') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
// A real PNG: a fake one (signature and filler) is refused before the form's own PDF-only rule.
const png = () => plainPng()
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)])
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A permit case of `bsn` with one document the citizen sent and one a caseworker added. */
async function caseWithDocuments(bsn: string) {
  const played = await createCase(db, { bsn })
  const [application, advice] = await db
    .transaction()
    .execute(async (trx) => [
      ...(await addDocuments(
        trx,
        played.caseId,
        [{ kind: 'application', title: 'Aanvraag dakkapel.pdf', mediaType: 'application/pdf', bytes: pdf('aanvraag') }],
        { addedBy: 'citizen', addedAt: new Date() },
      )),
      ...(await addDocuments(
        trx,
        played.caseId,
        [{ kind: 'other', title: 'Advies welstand', mediaType: 'application/pdf', bytes: pdf('advies') }],
        { addedBy: 'employee:E1001', addedAt: new Date() },
      )),
    ])
  return { ...played, application, advice }
}

const download = (caseId: string, documentId: string, cookie: string, area: 'mijn' | 'medewerker' = 'mijn') =>
  portal.get(`/${area}/zaken/${caseId}/documenten/${documentId}`, cookie)

const auditRows = (bsn: string, action: string) =>
  db.selectFrom('audit_log').selectAll().where('subject_bsn', '=', bsn).where('action', '=', action).execute()

describe('the case page lists every document and letter of the case', () => {
  it('shows the citizen each document with kind, size and who added it (never an employee id), and the letters', async () => {
    const c = await caseWithDocuments(citizen.bsn)
    const res = await portal.get(`/mijn/zaken/${c.caseId}`, cookies.citizen)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`href="/mijn/zaken/${c.caseId}/documenten/${c.application.id}"`)
    expect(html).toContain('Aanvraag dakkapel.pdf')
    expect(html).toMatch(/Aanvraag · [^<]* · 0,1 kB · van u/)
    expect(html).toMatch(/Advies welstand<\/a><span[^>]*>Document · [^<]* · van Vergunningen/)
    expect(html).not.toContain('employee:')
    expect(html).not.toMatch(/van [^<]*E1001/)
    expect(html).not.toContain('Mirjam Kuipers</span>')
    // The acknowledgement letter of the case, with its page and its PDF.
    const letter = await db
      .selectFrom('letters')
      .select(['id', 'title'])
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow()
    expect(html).toContain(`href="/mijn/brieven/${letter.id}"`)
    expect(html).toContain(`href="/mijn/brieven/${letter.id}/pdf"`)
    expect(html).toMatch(/Brief · [^<]* · van Vergunningen/)
  })

  it('shows the caseworker who added each document by name', async () => {
    const c = await caseWithDocuments(citizen.bsn)
    const res = await portal.get(`/medewerker/zaken/${c.caseId}`, cookies.mirjam)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`href="/medewerker/zaken/${c.caseId}/documenten/${c.advice.id}"`)
    expect(html).toContain('van Mirjam Kuipers (E1001)')
    expect(html).toContain('van de inwoner')
    expect(html).toContain(`href="/medewerker/zaken/${c.caseId}/documenten/toevoegen"`)
  })
})

describe('downloading', () => {
  it('gives the citizen the bytes as stored, under the title with the extension of its type', async () => {
    const c = await caseWithDocuments(citizen.bsn)
    const res = await download(c.caseId, c.advice.id, cookies.citizen)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain('filename="Advies welstand.pdf"')
    expect(hash(new Uint8Array(await res.arrayBuffer()))).toBe(c.advice.sha256)
  })

  it("answers another person's document, an unknown id, another case's document and a malformed id with the same 404", async () => {
    const c = await caseWithDocuments(citizen.bsn)
    const mine = await caseWithDocuments(other.bsn)
    const answers = await Promise.all([
      download(c.caseId, c.application.id, cookies.other),
      download(c.caseId, randomUUID(), cookies.citizen),
      download(mine.caseId, c.application.id, cookies.other),
      download(c.caseId, mine.application.id, cookies.citizen),
      download(c.caseId, 'not-a-uuid', cookies.citizen),
      download('not-a-uuid', c.application.id, cookies.citizen),
    ])
    const statuses = answers.map((r) => r.status)
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404])
    const bodies = await Promise.all(answers.map((r) => r.text()))
    expect(new Set(bodies).size).toBe(1)
  })

  it("refuses a caseworker another department's document with 404, and audits nothing", async () => {
    const c = await caseWithDocuments(citizen.bsn)
    expect((await download(c.caseId, c.advice.id, cookies.henk, 'medewerker')).status).toBe(404)
    expect((await auditRows(citizen.bsn, 'document.viewed')).filter((r) => r.actor_id === 'E1002')).toEqual([])
  })

  it('audits every staff download, and the citizen sees it in "Wie heeft mijn gegevens bekeken"', async () => {
    const person = await createPerson(db)
    const cookie = await loginAsCitizen(server.url, person.bsn, 'midden')
    const c = await caseWithDocuments(person.bsn)
    const res = await download(c.caseId, c.application.id, cookies.mirjam, 'medewerker')
    expect(res.status).toBe(200)
    expect(hash(new Uint8Array(await res.arrayBuffer()))).toBe(c.application.sha256)
    expect(await auditRows(person.bsn, 'document.viewed')).toMatchObject([
      {
        actor_kind: 'staff',
        actor_id: 'E1001',
        resource: `case:${c.reference}`,
        details: { document: c.application.id },
      },
    ])
    const inzage = await (await portal.get('/mijn/inzage', cookie)).text()
    expect(inzage).toContain(`bekeek een document bij uw zaak ${c.reference}`)
  })

  it('lets a support employee looking along download, audited and shown to the citizen', async () => {
    const person = await createPerson(db)
    const c = await caseWithDocuments(person.bsn)
    const search = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'bsn',
      bsn: person.bsn,
    })
    const choice = /name="choice" value="([^"]+)"/.exec(await search.text())?.[1]
    expect(choice).toBeTruthy()
    const started = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'start',
      choice: choice!,
      reasonCode: 'phone',
      reference: 'T-2026-0100',
    })
    expect(started.status).toBe(302)
    try {
      const res = await download(c.caseId, c.application.id, cookies.support)
      expect(res.status).toBe(200)
      expect(hash(new Uint8Array(await res.arrayBuffer()))).toBe(c.application.sha256)
      expect(await auditRows(person.bsn, 'document.viewed')).toMatchObject([
        { actor_kind: 'staff_as_citizen', actor_id: 'E2001', resource: `case:${c.reference}` },
      ])
      // A write is still refused while looking along.
      const refused = await portal.post(`/medewerker/zaken/${c.caseId}/documenten/toevoegen`, cookies.support, {})
      expect(refused.status).toBe(403)
    } finally {
      await portal.post('/medewerker/meekijken/stoppen', cookies.support, {})
    }
    const cookie = await loginAsCitizen(server.url, person.bsn, 'midden')
    const inzage = await (await portal.get('/mijn/inzage', cookie)).text()
    expect(inzage).toContain('een document bij een zaak')
  })
})

describe('the stored hash is checked on every download', () => {
  it('serves no document whose bytes no longer match their SHA-256: a clear page, an error logged without personal data', async () => {
    const c = await caseWithDocuments(citizen.bsn)
    // Damage the bytes as a fault in storage would: past the immutability trigger and the
    // database's own check, in one transaction that puts both back (the check without
    // re-validating, so the damaged row can stand for this test).
    await db.transaction().execute(async (trx) => {
      await sql`alter table documents disable trigger documents_immutable`.execute(trx)
      await sql`alter table documents drop constraint documents_sha256`.execute(trx)
      await sql`update documents set bytes = ${pdf('advie5')} where id = ${c.advice.id}`.execute(trx)
      await sql`alter table documents add constraint documents_sha256
        check (sha256 = encode(sha256(bytes), 'hex')) not valid`.execute(trx)
      await sql`alter table documents enable trigger documents_immutable`.execute(trx)
    })
    try {
      const logsBefore = server.logs.length
      for (const [cookie, area] of [
        [cookies.citizen, 'mijn'],
        [cookies.mirjam, 'medewerker'],
      ] as const) {
        const res = await download(c.caseId, c.advice.id, cookie, area)
        expect(res.status).toBe(500)
        expect(res.headers.get('content-type')).toMatch(/^text\/html/)
        const html = await res.text()
        expect(html).toContain('<h1>Dit document kunnen wij nu niet tonen</h1>')
        expect(html).toContain(`href="/${area}/zaken/${c.caseId}"`)
        expect(html).not.toContain('%PDF')
      }
      const faults = server.logs.slice(logsBefore).filter((l) => String(l.msg).includes('do not match their SHA-256'))
      expect(faults).toHaveLength(2)
      expect(faults[0]).toMatchObject({ document: c.advice.id })
      expect(JSON.stringify(faults)).not.toContain(citizen.bsn)
      // Nothing was served, so no employee opened it.
      expect(
        (await auditRows(citizen.bsn, 'document.viewed')).filter((r) => r.resource === `case:${c.reference}`),
      ).toEqual([])
      // The undamaged document of the same case is still served.
      expect((await download(c.caseId, c.application.id, cookies.citizen)).status).toBe(200)
    } finally {
      await db.transaction().execute(async (trx) => {
        await sql`alter table documents disable trigger documents_immutable`.execute(trx)
        await sql`update documents set bytes = ${pdf('advies')} where id = ${c.advice.id}`.execute(trx)
        await sql`alter table documents enable trigger documents_immutable`.execute(trx)
      })
      await sql`alter table documents validate constraint documents_sha256`.execute(db)
    }
  })
})

describe('a caseworker adds a document (a plain multipart form, no JavaScript needed)', () => {
  const addForm = (fields: Record<string, string>, file?: { name: string; bytes: Buffer }) => {
    const form = multipart(fields)
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name)
    return form
  }

  it('stores it on the case with the employee as its sender, back on the case screen', async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const form = await portal.get(`/medewerker/zaken/${c.caseId}/documenten/toevoegen`, cookies.mirjam)
    expect(form.status).toBe(200)
    const formId = /name="formId" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
    const bytes = pdf('brandweer')
    const res = await portal.post(
      `/medewerker/zaken/${c.caseId}/documenten/toevoegen`,
      cookies.mirjam,
      addForm({ formId, title: 'Advies brandweer', kind: 'other' }, { name: 'scan 12.pdf', bytes }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/medewerker/zaken/${c.caseId}?document=toegevoegd#documents-heading`)
    const rows = await db.selectFrom('documents').selectAll().where('case_id', '=', c.caseId).execute()
    expect(rows).toMatchObject([
      {
        title: 'Advies brandweer',
        kind: 'other',
        added_by: 'employee:E1001',
        media_type: 'application/pdf',
        sha256: hash(bytes),
      },
    ])
    expect(await auditRows(citizen.bsn, 'document.added')).toContainEqual(
      expect.objectContaining({ actor_id: 'E1001', resource: `case:${c.reference}` }),
    )
    // Sent twice (a double click): stored once.
    const again = await portal.post(
      `/medewerker/zaken/${c.caseId}/documenten/toevoegen`,
      cookies.mirjam,
      addForm({ formId, title: 'Advies brandweer', kind: 'other' }, { name: 'scan 12.pdf', bytes }),
    )
    expect(again.status).toBe(302)
    expect(await db.selectFrom('documents').select('id').where('case_id', '=', c.caseId).execute()).toHaveLength(1)
    const page = await (await portal.get(`/mijn/zaken/${c.caseId}`, cookies.citizen)).text()
    expect(page).toContain('Advies brandweer')
  })

  it('names a refused file at the field and keeps the typed title; stores nothing', async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const res = await portal.post(
      `/medewerker/zaken/${c.caseId}/documenten/toevoegen`,
      cookies.mirjam,
      addForm(
        { formId: randomUUID(), title: 'Plattegrond zolder', kind: 'attachment' },
        { name: 'tekening.pdf', bytes: exe() },
      ),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Het bestand tekening.pdf is geen PDF, JPG of PNG')
    expect(html).toContain('id="file-error"')
    expect(html).toContain('value="Plattegrond zolder"')
    const missing = await portal.post(
      `/medewerker/zaken/${c.caseId}/documenten/toevoegen`,
      cookies.mirjam,
      addForm({ formId: randomUUID(), title: '', kind: '' }),
    )
    expect(missing.status).toBe(400)
    const missingHtml = await missing.text()
    expect(missingHtml).toContain('Kies een bestand.')
    expect(missingHtml).toContain('Kies een soort document.')
    expect(await db.selectFrom('documents').select('id').where('case_id', '=', c.caseId).execute()).toEqual([])
  })

  it("answers another department's case with 404 and an employee without the caseworker role with 403", async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const form = addForm({ formId: randomUUID(), title: 'X', kind: 'other' }, { name: 'x.pdf', bytes: pdf() })
    expect((await portal.get(`/medewerker/zaken/${c.caseId}/documenten/toevoegen`, cookies.henk)).status).toBe(404)
    expect((await portal.post(`/medewerker/zaken/${c.caseId}/documenten/toevoegen`, cookies.henk, form)).status).toBe(
      404,
    )
    expect((await portal.get(`/medewerker/zaken/${c.caseId}/documenten/toevoegen`, cookies.support)).status).toBe(403)
    expect(await db.selectFrom('documents').select('id').where('case_id', '=', c.caseId).execute()).toEqual([])
  })
})

describe('a decision with its document', () => {
  const decide = (caseId: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) => {
    const form = multipart({ formId: randomUUID(), outcome: 'granted', reasons: 'Het past in het plan', ...fields })
    if (file) form.append('decisionFile', new Blob([new Uint8Array(file.bytes)]), file.name)
    return portal.post(`/medewerker/zaken/${caseId}/besluiten`, cookies.mirjam, form)
  }

  it('stores the PDF as the decision in the transaction of the decided event, which names it; the letter and the case page point to it', async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const bytes = pdf('besluit')
    const res = await decide(c.caseId, {}, { name: 'Besluit dakkapel.pdf', bytes })
    expect(res.status).toBe(302)
    const event = await db
      .selectFrom('case_events')
      .select(['id', 'payload', 'occurred_at'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'decided')
      .executeTakeFirstOrThrow()
    const document = await db
      .selectFrom('documents')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow()
    expect(document).toMatchObject({
      kind: 'decision',
      title: 'Besluit dakkapel.pdf',
      added_by: 'employee:E1001',
      sha256: hash(bytes),
    })
    expect(event.payload).toMatchObject({ outcome: 'granted', documentId: document.id })
    expect(document.added_at.getTime()).toBe(event.occurred_at.getTime())
    const letter = await db
      .selectFrom('letters')
      .select('content')
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(letter.content)).toContain('Het besluit staat ook als document bij uw')
    const page = await (await portal.get(`/mijn/zaken/${c.caseId}`, cookies.citizen)).text()
    expect(page).toContain(`href="/mijn/zaken/${c.caseId}/documenten/${document.id}"`)
    expect(page).toContain('Download het besluit (PDF)')
  })

  it('refuses a decision document that is not a PDF at its field, keeps what was typed, and records nothing', async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const res = await decide(c.caseId, { reasons: 'Mijn getypte motivering' }, { name: 'foto.png', bytes: png() })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Het bestand foto.png is geen PDF.')
    expect(html).toContain('Mijn getypte motivering')
    const decided = await db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'decided')
      .execute()
    expect(decided).toEqual([])
    expect(await db.selectFrom('documents').select('id').where('case_id', '=', c.caseId).execute()).toEqual([])
  })

  it('still decides without a document, and ignores a document id typed into the form', async () => {
    const c = await createCase(db, { bsn: citizen.bsn })
    const other = await caseWithDocuments(citizen.bsn)
    const res = await decide(c.caseId, { documentId: other.advice.id })
    expect(res.status).toBe(302)
    const event = await db
      .selectFrom('case_events')
      .select('payload')
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'decided')
      .executeTakeFirstOrThrow()
    expect(event.payload).not.toHaveProperty('documentId')
  })
})
