import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { startOfDayIn } from '~/domain/local-date'
import { QUESTION_REFERENCE_PATTERN } from '~/domain/questions'
import { getLetterForCitizen, listLettersForCitizen } from '~/services/letters/citizen.server'
import { LETTER_NOTICE_TASK } from '~/services/letters/notices.server'
import { listPostQueue } from '~/services/letters/post.server'
import { deliverToCitizen } from '~/services/questions/deliver.server'
import { questionTerms } from '~/services/questions/norms.server'
import { QUESTION_MAIL_TASK, questionMailFor } from '~/services/questions/question-mail.server'
import { QuestionRefused, registerQuestion, type NewQuestion } from '~/services/questions/register.server'
import { createPerson } from '../support/factories'

/**
 * The one way a question enters: its number from the sequence, its terms from the charter and the
 * day it was received in Groningen, the acknowledgement written at once and sent by the chosen
 * channel (a mail job, a letter in Mijn brieven and the post queue, or only on screen), one
 * question per form, and nothing at all when anything fails.
 */
let db: DB
const jan = personaByKey('jan') // confirmed e-mail, digital letters
const truus = personaByKey('truus') // no e-mail, letters on paper
const BASE = 'https://mijn.groningen.example'
const at = (day: string, hour = 10) => new Date(startOfDayIn(day).getTime() + hour * 3_600_000)

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
})

const question = (overrides: Partial<NewQuestion> = {}): NewQuestion => ({
  formId: randomUUID(),
  bsn: jan.bsn,
  topic: 'parking',
  body: 'Mag ik een tweede parkeervergunning aanvragen voor de auto van mijn werk?',
  channel: 'internet',
  answerChannel: 'portal',
  language: 'nl',
  ...overrides,
})

const register = (input: NewQuestion, now = at('2026-12-01')) =>
  db.transaction().execute((trx) => registerQuestion(trx, input, { now }))

const entriesOf = (questionId: string) =>
  db.selectFrom('question_entries').selectAll().where('question_id', '=', questionId).orderBy('seq').execute()

const jobsFor = async (task: string, key: string, id: string) =>
  (
    await sql<{ payload: { via?: string } }>`select j.payload
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${task} and j.payload->>${key} = ${id}`.execute(db)
  ).rows

/** An answer as the contact centre writes it, sent through deliverToCitizen. */
async function answer(questionId: string, body: string, now = at('2026-12-03')) {
  return db.transaction().execute(async (trx) => {
    const q = await trx
      .selectFrom('questions')
      .select('answer_channel')
      .where('id', '=', questionId)
      .executeTakeFirstOrThrow()
    const entry = await trx
      .insertInto('question_entries')
      .values({
        question_id: questionId,
        kind: 'answer',
        author_kind: 'employee',
        employee_id: 'E2002',
        body,
        sent_via: q.answer_channel,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deliverToCitizen(trx, questionId, entry.id, { now })
    return entry.id
  })
}

describe('registering a question', () => {
  it('numbers it from the sequence, fixes its terms and writes the acknowledgement at once', async () => {
    const first = await register(question())
    const second = await register(question())
    expect(first.reference).toMatch(QUESTION_REFERENCE_PATTERN)
    expect(first.reference.startsWith('V-2026-')).toBe(true)
    expect(Number(second.reference.slice(7))).toBe(Number(first.reference.slice(7)) + 1)
    const terms = await questionTerms('internet', at('2026-12-01'))
    expect(first).toMatchObject({
      receivedOn: '2026-12-01',
      acknowledgeBy: terms.acknowledgeBy,
      answerBy: terms.answerBy,
    })

    const row = await db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', first.questionId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      bsn: jan.bsn,
      answer_by: terms.answerBy,
      acknowledge_by: terms.acknowledgeBy,
      answered_at: null,
    })
    const entries = await entriesOf(first.questionId)
    expect(entries.map((e) => [e.kind, e.author_kind, e.sent_via])).toEqual([
      ['question', 'citizen', null],
      ['acknowledgement', 'system', 'portal'],
    ])
    expect(entries[1].body).toBe(
      `Wij hebben uw vraag ontvangen op 1 december 2026. Uw vraag heeft nummer ${first.reference}. U krijgt uiterlijk 12 januari 2027 antwoord in Mijn Stad.`,
    )
    // Seen on screen: no e-mail about one's own acknowledgement in the portal.
    expect(await jobsFor(QUESTION_MAIL_TASK, 'entryId', entries[1].id)).toHaveLength(0)
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'subject_bsn'])
      .where('resource', '=', `question:${first.reference}`)
      .execute()
    expect(audit).toEqual([{ action: 'question.asked', actor_kind: 'citizen', subject_bsn: jan.bsn }])
  })

  it('counts from the day of receipt in Groningen, and writes the acknowledgement in English for an English question', async () => {
    // 23:30 UTC on Thursday 31 December 2026 is already 1 January 2027 in Groningen.
    const received = new Date('2026-12-31T23:30:00Z')
    const q = await register(question({ language: 'en', receivedAt: received }), new Date('2026-12-31T23:40:00Z'))
    expect(q.receivedOn).toBe('2027-01-01')
    expect(q.reference.startsWith('V-2027-')).toBe(true)
    const [, ack] = await entriesOf(q.questionId)
    expect(ack.body).toContain('We received your question on 1 January 2027.')
    expect(ack.body).toContain(`Your question has number ${q.reference}.`)
  })

  it('stores one question for a double submit of the same form, also when both arrive at once', async () => {
    const input = question()
    const [a, b] = await Promise.all([register(input), register(input)])
    const again = await register(input)
    expect(new Set([a.questionId, b.questionId, again.questionId]).size).toBe(1)
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true])
    const rows = await db.selectFrom('questions').select('id').where('form_id', '=', input.formId).execute()
    expect(rows).toHaveLength(1)
    expect(await entriesOf(a.questionId)).toHaveLength(2)
  })

  it("refuses another asker's form id", async () => {
    const input = question()
    await register(input)
    await expect(register({ ...input, bsn: truus.bsn, answerChannel: 'letter' })).rejects.toMatchObject({
      code: 'form_reused',
    })
  })

  it('leaves nothing behind when the transaction fails: no question, no entries, no mail job', async () => {
    const formId = randomUUID()
    await expect(
      db.transaction().execute(async (trx) => {
        await registerQuestion(trx, question({ formId, answerChannel: 'email' }), { now: at('2026-12-01') })
        throw new Error('the caller fails after registering')
      }),
    ).rejects.toThrow('the caller fails')
    expect(await db.selectFrom('questions').select('id').where('form_id', '=', formId).execute()).toHaveLength(0)
    // A failing file (empty) inside the service leaves the question out too.
    const formId2 = randomUUID()
    await expect(
      register(
        question({
          formId: formId2,
          attachments: [{ name: 'leeg.pdf', mediaType: 'application/pdf', bytes: Buffer.alloc(0) }],
        }),
      ),
    ).rejects.toThrow()
    expect(await db.selectFrom('questions').select('id').where('form_id', '=', formId2).execute()).toHaveLength(0)
  })

  it('stores attachments with their hash', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%fake but fine for the service\n')
    const q = await register(question({ attachments: [{ name: 'foto.pdf', mediaType: 'application/pdf', bytes }] }))
    const files = await db
      .selectFrom('question_attachments')
      .selectAll()
      .where('question_id', '=', q.questionId)
      .execute()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({ file_name: 'foto.pdf', size_bytes: bytes.length })
    expect(files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('the acknowledgement and answer by channel', () => {
  it('e-mails a logged-in citizen at their confirmed address only, and never a BSN', async () => {
    const q = await register(question({ answerChannel: 'email', email: 'typed@example.org' }))
    const row = await db
      .selectFrom('questions')
      .select('email')
      .where('id', '=', q.questionId)
      .executeTakeFirstOrThrow()
    expect(row.email).toBe(jan.email) // the confirmed address, not what was typed
    const [, ack] = await entriesOf(q.questionId)
    expect(ack.sent_via).toBe('email')
    const jobs = await jobsFor(QUESTION_MAIL_TASK, 'entryId', ack.id)
    expect(jobs.map((j) => j.payload.via)).toEqual(['email'])
    const mail = await questionMailFor(jobs[0].payload, { baseUrl: BASE, db })
    expect(mail?.to).toBe(jan.email)
    expect(mail?.text).toContain(q.reference)
    expect(mail?.text).toContain(`${BASE}/mijn/vragen/${q.questionId}`)

    const answerId = await answer(
      q.questionId,
      `Uw BSN ${jan.bsn} staat in ons systeem. U mag een tweede vergunning aanvragen.`,
    )
    const answerMail = await questionMailFor({ entryId: answerId, via: 'email' }, { baseUrl: BASE, db })
    expect(answerMail?.text).toContain('U mag een tweede vergunning aanvragen.')
    for (const part of [answerMail!.subject, answerMail!.text, answerMail!.html]) expect(part).not.toContain(jan.bsn)
  })

  it('refuses an answer by e-mail without a confirmed address, and stores nothing', async () => {
    const person = await createPerson(db)
    await db
      .updateTable('contact_details')
      .set({ email: 'niet@bevestigd.example' })
      .where('bsn', '=', person.bsn)
      .execute()
    const input = question({ bsn: person.bsn, answerChannel: 'email' })
    await expect(register(input)).rejects.toBeInstanceOf(QuestionRefused)
    await expect(register(input)).rejects.toMatchObject({ code: 'email_not_confirmed' })
    expect(await db.selectFrom('questions').select('id').where('form_id', '=', input.formId).execute()).toHaveLength(0)
  })

  it('tells of an answer in the portal with a neutral notice: nothing of the question in it', async () => {
    const q = await register(question({ body: 'Geheime vraag over mijn schuld bij de gemeente' }))
    const answerId = await answer(q.questionId, 'Uw schuld is 120 euro.')
    const jobs = await jobsFor(QUESTION_MAIL_TASK, 'entryId', answerId)
    expect(jobs.map((j) => j.payload.via)).toEqual(['portal'])
    const mail = await questionMailFor(jobs[0].payload, { baseUrl: BASE, db })
    expect(mail?.to).toBe(jan.email)
    for (const part of [mail!.subject, mail!.text, mail!.html]) {
      expect(part).not.toContain(q.reference)
      expect(part).not.toContain('schuld')
      expect(part).not.toContain('120')
      expect(part).not.toContain(jan.bsn)
    }
  })

  it('sends no notice of a portal answer to a citizen without a confirmed address', async () => {
    const q = await register(question({ bsn: truus.bsn }))
    const answerId = await answer(q.questionId, 'Dit is ons antwoord.')
    expect(await questionMailFor({ entryId: answerId, via: 'portal' }, { baseUrl: BASE, db })).toBeNull()
  })

  it('writes a paper letter for a citizen who wants letters on paper: in Mijn brieven with the question number, and in the post queue', async () => {
    const q = await register(question({ bsn: truus.bsn, answerChannel: 'letter' }))
    const letters = await db.selectFrom('letters').selectAll().where('question_id', '=', q.questionId).execute()
    expect(letters).toHaveLength(1)
    expect(letters[0]).toMatchObject({
      template_code: 'question.acknowledgement',
      delivery: 'paper',
      case_id: null,
      bsn: truus.bsn,
    })
    const mine = (await listLettersForCitizen(truus.bsn, 'nl', db)).find((l) => l.id === letters[0].id)
    expect(mine).toMatchObject({ reference: q.reference, caseId: null, questionId: q.questionId, caseType: null })
    const letter = await getLetterForCitizen(truus.bsn, letters[0].id, { markRead: false, db })
    expect(letter?.reference).toBe(q.reference)
    expect(
      letter?.blocks.some((b) => b.kind === 'paragraph' && b.text.includes(`Uw vraag heeft nummer ${q.reference}`)),
    ).toBe(true)
    expect(await getLetterForCitizen(jan.bsn, letters[0].id, { markRead: false, db })).toBeNull()
    // The contact centre holds it: the shared post (a caseworker of any department, a manager).
    const queued = (await listPostQueue('E1001', { db })).find((item) => item.id === letters[0].id)
    expect(queued).toMatchObject({ reference: q.reference, recipientName: expect.stringContaining('Dijk') })
    expect(await jobsFor(LETTER_NOTICE_TASK, 'letterId', letters[0].id)).toHaveLength(0)
  })

  it('writes a digital letter with its notice for a citizen who reads letters online, one per answer', async () => {
    const q = await register(question({ answerChannel: 'letter' }))
    await answer(q.questionId, 'Ja, dat mag.')
    await answer(q.questionId, 'Aanvulling: het kost 40 euro.', at('2026-12-07'))
    const letters = await db
      .selectFrom('letters')
      .select(['id', 'template_code', 'delivery'])
      .where('question_id', '=', q.questionId)
      .orderBy('created_at')
      .execute()
    expect(letters.map((l) => [l.template_code, l.delivery])).toEqual([
      ['question.acknowledgement', 'digital'],
      ['question.answer', 'digital'],
      ['question.answer', 'digital'],
    ])
    for (const l of letters) expect(await jobsFor(LETTER_NOTICE_TASK, 'letterId', l.id)).toHaveLength(1)
    const answerLetter = await getLetterForCitizen(jan.bsn, letters[2].id, { markRead: false, db })
    expect(answerLetter?.blocks.some((b) => b.kind === 'paragraph' && b.text === 'Aanvulling: het kost 40 euro.')).toBe(
      true,
    )
  })

  it('sends nothing for a call back: the call is the answer', async () => {
    const q = await register(question({ answerChannel: 'phone', phone: '06 12345678' }))
    const [, ack] = await entriesOf(q.questionId)
    expect(ack.sent_via).toBe('portal') // acknowledged on screen
    expect(ack.body).toContain('per telefoon: wij bellen u terug')
    const answerId = await answer(q.questionId, 'Gebeld: uitgelegd hoe het werkt.')
    expect(await jobsFor(QUESTION_MAIL_TASK, 'entryId', answerId)).toHaveLength(0)
    expect(await db.selectFrom('letters').select('id').where('question_id', '=', q.questionId).execute()).toHaveLength(
      0,
    )
  })
})

describe('a question without DigiD', () => {
  it('acknowledges by e-mail to the given address, without a link into the portal', async () => {
    const q = await register(
      question({ bsn: null, email: 'iemand@example.org', contactName: 'Iemand', answerChannel: 'email' }),
    )
    const [, ack] = await entriesOf(q.questionId)
    const [job] = await jobsFor(QUESTION_MAIL_TASK, 'entryId', ack.id)
    const mail = await questionMailFor(job.payload, { baseUrl: BASE, db })
    expect(mail?.to).toBe('iemand@example.org')
    expect(mail?.text).toContain(q.reference)
    expect(mail?.text).not.toContain('/mijn/')
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_kind', 'subject_bsn'])
      .where('resource', '=', `question:${q.reference}`)
      .execute()
    expect(audit).toEqual([{ actor_kind: 'system', subject_bsn: null }])
  })

  it('acknowledges a call back by e-mail, and refuses the portal or a letter', async () => {
    const q = await register(
      question({ bsn: null, email: 'bel@example.org', phone: '050 1234567', answerChannel: 'phone' }),
    )
    const [, ack] = await entriesOf(q.questionId)
    expect(ack.sent_via).toBe('email')
    await expect(
      register(question({ bsn: null, email: 'a@example.org', answerChannel: 'portal' })),
    ).rejects.toMatchObject({
      code: 'portal_needs_citizen',
    })
    await expect(
      register(question({ bsn: null, email: 'a@example.org', answerChannel: 'letter' })),
    ).rejects.toMatchObject({
      code: 'portal_needs_citizen',
    })
    await expect(register(question({ bsn: null, answerChannel: 'email' }))).rejects.toMatchObject({
      code: 'email_required',
    })
  })
})

describe('registered by the contact centre', () => {
  it('keeps the day a letter came in, and acknowledges a known citizen by letter', async () => {
    const q = await register(
      question({
        bsn: truus.bsn,
        channel: 'post',
        answerChannel: 'letter',
        registeredBy: 'E2002',
        receivedAt: at('2026-11-27'),
      }),
      at('2026-12-01'),
    )
    const terms = await questionTerms('post', at('2026-11-27'))
    expect(q).toMatchObject({ receivedOn: '2026-11-27', answerBy: terms.answerBy })
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('resource', '=', `question:${q.reference}`)
      .execute()
    expect(audit).toEqual([{ action: 'question.registered', actor_id: 'E2002' }])
    expect(await db.selectFrom('letters').select('id').where('question_id', '=', q.questionId).execute()).toHaveLength(
      1,
    )
  })

  it('refuses a day of receipt in the future', async () => {
    await expect(register(question({ receivedAt: at('2026-12-02') }), at('2026-12-01'))).rejects.toMatchObject({
      code: 'received_in_future',
    })
  })
})
