import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { DRAFT_LIFETIME_DAYS, UPLOAD_QUOTA_BYTES } from '~/domain/drafts'
import { addDays, todayIn } from '~/domain/local-date'
import { loadKnown } from '~/services/eloket/known.server'
import { deleteDraft, getApplicationPage, saveApplicationPage, startApplication } from '~/services/eloket/drafts.server'
import { getApplicationsOverview } from '~/services/eloket/overview.server'
import { ApplicationNotSubmittable, sendApplication, submitApplication } from '~/services/eloket/submit.server'
import { getCheckPage, getSentApplication } from '~/services/eloket/views.server'
import { purgeExpiredDrafts, uploadBytesInUse } from '~/services/requests/drafts.server'
import { ReadOnlyImpersonation } from '~/services/requests/kernel.server'
import type { ReceivedFile } from '~/services/uploads/index.server'
import { createCase } from '../support/factories'

/**
 * The e-loket's drafts and sending, through the services against a real PostgreSQL: what the
 * municipality knows is read from the registers, one draft per citizen per service, only the
 * citizen's own, nothing written while looking along, files within the quota, and sending as
 * one transaction that makes one case — also when two requests send at once.
 */
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const pieter = personaByKey('pieter')
const NOW = new Date('2026-03-10T10:00:00Z')
const today = todayIn(NOW)
const DAY = 24 * 60 * 60 * 1000
const opts = { now: NOW, language: 'nl' as const }

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
})

const pdf = (text = 'verklaring') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
const upload = (name: string, bytes: Buffer): ReceivedFile => ({ name, size: bytes.byteLength, bytes })
const dateValues = (date: string) => {
  const [y, m, d] = date.split('-') as [string, string, string]
  return { 'startDate.day': String(Number(d)), 'startDate.month': String(Number(m)), 'startDate.year': y }
}
const startDate = dateValues(addDays(today, 7))

/** A parking-permit application filled in up to the check page (the car in the citizen's name). */
async function filledPermit(bsn: string, plate = '12-ABC-3', start = startDate) {
  const started = await startApplication({ bsn }, 'parkeervergunning', { db, ...opts })
  if (started.status !== 'started' && started.status !== 'resumed') throw new Error(started.status)
  const id = started.id
  const save = (pageId: string, values: Record<string, string>) =>
    saveApplicationPage({ bsn }, 'parkeervergunning', id, pageId, { values }, { db, ...opts })
  // A citizen with a permit before has their plate known: that page is not asked.
  if (started.pageId === 'kenteken')
    expect(await save('kenteken', { licencePlate: plate })).toMatchObject({ status: 'saved' })
  expect(await save('auto', { carOwner: 'own' })).toMatchObject({ status: 'saved', nextPageId: 'ingangsdatum' })
  expect(await save('ingangsdatum', start)).toMatchObject({ status: 'saved', nextPageId: null })
  return id
}

/** The payment's provider said 'paid' (the payments module records it so before it sends). */
async function paidPayment(applicationId: string) {
  const row = await db
    .insertInto('payments')
    .values({
      application_id: applicationId,
      provider_id: `tr_test${Math.random().toString(36).slice(2, 10)}`,
      amount_cents: 6590,
      description: 'Parkeervergunning',
      status: 'paid',
      paid_at: NOW,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

describe('what the municipality already knows', () => {
  it('reads name, address with its date, household, confirmed contact details and cases from the registers', async () => {
    const known = await loadKnown(fatima.bsn, { db, now: NOW })
    expect(known.name).toBe('Fatima el Amrani')
    expect(known.birthDate).toBe('1988-11-02')
    expect(known.address?.lines[0]).toMatch(/^Helperzoom 8/)
    expect(known.address?.since).toBe('2015-02-14')
    expect(known.household.map((p) => p.relation)).toEqual(expect.arrayContaining(['partner', 'child']))
    expect(known.email).toBe('fatima.elamrani@example.nl')
    expect(known.phone).toBe('06 23456789')
    const c = await createCase(db, {
      bsn: fatima.bsn,
      caseTypeCode: 'wmo',
      receivedDaysAgo: 20,
      events: [{ daysAgo: 2, type: 'decided', outcome: 'partly_granted', reasons: 'Deels', citizenOptions: 'Bel ons' }],
    })
    const again = await loadKnown(fatima.bsn, { db, now: new Date() })
    expect(again.cases).toContainEqual(
      expect.objectContaining({ caseType: 'wmo', open: false, outcome: 'partially_approved' }),
    )
    expect(c.caseId).toBeTruthy()
  })

  it('takes the licence plates of sent parking-permit applications, newest first, and no unconfirmed e-mail', async () => {
    await db.updateTable('contact_details').set({ email_verified_at: null }).where('bsn', '=', pieter.bsn).execute()
    // Only sent ones count: a draft's plate is not something the municipality knows.
    await db
      .insertInto('applications')
      .values({ bsn: pieter.bsn, service: 'parkeervergunning', answers: JSON.stringify({ licencePlate: 'DR-00-FT' }) })
      .execute()
    for (const [plate, at] of [
      ['AB-12-CD', new Date('2025-01-01T10:00:00Z')],
      ['99-XYZ-9', new Date('2026-01-01T10:00:00Z')],
    ] as const) {
      // (A case of another type: an open permit case would make the service unavailable to later tests.)
      const c = await createCase(db, { bsn: pieter.bsn, receivedDaysAgo: 1 })
      await db
        .insertInto('applications')
        .values({
          bsn: pieter.bsn,
          service: 'parkeervergunning',
          answers: JSON.stringify({ licencePlate: plate }),
          status: 'submitted',
          case_id: c.caseId,
          submitted_at: at,
        })
        .execute()
    }
    await db.deleteFrom('applications').where('bsn', '=', pieter.bsn).where('status', '=', 'draft').execute()
    const known = await loadKnown(pieter.bsn, { db, now: NOW })
    expect(known.licencePlates).toEqual(['99-XYZ-9', 'AB-12-CD'])
    expect(known.email).toBeNull()
  })
})

describe('drafts', () => {
  it('keeps one open draft per citizen per service: a second start resumes it', async () => {
    const first = await startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts })
    expect(first).toMatchObject({ status: 'started', pageId: 'kenteken' })
    const [a, b] = await Promise.all([
      startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts }),
      startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts }),
    ])
    expect(a).toMatchObject({ status: 'resumed' })
    expect(b).toMatchObject({ status: 'resumed' })
    if (first.status !== 'started' || a.status !== 'resumed' || b.status !== 'resumed') throw new Error()
    expect(a.id).toBe(first.id)
    expect(b.id).toBe(first.id)
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'resource'])
      .where('subject_bsn', '=', jan.bsn)
      .where('action', '=', 'application.started')
      .execute()
    expect(audit).toEqual([
      { action: 'application.started', actor_kind: 'citizen', resource: `application:${first.id}` },
    ])
    await deleteDraft({ bsn: jan.bsn }, first.id, { db, now: NOW })
  })

  it('saves a page, keeps what was typed on a refusal, and resumes where something is missing', async () => {
    const started = await startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    const id = started.id
    const refused = await saveApplicationPage(
      { bsn: jan.bsn },
      'parkeervergunning',
      id,
      'kenteken',
      { values: { licencePlate: 'geen kenteken' } },
      { db, ...opts },
    )
    expect(refused).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'licencePlate', code: 'invalid' }],
      answers: { licencePlate: 'geen kenteken' },
    })
    const saved = await saveApplicationPage(
      { bsn: jan.bsn },
      'parkeervergunning',
      id,
      'kenteken',
      { values: { licencePlate: ' 12abc3 ' } },
      { db, ...opts },
    )
    expect(saved).toEqual({ status: 'saved', nextPageId: 'auto' })
    const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.answers).toEqual({ licencePlate: '12-ABC-3' })
    expect(row.last_page).toBe('kenteken')
    // Coming back later: on to the first page with an answer missing.
    expect(await startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts })).toEqual({
      status: 'resumed',
      id,
      pageId: 'auto',
    })
    await deleteDraft({ bsn: jan.bsn }, id, { db, now: NOW })
  })

  it('answers a foreign, unknown or malformed id the same: not found', async () => {
    const started = await startApplication({ bsn: jan.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    for (const [bsn, id] of [
      [fatima.bsn, started.id],
      [jan.bsn, '00000000-0000-4000-8000-000000000000'],
      [jan.bsn, "x' or 1=1 --"],
    ] as const) {
      expect(await getApplicationPage({ bsn }, 'parkeervergunning', id, 'kenteken', { db, now: NOW })).toEqual({
        status: 'not_found',
      })
      expect(
        await saveApplicationPage({ bsn }, 'parkeervergunning', id, 'kenteken', { values: {} }, { db, ...opts }),
      ).toEqual({ status: 'not_found' })
      expect(await getCheckPage({ bsn }, 'parkeervergunning', id, { db, now: NOW })).toEqual({ status: 'not_found' })
      expect(await sendApplication({ bsn }, 'parkeervergunning', id, { db, now: NOW })).toEqual({ status: 'not_found' })
      expect(await deleteDraft({ bsn }, id, { db, now: NOW })).toEqual({ status: 'not_found' })
    }
    // Under another service's address, too.
    expect(await getApplicationPage({ bsn: jan.bsn }, 'wmo', started.id, 'kenteken', { db, now: NOW })).toEqual({
      status: 'not_found',
    })
    await deleteDraft({ bsn: jan.bsn }, started.id, { db, now: NOW })
  })

  it('writes nothing while a staff member looks along', async () => {
    const looking = { bsn: fatima.bsn, impersonatedBy: { employeeId: 'E2001' } }
    await expect(startApplication(looking, 'parkeervergunning', { db, ...opts })).rejects.toBeInstanceOf(
      ReadOnlyImpersonation,
    )
    const started = await startApplication({ bsn: fatima.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    await expect(
      saveApplicationPage(
        looking,
        'parkeervergunning',
        started.id,
        'kenteken',
        { values: { licencePlate: '12-ABC-3' } },
        {
          db,
          ...opts,
        },
      ),
    ).rejects.toBeInstanceOf(ReadOnlyImpersonation)
    await expect(sendApplication(looking, 'parkeervergunning', started.id, { db, now: NOW })).rejects.toBeInstanceOf(
      ReadOnlyImpersonation,
    )
    await expect(deleteDraft(looking, started.id, { db, now: NOW })).rejects.toBeInstanceOf(ReadOnlyImpersonation)
    const row = await db.selectFrom('applications').selectAll().where('id', '=', started.id).executeTakeFirstOrThrow()
    expect(row.answers).toEqual({})
    await deleteDraft({ bsn: fatima.bsn }, started.id, { db, now: NOW })
  })

  it('is listed on Mijn aanvragen with the day it is kept until, and purged with its files after that', async () => {
    const started = await startApplication({ bsn: pieter.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    const overview = await getApplicationsOverview({ bsn: pieter.bsn }, { db, now: NOW })
    const keptUntil = new Date(NOW.getTime() + DRAFT_LIFETIME_DAYS * DAY).toISOString()
    expect(overview.drafts).toEqual([expect.objectContaining({ id: started.id, keptUntil })])
    expect(overview.services.map((s) => s.code)).toContain('parkeervergunning')

    const before = new Date(NOW.getTime() + DRAFT_LIFETIME_DAYS * DAY - 60_000)
    expect((await purgeExpiredDrafts({ now: before, db })).application).toBe(0)
    // Past its lifetime it is no longer offered, before the purge has run, and a start begins anew.
    const after = new Date(NOW.getTime() + DRAFT_LIFETIME_DAYS * DAY + 60_000)
    expect((await getApplicationsOverview({ bsn: pieter.bsn }, { db, now: after })).drafts).toEqual([])
    expect(await getCheckPage({ bsn: pieter.bsn }, 'parkeervergunning', started.id, { db, now: after })).toEqual({
      status: 'not_found',
    })
    expect((await purgeExpiredDrafts({ now: after, db })).application).toBe(1)
    expect(await db.selectFrom('applications').select('id').where('id', '=', started.id).execute()).toEqual([])
  })
})

describe('files', () => {
  it('keeps files that pass, refuses others by content, counts them in the upload quota, and removes them', async () => {
    const started = await startApplication({ bsn: fatima.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    const id = started.id
    const save = (pageId: string, input: Parameters<typeof saveApplicationPage>[4]) =>
      saveApplicationPage({ bsn: fatima.bsn }, 'parkeervergunning', id, pageId, input, { db, ...opts })
    await save('kenteken', { values: { licencePlate: '12-ABC-3' } })
    expect(await save('auto', { values: { carOwner: 'lease' } })).toEqual({ status: 'saved', nextPageId: 'verklaring' })
    // Nothing chosen: required.
    expect(await save('verklaring', { values: {} })).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'required' }],
    })
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])
    const result = await save('verklaring', {
      values: {},
      uploads: [upload('verklaring.pdf', pdf()), upload('virus.pdf', exe), upload('kopie.pdf', pdf())],
    })
    // The good one is kept (its copy once), the program is named: the page comes back.
    expect(result).toMatchObject({
      status: 'invalid',
      errors: [],
      refusedFiles: [{ name: 'virus.pdf', code: 'file_wrong_type' }],
      files: [expect.objectContaining({ name: 'verklaring.pdf', question: 'useStatement' })],
    })
    expect(await uploadBytesInUse(fatima.bsn, { db })).toBe(pdf().byteLength)
    // Now the page is complete with the kept file.
    expect(await save('verklaring', { values: {} })).toEqual({ status: 'saved', nextPageId: 'ingangsdatum' })

    // Past the quota, with what is kept in correction requests: refused, nothing stored.
    const tenMb = 10 * 1024 * 1024
    const correction = {
      bsn: fatima.bsn,
      field: 'surname',
      proposed_value: 'x',
      explanation: 'x',
      evidence_name: 'bewijs.pdf',
      evidence_type: 'application/pdf' as const,
      evidence_size: tenMb,
      evidence: Buffer.alloc(tenMb),
    }
    await db
      .insertInto('correction_requests')
      .values([
        { ...correction, status: 'draft' },
        { ...correction, status: 'submitted', submitted_at: NOW },
      ])
      .execute()
    expect(await uploadBytesInUse(fatima.bsn, { db })).toBe(2 * tenMb + pdf().byteLength)
    const big = Buffer.concat([pdf('groot'), Buffer.alloc(UPLOAD_QUOTA_BYTES - 2 * tenMb)])
    const kept = await db.selectFrom('application_files').select('id').where('application_id', '=', id).execute()
    expect(await save('verklaring', { values: {}, uploads: [upload('groot.pdf', big)] })).toMatchObject({
      status: 'invalid',
      refusedFiles: [{ name: 'groot.pdf', code: 'quota_exceeded' }],
    })
    expect(kept).toHaveLength(1)
    await db.deleteFrom('correction_requests').where('bsn', '=', fatima.bsn).execute()
    // Removing the kept file makes the question unanswered again.
    const removed = await save('verklaring', { values: {}, removeFiles: kept.map((k) => k.id) })
    expect(removed).toMatchObject({ status: 'invalid', errors: [{ field: 'useStatement', code: 'required' }] })
    await deleteDraft({ bsn: fatima.bsn }, id, { db, now: NOW })
    expect(await db.selectFrom('application_files').select('id').where('application_id', '=', id).execute()).toEqual([])
  })
})

describe('sending', () => {
  it('makes one case with the answers as a tagged PDF, the files, the acknowledgement and the audit entry', async () => {
    const started = await startApplication({ bsn: fatima.bsn }, 'parkeervergunning', { db, ...opts })
    if (started.status !== 'started') throw new Error(started.status)
    const id = started.id
    const save = (pageId: string, input: Parameters<typeof saveApplicationPage>[4]) =>
      saveApplicationPage({ bsn: fatima.bsn }, 'parkeervergunning', id, pageId, input, { db, ...opts })
    await save('kenteken', { values: { licencePlate: '34-XYZ-5' } })
    await save('auto', { values: { carOwner: 'employer' } })
    await save('verklaring', { values: {}, uploads: [upload('werkgever.pdf', pdf('werkgever'))] })
    expect(await save('ingangsdatum', { values: startDate })).toEqual({ status: 'saved', nextPageId: null })

    const check = await getCheckPage({ bsn: fatima.bsn }, 'parkeervergunning', id, { db, now: NOW })
    expect(check).toMatchObject({ status: 'open', fee: { amountCents: 6590 } })
    if (check.status !== 'open') throw new Error()
    expect(check.rows.find((r) => r.questionId === 'useStatement')?.files).toEqual(['werkgever.pdf'])

    // A service with a fee waits for its payment; sending without one is refused.
    expect(await sendApplication({ bsn: fatima.bsn }, 'parkeervergunning', id, { db, now: NOW })).toMatchObject({
      status: 'pay',
      fee: { amountCents: 6590 },
    })
    const waiting = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(waiting).toMatchObject({ status: 'awaiting_payment', fee_cents: 6590 })
    await expect(db.transaction().execute((trx) => submitApplication(trx, id, { now: NOW }))).rejects.toMatchObject({
      reason: 'payment_required',
    })

    const paymentId = await paidPayment(id)
    const sent = await db.transaction().execute((trx) => submitApplication(trx, id, { now: NOW, paymentId }))
    expect(sent.duplicate).toBe(false)
    const kase = await db.selectFrom('cases').selectAll().where('id', '=', sent.caseId).executeTakeFirstOrThrow()
    expect(kase).toMatchObject({
      case_type_code: 'parkeervergunning',
      channel: 'internet',
      bsn: fatima.bsn,
      subject: 'Parkeervergunning bewoners, kenteken 34-XYZ-5',
    })
    const docs = await db
      .selectFrom('documents')
      .select(['kind', 'title', 'media_type', 'bytes'])
      .where('case_id', '=', sent.caseId)
      .orderBy('seq')
      .execute()
    expect(docs.map((doc) => [doc.kind, doc.title])).toEqual([
      ['application', 'Aanvraag parkeervergunning.pdf'],
      ['attachment', 'werkgever.pdf'],
    ])
    const dir = mkdtempSync(join(tmpdir(), 'eloket-'))
    writeFileSync(join(dir, 'a.pdf'), docs[0]!.bytes)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(text).toContain('Aanvraag parkeervergunning')
    expect(text).toContain('34-XYZ-5')
    expect(text).toContain('Fatima el Amrani')
    expect(text).toContain('werkgever.pdf')
    expect(text).toContain(sent.reference)
    expect(execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)

    const letters = await db.selectFrom('letters').select('template_code').where('case_id', '=', sent.caseId).execute()
    expect(letters.map((l) => l.template_code)).toContain('acknowledgement')
    const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'submitted', case_id: sent.caseId })
    expect(await db.selectFrom('application_files').select('id').where('application_id', '=', id).execute()).toEqual([])
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'resource'])
      .where('action', '=', 'application.submitted')
      .where('subject_bsn', '=', fatima.bsn)
      .execute()
    expect(audit).toEqual([{ actor_kind: 'system', actor_id: 'system:payments', resource: `case:${sent.reference}` }])

    // Again (the webhook and the return page): the same case.
    const again = await db.transaction().execute((trx) => submitApplication(trx, id, { now: NOW, paymentId }))
    expect(again).toEqual({ ...sent, duplicate: true })
    expect(await getSentApplication({ bsn: fatima.bsn }, 'parkeervergunning', id, { db, now: NOW })).toMatchObject({
      caseId: sent.caseId,
      reference: sent.reference,
      acknowledgementId: expect.any(String),
    })
    // Not someone else's.
    expect(await getSentApplication({ bsn: jan.bsn }, 'parkeervergunning', id, { db, now: NOW })).toBeNull()
  })

  it('makes one case when two requests send at once', async () => {
    const id = await filledPermit(pieter.bsn, '56-PQR-7')
    expect(await sendApplication({ bsn: pieter.bsn }, 'parkeervergunning', id, { db, now: NOW })).toMatchObject({
      status: 'pay',
    })
    const paymentId = await paidPayment(id)
    const results = await Promise.all([
      db.transaction().execute((trx) => submitApplication(trx, id, { now: NOW, paymentId })),
      db.transaction().execute((trx) => submitApplication(trx, id, { now: NOW, paymentId })),
    ])
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true])
    expect(results[0]!.caseId).toBe(results[1]!.caseId)
    const cases = await db
      .selectFrom('cases')
      .select('id')
      .where('bsn', '=', pieter.bsn)
      .where('case_type_code', '=', 'parkeervergunning')
      .execute()
    expect(cases).toHaveLength(1)
  })

  it('refuses answers that no longer hold, and sends the citizen to the page to fix', async () => {
    const id = await filledPermit(jan.bsn, '78-STU-9', dateValues(addDays(today, 1)))
    // Three days later (the draft is still kept) the start date lies in the past.
    const later = new Date(NOW.getTime() + 3 * DAY)
    expect(await sendApplication({ bsn: jan.bsn }, 'parkeervergunning', id, { db, now: later })).toEqual({
      status: 'incomplete',
      pageId: 'ingangsdatum',
    })
    await expect(
      db.transaction().execute((trx) => submitApplication(trx, id, { now: later, paymentId: undefined })),
    ).rejects.toBeInstanceOf(ApplicationNotSubmittable)
    const row = await db.selectFrom('applications').select(['status']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('draft')
  })
})
