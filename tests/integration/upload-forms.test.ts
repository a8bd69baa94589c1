import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { sniffMediaType } from '~/domain/uploads'
import { exifOrientation, parseJpeg } from '~/services/uploads/jpeg.server'
import { createCase } from '../support/factories'
import { portalClient } from '../support/http'
import { loginAsCitizen } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'
import { jpegWithGps, pdfOf } from '../support/upload-files'

/**
 * The two forms that take files judge them as every upload is (app/services/uploads): a PDF
 * that runs a script is refused at the field with the typed text kept and nothing stored, and a
 * photo is stored without its GPS position — over HTTP, against the production build.
 */
let server: TestServer
let db: DB
const anneke = personaByKey('anneke')
const jan = personaByKey('jan')
const cookies: Record<string, string> = {}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.anneke = await loginAsCitizen(server.url, anneke.bsn, 'midden')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
})
afterAll(() => server?.close())

const { post } = portalClient(() => server.url)
const unsafePdf = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /JS (app.launchURL("x")) >> >>'])
const multipart = (fields: Record<string, string>, field: string, files: Array<[string, Buffer, string]>) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const [name, bytes, type] of files) form.append(field, new Blob([new Uint8Array(bytes)], { type }), name)
  return form
}
/** What a stored photo must be: a whole JPEG, upright, and no trace of where it was taken. */
function expectStrippedPhoto(stored: Buffer) {
  expect(sniffMediaType(stored)).toBe('image/jpeg')
  const parsed = parseJpeg(stored)
  expect(parsed.ok).toBe(true)
  if (!parsed.ok) return
  const text = stored.toString('latin1')
  for (const gone of ['GPSLatitude', 'Grote Markt', 'Groningen', 'xmpmeta']) expect(text).not.toContain(gone)
  expect(stored.includes(Buffer.from([0x25, 0x88]))).toBe(false) // the GPS IFD's pointer
  const exif = parsed.segments.filter((s) => s.marker === 0xe1)
  expect(exif.map((s) => exifOrientation(s.payload.subarray(6)))).toEqual([6])
}

describe('the correction form', () => {
  const FIELDS = { field: 'birth_place', proposedValue: 'Appingedam', explanation: 'Ik ben in Appingedam geboren.' }
  const evidenceOf = () =>
    db
      .selectFrom('correction_requests')
      .select(['evidence', 'evidence_type', 'evidence_name'])
      .where('bsn', '=', anneke.bsn)
      .where('status', '=', 'draft')
      .execute()

  it('refuses a PDF that runs a script, at the field, keeps what was typed, and stores nothing', async () => {
    const res = await post(
      '/mijn/gegevens/correctie',
      cookies.anneke,
      multipart(FIELDS, 'evidence', [['akte.pdf', unsafePdf(), 'application/pdf']]),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Er zit een script of programma in het bestand.')
    expect(html).toContain('value="Appingedam"')
    expect(html).toContain('Ik ben in Appingedam geboren.')
    expect(await evidenceOf()).toEqual([])
  })

  it('stores a photo without its location', async () => {
    const photo = jpegWithGps({ orientation: 6, trailer: Buffer.from('second image') })
    const res = await post(
      '/mijn/gegevens/correctie',
      cookies.anneke,
      multipart(FIELDS, 'evidence', [['IMG_2041.jpg', photo, 'image/jpeg']]),
    )
    expect(res.status).toBe(302)
    const [row] = await evidenceOf()
    expect(row).toMatchObject({ evidence_type: 'image/jpeg', evidence_name: 'IMG_2041.jpg' })
    expect(row.evidence!.length).toBeLessThan(photo.length)
    expectStrippedPhoto(row.evidence!)
  })
})

describe('the objection form', () => {
  const GROUNDS = 'Ik heb de vergunning wel nodig: ik werk in ploegendienst.'
  const decided = () =>
    createCase(db, {
      bsn: jan.bsn,
      caseTypeCode: 'parkeervergunning',
      subject: 'Bewonersvergunning Korreweg',
      receivedDaysAgo: 13,
      events: [{ daysAgo: 3, type: 'decided', outcome: 'refused', reasons: 'Er is geen plek', citizenOptions: '-' }],
    })
  const draftFiles = (decisionCaseId: string) =>
    db
      .selectFrom('objection_draft_files as f')
      .innerJoin('objections as o', 'o.id', 'f.objection_id')
      .select(['f.name', 'f.media_type', 'f.bytes', 'f.size'])
      .where('o.decision_case_id', '=', decisionCaseId)
      .execute()

  it('refuses a PDF that runs a script, names it at the field, keeps the grounds and the good file', async () => {
    const decision = await decided()
    const res = await post(
      `/mijn/zaken/${decision.caseId}/bezwaar`,
      cookies.jan,
      multipart({ grounds: GROUNDS }, 'attachments', [
        ['rooster.pdf', unsafePdf(), 'application/pdf'],
        ['foto.jpg', jpegWithGps(), 'image/jpeg'],
      ]),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('rooster.pdf is niet toegevoegd: er zit een script of programma in.')
    expect(html).toContain(GROUNDS)
    const files = await draftFiles(decision.caseId)
    expect(files.map((f) => [f.name, f.media_type])).toEqual([['foto.jpg', 'image/jpeg']])
    expectStrippedPhoto(files[0].bytes)
    expect(files[0].size).toBe(files[0].bytes.length)
  })
})
