import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Logger, makeWorkerUtils, runOnce as graphileRunOnce, type RunnerOptions } from 'graphile-worker'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setSettingsOutsideRequests, settings } from '~/context.server'
import { createTaskList } from '~/services/jobs.server'
import { getLetterForCitizen, listLettersForCitizen, markLetterRead } from '~/services/letters/citizen.server'
import { listPostQueue, markLettersPrinted } from '~/services/letters/post.server'
import { writeLettersForEvent } from '~/services/letters/write.server'
import { createMailer, listDevMails, readDevMail } from '~/services/mail.server'
import { receiveCase, recordCaseEvent } from '~/services/cases/record.server'
import type { CaseEventInput } from '~/domain/case-events'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'

// A fixed clock: Wednesday 4 March 2026, 10:00 in Amsterdam.
const NOW = new Date('2026-03-04T09:00:00Z')
const BASE_URL = 'https://mijn.groningen.example'
const jan = personaByKey('jan') // digital, verified e-mail, Dutch
const truus = personaByKey('truus') // paper
const liam = personaByKey('liam') // digital, English
const kees = personaByKey('kees')

let db: DB
let sink: SmtpSink
beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  sink = await startSmtpSink()
  setSettingsOutsideRequests({ ...settings(), baseUrl: BASE_URL })
})
afterAll(async () => {
  await sink.close()
  setSettingsOutsideRequests(undefined)
})

let sourceIds = 0
const nextSourceId = () => `letters-test-${++sourceIds}`

async function receive(
  bsn: string,
  overrides: { caseTypeCode?: string; receivedOn?: string; sourceEventId?: string } = {},
) {
  const result = await receiveCase(
    {
      caseTypeCode: overrides.caseTypeCode ?? 'omgevingsvergunning',
      bsn,
      subject: 'Dakkapel aan de achterkant',
      channel: 'internet',
      receivedOn: overrides.receivedOn ?? '2026-03-04',
      source: 'zaaksysteem',
      sourceEventId: overrides.sourceEventId ?? nextSourceId(),
      actor: 'system:zaaksysteem',
      occurredAt: NOW,
      now: NOW,
    },
    db,
  )
  if (!result.ok) throw new Error(`receiveCase refused: ${result.code}`)
  return result
}

async function record(caseId: string, event: CaseEventInput, at: Date) {
  const result = await recordCaseEvent(
    {
      case: { caseId },
      event,
      source: 'zaaksysteem',
      sourceEventId: nextSourceId(),
      actor: 'system:zaaksysteem',
      occurredAt: at,
      now: at,
    },
    db,
  )
  if (!result.ok) throw new Error(`recordCaseEvent refused: ${result.code}`)
  return result
}

const lettersOfCase = (caseId: string) =>
  db.selectFrom('letters').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute()

interface JobRow {
  id: string
  task_identifier: string
  payload: { letterId: string }
  attempts: number
  max_attempts: number
  last_error: string | null
  run_at: Date
  key: string | null
}
// graphile-worker 0.16 keeps the payload out of its public `jobs` view; tests read the table itself.
const jobsFor = async (letterId: string) =>
  (
    await sql<JobRow>`select j.id, t.identifier as task_identifier, j.payload, j.attempts, j.max_attempts, j.last_error, j.run_at, j.key
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where j.payload->>'letterId' = ${letterId}`.execute(db)
  ).rows

const connectionString = () => process.env.DATABASE_URL!

/** graphile-worker's log lines, kept for assertions instead of going to the console. */
const workerLog: Array<{ level: string; message: string }> = []
const logger = new Logger(() => (level, message) => void workerLog.push({ level, message }))
const runOnce = (options: RunnerOptions) => graphileRunOnce({ ...options, logger })

describe('writing letters in the transaction of the case event', () => {
  it('writes one acknowledgement for a received case, dated that day, with the full snapshot', async () => {
    const { caseId, reference } = await receive(jan.bsn)
    const letters = await lettersOfCase(caseId)
    expect(letters).toHaveLength(1)
    const [letter] = letters
    expect(letter).toMatchObject({
      bsn: jan.bsn,
      template_code: 'acknowledgement',
      template_version: 1,
      language: 'nl',
      title: 'Wij hebben uw aanvraag ontvangen',
      letter_date: '2026-03-04',
      delivery: 'digital',
      read_at: null,
      printed_at: null,
    })
    const content = letter.content as {
      recipient: { name: string; lines: string[] }
      details: Array<{ value: string }>
      blocks: unknown[]
    }
    expect(content.recipient).toEqual({
      name: 'Jan Willem Jansen',
      lines: ['Oosterstraat 12', expect.stringMatching(/^97\d\d [A-Z]{2} Groningen$/)],
    })
    expect(content.details.map((d) => d.value)).toContain(reference)
    expect(JSON.stringify(content)).toContain(`${BASE_URL}/mijn/zaken/${caseId}`)
    expect(JSON.stringify(content)).toContain('Mirjam Kuipers')
    expect(JSON.stringify(content)).not.toContain(jan.bsn)
  })

  it('enqueues the e-mail notice in the same transaction for a digital letter, keyed so it cannot double', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    const jobs = await jobsFor(letter.id)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({
      task_identifier: 'send-letter-notice',
      payload: { letterId: letter.id },
      attempts: 0,
      max_attempts: 25,
      key: `letter-notice:${letter.id}`,
    })
    // Nothing personal waits in the queue: the letter id, and nothing else.
    expect(Object.keys(jobs[0].payload)).toEqual(['letterId'])
    expect(JSON.stringify(jobs[0].payload)).not.toMatch(new RegExp(`${jan.bsn}|Jansen|@`))
  })

  it('writes nothing new when the same event arrives again, nor when its letters are written twice', async () => {
    const sourceEventId = nextSourceId()
    const first = await receive(jan.bsn, { sourceEventId })
    const again = await receive(jan.bsn, { sourceEventId })
    expect(again).toMatchObject({ duplicate: true, caseId: first.caseId, eventId: first.eventId })
    await db
      .transaction()
      .execute((trx) => writeLettersForEvent({ caseId: first.caseId, eventId: first.eventId }, { trx }))
    const letters = await lettersOfCase(first.caseId)
    expect(letters).toHaveLength(1)
    expect(await jobsFor(letters[0].id)).toHaveLength(1)
  })

  it('leaves neither letter nor job behind when the transaction of the event rolls back', async () => {
    const { caseId } = await receive(jan.bsn)
    const before = await db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    const jobsBefore = (
      await sql<{ n: number }>`select count(*)::int as n from graphile_worker._private_jobs`.execute(db)
    ).rows[0].n
    await expect(
      db.transaction().execute(async (trx) => {
        const event = await trx
          .insertInto('case_events')
          .values({
            case_id: caseId,
            seq: 2,
            type: 'extended',
            payload: JSON.stringify({ reason: 'Advies nodig' }),
            occurred_at: NOW,
            actor: 'system:test',
            source: 'test',
            source_event_id: nextSourceId(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeLettersForEvent({ caseId, eventId: String(event.id) }, { trx })
        expect(await trx.selectFrom('letters').select('id').where('case_id', '=', caseId).execute()).toHaveLength(2)
        throw new Error('the projection failed')
      }),
    ).rejects.toThrow('the projection failed')
    const after = await db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from graphile_worker._private_jobs`.execute(db)).rows[0].n,
    ).toBe(jobsBefore)
  })

  it('queues a paper letter for printing and sends no e-mail for it', async () => {
    const { caseId, reference } = await receive(truus.bsn, { caseTypeCode: 'wmo' })
    const [letter] = await lettersOfCase(caseId)
    expect(letter.delivery).toBe('paper')
    expect(await jobsFor(letter.id)).toHaveLength(0)
    const queued = (await listPostQueue('E1004', { db })).find((item) => item.id === letter.id)
    expect(queued).toMatchObject({
      reference,
      recipientName: 'Geertruida van Dijk',
      recipientLines: ['Oude Ebbingestraat 5', expect.any(String)],
    })
  })

  it('sends a letter on paper when the citizen chose digital but has no verified e-mail address (Awb 2:14)', async () => {
    await db.updateTable('contact_details').set({ email_verified_at: null }).where('bsn', '=', kees.bsn).execute()
    const { caseId } = await receive(kees.bsn)
    const [letter] = await lettersOfCase(caseId)
    expect(letter.delivery).toBe('paper')
    expect(await jobsFor(letter.id)).toHaveLength(0)
  })

  it('writes in the citizen language: English for Liam', async () => {
    const { caseId } = await receive(liam.bsn, { caseTypeCode: 'parkeervergunning' })
    const [letter] = await lettersOfCase(caseId)
    expect(letter).toMatchObject({ language: 'en', title: 'We have received your application' })
  })

  it('says the acknowledgement is late when the case was registered more than 5 working days after receipt', async () => {
    const { caseId } = await receive(jan.bsn, { receivedOn: '2026-02-20' })
    const [letter] = await lettersOfCase(caseId)
    expect(JSON.stringify(letter.content)).toContain('Deze brief komt te laat.')
  })

  it('writes an extension letter, a request for information and a decision notice for those events', async () => {
    const { caseId } = await receive(jan.bsn)
    await record(
      caseId,
      { type: 'suspended', information: 'Een bouwtekening met maten', respondBy: '2026-03-18' },
      new Date('2026-03-05T10:00:00Z'),
    )
    await record(caseId, { type: 'resumed' }, new Date('2026-03-10T10:00:00Z'))
    await record(caseId, { type: 'step_reached', step: 'beoordeling' }, new Date('2026-03-11T10:00:00Z'))
    await record(
      caseId,
      { type: 'extended', reason: 'Wij vragen advies aan de welstandscommissie' },
      new Date('2026-04-20T10:00:00Z'),
    )
    await record(
      caseId,
      { type: 'decided', outcome: 'refused', reasons: 'De dakkapel is te hoog', citizenOptions: 'Vraag opnieuw aan' },
      new Date('2026-05-20T10:00:00Z'),
    )
    const letters = await lettersOfCase(caseId)
    expect(letters.map((l) => [l.template_code, l.letter_date])).toEqual([
      ['acknowledgement', '2026-03-04'],
      ['information_request', '2026-03-05'],
      ['extension', '2026-04-20'],
      ['decision_notice', '2026-05-20'],
    ])
    // 29 April + 5 days suspended (5–10 March) = 4 May; + 6 weeks = 15 June.
    expect(JSON.stringify(letters[2].content)).toContain('Dat wordt nu uiterlijk 15 juni 2026.')
  })

  it('writes its own decision letter, with the right to object, for a refused BRP correction', async () => {
    const { caseId } = await receive(kees.bsn, { caseTypeCode: 'brp_correctie' })
    await record(
      caseId,
      {
        type: 'decided',
        outcome: 'refused',
        reasons: 'De akte noemt dezelfde geboorteplaats',
        citizenOptions: 'Stuur een andere akte mee',
      },
      new Date('2026-03-20T10:00:00Z'),
    )
    const letters = await lettersOfCase(caseId)
    expect(letters.map((l) => l.template_code)).toEqual(['acknowledgement', 'correction_decision'])
    expect(JSON.stringify(letters[1].content)).toContain('Dan kunt u bezwaar maken.')
  })

  it('never changes or deletes a letter: a correction is a new letter (trigger letters_immutable)', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    await expect(
      db.updateTable('letters').set({ title: 'Anders' }).where('id', '=', letter.id).execute(),
    ).rejects.toThrow(/never changed/)
    await expect(
      db
        .updateTable('letters')
        .set({ content: JSON.stringify({}) })
        .where('id', '=', letter.id)
        .execute(),
    ).rejects.toThrow(/never changed/)
    await expect(db.deleteFrom('letters').where('id', '=', letter.id).execute()).rejects.toThrow(/never deleted/)
    // The bookkeeping may change.
    await db
      .updateTable('letters')
      .set({ read_at: new Date(), notified_at: new Date() })
      .where('id', '=', letter.id)
      .execute()
  })
})

describe('reading letters: the citizen', () => {
  it('lists only the citizen own letters, newest first, unread flagged, with the case reference', async () => {
    const { caseId, reference } = await receive(liam.bsn, { caseTypeCode: 'subsidie' })
    await record(caseId, { type: 'extended', reason: 'More time needed' }, new Date('2026-04-01T10:00:00Z'))
    const list = await listLettersForCitizen(liam.bsn, 'en', db)
    expect(list.every((l) => l.caseId !== '' && l.reference.startsWith('Z-'))).toBe(true)
    const mine = list.filter((l) => l.caseId === caseId)
    expect(mine.map((l) => [l.title, l.letterDate, l.read, l.reference, l.caseType])).toEqual([
      ['We need more time for your application', '2026-04-01', false, reference, 'Grant'],
      ['We have received your application', '2026-03-04', false, reference, 'Grant'],
    ])
    expect((await listLettersForCitizen(jan.bsn, 'nl', db)).some((l) => l.caseId === caseId)).toBe(false)
  })

  it('gives another citizen, an unknown id and a malformed id the same null', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    expect(await getLetterForCitizen(liam.bsn, letter.id, { markRead: true, db })).toBeNull()
    expect(
      await getLetterForCitizen(jan.bsn, '00000000-0000-4000-8000-000000000000', { markRead: true, db }),
    ).toBeNull()
    expect(await getLetterForCitizen(jan.bsn, "1' or '1'='1", { markRead: true, db })).toBeNull()
    expect(await markLetterRead(liam.bsn, letter.id, { db })).toBe(false)
    expect(
      (await db.selectFrom('letters').select('read_at').where('id', '=', letter.id).executeTakeFirstOrThrow()).read_at,
    ).toBeNull()
  })

  it('marks a letter read when the citizen opens it, and not when an employee views along', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    const viewedAlong = await getLetterForCitizen(jan.bsn, letter.id, { markRead: false, db })
    expect(viewedAlong).toMatchObject({ id: letter.id, readBefore: false, title: 'Wij hebben uw aanvraag ontvangen' })
    expect(
      (await db.selectFrom('letters').select('read_at').where('id', '=', letter.id).executeTakeFirstOrThrow()).read_at,
    ).toBeNull()
    const first = await getLetterForCitizen(jan.bsn, letter.id, { markRead: true, db })
    expect(first?.readBefore).toBe(false)
    const second = await getLetterForCitizen(jan.bsn, letter.id, { markRead: true, db })
    expect(second?.readBefore).toBe(true)
    expect((await listLettersForCitizen(jan.bsn, 'nl', db)).find((l) => l.id === letter.id)?.read).toBe(true)
  })
})

describe('the post queue: staff', () => {
  it('marks a paper letter printed once, audits it, and drops it from the queue', async () => {
    const { caseId } = await receive(truus.bsn, { caseTypeCode: 'wmo' })
    const [letter] = await lettersOfCase(caseId)
    expect(await markLettersPrinted('E1004', [letter.id], { db })).toBe(1)
    expect(await markLettersPrinted('E1004', [letter.id], { db })).toBe(0)
    expect((await listPostQueue('E1004', { db })).some((item) => item.id === letter.id)).toBe(false)
    const audit = await db.selectFrom('audit_log').selectAll().where('resource', '=', `letter:${letter.id}`).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'E1004',
      action: 'letter.printed',
      subject_bsn: truus.bsn,
    })
  })

  it('does not mark a digital letter printed', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    expect(await markLettersPrinted('E1001', [letter.id], { db })).toBe(0)
  })
})

describe('event → letter → job → e-mail', () => {
  it('sends the neutral notice through SMTP: a link, and no name, reference, subject or BSN', async () => {
    const { caseId, reference } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Stad <noreply@mijnstad.test>' })
    sink.received.length = 0
    await runOnce({
      connectionString: connectionString(),
      taskList: createTaskList({ mailer, baseUrl: BASE_URL }),
      concurrency: 1,
    })
    mailer.close()
    const mails = sink.received.filter((m) => m.to.includes(jan.email!))
    expect(mails.length).toBeGreaterThanOrEqual(1)
    const data = mails.at(-1)!.data
    expect(data).toMatch(/^Subject: Er staat een nieuwe brief voor u klaar in Mijn Stad$/m)
    expect(data).toContain(`${BASE_URL}/mijn/brieven`)
    for (const personal of [
      jan.bsn,
      'Jansen',
      'Jan Willem',
      reference,
      'Dakkapel',
      'Omgevingsvergunning',
      caseId,
      letter.id,
    ]) {
      expect(data).not.toContain(personal)
    }
    expect(await jobsFor(letter.id)).toHaveLength(0)
    const after = await db
      .selectFrom('letters')
      .select('notified_at')
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow()
    expect(after.notified_at).toBeInstanceOf(Date)
  })

  it('retries a failed delivery with back-off, and delivers once the mail server takes it again', async () => {
    const { caseId } = await receive(liam.bsn, { caseTypeCode: 'parkeervergunning' })
    const [letter] = await lettersOfCase(caseId)
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Stad <noreply@mijnstad.test>' })
    const taskList = createTaskList({ mailer, baseUrl: BASE_URL })
    sink.received.length = 0
    sink.failWith = '451 4.3.0 mailbox temporarily unavailable'
    const before = Date.now()
    await runOnce({ connectionString: connectionString(), taskList, concurrency: 1 })

    // The letter is there and readable; only its notice waits.
    expect(await getLetterForCitizen(liam.bsn, letter.id, { markRead: false, db })).not.toBeNull()
    const [failed] = await jobsFor(letter.id)
    expect(failed.attempts).toBe(1)
    expect(failed.last_error).toMatch(/mail delivery failed \(EENVELOPE 451\)/)
    expect(failed.last_error).not.toContain(liam.email!)
    const logged = workerLog
      .filter((l) => l.level === 'error')
      .map((l) => l.message)
      .join('\n')
    expect(logged).toContain('attempt 1 of 25')
    expect(logged).not.toContain(liam.email!)
    // graphile-worker's back-off: the next attempt about exp(1) ≈ 2.7 s later, not at once.
    expect(failed.run_at.getTime()).toBeGreaterThan(before + 2_000)
    expect(sink.received).toHaveLength(0)

    // The server is back; instead of waiting for the back-off, bring the retry forward.
    sink.failWith = null
    const utils = await makeWorkerUtils({ connectionString: connectionString() })
    try {
      await utils.rescheduleJobs([failed.id], { runAt: new Date() })
    } finally {
      await utils.release()
    }
    await runOnce({ connectionString: connectionString(), taskList, concurrency: 1 })
    mailer.close()
    expect(await jobsFor(letter.id)).toHaveLength(0)
    const delivered = sink.received.filter((m) => m.to.includes(liam.email!))
    expect(delivered).toHaveLength(1)
    expect(delivered[0].data).toMatch(/^Subject: A new letter is waiting for you in Mijn Stad$/m)
  })

  it('writes the mail as an .eml file when there is no SMTP server, for /dev/mail to show', async () => {
    const mailDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-mail-'))
    try {
      const { caseId } = await receive(jan.bsn)
      const [letter] = await lettersOfCase(caseId)
      const mailer = createMailer({ from: 'Mijn Stad <noreply@mijnstad.test>', mailDir })
      expect(mailer.kind).toBe('files')
      await runOnce({
        connectionString: connectionString(),
        taskList: createTaskList({ mailer, baseUrl: BASE_URL }),
        concurrency: 1,
      })
      const mails = await listDevMails(mailDir)
      expect(mails.length).toBeGreaterThanOrEqual(1)
      expect(mails[0]).toMatchObject({ to: jan.email, subject: 'Er staat een nieuwe brief voor u klaar in Mijn Stad' })
      const mail = await readDevMail(mails[0].id, mailDir)
      expect(mail?.text).toContain(`Naar Mijn brieven: ${BASE_URL}/mijn/brieven`)
      expect(await readDevMail('../../etc/passwd', mailDir)).toBeNull()
      expect(await jobsFor(letter.id)).toHaveLength(0)
    } finally {
      rmSync(mailDir, { recursive: true, force: true })
    }
  })

  it('sends no second mail when a notice job runs again after it was sent', async () => {
    const { caseId } = await receive(jan.bsn)
    const [letter] = await lettersOfCase(caseId)
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Stad <noreply@mijnstad.test>' })
    const taskList = createTaskList({ mailer, baseUrl: BASE_URL })
    await runOnce({ connectionString: connectionString(), taskList, concurrency: 1 })
    sink.received.length = 0
    await sql`select graphile_worker.add_job('send-letter-notice', json_build_object('letterId', ${letter.id}::text))`.execute(
      db,
    )
    await runOnce({ connectionString: connectionString(), taskList, concurrency: 1 })
    mailer.close()
    expect(sink.received).toHaveLength(0)
  })
})
