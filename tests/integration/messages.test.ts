import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { startOfDayIn, type LocalDate } from '~/domain/local-date'
import { MESSAGE_MAX_LENGTH } from '~/domain/messages'
import { parsePeriod } from '~/domain/quality'
import { listInzage } from '~/services/impersonation/inzage.server'
import {
  messageSummaryForCitizen,
  readConversationForCitizen,
  sendCitizenMessage,
} from '~/services/messages/conversation.server'
import { MESSAGE_NOTICE_TASK, messageNoticeTask } from '~/services/messages/notice.server'
import { measureMessageQuality } from '~/services/messages/quality.server'
import { answerMessage, readConversationForStaff } from '~/services/messages/staff.server'
import { listWaitingConversations } from '~/services/messages/worklist.server'
import type { OutgoingMail } from '~/services/mail.server'
import { createCase } from '../support/factories'
import { portalClient } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Messages with the caseworker: the citizen writes on their own case only, the department that
 * handles it answers, reading marks the other side's messages read (not while an employee looks
 * along), the e-mail notice says nothing of the message, and the staff list and the quality
 * dashboard judge messages by the charter's e-mail norms with the holiday calendar.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)

const mirjam = { employeeId: 'E1001', roles: ['caseworker'] } // Vergunningen: Jan's permits
const henk = { employeeId: 'E1002', roles: ['caseworker'] } // Werk en Inkomen
const ahmed = { employeeId: 'E3001', roles: ['manager'] }

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'basis')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'basis')
  cookies.mirjam = await loginAsStaff(server.url, 'E1001')
  cookies.henk = await loginAsStaff(server.url, 'E1002')
  cookies.support = await loginAsStaff(server.url, 'E2001')
  cookies.ahmed = await loginAsStaff(server.url, 'E3001')
})
afterAll(() => server?.close())

const janCase = () => createCase(db, { bsn: jan.bsn, caseTypeCode: 'omgevingsvergunning' })
const messagesOf = (caseId: string) =>
  db.selectFrom('case_messages').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
const noticeJobs = async (messageId: string) =>
  // graphile-worker 0.16 keeps the payload out of its public `jobs` view; read the table itself.
  (
    await sql<{ n: number }>`select count(*)::int as n
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${MESSAGE_NOTICE_TASK} and j.payload->>'messageId' = ${messageId}`.execute(db)
  ).rows[0].n
const auditCount = async (action: string, reference: string) =>
  (
    await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', action)
      .where('resource', '=', `case:${reference}`)
      .executeTakeFirstOrThrow()
  ).n

describe('the conversation through the services', () => {
  it('lets the citizen write, the caseworker answer, and the citizen read, marking the answer read', async () => {
    const played = await janCase()
    const sent = await sendCitizenMessage({ bsn: jan.bsn }, played.caseId, {
      body: '  Moet ik nog tekeningen sturen?  ',
      formId: randomUUID(),
    })
    expect(sent).toMatchObject({ ok: true, duplicate: false })
    const answer = await answerMessage(mirjam, played.caseId, {
      body: 'Nee, dat is niet nodig.',
      holding: false,
      formId: randomUUID(),
    })
    expect(answer).toMatchObject({ ok: true })
    if (!answer.ok || !sent.ok) throw new Error('not sent')
    const rows = await messagesOf(played.caseId)
    expect(rows.map((r) => [r.author_kind, r.body, r.employee_id])).toEqual([
      ['citizen', 'Moet ik nog tekeningen sturen?', null],
      ['employee', 'Nee, dat is niet nodig.', 'E1001'],
    ])
    expect(rows[1].answers_id).toBe(sent.messageId)
    // The notice is queued with the answer, and the answer is audited on Jan's record.
    expect(await noticeJobs(answer.messageId)).toBe(1)
    expect(await auditCount('case_message.answered', played.reference)).toBe(1)

    expect(await messageSummaryForCitizen({ bsn: jan.bsn }, played.caseId)).toMatchObject({ count: 2, unread: 1 })
    const read = await readConversationForCitizen({ bsn: jan.bsn }, played.caseId, { lang: 'nl' })
    expect(read?.messages.map((m) => [m.from, m.unread])).toEqual([
      ['you', false],
      ['municipality', true],
    ])
    expect(read?.norms).toEqual({ acknowledgeWorkingDays: 5, answerWeeks: 6 })
    expect((await messagesOf(played.caseId))[1].read_at).not.toBeNull()
    expect(await messageSummaryForCitizen({ bsn: jan.bsn }, played.caseId)).toMatchObject({ unread: 0 })
  })

  it('marks nothing read while a support employee looks along, and refuses their message', async () => {
    const played = await janCase()
    await answerMessage(mirjam, played.caseId, { body: 'Wij hebben een vraag.', holding: false, formId: randomUUID() })
    const lookingAlong = {
      bsn: jan.bsn,
      impersonatedBy: { employeeId: 'E2001', name: 'Sanne Visser', impersonationId: randomUUID() },
    }
    const read = await readConversationForCitizen(lookingAlong, played.caseId, { lang: 'nl' })
    expect(read?.messages[0].unread).toBe(true)
    expect((await messagesOf(played.caseId))[0].read_at).toBeNull()
    expect(await sendCitizenMessage(lookingAlong, played.caseId, { body: 'Hallo', formId: randomUUID() })).toEqual({
      ok: false,
      code: 'read_only',
    })
    expect(await messagesOf(played.caseId)).toHaveLength(1)
  })

  it("answers another person's case, an unknown id and a malformed one alike: not found, nothing written", async () => {
    const played = await janCase()
    for (const id of [played.caseId, randomUUID(), 'not-a-case', "1' or '1'='1"]) {
      expect(await readConversationForCitizen({ bsn: fatima.bsn }, id, { lang: 'nl' })).toBeNull()
      expect(await messageSummaryForCitizen({ bsn: fatima.bsn }, id)).toBeNull()
      expect(await sendCitizenMessage({ bsn: fatima.bsn }, id, { body: 'Hallo', formId: randomUUID() })).toEqual({
        ok: false,
        code: 'case_not_found',
      })
    }
    expect(await messagesOf(played.caseId)).toHaveLength(0)
  })

  it('stores a double submit of the same form once', async () => {
    const played = await janCase()
    const formId = randomUUID()
    const [a, b] = await Promise.all([
      sendCitizenMessage({ bsn: jan.bsn }, played.caseId, { body: 'Twee keer geklikt', formId }),
      sendCitizenMessage({ bsn: jan.bsn }, played.caseId, { body: 'Twee keer geklikt', formId }),
    ])
    expect([a, b].filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
    expect(await messagesOf(played.caseId)).toHaveLength(1)
    // The same form id on another case is not that form.
    const other = await janCase()
    expect(await sendCitizenMessage({ bsn: jan.bsn }, other.caseId, { body: 'Hallo', formId })).toEqual({
      ok: false,
      code: 'case_not_found',
    })
  })

  it('refuses a message on a closed case and one over the limit, with the field', async () => {
    const closed = await createCase(db, {
      bsn: jan.bsn,
      receivedDaysAgo: 20,
      events: [
        { daysAgo: 5, type: 'decided', outcome: 'granted', reasons: 'Het past in het bestemmingsplan' },
        { daysAgo: 2, type: 'closed' },
      ],
    })
    expect(
      await sendCitizenMessage({ bsn: jan.bsn }, closed.caseId, { body: 'Nog een vraag', formId: randomUUID() }),
    ).toEqual({
      ok: false,
      field: 'body',
      code: 'case_closed',
    })
    const open = await janCase()
    expect(
      await sendCitizenMessage({ bsn: jan.bsn }, open.caseId, {
        body: 'x'.repeat(MESSAGE_MAX_LENGTH + 1),
        formId: randomUUID(),
      }),
    ).toEqual({ ok: false, field: 'body', code: 'too_long' })
    expect(await messagesOf(open.caseId)).toHaveLength(0)
  })

  it('lets only the employees who handle the case read and answer; opening is audited and shown to the citizen', async () => {
    const played = await janCase()
    await sendCitizenMessage({ bsn: jan.bsn }, played.caseId, { body: 'Vraag', formId: randomUUID() })
    // Another department: not found, nothing audited, nothing marked read.
    expect(await readConversationForStaff(henk, played.caseId, { lang: 'nl' })).toBeNull()
    expect(
      await answerMessage(henk, played.caseId, { body: 'Antwoord', holding: false, formId: randomUUID() }),
    ).toEqual({
      ok: false,
      code: 'case_not_found',
    })
    expect(await auditCount('case_messages.viewed', played.reference)).toBe(0)
    expect((await messagesOf(played.caseId))[0].read_at).toBeNull()
    // A manager looks (audited) but marks nothing read and cannot answer.
    expect(await readConversationForStaff(ahmed, played.caseId, { lang: 'nl' })).not.toBeNull()
    expect((await messagesOf(played.caseId))[0].read_at).toBeNull()
    expect(
      await answerMessage(ahmed, played.caseId, { body: 'Antwoord', holding: false, formId: randomUUID() }),
    ).toEqual({
      ok: false,
      code: 'case_not_found',
    })
    const seen = await readConversationForStaff(mirjam, played.caseId, { lang: 'nl' })
    expect(seen?.waiting).toBe(true)
    expect((await messagesOf(played.caseId))[0].read_at).not.toBeNull()
    expect(await auditCount('case_messages.viewed', played.reference)).toBe(2)
    const inzage = await listInzage({ bsn: jan.bsn })
    expect(
      inzage
        .filter((e) => e.action === 'case_messages.viewed' && e.caseReference === played.reference)
        .map((e) => e.staff),
    ).toEqual(expect.arrayContaining(['Mirjam Kuipers', 'Ahmed Benali']))
  })
})

describe('the e-mail notice', () => {
  const sentMails: OutgoingMail[] = []
  const task = () =>
    messageNoticeTask({ mailer: { send: async (m) => void sentMails.push(m) }, baseUrl: 'https://mijn.example/', db })
  const SECRET = 'Het geheime antwoord over de dakkapel aan de Oosterstraat'

  async function answeredCase(contact: { email: string | null; verified: boolean; language: 'nl' | 'en' }) {
    await db
      .insertInto('contact_details')
      .values({
        bsn: jan.bsn,
        email: contact.email,
        email_verified_at: contact.verified ? new Date() : null,
        language: contact.language,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('bsn').doUpdateSet({
          email: contact.email,
          email_verified_at: contact.verified ? new Date() : null,
          language: contact.language,
        }),
      )
      .execute()
    const played = await janCase()
    const answer = await answerMessage(mirjam, played.caseId, { body: SECRET, holding: false, formId: randomUUID() })
    if (!answer.ok) throw new Error('not answered')
    return answer.messageId
  }

  it('says only that a message waits, in the citizen language, to a confirmed address, once', async () => {
    sentMails.length = 0
    const messageId = await answeredCase({ email: 'jan@example.org', verified: true, language: 'nl' })
    await task()({ messageId })
    await task()({ messageId }) // a retry after sending: nothing twice
    expect(sentMails).toHaveLength(1)
    const [mail] = sentMails
    expect(mail.to).toBe('jan@example.org')
    expect(mail.subject).toBe('Er staat een nieuw bericht voor u klaar in Mijn Stad')
    expect(mail.text).toContain('https://mijn.example/mijn')
    for (const part of [mail.subject, mail.text, mail.html ?? '']) {
      expect(part).not.toContain('dakkapel')
      expect(part).not.toContain('Oosterstraat')
      expect(part).not.toMatch(/Z-\d{4}-\d+/)
      expect(part).not.toContain('Jansen')
    }
    sentMails.length = 0
    await task()({ messageId: await answeredCase({ email: 'jan@example.org', verified: true, language: 'en' }) })
    expect(sentMails[0].subject).toBe('A new message is waiting for you in Mijn Stad')
  })

  it('sends nothing to an address that is not confirmed', async () => {
    sentMails.length = 0
    await task()({ messageId: await answeredCase({ email: 'nieuw@example.org', verified: false, language: 'nl' }) })
    expect(sentMails).toHaveLength(0)
  })
})

describe('the staff list, by the charter e-mail norms', () => {
  /** A message sent at noon in Groningen on `day`. */
  const noonOn = (day: LocalDate) => new Date(startOfDayIn(day).getTime() + 12 * 3_600_000)
  async function messageOn(caseId: string, day: LocalDate, from: 'citizen' | 'employee' = 'citizen', holding = false) {
    await db
      .insertInto('case_messages')
      .values({
        case_id: caseId,
        author_kind: from,
        employee_id: from === 'employee' ? 'E1001' : null,
        holding,
        body: from === 'citizen' ? 'Vraag' : 'Antwoord',
        sent_at: noonOn(day),
        form_id: randomUUID(),
      })
      .execute()
  }

  it("orders by the day due and counts King's Day out of the 5 working days", async () => {
    // Wednesday 22 April 2026: Thu 23, Fri 24, (Mon 27 King's Day), Tue 28, Wed 29, Thu 30 April.
    const kingsDay = await janCase()
    await messageOn(kingsDay.caseId, '2026-04-22')
    // Monday 20 April: Tue 21 … Fri 24, then King's Day is skipped: due Tuesday 28 April.
    const earlier = await janCase()
    await messageOn(earlier.caseId, '2026-04-20')
    // Acknowledged on 21 April, so the answer is owed: six weeks, Monday 1 June 2026.
    const acknowledged = await janCase()
    await messageOn(acknowledged.caseId, '2026-04-20')
    await messageOn(acknowledged.caseId, '2026-04-21', 'employee', true)
    // Answered: not on the list.
    const answered = await janCase()
    await messageOn(answered.caseId, '2026-04-20')
    await messageOn(answered.caseId, '2026-04-21', 'employee')
    // Another department's case: not on Mirjam's list.
    const benefit = await createCase(db, { bsn: jan.bsn, caseTypeCode: 'bijstand', contactEmployeeId: 'E1002' })
    await messageOn(benefit.caseId, '2026-04-01')

    const mine = new Set([kingsDay, earlier, acknowledged, answered, benefit].map((c) => c.caseId))
    const list = async (today: LocalDate) =>
      (await listWaitingConversations(mirjam, { lang: 'nl', today, db })).filter((w) => mine.has(w.caseId))

    const onThe29th = await list('2026-04-29')
    expect(onThe29th.map((w) => [w.reference, w.due.owed, w.due.dueOn, w.due.late])).toEqual([
      [earlier.reference, 'acknowledgement', '2026-04-28', true],
      [kingsDay.reference, 'acknowledgement', '2026-04-30', false],
      [acknowledged.reference, 'answer', '2026-06-01', false],
    ])
    // On the 28th the 20 April message is not late yet: without the holiday it would have been due the 27th.
    const onThe28th = await list('2026-04-28')
    expect(onThe28th.find((w) => w.caseId === earlier.caseId)?.due).toMatchObject({ dueOn: '2026-04-28', late: false })
  })
})

describe('the quality figures', () => {
  const noonOn = (day: LocalDate) => new Date(startOfDayIn(day).getTime() + 12 * 3_600_000)
  const add = (caseId: string, day: LocalDate, from: 'citizen' | 'employee', holding = false) =>
    db
      .insertInto('case_messages')
      .values({
        case_id: caseId,
        author_kind: from,
        employee_id: from === 'employee' ? 'E1001' : null,
        holding,
        body: 'Tekst',
        sent_at: noonOn(day),
        form_id: randomUUID(),
      })
      .execute()

  it('counts acknowledgements within 5 working days (an answer counts) and answers within 6 weeks, per period', async () => {
    // April 2024 (a month no other test writes in). King's Day 2024: Saturday 27 April.
    // 1: Mon 1 April is Easter Monday; sent Tue 2 April, answered Tue 9 April (5th working day): both in time.
    const a = await janCase()
    await add(a.caseId, '2024-04-02', 'citizen')
    await add(a.caseId, '2024-04-09', 'employee')
    // 2: sent Wed 3 April, a holding reply Thu 11 April (6th working day: late), answered 8 May: in time (by 15 May).
    const b = await janCase()
    await add(b.caseId, '2024-04-03', 'citizen')
    await add(b.caseId, '2024-04-11', 'employee', true)
    await add(b.caseId, '2024-05-08', 'employee')
    // 3: sent Fri 5 April, never answered: late on both counts once the terms passed.
    const c = await janCase()
    await add(c.caseId, '2024-04-05', 'citizen')
    // 4: sent Mon 29 April, acknowledged Fri 3 May; 6 weeks end Mon 10 June — still running on 1 June.
    const d = await janCase()
    await add(d.caseId, '2024-04-29', 'citizen')
    await add(d.caseId, '2024-05-03', 'employee', true)
    // Another month, not counted in April.
    const e = await janCase()
    await add(e.caseId, '2024-03-29', 'citizen')

    const april = parsePeriod('2024-04')!
    const { norms, periods } = await measureMessageQuality([april], { today: '2024-06-01', db })
    expect(norms).toEqual({ acknowledgeWorkingDays: 5, answerWeeks: 6 })
    expect(periods[0]).toMatchObject({
      received: 4,
      acknowledgement: { tally: { inTime: 2, settled: 4 }, percent: 50, targetPercent: 98, verdict: 'missed' },
      answer: { tally: { inTime: 2, settled: 3 }, percent: 66.6, targetPercent: 95, verdict: 'missed' },
    })
  })
})

describe('the pages over HTTP', () => {
  const form = (body: string, formId: string = randomUUID()) => ({ body, formId })

  it('sends from the case page form, shows it, and answers the same 404 for a case of another person', async () => {
    const played = await janCase()
    const path = `/mijn/zaken/${played.caseId}/berichten`
    const page = await portal.get(path, cookies.jan)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Een bericht sturen')
    const sent = await portal.post(path, cookies.jan, form('Is er al nieuws over mijn aanvraag?'))
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toBe(`${path}?verstuurd=1#laatste-bericht`)
    const after = await (await portal.get(`${path}?verstuurd=1`, cookies.jan)).text()
    expect(after).toContain('Uw bericht is verstuurd.')
    expect(after).toContain('Is er al nieuws over mijn aanvraag?')
    const casePage = await (await portal.get(`/mijn/zaken/${played.caseId}`, cookies.jan)).text()
    expect(casePage).toContain(`href="${path}"`)

    for (const id of [played.caseId, randomUUID(), 'geen-id']) {
      const other = `/mijn/zaken/${id}/berichten`
      expect((await portal.get(other, cookies.fatima)).status).toBe(404)
      expect((await portal.post(other, cookies.fatima, form('Hallo'))).status).toBe(404)
    }
    expect(await messagesOf(played.caseId)).toHaveLength(1)
  })

  it('lists a message long unanswered as late, at the top of the list', async () => {
    const played = await janCase()
    await db
      .insertInto('case_messages')
      .values({
        case_id: played.caseId,
        author_kind: 'citizen',
        body: 'Ik wacht al lang',
        sent_at: new Date('2020-01-06T11:00:00Z'),
        form_id: randomUUID(),
      })
      .execute()
    const html = await (await portal.get('/medewerker/berichten', cookies.mirjam)).text()
    const row = new RegExp(`${played.reference}[\\s\\S]*?</tr>`).exec(html)?.[0] ?? ''
    expect(row).toContain('Ontvangst bevestigen')
    expect(row).toContain('Te laat')
    expect(html).toMatch(/Daarvan (is|zijn) \d+ te laat\./)
    // January 2020 is older than anything else the tests write: it is due first.
    const first = /<tbody>[\s\S]*?href="\/medewerker\/zaken\/([0-9a-f-]{36})\/berichten"/.exec(html)?.[1]
    expect(first).toBe(played.caseId)
    // Another department does not see it.
    expect(await (await portal.get('/medewerker/berichten', cookies.henk)).text()).not.toContain(played.reference)
  })

  it('keeps what was typed when the message is refused', async () => {
    const played = await janCase()
    const path = `/mijn/zaken/${played.caseId}/berichten`
    const long = `Begin van een lang verhaal ${'x'.repeat(MESSAGE_MAX_LENGTH)}`
    const res = await portal.post(path, cookies.jan, form(long))
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Uw bericht is te lang. Gebruik maximaal 4000 tekens.')
    expect(html).toContain('Begin van een lang verhaal')
    const empty = await portal.post(path, cookies.jan, form('   '))
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Schrijf uw bericht.')
    expect(await messagesOf(played.caseId)).toHaveLength(0)
  })

  it('refuses a message while a support employee looks along', async () => {
    const played = await janCase()
    const search = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'bsn',
      bsn: jan.bsn,
    })
    const choice = /name="choice" value="([^"]+)"/.exec(await search.text())?.[1]
    expect(choice).toBeTruthy()
    const start = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'start',
      choice: choice!,
      reasonCode: 'phone',
      reference: 'T-2026-0099',
    })
    expect(start.status).toBe(302)
    try {
      const path = `/mijn/zaken/${played.caseId}/berichten`
      expect((await portal.get(path, cookies.support)).status).toBe(200)
      const res = await portal.post(path, cookies.support, form('Namens Jan'))
      expect(res.status).toBe(403)
      expect(await messagesOf(played.caseId)).toHaveLength(0)
    } finally {
      await portal.post('/medewerker/meekijken/stoppen', cookies.support, {})
    }
  })

  it("shows the conversation to the case's department only, audited, and takes the answer", async () => {
    const played = await janCase()
    await sendCitizenMessage({ bsn: jan.bsn }, played.caseId, { body: 'Wanneer beslist u?', formId: randomUUID() })
    const path = `/medewerker/zaken/${played.caseId}/berichten`
    expect((await portal.get(path, cookies.henk)).status).toBe(404)
    expect((await portal.post(path, cookies.henk, form('Antwoord van de verkeerde afdeling'))).status).toBe(404)
    const page = await portal.get(path, cookies.mirjam)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Wanneer beslist u?')
    expect(await auditCount('case_messages.viewed', played.reference)).toBe(1)
    const res = await portal.post(path, cookies.mirjam, form('Binnen twee weken.'))
    expect(res.status).toBe(302)
    expect((await messagesOf(played.caseId)).map((m) => m.body)).toEqual(['Wanneer beslist u?', 'Binnen twee weken.'])
    const list = await (await portal.get('/medewerker/berichten', cookies.mirjam)).text()
    expect(list).not.toContain(played.reference)
    // A manager reads the conversation, without an answer form, and may not answer.
    const managerPage = await portal.get(path, cookies.ahmed)
    expect(managerPage.status).toBe(200)
    expect(await managerPage.text()).not.toContain('name="body"')
    expect((await portal.post(path, cookies.ahmed, form('Antwoord van de manager'))).status).toBe(403)
    expect(await messagesOf(played.caseId)).toHaveLength(2)
  })
})
