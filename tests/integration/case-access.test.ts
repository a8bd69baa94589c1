import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import {
  getCaseForStaff,
  listCaseTypesForStaff,
  listCasesForStaff,
  recordCaseEventForStaff,
  registerCaseForStaff,
} from '~/services/cases/access.server'
import { handledCaseTypes } from '~/services/cases/scope.server'
import { receiveCase } from '~/services/cases/record.server'
import {
  acceptCorrection,
  getCorrectionForCaseworker,
  getEvidenceForCaseworker,
  listCorrectionRequests,
  refuseCorrection,
} from '~/services/requests/correction-review.server'
import { saveCorrectionDraft, submitCorrection } from '~/services/requests/corrections.server'
import { getLetterForPrinting, listPostQueue, markLettersPrinted } from '~/services/letters/post.server'
import { approveMove, refuseMove } from '~/services/requests/move-decision.server'
import { getMoveRequestForCaseworker, listMoveRequests } from '~/services/requests/move-review.server'
import { saveCoMovers, saveMoveAddress, saveMoveDate } from '~/services/requests/move-draft.server'
import { submitMove } from '~/services/requests/move-submit.server'
import { getCasesAtRiskForEmployee } from '~/services/quality/cases-at-risk.server'
import { loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'
import { plainPng } from '../support/upload-files'

/**
 * Least privilege: a caseworker handles the case types of their own department; a manager
 * (-caseworker) handles all. Every caseworker action and screen, for someone of the department,
 * someone of another department, and the manager-caseworker.
 */
const MIRJAM = { employeeId: 'E1001' } // Vergunningen: permits, parking permits, grants
const RIANNE = { employeeId: 'E1003' } // Burgerzaken: BRP corrections, moves
const YOUSSEF = { employeeId: 'E1004' } // Zorg en Welzijn: Wmo
const INGRID = { employeeId: 'E3002' } // manager and caseworker (Burgerzaken)

const now = new Date()
const today = todayIn(now)
const png = plainPng()
const db = () => getDb()

const ids = {} as {
  permit: string
  permitRef: string
  wmo: string
  overdueWmo: string
  objection: string
  objectionRef: string
  correction: string
  correctionRef: string
  move: string
  moveRef: string
  paperLetter: string
}

async function receive(bsn: string, caseTypeCode: string, extra: { receivedOn?: string; contact?: string } = {}) {
  const result = await receiveCase({
    caseTypeCode,
    bsn,
    subject: `Test ${caseTypeCode}`,
    channel: 'post',
    receivedOn: extra.receivedOn ?? today,
    contactEmployeeId: extra.contact,
    source: 'test',
    sourceEventId: randomUUID(),
    actor: 'system:test',
    occurredAt: now,
  })
  if (!result.ok) throw new Error(result.code)
  return result
}

let server: TestServer
const cookies: Record<'mirjam' | 'rianne' | 'youssef' | 'ingrid', string> = {
  mirjam: '',
  rianne: '',
  youssef: '',
  ingrid: '',
}

beforeAll(async () => {
  await seedPersonas(db())
  // A case type as the objections (bezwaar) will arrive: its department has no caseworkers yet.
  await db()
    .insertInto('case_types')
    .values({
      code: 'bezwaar_test',
      name_nl: 'Bezwaar (test)',
      name_en: 'Objection (test)',
      description_nl: 'Bezwaar tegen een besluit.',
      description_en: 'An objection to a decision.',
      department: 'Juridische Zaken',
      lead_time_amount: 6,
      lead_time_unit: 'weeks',
      extension_amount: 6,
      extension_unit: 'weeks',
      legal_basis: 'Awb 7:10',
      default_contact_id: null,
    })
    .execute()
  await db()
    .insertInto('case_type_steps')
    .values(
      [
        ['ontvangen', false],
        ['hoorzitting', false],
        ['besluit', true],
      ].map(([code, final], i) => ({
        case_type_code: 'bezwaar_test',
        position: i + 1,
        code: String(code),
        name_nl: String(code),
        name_en: String(code),
        explanation_nl: '-',
        explanation_en: '-',
        final: Boolean(final),
      })),
    )
    .execute()

  const permit = await receive(personaByKey('jan').bsn, 'omgevingsvergunning')
  ids.permit = permit.caseId
  ids.permitRef = permit.reference
  ids.wmo = (await receive(personaByKey('truus').bsn, 'wmo')).caseId
  // Overdue, and Mirjam is named as its contact: still not hers to handle.
  ids.overdueWmo = (
    await receive(personaByKey('fatima').bsn, 'wmo', { receivedOn: addDays(today, -120), contact: 'E1001' })
  ).caseId
  const objection = await receive(personaByKey('liam').bsn, 'bezwaar_test')
  ids.objection = objection.caseId
  ids.objectionRef = objection.reference
  ids.paperLetter = (
    await db().selectFrom('letters').select('id').where('case_id', '=', ids.wmo).executeTakeFirstOrThrow()
  ).id

  const kees = { bsn: personaByKey('kees').bsn }
  const draft = await saveCorrectionDraft(
    kees,
    null,
    { field: 'surname', proposedValue: 'Smid', explanation: 'Mijn achternaam is verkeerd gespeld.' },
    { name: 'akte.png', size: png.byteLength, bytes: png },
  )
  if (!draft.ok) throw new Error('correction refused')
  const sent = await submitCorrection(kees, draft.id)
  if (!sent.ok) throw new Error('correction not sent')
  ids.correction = draft.id
  ids.correctionRef = sent.reference

  const lisa = { bsn: personaByKey('lisa').bsn }
  const move = await saveMoveAddress(lisa, null, { postcode: '9715AB', houseNumber: '5', addition: '' })
  if (!move.ok) throw new Error('move refused')
  const date = addDays(today, 7)
  await saveMoveDate(lisa, move.id, { year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10) })
  await saveCoMovers(lisa, move.id, [])
  const moved = await submitMove(lisa, move.id)
  if (!moved.ok) throw new Error('move not sent')
  ids.move = move.id
  ids.moveRef = moved.reference

  server = await startTestServer()
  cookies.mirjam = await loginAsStaff(server.url, 'E1001')
  cookies.rianne = await loginAsStaff(server.url, 'E1003')
  cookies.youssef = await loginAsStaff(server.url, 'E1004')
  cookies.ingrid = await loginAsStaff(server.url, 'E3002')
})
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)
const events = async (caseId: string) =>
  (
    await db()
      .selectFrom('case_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).n
const viewsBy = async (employeeId: string, reference: string) =>
  (
    await db()
      .selectFrom('audit_log')
      .select('id')
      .where('actor_id', '=', employeeId)
      .where('resource', '=', `case:${reference}`)
      .execute()
  ).length

describe('who handles what', () => {
  it('follows the department of the case type; a manager handles every type, the unmapped one too', async () => {
    expect((await handledCaseTypes(MIRJAM.employeeId)).sort()).toEqual(
      ['omgevingsvergunning', 'parkeervergunning', 'subsidie'].sort(),
    )
    expect((await handledCaseTypes(RIANNE.employeeId)).sort()).toEqual([
      'brp_correctie',
      'uittreksel_brp',
      'verhuizing',
    ])
    expect(await handledCaseTypes(YOUSSEF.employeeId)).toEqual(['wmo'])
    expect((await handledCaseTypes('E1002')).sort()).toEqual(['bijstand', 'bijzondere_bijstand'])
    expect(await handledCaseTypes(INGRID.employeeId)).toContain('bezwaar_test')
    expect(await handledCaseTypes('E9999')).toEqual([]) // not in the staff register: nothing
  })
})

describe('the work list and a case', () => {
  it("lists only the caseworker's department's cases; the manager-caseworker sees all", async () => {
    const mirjam = await (await get('/medewerker/zaken?alle=1', cookies.mirjam)).text()
    const rianne = await (await get('/medewerker/zaken?alle=1', cookies.rianne)).text()
    const ingrid = await (await get('/medewerker/zaken?alle=1', cookies.ingrid)).text()
    expect(mirjam).toContain(ids.permitRef)
    expect(mirjam).not.toContain(ids.correctionRef)
    expect(mirjam).not.toContain(ids.objectionRef)
    expect(rianne).toContain(ids.correctionRef)
    expect(rianne).toContain(ids.moveRef)
    expect(rianne).not.toContain(ids.permitRef)
    for (const ref of [ids.permitRef, ids.correctionRef, ids.moveRef, ids.objectionRef]) expect(ingrid).toContain(ref)
    // the service, directly
    const listed = (await listCasesForStaff(RIANNE, {}, { lang: 'nl' })).map((c) => c.id)
    expect(listed).not.toContain(ids.permit)
    expect(listed).not.toContain(ids.wmo)
  })

  it("answers another department's case with the same 404 as a case that does not exist, and audits no view", async () => {
    const foreign = await get(`/medewerker/zaken/${ids.permit}`, cookies.rianne)
    const missing = await get(`/medewerker/zaken/${randomUUID()}`, cookies.rianne)
    expect(foreign.status).toBe(404)
    expect(missing.status).toBe(404)
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0]
    const foreignPage = main(await foreign.text())
    expect(foreignPage).toContain('Pagina niet gevonden')
    expect(foreignPage).toBe(main(await missing.text()))
    expect(await viewsBy('E1003', ids.permitRef)).toBe(0)
    expect(await getCaseForStaff(RIANNE, ids.permit, { lang: 'nl', audit: true })).toBeNull()
    expect(await viewsBy('E1003', ids.permitRef)).toBe(0)
    // The department's own caseworker opens it, and that is audited.
    expect((await get(`/medewerker/zaken/${ids.permit}`, cookies.mirjam)).status).toBe(200)
    expect(await viewsBy('E1001', ids.permitRef)).toBe(1)
  })

  const actions: Array<[string, Record<string, string>]> = [
    ['volgende-stap', { step: 'volledigheid' }],
    ['informatie-opvragen', { information: 'Een tekening van de gevel.', respondBy: addDays(today, 14) }],
    ['hervatten', { note: '' }],
    ['verdagen', { reason: 'Advies van de welstandscommissie.' }],
    ['besluiten', { outcome: 'granted', summary: '', reasons: 'Het plan past binnen de regels.' }],
    ['sluiten', { note: '' }],
  ]
  for (const [action, form] of actions) {
    it(`refuses "${action}" on another department's case: the form and the post are 404, nothing is written`, async () => {
      expect((await get(`/medewerker/zaken/${ids.permit}/${action}`, cookies.rianne)).status).toBe(404)
      const before = await events(ids.permit)
      const res = await post(`/medewerker/zaken/${ids.permit}/${action}`, cookies.rianne, {
        ...form,
        formId: randomUUID(),
      })
      expect(res.status).toBe(404)
      expect(await events(ids.permit)).toBe(before)
      expect((await get(`/medewerker/zaken/${ids.permit}/${action}`, cookies.mirjam)).status).toBe(200)
    })
  }

  it('records an action of the own department, through the same service', async () => {
    const res = await post(`/medewerker/zaken/${ids.permit}/volgende-stap`, cookies.mirjam, {
      step: 'volledigheid',
      formId: randomUUID(),
    })
    expect(res.status).toBe(302)
    expect(
      await recordCaseEventForStaff(RIANNE, ids.permit, { type: 'step_reached', step: 'beoordeling' }, randomUUID()),
    ).toEqual({ ok: false, code: 'case_not_found', field: 'case' })
  })
})

describe('registering a case', () => {
  it("offers only the department's case types, and refuses another as not in the list", async () => {
    const form = await (await get('/medewerker/zaken/nieuw', cookies.rianne)).text()
    expect(form).toContain('value="brp_correctie"')
    expect(form).not.toContain('value="omgevingsvergunning"')
    expect(await (await get('/medewerker/zaken/nieuw', cookies.ingrid)).text()).toContain('value="bezwaar_test"')
    const before = await db()
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    const res = await post('/medewerker/zaken/nieuw', cookies.rianne, {
      bsn: personaByKey('jan').bsn,
      caseType: 'omgevingsvergunning',
      subject: 'Dakkapel',
      channel: 'post',
      receivedOn: today,
      formId: randomUUID(),
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Kies een soort zaak uit de lijst')
    const after = await db()
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    expect((await listCaseTypesForStaff(MIRJAM, { lang: 'nl' })).map((t) => t.code).sort()).toEqual(
      ['omgevingsvergunning', 'parkeervergunning', 'subsidie'].sort(),
    )
    expect(
      await registerCaseForStaff(RIANNE, {
        caseTypeCode: 'omgevingsvergunning',
        bsn: personaByKey('jan').bsn,
        subject: 'Dakkapel',
        channel: 'post',
        receivedOn: today,
        sourceEventId: randomUUID(),
        occurredAt: now,
      }),
    ).toEqual({ ok: false, code: 'unknown_case_type', field: 'caseType' })
  })
})

describe('reviewing moves and corrections', () => {
  it('keeps moves from a caseworker of another department: list, page and decision', async () => {
    expect(await (await get('/medewerker/verhuizingen', cookies.mirjam)).text()).not.toContain(ids.moveRef)
    expect(await (await get('/medewerker/verhuizingen', cookies.rianne)).text()).toContain(ids.moveRef)
    expect((await get(`/medewerker/verhuizingen/${ids.move}`, cookies.mirjam)).status).toBe(404)
    // Approving goes through its confirmation page: neither the page nor the confirmation is hers.
    expect((await get(`/medewerker/verhuizingen/${ids.move}/goedkeuren`, cookies.mirjam)).status).toBe(404)
    expect(
      (await post(`/medewerker/verhuizingen/${ids.move}/goedkeuren`, cookies.mirjam, { intent: 'confirm-approve' }))
        .status,
    ).toBe(404)
    expect(
      (await post(`/medewerker/verhuizingen/${ids.move}`, cookies.mirjam, { intent: 'refuse', reason: 'Nee.' })).status,
    ).toBe(404)
    const status = await db().selectFrom('move_requests').select('status').where('id', '=', ids.move).executeTakeFirst()
    expect(status?.status).toBe('submitted')
    // the services, directly
    expect(await listMoveRequests(MIRJAM)).toEqual([])
    expect(await getMoveRequestForCaseworker(MIRJAM, ids.move)).toBeNull()
    expect(await approveMove(MIRJAM, ids.move)).toEqual({ ok: false, error: 'not_found' })
    expect(await refuseMove(MIRJAM, ids.move, 'Nee.')).toEqual({ ok: false, error: 'not_found' })
    expect((await get(`/medewerker/verhuizingen/${ids.move}`, cookies.rianne)).status).toBe(200)
  })

  it('keeps corrections and their evidence from a caseworker of another department', async () => {
    expect(await (await get('/medewerker/correcties', cookies.mirjam)).text()).not.toContain(ids.correctionRef)
    expect(await (await get('/medewerker/correcties', cookies.rianne)).text()).toContain(ids.correctionRef)
    expect((await get(`/medewerker/correcties/${ids.correction}`, cookies.mirjam)).status).toBe(404)
    expect((await get(`/medewerker/correcties/${ids.correction}/bewijs`, cookies.mirjam)).status).toBe(404)
    expect((await post(`/medewerker/correcties/${ids.correction}`, cookies.mirjam, { intent: 'accept' })).status).toBe(
      404,
    )
    const row = await db()
      .selectFrom('correction_requests')
      .select('status')
      .where('id', '=', ids.correction)
      .executeTakeFirst()
    expect(row?.status).toBe('submitted')
    expect(await listCorrectionRequests(MIRJAM)).toEqual([])
    expect(await getCorrectionForCaseworker(MIRJAM, ids.correction)).toBeNull()
    expect(await getEvidenceForCaseworker(MIRJAM, ids.correction)).toBeNull()
    expect(await acceptCorrection(MIRJAM, ids.correction)).toEqual({ ok: false, error: 'not_found' })
    expect(await refuseCorrection(MIRJAM, ids.correction, 'Nee.')).toEqual({ ok: false, error: 'not_found' })
    // Opening it was refused before anything was written to the citizen's audit trail.
    const audited = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', 'E1001')
      .where('resource', '=', `correction-request:${ids.correction}`)
      .execute()
    expect(audited).toEqual([])
    expect((await get(`/medewerker/correcties/${ids.correction}/bewijs`, cookies.rianne)).status).toBe(200)
  })
})

describe('the post queue', () => {
  it("shows, prints and marks only the letters of the department's cases", async () => {
    expect(await (await get('/medewerker/post', cookies.youssef)).text()).toContain(ids.paperLetter)
    expect(await (await get('/medewerker/post', cookies.mirjam)).text()).not.toContain(ids.paperLetter)
    expect((await get(`/medewerker/post/${ids.paperLetter}/pdf`, cookies.mirjam)).status).toBe(404)
    const marked = await post('/medewerker/post', cookies.mirjam, { letterId: ids.paperLetter })
    expect(marked.headers.get('location')).toBe('/medewerker/post?gedrukt=0')
    const letter = await db()
      .selectFrom('letters')
      .select('printed_at')
      .where('id', '=', ids.paperLetter)
      .executeTakeFirst()
    expect(letter?.printed_at).toBeNull()
    expect((await listPostQueue(MIRJAM.employeeId)).map((l) => l.id)).not.toContain(ids.paperLetter)
    expect(await getLetterForPrinting(MIRJAM.employeeId, ids.paperLetter)).toBeNull()
    expect(await markLettersPrinted(MIRJAM.employeeId, [ids.paperLetter])).toBe(0)
    const pdf = await get(`/medewerker/post/${ids.paperLetter}/pdf`, cookies.youssef)
    expect(pdf.status).toBe(200)
    await pdf.arrayBuffer()
  })
})

describe('the start page', () => {
  it("shows cases at risk only of the caseworker's department, even where they are the contact", async () => {
    const mine = await getCasesAtRiskForEmployee(MIRJAM.employeeId, { lang: 'nl' })
    expect(mine.cases.map((c) => c.id)).not.toContain(ids.overdueWmo)
    const html = await (await get('/medewerker', cookies.mirjam)).text()
    expect(html).not.toContain(ids.overdueWmo)
  })
})

describe('a case type not mapped to a department with caseworkers (the coming objections)', () => {
  it('is handled by the manager-caseworker alone, until one line maps it', async () => {
    expect((await get(`/medewerker/zaken/${ids.objection}`, cookies.rianne)).status).toBe(404)
    expect((await get(`/medewerker/zaken/${ids.objection}`, cookies.ingrid)).status).toBe(200)
    const res = await post(`/medewerker/zaken/${ids.objection}/volgende-stap`, cookies.ingrid, {
      step: 'hoorzitting',
      formId: randomUUID(),
    })
    expect(res.status).toBe(302)
    await db().updateTable('case_types').set({ department: 'Burgerzaken' }).where('code', '=', 'bezwaar_test').execute()
    expect((await get(`/medewerker/zaken/${ids.objection}`, cookies.rianne)).status).toBe(200)
    expect((await get(`/medewerker/zaken/${ids.objection}`, cookies.mirjam)).status).toBe(404)
  })
})
