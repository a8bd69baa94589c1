import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import { objectionTerm } from '~/domain/objection'
import { nextWorkingDayOnOrAfter } from '~/domain/working-days'
import { holidayCalendar } from '~/services/calendar.server'
import { getObjectionForm, saveObjectionDraft, type UploadedFile } from '~/services/objections/draft.server'
import { getObjectionPanel } from '~/services/objections/views.server'
import { submitObjection } from '~/services/objections/submit.server'
import { createCase } from '../support/factories'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'
import { plainPng } from '../support/upload-files'

/**
 * Objecting online (Awb 6:4 ff.), through the service and over HTTP against the real server:
 * who may object to what, one objection per decision, files checked by content and size, a late
 * objection taken in and marked, the documents stored with their hash in the transaction of the
 * objection's case, and nothing at all when any part of that fails.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'midden')
  cookies.femke = await loginAsStaff(server.url, 'E1005') // caseworker, objections
  cookies.support = await loginAsStaff(server.url, 'E2001')
})
afterAll(() => server?.close())

// --- files ---------------------------------------------------------------------------------

const pdf = (text = 'bezwaar') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
const png = () => plainPng()
/** A Windows program renamed to look like a PDF: its first bytes give it away. */
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)])
const upload = (name: string, bytes: Buffer): UploadedFile => ({ name, size: bytes.byteLength, bytes })
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

// --- cases ---------------------------------------------------------------------------------

/** A case of `bsn` decided `daysAgo` days ago; the term to object runs six weeks from the day after. */
async function decided(
  bsn: string,
  daysAgo = 3,
  outcome: 'granted' | 'refused' | 'withdrawn' = 'refused',
  caseTypeCode = 'parkeervergunning',
) {
  return createCase(db, {
    bsn,
    caseTypeCode,
    subject: 'Bewonersvergunning Korreweg',
    receivedDaysAgo: daysAgo + 10,
    events: [
      {
        daysAgo,
        type: 'decided',
        outcome,
        ...(outcome === 'withdrawn' ? {} : { reasons: 'Het kenteken staat niet op uw naam' }),
        ...(outcome === 'refused' ? { citizenOptions: 'Vraag opnieuw aan als de auto op uw naam staat' } : {}),
      },
    ],
  })
}

const objectionRows = (decisionCaseId: string) =>
  db.selectFrom('objections').selectAll().where('decision_case_id', '=', decisionCaseId).execute()
const objectionCases = async (bsn: string) =>
  db.selectFrom('cases').selectAll().where('bsn', '=', bsn).where('case_type_code', '=', 'bezwaar').execute()
const countAudit = async (action: string, bsn: string) =>
  (
    await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', action)
      .where('subject_bsn', '=', bsn)
      .executeTakeFirstOrThrow()
  ).n

const GROUNDS = 'De auto staat wel op mijn naam. Ik stuur het kentekenbewijs mee.'

describe('objecting through the service', () => {
  it('makes the objection a case of its own, linked both ways, with its documents, acknowledgement and audit entry', async () => {
    const person = { bsn: jan.bsn }
    const decision = await decided(jan.bsn, 3)
    const evidence = pdf('kentekenbewijs')
    const photo = png()
    expect(
      await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [
        upload('kentekenbewijs.pdf', evidence),
        upload('foto auto.png', photo),
      ]),
    ).toEqual({ status: 'saved' })
    const sent = await submitObjection(person, decision.caseId)
    expect(sent).toMatchObject({ status: 'submitted', duplicate: false })
    if (sent.status !== 'submitted') throw new Error('not submitted')

    const objectionCase = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', sent.caseId)
      .executeTakeFirstOrThrow()
    expect(objectionCase).toMatchObject({ case_type_code: 'bezwaar', bsn: jan.bsn, channel: 'internet' })
    expect(objectionCase.subject).toBe(`Parkeervergunning (${decision.reference})`)
    // Awb 7:10(1): six weeks from the end of the term to object, not from receipt.
    const decidedOn = addDays(todayIn(new Date()), -3)
    const term = objectionTerm(decidedOn, holidayCalendar())
    expect(objectionCase.term_from).toBe(term.endsOn)
    expect(objectionCase.decision_due_on).toBe(nextWorkingDayOnOrAfter(addDays(term.endsOn, 42), holidayCalendar()))

    const [row] = await objectionRows(decision.caseId)
    expect(row).toMatchObject({ status: 'submitted', case_id: sent.caseId, late: false, grounds: GROUNDS })

    const documents = await db
      .selectFrom('documents')
      .selectAll()
      .where('case_id', '=', sent.caseId)
      .orderBy('seq')
      .execute()
    expect(documents.map((d) => [d.kind, d.title, d.media_type, d.added_by])).toEqual([
      ['objection', `Bezwaar ${sent.reference}.txt`, 'text/plain; charset=utf-8', 'citizen'],
      ['attachment', 'kentekenbewijs.pdf', 'application/pdf', 'citizen'],
      ['attachment', 'foto auto.png', 'image/png', 'citizen'],
    ])
    for (const d of documents) {
      expect(d.sha256).toBe(sha256(d.bytes))
      expect(d.size).toBe(d.bytes.byteLength)
    }
    expect(documents[1].bytes.equals(evidence)).toBe(true)
    // The objection itself, as a letter would hold it (Awb 6:5): name, date, decision, grounds.
    const letterOfObjection = documents[0].bytes.toString('utf8')
    expect(letterOfObjection).toContain('Jan Willem Jansen')
    expect(letterOfObjection).toContain(decision.reference)
    expect(letterOfObjection).toContain(GROUNDS)
    expect(letterOfObjection).toContain('kentekenbewijs.pdf, foto auto.png')
    // The draft's files left with it.
    expect(
      await db.selectFrom('objection_draft_files').select('id').where('objection_id', '=', row.id).execute(),
    ).toEqual([])

    const letters = await db.selectFrom('letters').selectAll().where('case_id', '=', sent.caseId).execute()
    expect(letters.map((l) => l.template_code)).toEqual(['objection_acknowledgement'])
    const ack = JSON.stringify(letters[0].content)
    expect(ack).toContain(`"Kenmerk van het besluit","value":"${decision.reference}"`)
    expect(ack).toContain('hoorzitting')
    expect(await countAudit('objection.submitted', jan.bsn)).toBeGreaterThanOrEqual(1)

    const today = todayIn(new Date())
    const onDecision = await getObjectionPanel(jan.bsn, decision.caseId, 'nl', today)
    expect(onDecision?.objection).toEqual({ caseId: sent.caseId, reference: sent.reference })
    const onObjection = await getObjectionPanel(jan.bsn, sent.caseId, 'nl', today)
    expect(onObjection?.objectsTo).toMatchObject({ caseId: decision.caseId, reference: decision.reference })
    expect(onObjection?.term).toBeNull() // the objection itself is not decided yet
  })

  it('answers another citizen’s case, an unknown and a malformed id as not found, and writes nothing', async () => {
    const decision = await decided(jan.bsn)
    const them = { bsn: fatima.bsn }
    for (const id of [decision.caseId, '00000000-0000-4000-8000-000000000000', 'Z-2026-000001']) {
      expect(await getObjectionForm(them, id, 'nl')).toEqual({ status: 'not_found' })
      expect(await saveObjectionDraft(them, id, { grounds: GROUNDS, lateReason: '' }, [])).toEqual({
        status: 'not_found',
      })
      expect(await submitObjection(them, id)).toEqual({ status: 'not_found' })
    }
    expect(await objectionRows(decision.caseId)).toEqual([])
  })

  it('refuses a withdrawn case (no decision), a case not decided yet and the decision on an objection (court instead)', async () => {
    const person = { bsn: jan.bsn }
    const withdrawn = await decided(jan.bsn, 3, 'withdrawn')
    expect(await saveObjectionDraft(person, withdrawn.caseId, { grounds: GROUNDS, lateReason: '' }, [])).toEqual({
      status: 'not_objectable',
      reason: 'withdrawn',
    })
    expect(await submitObjection(person, withdrawn.caseId)).toEqual({ status: 'not_objectable', reason: 'withdrawn' })
    const open = await createCase(db, { bsn: jan.bsn, receivedDaysAgo: 2 })
    expect(await getObjectionForm(person, open.caseId, 'nl')).toEqual({
      status: 'not_objectable',
      reason: 'not_decided',
    })
    const onObjection = await decided(jan.bsn, 2, 'refused', 'bezwaar')
    expect(await getObjectionForm(person, onObjection.caseId, 'nl')).toEqual({
      status: 'not_objectable',
      reason: 'objection_decision',
    })
    const panel = await getObjectionPanel(jan.bsn, onObjection.caseId, 'nl', todayIn(new Date()))
    expect(panel?.appealTerm?.endsOn).toBeTruthy()
    expect(await objectionRows(withdrawn.caseId)).toEqual([])
  })

  it('creates one case for a double submit, even at the same moment, and shows that one to a second attempt', async () => {
    const person = { bsn: fatima.bsn }
    const decision = await decided(fatima.bsn)
    await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [upload('a.pdf', pdf())])
    const [a, b] = await Promise.all([
      submitObjection(person, decision.caseId),
      submitObjection(person, decision.caseId),
    ])
    expect([a.status, b.status]).toEqual(['submitted', 'submitted'])
    if (a.status !== 'submitted' || b.status !== 'submitted') throw new Error('not submitted')
    expect(a.caseId).toBe(b.caseId)
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true])
    const cases = (await objectionCases(fatima.bsn)).filter((c) => c.subject.includes(decision.reference))
    expect(cases).toHaveLength(1)
    expect(await getObjectionForm(person, decision.caseId, 'nl')).toEqual({
      status: 'existing',
      caseId: a.caseId,
      reference: a.reference,
    })
    expect(await saveObjectionDraft(person, decision.caseId, { grounds: 'Nog een', lateReason: '' }, [])).toEqual({
      status: 'existing',
      caseId: a.caseId,
      reference: a.reference,
    })
  })

  it('checks files by content and keeps what is right: the grounds, the good files; at most 5 files and 10 MB', async () => {
    const person = { bsn: jan.bsn }
    const decision = await decided(jan.bsn)
    const result = await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [
      upload('brief.pdf', exe()), // named .pdf, a program by content
      upload('leeg.pdf', Buffer.alloc(0)),
      upload('scan.jpg', pdf()), // named .jpg, a PDF by content: taken, named for what it is
      upload('foto.png', png()),
    ])
    expect(result).toMatchObject({
      status: 'invalid',
      errors: [
        { field: 'attachments', code: 'file_wrong_type', file: 'brief.pdf' },
        { field: 'attachments', code: 'file_empty', file: 'leeg.pdf' },
      ],
    })
    if (result.status !== 'invalid') throw new Error('expected invalid')
    expect(result.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['scan.pdf', 'application/pdf'],
      ['foto.png', 'image/png'],
    ])
    const [row] = await objectionRows(decision.caseId)
    expect(row.grounds).toBe(GROUNDS)

    // Four more distinct files: three fit (5 in all), the last is refused by count.
    const more = await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [
      upload('1.pdf', pdf('1')),
      upload('2.pdf', pdf('2')),
      upload('3.pdf', pdf('3')),
      upload('4.pdf', pdf('4')),
    ])
    expect(more).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'attachments', code: 'too_many_files', file: '4.pdf' }],
    })
    // The same file again is not added twice, and is no error.
    expect(
      await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [
        upload('1.pdf', pdf('1')),
      ]),
    ).toEqual({ status: 'saved' })

    // Past 10 MB together (the kept files count too).
    const big = await decided(jan.bsn)
    const nineMb = Buffer.concat([pdf(), Buffer.alloc(9 * 1024 * 1024)])
    const twoMb = Buffer.concat([pdf('2'), Buffer.alloc(2 * 1024 * 1024)])
    expect(
      await saveObjectionDraft(person, big.caseId, { grounds: GROUNDS, lateReason: '' }, [
        upload('groot.pdf', nineMb),
        upload('nog een.pdf', twoMb),
      ]),
    ).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'attachments', code: 'files_too_large', file: 'nog een.pdf' }],
      files: [{ name: 'groot.pdf' }],
    })
  })

  it('needs the grounds (Awb 6:5) before it can be sent', async () => {
    const person = { bsn: jan.bsn }
    const decision = await decided(jan.bsn)
    expect(await saveObjectionDraft(person, decision.caseId, { grounds: '  ', lateReason: '' }, [])).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'grounds', code: 'grounds_required' }],
    })
    expect(await submitObjection(person, decision.caseId)).toEqual({
      status: 'invalid',
      errors: [{ field: 'grounds', code: 'grounds_required' }],
    })
    expect(await objectionCases(jan.bsn).then((c) => c.filter((x) => x.subject.includes(decision.reference)))).toEqual(
      [],
    )
  })

  it('takes a late objection with the reason it is late, marked late, its term counted from receipt (Awb 6:11, 7:10)', async () => {
    const person = { bsn: fatima.bsn }
    const decision = await decided(fatima.bsn, 60) // the six weeks ended some 18 days ago
    const form = await getObjectionForm(person, decision.caseId, 'nl')
    expect(form).toMatchObject({ status: 'open', late: true })
    expect(await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [])).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'lateReason', code: 'late_reason_required' }],
    })
    expect(
      await saveObjectionDraft(
        person,
        decision.caseId,
        { grounds: GROUNDS, lateReason: 'Ik lag in het ziekenhuis.' },
        [],
      ),
    ).toEqual({ status: 'saved' })
    const sent = await submitObjection(person, decision.caseId)
    if (sent.status !== 'submitted') throw new Error('not submitted')
    const [row] = await objectionRows(decision.caseId)
    expect(row).toMatchObject({ late: true, late_reason: 'Ik lag in het ziekenhuis.' })
    const objectionCase = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', sent.caseId)
      .executeTakeFirstOrThrow()
    expect(objectionCase.term_from).toBe(todayIn(new Date()))
    const [ack] = await db.selectFrom('letters').select('content').where('case_id', '=', sent.caseId).execute()
    expect(JSON.stringify(ack.content)).toContain('Uw bezwaar kwam te laat')
  })

  it('rolls everything back when any part fails: no case, no letter, no documents, no audit entry; the draft stays', async () => {
    const person = { bsn: jan.bsn }
    const decision = await decided(jan.bsn)
    await saveObjectionDraft(person, decision.caseId, { grounds: GROUNDS, lateReason: '' }, [upload('a.pdf', pdf())])
    const before = {
      cases: (await objectionCases(jan.bsn)).length,
      letters: await db.selectFrom('letters').select('id').where('bsn', '=', jan.bsn).execute(),
      audit: await countAudit('objection.submitted', jan.bsn),
      documents: await db.selectFrom('documents').select('id').execute(),
    }
    // The storage refuses the last write of the transaction: the documents.
    await sql`create function refuse_documents() returns trigger language plpgsql as $$
      begin raise exception 'storage unavailable'; end $$`.execute(db)
    await sql`create trigger refuse_documents before insert on documents
      for each row execute function refuse_documents()`.execute(db)
    try {
      await expect(submitObjection(person, decision.caseId)).rejects.toThrow('storage unavailable')
    } finally {
      await sql`drop trigger refuse_documents on documents`.execute(db)
      await sql`drop function refuse_documents()`.execute(db)
    }
    expect((await objectionCases(jan.bsn)).length).toBe(before.cases)
    expect(await db.selectFrom('letters').select('id').where('bsn', '=', jan.bsn).execute()).toEqual(before.letters)
    expect(await countAudit('objection.submitted', jan.bsn)).toBe(before.audit)
    expect(await db.selectFrom('documents').select('id').execute()).toEqual(before.documents)
    const [row] = await objectionRows(decision.caseId)
    expect(row).toMatchObject({ status: 'draft', case_id: null })
    expect(
      await db.selectFrom('objection_draft_files').select('id').where('objection_id', '=', row.id).execute(),
    ).toHaveLength(1)
    // And once the storage is back, the same draft goes through.
    expect(await submitObjection(person, decision.caseId)).toMatchObject({ status: 'submitted', duplicate: false })
  })

  it('refuses the database any change to a stored document', async () => {
    const [document] = await db.selectFrom('documents').select('id').limit(1).execute()
    await expect(
      db.updateTable('documents').set({ title: 'anders.pdf' }).where('id', '=', document.id).execute(),
    ).rejects.toThrow(/never changed/)
  })
})

// --- over HTTP -------------------------------------------------------------------------------

const { get, post } = portalClient(() => server.url)
/** A form with files (multipart): `post` sends a FormData so. */
const postForm = post
/** A plain form post (application/x-www-form-urlencoded), as the check page and staff forms send. */
const postFields = post
const objectionForm = (fields: Record<string, string>, files: Array<[string, Buffer, string?]> = []) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const [name, bytes, type] of files)
    form.append('attachments', new Blob([new Uint8Array(bytes)], { type: type ?? 'application/octet-stream' }), name)
  return form
}
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

describe('objecting over HTTP (multipart/form-data on /mijn/zaken/:caseId/bezwaar)', () => {
  it('goes form → check → send → confirmation; the case pages link both ways; the citizen downloads their file', async () => {
    const decision = await decided(jan.bsn)
    const path = `/mijn/zaken/${decision.caseId}/bezwaar`
    const page = await get(path, cookies.jan)
    expect(page.status).toBe(200)
    expect(textOf(await page.text())).toContain('Waarom bent u het niet eens met het besluit?')

    const saved = await postForm(path, cookies.jan, objectionForm({ grounds: GROUNDS }, [['kenteken.pdf', pdf('k')]]))
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe(`${path}/controleren`)
    const review = textOf(await (await get(`${path}/controleren`, cookies.jan)).text())
    expect(review).toContain('Controleer uw gegevens')
    expect(review).toContain(GROUNDS)
    expect(review).toContain('kenteken.pdf')

    // A double click: two posts at once, one case.
    const [first, second] = await Promise.all([
      postFields(`${path}/controleren`, cookies.jan),
      postFields(`${path}/controleren`, cookies.jan),
    ])
    expect([first.status, second.status]).toEqual([302, 302])
    expect(first.headers.get('location')).toBe(`${path}/verstuurd`)
    const [row] = await objectionRows(decision.caseId)
    expect(row.status).toBe('submitted')
    const objectionCase = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', row.case_id!)
      .executeTakeFirstOrThrow()

    const done = textOf(await (await get(`${path}/verstuurd`, cookies.jan)).text())
    expect(done).toContain('Uw bezwaar is verstuurd')
    expect(done).toContain(objectionCase.reference)

    const onDecision = textOf(await (await get(`/mijn/zaken/${decision.caseId}`, cookies.jan)).text())
    expect(onDecision).toContain(`U heeft bezwaar gemaakt: ${objectionCase.reference}`)
    const onObjectionHtml = await (await get(`/mijn/zaken/${objectionCase.id}`, cookies.jan)).text()
    expect(textOf(onObjectionHtml)).toContain(`Dit bezwaar is tegen het besluit: ${decision.reference}`)
    const attachment = /href="(\/mijn\/zaken\/[0-9a-f-]+\/documenten\/[0-9a-f-]+)"[^>]*>kenteken\.pdf</.exec(
      onObjectionHtml,
    )?.[1]
    expect(attachment).toBeTruthy()
    const file = await get(attachment!, cookies.jan)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="kenteken.pdf"')
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf('k'))).toBe(true)

    // Another citizen, an unknown and a malformed document id: the same 404.
    expect((await get(attachment!, cookies.fatima)).status).toBe(404)
    expect(
      (await get(`/mijn/zaken/${objectionCase.id}/documenten/00000000-0000-4000-8000-000000000000`, cookies.jan))
        .status,
    ).toBe(404)
    expect((await get(`/mijn/zaken/${objectionCase.id}/documenten/x`, cookies.jan)).status).toBe(404)

    // A second attempt shows the objection already made.
    const again = textOf(await (await get(path, cookies.jan)).text())
    expect(again).toContain('U heeft al bezwaar gemaakt')
    expect(again).toContain(objectionCase.reference)

    // Staff: the objection in the work list, its grounds, files and the link to the decision; a download is audited.
    const list = await (await get('/medewerker/zaken?alle=1', cookies.femke)).text()
    expect(list).toContain(objectionCase.reference)
    const staffHtml = await (await get(`/medewerker/zaken/${objectionCase.id}`, cookies.femke)).text()
    expect(textOf(staffHtml)).toContain(GROUNDS)
    expect(staffHtml).toContain(`href="/medewerker/zaken/${decision.caseId}"`)
    const staffFile = /href="(\/medewerker\/zaken\/[0-9a-f-]+\/documenten\/[0-9a-f-]+)"[^>]*>kenteken\.pdf</.exec(
      staffHtml,
    )?.[1]
    const viewedBefore = await countAudit('document.viewed', jan.bsn)
    expect((await get(staffFile!, cookies.femke)).status).toBe(200)
    expect(await countAudit('document.viewed', jan.bsn)).toBe(viewedBefore + 1)
    // The decision's own case (another department): Femke reads it to handle the objection, but
    // records nothing on it.
    const decisionPage = textOf(await (await get(`/medewerker/zaken/${decision.caseId}`, cookies.femke)).text())
    expect(decisionPage).toContain(`Bezwaar tegen dit besluit ${objectionCase.reference}`)
    expect(decisionPage).toContain('U leest dit besluit omdat er bezwaar tegen is gemaakt.')
    const before = await db.selectFrom('case_events').select('id').where('case_id', '=', decision.caseId).execute()
    expect(
      (await postFields(`/medewerker/zaken/${decision.caseId}/sluiten`, cookies.femke, { formId: randomUUID() }))
        .status,
    ).toBe(404)
    expect(
      await db.selectFrom('case_events').select('id').where('case_id', '=', decision.caseId).execute(),
    ).toHaveLength(before.length)
  })

  it('answers another citizen’s case with 404 and writes nothing', async () => {
    const decision = await decided(jan.bsn)
    const path = `/mijn/zaken/${decision.caseId}/bezwaar`
    expect((await get(path, cookies.fatima)).status).toBe(404)
    expect((await postForm(path, cookies.fatima, objectionForm({ grounds: GROUNDS }))).status).toBe(404)
    expect((await postFields(`${path}/controleren`, cookies.fatima)).status).toBe(404)
    expect(await objectionRows(decision.caseId)).toEqual([])
  })

  it('refuses a withdrawn case: 404, nothing written', async () => {
    const withdrawn = await decided(jan.bsn, 3, 'withdrawn')
    const path = `/mijn/zaken/${withdrawn.caseId}/bezwaar`
    expect((await get(path, cookies.jan)).status).toBe(404)
    expect((await postForm(path, cookies.jan, objectionForm({ grounds: GROUNDS }))).status).toBe(404)
    expect(await objectionRows(withdrawn.caseId)).toEqual([])
  })

  it('names a refused file at the field and keeps the typed grounds', async () => {
    const decision = await decided(jan.bsn)
    const res = await postForm(
      `/mijn/zaken/${decision.caseId}/bezwaar`,
      cookies.jan,
      objectionForm({ grounds: GROUNDS }, [['brief.pdf', exe(), 'application/pdf']]),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('brief.pdf is geen PDF, JPG of PNG. Kies een ander bestand.')
    expect(html).toContain(GROUNDS)
  })

  it('refuses files past 10 MB together with 413, keeping the grounds and the file that fitted', async () => {
    const decision = await decided(jan.bsn)
    // 6 + 4.5 MB: past the 10 MB of an objection, within the 11 MB a request may carry at all
    // (server/limits.ts; beyond that the request is refused before the page, see request-guard).
    const mb = (tag: string, size: number) => Buffer.concat([pdf(tag), Buffer.alloc(size * 1024 * 1024)])
    const res = await postForm(
      `/mijn/zaken/${decision.caseId}/bezwaar`,
      cookies.jan,
      objectionForm({ grounds: GROUNDS }, [
        ['een.pdf', mb('1', 6)],
        ['twee.pdf', mb('2', 4.5)],
      ]),
    )
    expect(res.status).toBe(413)
    const html = await res.text()
    expect(html).toContain('twee.pdf is niet toegevoegd: de documenten zijn samen groter dan 10 MB')
    expect(html).toContain(GROUNDS)
    expect(html).toContain('een.pdf')
  })

  it('answers a body that is not multipart with 415, not a server error', async () => {
    const decision = await decided(jan.bsn)
    const res = await fetch(`${server.url}/mijn/zaken/${decision.caseId}/bezwaar`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.jan, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grounds: GROUNDS }),
    })
    expect(res.status).toBe(415)
    const broken = await fetch(`${server.url}/mijn/zaken/${decision.caseId}/bezwaar`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.jan, origin: server.url, 'content-type': 'multipart/form-data' },
      body: 'no boundary at all',
    })
    expect(broken.status).toBe(400)
  })

  it('lets a staff member viewing as the citizen see the form and the check page, but change or send nothing', async () => {
    const decision = await decided(jan.bsn)
    const path = `/mijn/zaken/${decision.caseId}/bezwaar`
    // Jan has written a draft; the employee on the phone with him looks along.
    expect((await postForm(path, cookies.jan, objectionForm({ grounds: GROUNDS }))).status).toBe(302)
    const search = await fetch(`${server.url}/medewerker/burgers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'search', kind: 'bsn', bsn: jan.bsn }),
    })
    const choice = /name="choice" value="([^"]+)"/.exec(await search.text())?.[1] ?? ''
    const start = await fetch(`${server.url}/medewerker/burgers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'start', choice, reasonCode: 'phone', reference: 'T-2026-0099' }),
    })
    expect(start.status).toBe(302)
    try {
      expect((await get(path, cookies.support)).status).toBe(200)
      expect((await get(`${path}/controleren`, cookies.support)).status).toBe(200)
      const changed = await postForm(path, cookies.support, objectionForm({ grounds: 'Anders' }, [['a.pdf', pdf()]]))
      expect(changed.status).toBe(403)
      expect((await postFields(`${path}/controleren`, cookies.support)).status).toBe(403)
      const [row] = await objectionRows(decision.caseId)
      expect(row).toMatchObject({ status: 'draft', grounds: GROUNDS, case_id: null })
      expect(
        await db.selectFrom('objection_draft_files').select('id').where('objection_id', '=', row.id).execute(),
      ).toEqual([])
    } finally {
      await fetch(`${server.url}/medewerker/meekijken/stoppen`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      })
    }
  })
})
