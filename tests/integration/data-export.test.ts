import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { seedDemoMessages } from '../../server/seed/messages'
import { personaByKey } from '../../db/seed/personas'
import { DATA_EXPORT_SCHEMA, type DataExport } from '~/domain/data-export'
import { recordAudit } from '~/services/audit.server'
import { answerInformationRequest } from '~/services/cases/information.server'
import { addDocuments } from '~/services/cases/documents.server'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The citizen's own copy of their data (AVG art. 15 and 20) over HTTP, against the real server:
 * two citizens of one household, each with rows of every kind, and neither's copy holds a row
 * of the other; the PDF says the same in words (pdftotext, from poppler-utils: this file fails
 * without it, it never skips); every download is audited and shown to the citizen; DigiD Midden;
 * a support employee looking along is refused.
 */
let server: TestServer
let db: DB
const pieter = personaByKey('pieter')
const fatima = personaByKey('fatima')
const noor = personaByKey('noor')
const daan = personaByKey('daan')
const jan = personaByKey('jan')
/** Words only Fatima typed, in her answer to the request for information. */
const FATIMAS_ANSWER = 'Mijn huisarts stuurt de verklaring ANTWOORD-FATIMA'
const cookies: Record<string, string> = {}
const tmp = mkdtempSync(path.join(tmpdir(), 'mijnstad-export-'))

function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: this test needs poppler-utils (apt-get install -y poppler-utils)`)
    }
    throw error
  }
}

/** Rows of every kind the copy holds, for one citizen, each with a mark that is only theirs. */
async function giveRows(bsn: string, mark: string, coMovers: string[]) {
  const address = await db
    .selectFrom('addresses')
    .select('id')
    .where('street', '=', 'Korreweg')
    .executeTakeFirstOrThrow()
  const now = new Date()
  await db
    .insertInto('correction_requests')
    .values({
      bsn,
      status: 'submitted',
      field: 'birth_place',
      current_value: 'Groningen',
      proposed_value: `Plaats-${mark}`,
      explanation: `Uitleg van ${mark}`,
      created_at: now,
      updated_at: now,
      submitted_at: now,
    })
    .execute()
  await db
    .insertInto('move_requests')
    .values({
      bsn,
      status: 'draft',
      address_id: address.id,
      move_date: '2026-12-01',
      co_mover_bsns: coMovers,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('contact_moments')
    .values({ bsn, channel: 'phone', subject: `Gesprek-${mark}`, summary: `Belde over ${mark}` })
    .execute()
  await db
    .insertInto('person_changes')
    .values({
      bsn,
      field: 'given_names',
      old_value: 'Oud',
      new_value: `Nieuw-${mark}`,
      changed_at: now,
      source: 'correction',
      actor: 'employee:E1003',
    })
    .execute()
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: 'E1003',
    action: 'personal_data.viewed',
    subjectBsn: bsn,
    resource: 'medewerker/correcties',
    reason: `Reden-${mark}`,
  })
}

const { get } = portalClient(() => server.url)
const pdfFile = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)

async function exportJson(cookie: string): Promise<DataExport> {
  const res = await get('/mijn/gegevens/downloaden/json', cookie)
  expect(res.status).toBe(200)
  return (await res.json()) as DataExport
}

async function pdfText(cookie: string): Promise<string> {
  const res = await get('/mijn/gegevens/downloaden/pdf', cookie)
  expect(res.status).toBe(200)
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ')
}

const countRows = async (
  table: 'cases' | 'letters' | 'correction_requests' | 'move_requests' | 'contact_moments' | 'person_changes',
  bsn: string,
) =>
  (
    await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('bsn', '=', bsn)
      .executeTakeFirstOrThrow()
  ).n
const exportsAudited = async (bsn: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_kind', 'actor_id', 'details'])
    .where('subject_bsn', '=', bsn)
    .where('action', '=', 'personal_data.exported')
    .orderBy('id')
    .execute()

beforeAll(async () => {
  poppler('pdftotext', ['-v']) // fail at once, with the reason, when poppler-utils is missing
  db = getDb()
  await seedPersonas(db)
  await seedDemoCases(db, new Date())
  await giveRows(pieter.bsn, 'PIETER', [fatima.bsn, noor.bsn])
  await giveRows(fatima.bsn, 'FATIMA', [daan.bsn])
  // Jan's permit (ZS-1001) has a conversation with his caseworker; his caseworker adds a document.
  await seedDemoMessages(db, new Date())
  const permit = await db
    .selectFrom('cases')
    .select('id')
    .where('external_id', '=', 'ZS-1001')
    .executeTakeFirstOrThrow()
  await db
    .transaction()
    .execute((trx) =>
      addDocuments(
        trx,
        permit.id,
        [{ kind: 'attachment', title: 'Advies welstand', mediaType: 'application/pdf', bytes: pdfFile('welstand') }],
        { addedBy: 'employee:E1001', addedAt: new Date() },
      ),
    )
  // Fatima answers the request for information on her Wmo case, with a file.
  const wmo = await db
    .selectFrom('cases')
    .select('id')
    .where('bsn', '=', fatima.bsn)
    .where('status', '=', 'suspended')
    .executeTakeFirstOrThrow()
  const answered = await answerInformationRequest(
    { bsn: fatima.bsn },
    wmo.id,
    {
      answer: FATIMAS_ANSWER,
      files: [{ name: 'verklaring.pdf', mediaType: 'application/pdf', bytes: pdfFile('huisarts') }],
    },
    { formId: randomUUID() },
  )
  expect(answered).toMatchObject({ ok: true })
  server = await startTestServer()
  cookies.pieter = await loginAsCitizen(server.url, pieter.bsn, 'midden')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'midden')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.pieterBasis = await loginAsCitizen(server.url, pieter.bsn, 'basis')
  cookies.support = await loginAsStaff(server.url, 'E2001')
  const en = await fetch(`${server.url}/taal`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ lng: 'en', returnTo: '/' }),
  })
  cookies.english = (en.headers.get('set-cookie') ?? '').split(';')[0]
})
afterAll(async () => {
  await server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

const inEnglish = (cookie: string) =>
  [...cookie.split(/;\s*/).filter((c) => !c.startsWith('lng=')), cookies.english].join('; ')

describe('the JSON copy', () => {
  it('is a download: attachment named without BSN or name, never cached', async () => {
    const res = await get('/mijn/gegevens/downloaden/json', cookies.pieter)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const data = (await res.json()) as DataExport
    expect(data.schema).toBe(DATA_EXPORT_SCHEMA)
    expect(data.version).toBe(1)
    expect(new Date(data.generatedAt).toString()).not.toBe('Invalid Date')
  })

  it('holds exactly Pieter’s own rows, and nothing of Fatima’s, though they share a household', async () => {
    const data = await exportJson(cookies.pieter)
    expect(data.person).toMatchObject({ bsn: pieter.bsn, givenNames: 'Pieter', surname: 'Vries' })
    const own = await db.selectFrom('cases').select('reference').where('bsn', '=', pieter.bsn).execute()
    expect(data.cases.map((c) => c.reference).sort()).toEqual(own.map((c) => c.reference).sort())
    expect(data.cases.length).toBeGreaterThan(0)
    expect(data.letters).toHaveLength(await countRows('letters', pieter.bsn))
    expect(data.letters.length).toBeGreaterThan(0)
    expect(data.correctionRequests).toHaveLength(await countRows('correction_requests', pieter.bsn))
    expect(data.moves).toHaveLength(await countRows('move_requests', pieter.bsn))
    expect(data.contactMoments).toHaveLength(await countRows('contact_moments', pieter.bsn))
    expect(data.dataChanges).toHaveLength(await countRows('person_changes', pieter.bsn))
    expect(data.correctionRequests[0]).toMatchObject({ proposedValue: 'Plaats-PIETER', status: 'submitted' })
    expect(data.contactMoments[0].subject).toBe('Gesprek-PIETER')
    expect(data.viewedBy.some((v) => v.reason === 'Reden-PIETER' && v.who === 'employee')).toBe(true)
    // Every case comes with its history; every letter with its text.
    for (const c of data.cases) expect(c.events[0]).toMatchObject({ seq: 1, type: 'received' })
    for (const l of data.letters) expect(l.text).toContain('Pieter de Vries')
    // The household by name, the co-movers by name: their BSNs are not Pieter's data.
    expect(data.household.map((m) => m.name)).toEqual(['Fatima el Amrani', 'Noor de Vries', 'Daan de Vries'])
    expect(data.moves[0].coMovers).toEqual(['Fatima el Amrani', 'Noor de Vries'])
    const text = JSON.stringify(data)
    for (const foreign of [fatima.bsn, noor.bsn, daan.bsn, 'FATIMA']) expect(text).not.toContain(foreign)
    const fatimasCases = await db.selectFrom('cases').select('reference').where('bsn', '=', fatima.bsn).execute()
    expect(fatimasCases.length).toBeGreaterThan(0)
    for (const c of fatimasCases) expect(text).not.toContain(c.reference)
  })

  it('gives Fatima hers, and nothing of Pieter’s', async () => {
    const data = await exportJson(cookies.fatima)
    expect(data.person.bsn).toBe(fatima.bsn)
    expect(data.correctionRequests.map((r) => r.proposedValue)).toEqual(['Plaats-FATIMA'])
    expect(data.moves.map((m) => m.coMovers)).toEqual([['Daan de Vries']])
    const text = JSON.stringify(data)
    for (const foreign of [pieter.bsn, daan.bsn, 'PIETER']) expect(text).not.toContain(foreign)
    const pietersCases = await db.selectFrom('cases').select('reference').where('bsn', '=', pieter.bsn).execute()
    for (const c of pietersCases) expect(text).not.toContain(c.reference)
  })

  it('names case types and steps in the portal’s language', async () => {
    const nl = await exportJson(cookies.pieter)
    const en = await exportJson(inEnglish(cookies.pieter))
    expect(nl.language).toBe('nl')
    expect(en.language).toBe('en')
    expect(nl.cases[0].caseType).not.toBe(en.cases[0].caseType)
    expect(en.cases.map((c) => c.reference)).toEqual(nl.cases.map((c) => c.reference))
  })
})

describe('messages, answers and documents of a case (AVG art. 15)', () => {
  it('gives Jan the conversation on his permit: who wrote, when, the text, read or not — never an employee id', async () => {
    const data = await exportJson(cookies.jan)
    const permit = data.cases.find((c) => c.subject.startsWith('Dakkapel'))
    expect(permit).toBeDefined()
    const stored = await db
      .selectFrom('case_messages as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .select(['m.body', 'm.sent_at', 'm.read_at'])
      .where('c.external_id', '=', 'ZS-1001')
      .orderBy('m.seq')
      .execute()
    expect(stored).toHaveLength(3)
    expect(permit!.messages).toEqual(
      stored.map((m, i) => ({
        from: i === 1 ? 'municipality' : 'you',
        author: i === 1 ? 'Mirjam Kuipers' : null,
        department: i === 1 ? 'Vergunningen' : null,
        sentAt: m.sent_at.toISOString(),
        text: m.body,
        acknowledgement: false,
        readAt: m.read_at?.toISOString() ?? null,
      })),
    )
    // The last question is not read yet by the municipality.
    expect(permit!.messages[2].readAt).toBeNull()
    // The document the caseworker added: by the department, without its bytes.
    expect(permit!.documents).toEqual([
      expect.objectContaining({
        title: 'Advies welstand',
        kind: 'attachment',
        mediaType: 'application/pdf',
        bytes: pdfFile('welstand').byteLength,
        addedBy: 'municipality',
        department: 'Vergunningen',
      }),
    ])
    const caseText = JSON.stringify(permit)
    for (const hidden of ['E1001', 'employee:', 'sha256', '%PDF']) expect(caseText).not.toContain(hidden)
    // His other cases have none of it.
    for (const other of data.cases.filter((c) => c !== permit)) {
      expect(other.messages).toEqual([])
      expect(other.documents).toEqual([])
    }
  })

  it('gives Fatima her answer to the request for information, and its file among the case’s documents', async () => {
    const data = await exportJson(cookies.fatima)
    const wmo = data.cases.find((c) => c.informationAnswers.length > 0)
    expect(wmo?.informationAnswers).toEqual([
      {
        receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        channel: 'internet',
        text: FATIMAS_ANSWER,
        files: ['verklaring.pdf'],
      },
    ])
    expect(wmo!.documents).toEqual([
      expect.objectContaining({ title: 'verklaring.pdf', kind: 'answer', addedBy: 'you', department: null }),
    ])
    expect(wmo!.events.at(-1)).toMatchObject({ type: 'information_received', details: { channel: 'internet' } })
    // No one else's conversation: Jan's messages are not in Fatima's copy, nor in Pieter's.
    const janWrote = 'Weet u al wanneer de beoordeling klaar is?'
    expect(JSON.stringify(data)).not.toContain(janWrote)
    expect(data.cases.flatMap((c) => c.messages)).toEqual([])
    const pieters = await exportJson(cookies.pieter)
    expect(JSON.stringify(pieters)).not.toContain(janWrote)
    expect(JSON.stringify(pieters)).not.toContain('ANTWOORD-FATIMA')
    expect(pieters.cases.flatMap((c) => [...c.messages, ...c.informationAnswers, ...c.documents])).toEqual([])
    expect(JSON.stringify(await exportJson(cookies.jan))).not.toContain('ANTWOORD-FATIMA')
  })

  it('says the same in the PDF, in words', async () => {
    const jans = await pdfText(cookies.jan)
    expect(jans).toContain('Berichten')
    expect(jans).toContain('Mirjam Kuipers, gemeente, Vergunningen: Beste heer Jansen,')
    expect(jans).toContain('U: Dank u wel. Weet u al wanneer de beoordeling klaar is? (nog niet gelezen)')
    expect(jans).toContain('Advies welstand · Bijlage')
    expect(jans).not.toContain('E1001')
    const fatimas = await pdfText(cookies.fatima)
    expect(fatimas).toContain('Uw antwoorden op onze vragen')
    expect(fatimas).toContain(`Internet: ${FATIMAS_ANSWER} (bestanden: verklaring.pdf)`)
    expect(fatimas).not.toContain('Weet u al wanneer')
  })
})

describe('every download is audited', () => {
  it('writes one audit entry per download, as the citizen’s own, and shows it on “Wie heeft mijn gegevens bekeken”', async () => {
    const before = (await exportsAudited(pieter.bsn)).length
    await exportJson(cookies.pieter)
    await pdfText(cookies.pieter)
    const entries = await exportsAudited(pieter.bsn)
    expect(entries).toHaveLength(before + 2)
    expect(entries.slice(-2)).toMatchObject([
      { actor_kind: 'citizen', actor_id: 'citizen', details: { format: 'json' } },
      { actor_kind: 'citizen', actor_id: 'citizen', details: { format: 'pdf' } },
    ])
    const page = await (await get('/mijn/inzage', cookies.pieter)).text()
    expect(page).toContain('U heeft een kopie van uw gegevens gedownload (PDF)')
    expect(page).toContain('U heeft een kopie van uw gegevens gedownload (JSON)')
    // The next copy lists the earlier downloads.
    const data = await exportJson(cookies.pieter)
    expect(data.viewedBy.filter((v) => v.action === 'personal_data.exported' && v.who === 'you').length).toBe(
      before + 2,
    )
    // Fatima's page shows none of Pieter's downloads.
    const hers = await (await get('/mijn/inzage', cookies.fatima)).text()
    expect((hers.match(/kopie van uw gegevens gedownload/g) ?? []).length).toBe(
      (await exportsAudited(fatima.bsn)).length,
    )
  })

  it('lets the citizen report a download they do not recognise', async () => {
    const page = await (await get('/mijn/inzage', cookies.fatima)).text()
    const [entry] = (await exportsAudited(fatima.bsn)).length
      ? await db
          .selectFrom('audit_log')
          .select('id')
          .where('subject_bsn', '=', fatima.bsn)
          .where('action', '=', 'personal_data.exported')
          .orderBy('id', 'desc')
          .execute()
      : []
    expect(entry).toBeDefined()
    expect(page).toContain(`value="${entry.id}"`)
    const res = await fetch(`${server.url}/mijn/inzage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.fatima, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ entry: entry.id }),
    })
    expect(res.status).toBe(302)
    const moment = await db
      .selectFrom('contact_moments')
      .select('summary')
      .where('bsn', '=', fatima.bsn)
      .where('subject', '=', 'Inzage: niet herkend')
      .executeTakeFirstOrThrow()
    expect(moment.summary).toContain('personal_data.exported')
    expect(moment.summary).toContain('DigiD')
  })
})

describe('the PDF copy', () => {
  it('holds the key facts, in Dutch, and none of the other citizen’s', async () => {
    const text = await pdfText(cookies.pieter)
    const own = await db.selectFrom('cases').select('reference').where('bsn', '=', pieter.bsn).execute()
    const letters = await db.selectFrom('letters').select('title').where('bsn', '=', pieter.bsn).execute()
    for (const fact of [
      'Uw gegevens bij de gemeente Groningen',
      'Pieter de Vries',
      pieter.bsn,
      '30 mei 1986',
      'Helperzoom 8, 9722 BA Groningen',
      'Echtgenoot of partner',
      'Fatima el Amrani',
      'pieter.devries@example.nl',
      'Uiterlijke beslisdatum',
      'Plaats-PIETER',
      'Gesprek-PIETER',
      'Nieuw-PIETER',
      'Verhuist mee',
      'Wie heeft uw gegevens bekeken',
      ...own.map((c) => c.reference),
      ...letters.map((l) => l.title),
    ]) {
      expect(text).toContain(fact)
    }
    for (const foreign of [fatima.bsn, noor.bsn, 'FATIMA']) expect(text).not.toContain(foreign)
  })

  it('is in English when the portal is, and tagged, titled, with its fonts embedded', async () => {
    const res = await get('/mijn/gegevens/downloaden/pdf', inEnglish(cookies.pieter))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.pdf"$/,
    )
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const file = path.join(tmp, 'english.pdf')
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ')
    for (const fact of [
      'Your details at the Municipality of Groningen',
      'Date of birth',
      '30 May 1986',
      'Spouse or partner',
    ]) {
      expect(text).toContain(fact)
    }
    const info = poppler('pdfinfo', [file])
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Title:\s+Your details at the Municipality of Groningen$/m)
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .filter((l) => l.includes('AtkinsonHyperlegible'))
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    for (const row of fonts) expect(row).toMatch(/\byes\s+yes\s+yes\b/)
  })
})

describe('who may download', () => {
  it('asks for DigiD Midden: a Basis login is stepped up, for the page and both files', async () => {
    for (const url of [
      '/mijn/gegevens/downloaden',
      '/mijn/gegevens/downloaden/json',
      '/mijn/gegevens/downloaden/pdf',
    ]) {
      const res = await get(url, cookies.pieterBasis)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toMatch(/^\/inloggen\?niveau=midden/)
    }
  })

  it('sends someone without a session to log in', async () => {
    const res = await fetch(`${server.url}/mijn/gegevens/downloaden/json`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/inloggen\?/)
  })

  it('refuses a support employee looking along (403, with the explanation), and audits no download', async () => {
    const search = await fetch(`${server.url}/medewerker/burgers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'search', kind: 'bsn', bsn: pieter.bsn }),
    })
    const choice = /name="choice" value="([^"]+)"/.exec(await search.text())?.[1]
    expect(choice).toBeTruthy()
    const start = await fetch(`${server.url}/medewerker/burgers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.support, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'start', choice: choice!, reasonCode: 'phone', reference: 'T-2026-0099' }),
    })
    expect(start.status).toBe(302)
    // Looking along works: the employee sees Mijn gegevens, with the link the citizen would see.
    const overview = await get('/mijn/gegevens', cookies.support)
    expect(overview.status).toBe(200)
    expect(await overview.text()).toContain('href="/mijn/gegevens/downloaden"')

    const before = (await exportsAudited(pieter.bsn)).length
    for (const format of ['json', 'pdf']) {
      const res = await get(`/mijn/gegevens/downloaden/${format}`, cookies.support)
      expect(res.status).toBe(403)
      expect(res.headers.get('content-disposition')).toBeNull()
      expect(await res.json()).toEqual({ code: 'impersonation_export' })
    }
    const page = await get('/mijn/gegevens/downloaden', cookies.support)
    expect(page.status).toBe(403)
    const html = await page.text()
    expect(html).toContain('Downloaden kan niet tijdens meekijken')
    expect(html).not.toContain('href="/mijn/gegevens/downloaden/json"')
    expect(await exportsAudited(pieter.bsn)).toHaveLength(before)
  })
})
