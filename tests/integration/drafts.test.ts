import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { DRAFT_LIFETIME_DAYS, UPLOAD_QUOTA_BYTES } from '~/domain/drafts'
import {
  getCorrectionDraft,
  getCorrectionForm,
  saveCorrectionDraft,
  submitCorrection,
} from '~/services/requests/corrections.server'
import { purgeExpiredDrafts, uploadBytesInUse } from '~/services/requests/drafts.server'
import { createTaskList, PURGE_TASK } from '~/services/jobs.server'
import { getMoveDraft, getOpenMoveDraft, saveMoveAddress } from '~/services/requests/move-draft.server'
import { loginAsCitizen } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const jan = personaByKey('jan')
const kees = personaByKey('kees')
const liam = personaByKey('liam')
const lisa = personaByKey('lisa')
const mehmet = personaByKey('mehmet')
const DAY = 24 * 60 * 60 * 1000
const MB = 1024 * 1024

let server: TestServer
let janCookie: string
beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer()
  janCookie = await loginAsCitizen(server.url, jan.bsn, 'midden')
})
afterAll(() => server?.close())

/** A file that passes the content check: the PDF signature, then `size` bytes in all. */
function pdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(size))
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return bytes
}
const upload = (size: number, name = 'akte.pdf') => ({ name, size, bytes: pdfBytes(size) })
const surname = (explanation = 'Er staat één letter te weinig in.') => ({
  field: 'surname',
  proposedValue: 'Jansen-de Boer',
  explanation,
})

const correctionRows = (bsn: string) =>
  getDb()
    .selectFrom('correction_requests')
    .select(['id', 'status', 'explanation', 'evidence_size', 'updated_at'])
    .where('bsn', '=', bsn)
    .execute()

function correctionForm(explanation: string, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }) {
  const f = new FormData()
  f.append('field', 'surname')
  f.append('proposedValue', 'Jansen-de Boer')
  f.append('explanation', explanation)
  if (file) f.append('evidence', new Blob([file.bytes], { type: 'application/pdf' }), file.name)
  else f.append('evidence', new Blob([]), '')
  return f
}
const postCorrection = (cookie: string, form: FormData) =>
  portalClient(() => server.url).post('/mijn/gegevens/correctie', cookie, form)

describe('one open draft per citizen per flow', () => {
  it('100 posts of the correction form, each with evidence, leave one draft with one file', async () => {
    for (let i = 0; i < 100; i++) {
      const res = await postCorrection(
        janCookie,
        correctionForm(`Poging ${i}: er staat één letter te weinig in.`, {
          bytes: pdfBytes(64 * 1024),
          name: `a${i}.pdf`,
        }),
      )
      expect(res.status).toBe(302)
    }
    const rows = await correctionRows(jan.bsn)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'draft', explanation: 'Poging 99: er staat één letter te weinig in.' })
    expect(rows[0].evidence_size).toBe(64 * 1024)
  })

  it('also when the posts arrive at the same time', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveCorrectionDraft({ bsn: kees.bsn }, null, surname(`Tegelijk ${i}: er klopt iets niet.`), upload(1000)),
      ),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.ok && r.id)).size).toBe(1)
    expect(await correctionRows(kees.bsn)).toHaveLength(1)
  })

  it('a new start replaces the open draft as a whole, its file included; its own id still changes it in place', async () => {
    const now = new Date()
    const first = await saveCorrectionDraft({ bsn: liam.bsn }, null, surname(), upload(5000), { now })
    if (!first.ok) throw new Error('refused')
    // The draft's own id: a change that keeps the file.
    const changed = await saveCorrectionDraft({ bsn: liam.bsn }, first.id, surname('Het is echt fout zo.'), null, {
      now,
    })
    expect(changed).toEqual({ ok: true, id: first.id })
    expect((await getCorrectionDraft({ bsn: liam.bsn }, first.id, { now }))?.evidence?.size).toBe(5000)
    // No id (another tab, a script): the same row, replaced, without the old file.
    const again = await saveCorrectionDraft({ bsn: liam.bsn }, null, surname('Opnieuw begonnen.'), null, { now })
    expect(again).toEqual({ ok: true, id: first.id })
    expect(await getCorrectionDraft({ bsn: liam.bsn }, first.id, { now })).toMatchObject({
      explanation: 'Opnieuw begonnen.',
      evidence: null,
    })
  })

  it('comes back to the open draft on the form, and says how long it is kept', async () => {
    const html = await (await fetch(`${server.url}/mijn/gegevens/correctie`, { headers: { cookie: janCookie } })).text()
    expect(html).toContain('Poging 99: er staat één letter te weinig in.')
    expect(html).toContain(`Wij bewaren uw concept ${DRAFT_LIFETIME_DAYS} dagen.`)
    const move = await (await fetch(`${server.url}/mijn/gegevens/verhuizen`, { headers: { cookie: janCookie } })).text()
    expect(move).toContain(`Wij bewaren uw concept ${DRAFT_LIFETIME_DAYS} dagen.`)
  })

  it('holds for the move too: a second start replaces the first draft', async () => {
    const now = new Date()
    const a = await saveMoveAddress(
      { bsn: lisa.bsn },
      null,
      { postcode: '9715AB', houseNumber: '5', addition: '' },
      { now },
    )
    const b = await saveMoveAddress(
      { bsn: lisa.bsn },
      null,
      { postcode: '9715AB', houseNumber: '3', addition: 'A' },
      { now },
    )
    if (!a.ok || !b.ok) throw new Error('refused')
    expect(b.id).toBe(a.id)
    const rows = await getDb().selectFrom('move_requests').select('id').where('bsn', '=', lisa.bsn).execute()
    expect(rows).toHaveLength(1)
    expect((await getOpenMoveDraft({ bsn: lisa.bsn }, { now }))?.address?.houseNumber).toBe('3A')
  })
})

describe('drafts are purged after their lifetime', () => {
  it(`deletes drafts left alone for ${DRAFT_LIFETIME_DAYS} days, keeps younger drafts and sent requests`, async () => {
    const t0 = new Date('2026-03-02T09:00:00Z')
    const old = await saveCorrectionDraft({ bsn: mehmet.bsn }, null, surname(), upload(2000), { now: t0 })
    const young = await saveMoveAddress(
      { bsn: mehmet.bsn },
      null,
      { postcode: '9715AB', houseNumber: '5', addition: '' },
      { now: new Date(t0.getTime() + 2 * DAY) },
    )
    if (!old.ok || !young.ok) throw new Error('refused')
    const expiry = new Date(t0.getTime() + DRAFT_LIFETIME_DAYS * DAY)

    // Just before the end of its lifetime it is kept, and still usable.
    expect(await purgeExpiredDrafts({ now: new Date(expiry.getTime() - 60_000) })).toMatchObject({ correction: 0 })
    expect(
      await getCorrectionDraft({ bsn: mehmet.bsn }, old.id, { now: new Date(expiry.getTime() - 60_000) }),
    ).not.toBeNull()
    // At the end it is no longer offered, and the purge deletes it with its file.
    expect(await getCorrectionDraft({ bsn: mehmet.bsn }, old.id, { now: expiry })).toBeNull()
    expect((await getCorrectionForm({ bsn: mehmet.bsn }, null, { now: expiry })).draft).toBeNull()
    const purged = await purgeExpiredDrafts({ now: new Date(expiry.getTime() + 60_000) })
    expect(purged.correction).toBeGreaterThanOrEqual(1)
    expect(await correctionRows(mehmet.bsn)).toEqual([])
    // The move draft, two days younger, is still there.
    expect(
      await getMoveDraft({ bsn: mehmet.bsn }, young.id, { now: new Date(expiry.getTime() + 60_000) }),
    ).not.toBeNull()
  })

  it('never touches a request that was sent', async () => {
    const t0 = new Date('2026-03-02T09:00:00Z')
    const saved = await saveCorrectionDraft({ bsn: lisa.bsn }, null, surname(), null, { now: t0 })
    if (!saved.ok) throw new Error('refused')
    expect(await submitCorrection({ bsn: lisa.bsn }, saved.id, { now: t0 })).toMatchObject({ ok: true })
    await purgeExpiredDrafts({ now: new Date(t0.getTime() + 365 * DAY) })
    expect(await correctionRows(lisa.bsn)).toMatchObject([{ id: saved.id, status: 'submitted' }])
  })

  it('is the hourly maintenance job', async () => {
    const stale = new Date(Date.now() - (DRAFT_LIFETIME_DAYS + 1) * DAY)
    const saved = await saveCorrectionDraft({ bsn: jan.bsn }, null, surname(), null, { now: stale })
    if (!saved.ok) throw new Error('refused')
    const tasks = createTaskList({
      mailer: { kind: 'files', send: async () => ({ messageId: 'x' }), close() {} },
      baseUrl: server.url,
    })
    const purge = tasks[PURGE_TASK]!
    const logged: string[] = []
    const helpers = { logger: { info: (m: string) => logged.push(m) } } as unknown as Parameters<typeof purge>[1]
    await purge({}, helpers)
    expect(await correctionRows(jan.bsn)).toEqual([])
    expect(logged.join()).toMatch(/purged expired drafts \{"correction":1,"move":\d+,"application":\d+\}/)
  })
})

describe('the upload quota per citizen', () => {
  it('refuses a file that would take the files of open requests over the quota, with a clear message', async () => {
    const bsn = kees.bsn
    // Two sent requests, 10 MB of evidence each, not decided yet.
    for (const i of [1, 2]) {
      const saved = await saveCorrectionDraft({ bsn }, null, surname(`Verzoek ${i}: het klopt niet.`), upload(10 * MB))
      if (!saved.ok) throw new Error('refused')
      expect(await submitCorrection({ bsn }, saved.id)).toMatchObject({ ok: true })
    }
    expect(await uploadBytesInUse(bsn, { db: getDb() })).toBe(20 * MB)
    const refused = await saveCorrectionDraft({ bsn }, null, surname(), upload(UPLOAD_QUOTA_BYTES - 20 * MB + 1))
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'evidence', error: 'quota_exceeded' }] })
    // Exactly up to the quota is fine, and replacing the draft's own file does not count twice.
    const fits = await saveCorrectionDraft({ bsn }, null, surname(), upload(UPLOAD_QUOTA_BYTES - 20 * MB))
    expect(fits.ok).toBe(true)
    if (!fits.ok) return
    expect((await saveCorrectionDraft({ bsn }, fits.id, surname(), upload(UPLOAD_QUOTA_BYTES - 20 * MB))).ok).toBe(true)
  })

  it('does not count the file of an expired draft that a new start replaces', async () => {
    const bsn = mehmet.bsn
    const t0 = new Date()
    const sent = await saveCorrectionDraft({ bsn }, null, surname('Eerste verzoek, met akte.'), upload(10 * MB), {
      now: t0,
    })
    if (!sent.ok) throw new Error('refused')
    expect(await submitCorrection({ bsn }, sent.id, { now: t0 })).toMatchObject({ ok: true })
    expect((await saveCorrectionDraft({ bsn }, null, surname(), upload(10 * MB), { now: t0 })).ok).toBe(true)
    // Eight days later the draft has expired, not yet purged: starting again with a new file is fine.
    const later = new Date(t0.getTime() + 8 * DAY)
    expect((await saveCorrectionDraft({ bsn }, null, surname(), upload(10 * MB), { now: later })).ok).toBe(true)
    expect(await uploadBytesInUse(bsn, { db: getDb() })).toBe(20 * MB)
  })

  it('says so at the field and in the error summary, keeping what was typed', async () => {
    const cookie = await loginAsCitizen(server.url, kees.bsn, 'midden')
    const res = await postCorrection(
      cookie,
      correctionForm('Mijn achternaam is anders gespeld.', { bytes: pdfBytes(6 * MB), name: 'paspoort.pdf' }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    const message = 'Met dit bestand wordt dat samen meer dan 25 MB.'
    expect(html.match(new RegExp(message, 'g'))?.length).toBe(2) // summary and field
    expect(html).toContain('Mijn achternaam is anders gespeld.')
    expect(html).toContain('value="Jansen-de Boer"')
  })
})
