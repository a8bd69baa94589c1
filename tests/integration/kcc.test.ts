import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { localDateOf, startOfDayIn, type LocalDate } from '~/domain/local-date'
import { isCitizenVisible, questionReference, type AnswerChannel, type QuestionChannel } from '~/domain/questions'
import { recordContactMoment } from '~/services/contacts/record.server'
import { addQuestionNote, handOverQuestion, linkQuestionToCase } from '~/services/questions/staff/actions.server'
import { sendFollowUp } from '~/services/questions/citizen.server'
import { answerQuestion } from '~/services/questions/staff/answer.server'
import { readQuestionForStaff } from '~/services/questions/staff/detail.server'
import { listInbox } from '~/services/questions/staff/inbox.server'
import { registerQuestionForCitizen } from '~/services/questions/staff/register.server'
import { questionTerms } from '~/services/questions/norms.server'
import { createCase } from '../support/factories'
import { portalClient } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The customer contact centre: the inbox of open questions with the ones at risk of missing the
 * charter's terms (holidays and weekends are not working days), who sees which question (the
 * contact centre all, a department what was handed to it, a manager reads), answering, handing
 * over without touching the terms, the contact register's refusals, and that a citizen reaches
 * none of it and no BSN lands in a log line.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)

const lotte = { employeeId: 'E2002', roles: ['kcc'] } // Klantcontactcentrum
const mirjam = { employeeId: 'E1001', roles: ['caseworker'] } // Vergunningen
const henk = { employeeId: 'E1002', roles: ['caseworker'] } // Werk en Inkomen
const ahmed = { employeeId: 'E3001', roles: ['manager'] }

const at = (day: LocalDate, hour = 10) => new Date(startOfDayIn(day).getTime() + hour * 3_600_000)

/**
 * A question as it stands after it came in: its terms from the charter (or given, to place it
 * around a holiday), acknowledged or not. The portal's and public form's intake is another
 * part's; this is the row and the thread they leave behind.
 */
async function askQuestion(
  options: {
    bsn?: string | null
    email?: string
    phone?: string
    channel?: QuestionChannel
    answerChannel?: AnswerChannel
    receivedOn?: LocalDate
    terms?: { acknowledgeBy: LocalDate; answerBy: LocalDate }
    acknowledged?: boolean
    topic?: string
  } = {},
) {
  const channel = options.channel ?? 'internet'
  const receivedAt = at(options.receivedOn ?? '2026-11-30')
  const terms = options.terms ?? (await questionTerms(channel, receivedAt))
  const n = (await sql<{ n: string }>`select nextval('question_reference_seq') as n`.execute(db)).rows[0].n
  const bsn = options.bsn === undefined ? jan.bsn : options.bsn
  const q = await db
    .insertInto('questions')
    .values({
      reference: questionReference(receivedAt.getFullYear(), Number(n)),
      bsn,
      email: options.email ?? null,
      phone: options.phone ?? null,
      topic: options.topic ?? 'moving',
      channel,
      answer_channel: options.answerChannel ?? (bsn ? 'portal' : 'email'),
      language: 'nl',
      received_at: receivedAt,
      registered_at: receivedAt as unknown as undefined, // Generated<Timestamp>: kysely takes the Date
      acknowledge_by: terms.acknowledgeBy,
      answer_by: terms.answerBy,
      form_id: randomUUID(),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
  await db
    .insertInto('question_entries')
    .values({
      question_id: q.id,
      kind: 'question',
      author_kind: 'citizen',
      body: 'Wanneer wordt mijn verhuizing verwerkt?',
    })
    .execute()
  if (options.acknowledged ?? true)
    await db
      .insertInto('question_entries')
      .values({
        question_id: q.id,
        kind: 'acknowledgement',
        author_kind: 'system',
        body: 'Wij hebben uw vraag ontvangen.',
        sent_via: 'portal',
      })
      .execute()
  return q
}

const questionRow = (id: string) =>
  db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const entriesOf = (id: string) =>
  db.selectFrom('question_entries').selectAll().where('question_id', '=', id).orderBy('seq').execute()
const auditOf = (action: string, reference: string) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('resource', '=', `question:${reference}`)
    .execute()

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'basis')
  cookies.lotte = await loginAsStaff(server.url, 'E2002')
  cookies.mirjam = await loginAsStaff(server.url, 'E1001')
  cookies.henk = await loginAsStaff(server.url, 'E1002')
  cookies.ahmed = await loginAsStaff(server.url, 'E3001')
})
afterAll(() => server?.close())

describe('the inbox', () => {
  it("orders open questions by answer-by date and marks the ones at risk, King's Day and the weekend not counted", async () => {
    // Today Wednesday 21 April 2027. Working days after it: Thu 22, Fri 23, Mon 26, (Tue 27 King's
    // Day), Wed 28, Thu 29 = 5, Fri 30 = 6.
    const today = '2027-04-21'
    const topic = 'grants' // a topic of this test alone
    const inFive = await askQuestion({ topic, terms: { acknowledgeBy: '2027-03-25', answerBy: '2027-04-29' } })
    const inSix = await askQuestion({ topic, terms: { acknowledgeBy: '2027-03-26', answerBy: '2027-04-30' } })
    const late = await askQuestion({ topic, terms: { acknowledgeBy: '2027-03-11', answerBy: '2027-04-20' } })
    const ackLate = await askQuestion({
      topic,
      acknowledged: false,
      terms: { acknowledgeBy: '2027-04-20', answerBy: '2027-05-26' },
    })
    const ackOwed = await askQuestion({
      topic,
      acknowledged: false,
      terms: { acknowledgeBy: '2027-04-23', answerBy: '2027-05-27' },
    })
    const answered = await askQuestion({ topic, terms: { acknowledgeBy: '2027-03-11', answerBy: '2027-04-19' } })
    await db
      .updateTable('questions')
      .set({ answered_at: at('2027-04-01') })
      .where('id', '=', answered.id)
      .execute()

    const inbox = await listInbox(lotte, { topic }, { today })
    expect(inbox.map((q) => [q.reference, q.risk])).toEqual([
      [late.reference, 'late'],
      [inFive.reference, 'dueSoon'],
      [inSix.reference, null],
      [ackLate.reference, 'acknowledgementLate'],
      [ackOwed.reference, 'acknowledgementOwed'],
    ])
  })

  it('shows the risk as a word on the page, with the filter for topic', async () => {
    const q = await askQuestion({ topic: 'taxes', terms: { acknowledgeBy: '2026-01-08', answerBy: '2026-02-12' } })
    const res = await portal.get('/medewerker/vragen?onderwerp=taxes', cookies.lotte)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(q.reference)
    expect(html).toContain('Te laat')
    expect(html).not.toContain('Wanneer wordt mijn verhuizing') // the question's text stays on its own page
  })
})

describe('who sees a question', () => {
  it("lets a caseworker see and answer only their department's handed-over questions; a manager reads", async () => {
    const handed = await askQuestion({ topic: 'building' })
    const kept = await askQuestion({ topic: 'building' })
    expect(
      await handOverQuestion(lotte, handed.id, {
        department: 'Vergunningen',
        note: 'Over een dakkapel.',
        formId: randomUUID(),
      }),
    ).toMatchObject({ ok: true })

    const mirjamSees = (await listInbox(mirjam, { topic: 'building' })).map((q) => q.id)
    expect(mirjamSees).toContain(handed.id)
    expect(mirjamSees).not.toContain(kept.id)
    expect((await listInbox(henk, { topic: 'building' })).map((q) => q.id)).not.toContain(handed.id)

    expect((await readQuestionForStaff(mirjam, handed.id))?.mayAct).toBe(true)
    expect(await readQuestionForStaff(mirjam, kept.id)).toBeNull()
    expect(await readQuestionForStaff(henk, handed.id)).toBeNull()
    expect((await readQuestionForStaff(ahmed, kept.id))?.mayAct).toBe(false)
    expect(await addQuestionNote(ahmed, kept.id, { note: 'Kijk hier eens naar.', formId: randomUUID() })).toEqual({
      ok: false,
      code: 'not_found',
    })
    expect(await answerQuestion(henk, handed.id, { body: 'Antwoord', articleSlugs: [], formId: randomUUID() })).toEqual(
      { ok: false, code: 'not_found' },
    )

    // Over HTTP: the other department's caseworker gets the same 404 as for an unknown question.
    expect((await portal.get(`/medewerker/vragen/${handed.id}`, cookies.mirjam)).status).toBe(200)
    expect((await portal.get(`/medewerker/vragen/${handed.id}`, cookies.henk)).status).toBe(404)
  })

  it('answers an unknown, foreign or malformed id with the same 404, and writes no audit row for it', async () => {
    const before = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'question.viewed')
      .executeTakeFirstOrThrow()
    for (const id of [randomUUID(), 'not-a-uuid', "1' or '1'='1", '%00'])
      expect((await portal.get(`/medewerker/vragen/${encodeURIComponent(id)}`, cookies.lotte)).status).toBe(404)
    const after = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'question.viewed')
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    const q = await askQuestion()
    const res = await portal.post(`/medewerker/vragen/${randomUUID()}`, cookies.lotte, {
      intent: 'note',
      note: 'x',
      formId: randomUUID(),
    })
    expect(res.status).toBe(404)
    expect((await portal.get(`/medewerker/vragen/${q.id}/bijlagen/${randomUUID()}`, cookies.lotte)).status).toBe(404)
  })

  it('lets a citizen reach none of it', async () => {
    const q = await askQuestion()
    for (const path of [
      '/medewerker/vragen',
      `/medewerker/vragen/${q.id}`,
      '/medewerker/contacten/nieuw',
      '/medewerker/vragen/artikelen?q=paspoort',
    ])
      expect((await portal.get(path, cookies.jan)).status).toBe(403)
    const res = await portal.post(`/medewerker/vragen/${q.id}`, cookies.jan, {
      intent: 'note',
      note: 'x',
      formId: randomUUID(),
    })
    expect(res.status).toBe(403)
    expect(await entriesOf(q.id)).toHaveLength(2)
  })
})

describe('working on a question', () => {
  it('audits opening it on the citizen\'s record ("Wie heeft mijn gegevens bekeken")', async () => {
    const q = await askQuestion()
    expect((await portal.get(`/medewerker/vragen/${q.id}`, cookies.lotte)).status).toBe(200)
    const [row] = await auditOf('question.viewed', q.reference)
    expect(row).toMatchObject({ actor_id: 'E2002', subject_bsn: jan.bsn })
    expect(await (await portal.get('/mijn/inzage', cookies.jan)).text()).toContain('bekeek uw vraag')
  })

  it('hands over to a department with a note, keeping the terms and the clock', async () => {
    const q = await askQuestion()
    const before = await questionRow(q.id)
    const res = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'handover',
      department: 'Werk en Inkomen',
      handoverNote: 'Vraag over bijstand.',
      formId: randomUUID(),
    })
    expect(res.status).toBe(302)
    const after = await questionRow(q.id)
    expect(after.department).toBe('Werk en Inkomen')
    expect([after.acknowledge_by, after.answer_by, after.received_at]).toEqual([
      before.acknowledge_by,
      before.answer_by,
      before.received_at,
    ])
    expect((await entriesOf(q.id)).at(-1)).toMatchObject({
      kind: 'handover',
      department: 'Werk en Inkomen',
      employee_id: 'E2002',
    })
    expect(await auditOf('question.handed_over', q.reference)).toHaveLength(1)
  })

  it('refuses a hand-over without a note or to a department that does not exist, keeping what was typed', async () => {
    const q = await askQuestion()
    const noNote = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'handover',
      department: 'Vergunningen',
      formId: randomUUID(),
    })
    expect(noNote.status).toBe(400)
    expect(await noNote.text()).toContain('Schrijf een notitie voor de afdeling.')
    const unknown = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'handover',
      department: 'Geheime Dienst',
      handoverNote: 'Mijn getypte notitie',
      formId: randomUUID(),
    })
    expect(unknown.status).toBe(400)
    const html = await unknown.text()
    expect(html).toContain('Kies een afdeling uit de lijst.')
    expect(html).toContain('Mijn getypte notitie')
    expect((await questionRow(q.id)).department).toBeNull()
  })

  it("answers once per form: the answer entry, answered_at set, visible in the citizen's thread, out of the inbox", async () => {
    const q = await askQuestion({ topic: 'waste' })
    const formId = randomUUID()
    const input = { body: 'Uw verhuizing is verwerkt.', articleSlugs: ['verhuizing-doorgeven'], formId }
    const now = new Date()
    const [first, second] = await Promise.all([
      answerQuestion(lotte, q.id, input, { now }),
      answerQuestion(lotte, q.id, input, { now }),
    ])
    expect([first.ok, second.ok]).toEqual([true, true])
    const answers = (await entriesOf(q.id)).filter((e) => e.kind === 'answer')
    expect(answers).toHaveLength(1)
    expect(answers[0]).toMatchObject({
      sent_via: 'portal',
      article_slugs: ['verhuizing-doorgeven'],
      employee_id: 'E2002',
    })
    expect(isCitizenVisible(answers[0].kind)).toBe(true)
    expect((await questionRow(q.id)).answered_at).toEqual(now)
    expect(await auditOf('question.answered', q.reference)).toHaveLength(1)
    expect((await listInbox(lotte, { topic: 'waste' })).map((x) => x.id)).not.toContain(q.id)
  })

  it('takes a follow-up after the answer back into the inbox, marked as such', async () => {
    const q = await askQuestion({ topic: 'parking' })
    await answerQuestion(lotte, q.id, { body: 'Zo werkt het.', articleSlugs: [], formId: randomUUID() })
    expect(await listInbox(lotte, { topic: 'parking' }).then((l) => l.map((x) => x.id))).not.toContain(q.id)
    // The citizen reacts in Mijn vragen ("Reageren"), as the portal's own service does it.
    expect(
      await sendFollowUp({ bsn: jan.bsn }, q.id, { body: 'En hoe lang duurt het?', formId: randomUUID() }),
    ).toMatchObject({ ok: true })
    const [again] = (await listInbox(lotte, { topic: 'parking' })).filter((x) => x.id === q.id)
    expect(again).toMatchObject({ reopened: true })
    expect((await readQuestionForStaff(lotte, q.id))?.state).toBe('received')
  })

  it('sends the answer by the channel the citizen chose: a letter tied to the question', async () => {
    const q = await askQuestion({ answerChannel: 'letter', topic: 'civil' })
    expect(
      await answerQuestion(lotte, q.id, { body: 'Hierbij ons antwoord.', articleSlugs: [], formId: randomUUID() }),
    ).toMatchObject({ ok: true })
    const letters = await db
      .selectFrom('letters')
      .select(['question_id', 'case_id'])
      .where('question_id', '=', q.id)
      .execute()
    expect(letters).toEqual([{ question_id: q.id, case_id: null }])
  })

  it('says to call back on the number for a call-back question, and records what was said', async () => {
    const q = await askQuestion({ bsn: null, email: 'anna@example.org', phone: '0612345678', answerChannel: 'phone' })
    const page = await (await portal.get(`/medewerker/vragen/${q.id}`, cookies.lotte)).text()
    expect(page).toContain('Bel de inwoner terug op 0612345678.')
    await answerQuestion(lotte, q.id, {
      body: 'Gebeld: uitgelegd hoe het werkt.',
      articleSlugs: [],
      formId: randomUUID(),
    })
    expect((await entriesOf(q.id)).at(-1)).toMatchObject({ kind: 'answer', sent_via: 'phone' })
  })

  it('refuses an empty or too long answer with the field message, keeping the text', async () => {
    const q = await askQuestion()
    const empty = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'answer',
      body: '   ',
      formId: randomUUID(),
    })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Vul uw antwoord in.')
    const long = 'a'.repeat(8001)
    const tooLong = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'answer',
      body: long,
      formId: randomUUID(),
    })
    expect(tooLong.status).toBe(400)
    const html = await tooLong.text()
    expect(html).toContain('Uw antwoord is te lang.')
    expect(html).toContain(long)
    expect((await questionRow(q.id)).answered_at).toBeNull()
  })

  it('inserts an article into the answer without JavaScript, keeping what was typed', async () => {
    const q = await askQuestion()
    const search = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      intent: 'searchArticles',
      body: 'Beste inwoner,',
      articleQuery: 'verhuizing',
      formId: randomUUID(),
    })
    expect(search.status).toBe(200)
    const found = await search.text()
    expect(found).toContain('name="insertSlug" value="verhuizing-doorgeven"')
    expect(found).toContain('Beste inwoner,')
    const inserted = await portal.post(`/medewerker/vragen/${q.id}`, cookies.lotte, {
      insertSlug: 'verhuizing-doorgeven',
      body: 'Beste inwoner,',
      articleQuery: 'verhuizing',
      formId: randomUUID(),
    })
    const html = await inserted.text()
    expect(html).toMatch(/Beste inwoner,\s+Verhuizing doorgeven/)
    expect(html).toContain('/onderwerpen/verhuizing-doorgeven')
    expect(html).toContain('name="articleSlugs" value="verhuizing-doorgeven"')
  })

  it('links a case of the same citizen, refusing one of someone else, and shows it on the question', async () => {
    const q = await askQuestion()
    const mine = await createCase(db, { bsn: jan.bsn, caseTypeCode: 'omgevingsvergunning' })
    const theirs = await createCase(db, { bsn: fatima.bsn, caseTypeCode: 'omgevingsvergunning' })
    expect(await linkQuestionToCase(lotte, q.id, { caseReference: theirs.reference })).toEqual({
      ok: false,
      field: 'caseReference',
      code: 'unknown',
    })
    expect(await linkQuestionToCase(lotte, q.id, { caseReference: mine.reference.toLowerCase() })).toMatchObject({
      ok: true,
    })
    expect((await readQuestionForStaff(lotte, q.id))?.caseLink).toEqual({ id: mine.caseId, reference: mine.reference })
    // And on the case's page, for the department that handles it.
    const casePage = await (await portal.get(`/medewerker/zaken/${mine.caseId}`, cookies.mirjam)).text()
    expect(casePage).toContain(q.reference)
    expect(casePage).toContain(`/medewerker/contacten/nieuw?zaak=${mine.caseId}`)
  })
})

describe('registering a question that came by post or e-mail', () => {
  it('counts the terms from the day the letter came in, and sends the acknowledgement', async () => {
    // Wednesday 2 December 2026; the letter came on Friday 27 November: Mon 30, Tue 1, Wed 2 have
    // passed, Thu 3 and Fri 4 December are left for the acknowledgement.
    const now = new Date('2026-12-02T09:00:00Z')
    const result = await registerQuestionForCitizen(
      lotte,
      {
        formId: randomUUID(),
        channel: 'post',
        receivedOn: '2026-11-27',
        bsn: fatima.bsn,
        email: null,
        contactName: null,
        phone: null,
        topic: 'income',
        body: 'Ik wil weten of ik bijzondere bijstand kan krijgen.',
        answerChannel: 'letter',
        language: 'nl',
      },
      { now },
    )
    expect(result).toMatchObject({ ok: true, acknowledgeBy: '2026-12-04', answerBy: '2027-01-08' })
    if (!result.ok) return
    const q = await questionRow(result.questionId)
    expect(q).toMatchObject({ channel: 'post', registered_by: 'E2002', bsn: fatima.bsn })
    expect((await entriesOf(q.id)).map((e) => e.kind)).toEqual(['question', 'acknowledgement'])
    expect(await listInbox(lotte, { topic: 'income' }, { today: '2026-12-02' })).toContainEqual(
      expect.objectContaining({ id: q.id, receivedOn: '2026-11-27' }),
    )
  })

  it('refuses a day in the future, a bad or unknown BSN, and neither BSN nor e-mail, at the field', async () => {
    const before = await db
      .selectFrom('questions')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    const post = (fields: Record<string, string>) =>
      portal.post('/medewerker/vragen/registreren', cookies.lotte, {
        formId: randomUUID(),
        channel: 'post',
        receivedOn: '2026-11-27',
        topic: 'income',
        text: 'Mijn vraag',
        answerChannel: 'letter',
        language: 'nl',
        ...fields,
      })
    const future = await post({ bsn: fatima.bsn, receivedOn: '2099-01-01' })
    expect(future.status).toBe(400)
    expect(await future.text()).toContain('De datum van ontvangst mag niet in de toekomst liggen.')
    expect(await (await post({ bsn: fatima.bsn, receivedOn: '2020-01-01' })).text()).toContain(
      'De datum mag niet langer dan een jaar geleden zijn.',
    )
    const bad = await (await post({ bsn: '123456789' })).text()
    expect(bad).toContain('Dit is geen geldig BSN.')
    expect(bad).toContain('Mijn vraag')
    expect(bad).not.toContain('123456789')
    expect(await (await post({ bsn: '999999011' })).text()).toContain('Er is geen inwoner met dit BSN.')
    expect(await (await post({ answerChannel: 'email' })).text()).toContain(
      'Vul het BSN of het e-mailadres van de inwoner in.',
    )
    const after = await db
      .selectFrom('questions')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    // Only the contact centre registers.
    expect((await portal.get('/medewerker/vragen/registreren', cookies.mirjam)).status).toBe(403)
  })

  it('registers over HTTP and opens the new question', async () => {
    const res = await portal.post('/medewerker/vragen/registreren', cookies.lotte, {
      formId: randomUUID(),
      channel: 'email',
      receivedOn: localDateOf(new Date()),
      email: 'anoniem@example.org',
      contactName: 'A. Noniem',
      topic: 'waste',
      text: 'Wanneer komt de kerstbomeninzameling?',
      answerChannel: 'email',
      language: 'nl',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/medewerker\/vragen\/[0-9a-f-]{36}$/)
  })
})

describe('the contact register', () => {
  const post = (fields: Record<string, string>) =>
    portal.post('/medewerker/contacten/nieuw', cookies.lotte, {
      channel: 'phone',
      occurredOn: '2026-11-30',
      occurredTime: '10:15',
      topic: 'moving',
      summary: 'Belde over de verhuizing.',
      ...fields,
    })
  const contactsOf = (bsn: string) =>
    db.selectFrom('contact_moments').selectAll().where('bsn', '=', bsn).where('employee_id', '=', 'E2002').execute()

  it('records a call with the employee, linked to the question, and audits it', async () => {
    const q = await askQuestion({ bsn: fatima.bsn })
    const before = (await contactsOf(fatima.bsn)).length
    const res = await post({ bsn: fatima.bsn, questionReference: q.reference })
    expect(res.status).toBe(302)
    const rows = await contactsOf(fatima.bsn)
    expect(rows).toHaveLength(before + 1)
    expect(rows.at(-1)).toMatchObject({
      channel: 'phone',
      topic: 'moving',
      question_id: q.id,
      summary: 'Belde over de verhuizing.',
    })
    expect(rows.at(-1)?.occurred_at).toEqual(new Date('2026-11-30T09:15:00Z'))
    expect((await readQuestionForStaff(lotte, q.id))?.contacts.map((c) => c.summary)).toContain(
      'Belde over de verhuizing.',
    )
  })

  it('takes the citizen from the question when no BSN is typed', async () => {
    const q = await askQuestion({ bsn: fatima.bsn })
    const result = await recordContactMoment(lotte, {
      channel: 'counter',
      occurredAt: new Date(Date.now() - 60_000),
      bsn: null,
      topic: 'moving',
      summary: 'Aan de balie geweest.',
      caseReference: null,
      questionReference: q.reference,
    })
    expect(result.ok).toBe(true)
  })

  it('refuses a future moment, a bad or unknown BSN and an unknown case with field messages, storing nothing', async () => {
    const before = await db
      .selectFrom('contact_moments')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    const future = await post({ bsn: fatima.bsn, occurredOn: '2099-01-01' })
    expect(future.status).toBe(400)
    expect(await future.text()).toContain('De datum en tijd mogen niet in de toekomst liggen.')
    const badBsn = await post({ bsn: '123456789' })
    expect(badBsn.status).toBe(400)
    const badHtml = await badBsn.text()
    expect(badHtml).toContain('Dit is geen geldig BSN.')
    expect(badHtml).not.toContain('123456789') // a typed BSN is not shown again
    const unknownBsn = await post({ bsn: '999999011' })
    expect(await unknownBsn.text()).toContain('Er is geen inwoner met dit BSN.')
    const unknownCase = await post({ bsn: fatima.bsn, caseReference: 'Z-2026-999999' })
    expect(unknownCase.status).toBe(400)
    expect(await unknownCase.text()).toContain('Er is geen zaak met dit nummer bij deze inwoner.')
    expect(await (await post({ bsn: fatima.bsn, occurredOn: '2026-02-30' })).text()).toContain(
      'Vul een geldige datum in.',
    )
    const tooLong = await post({ bsn: fatima.bsn, summary: 'x'.repeat(1001) })
    expect(await tooLong.text()).toContain('De samenvatting is te lang.')
    const after = await db
      .selectFrom('contact_moments')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})

it('writes no BSN into any log line', () => {
  const lines = JSON.stringify(server.logs)
  for (const bsn of [jan.bsn, fatima.bsn, '123456789', '999999011']) expect(lines).not.toContain(bsn)
})
