import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import type { QuestionChannel } from '../../db/schema'
import { startOfDayIn, type LocalDate } from '~/domain/local-date'
import { messageTerms } from '~/domain/messages'
import { parsePeriod, type ReportingPeriod } from '~/domain/quality'
import { createHolidayCalendar } from '~/domain/working-days'
import { getPublicCharter } from '~/services/quality/public-charter.server'
import { measureQuestionQuality } from '~/services/quality/questions.server'
import { questionNorms } from '~/services/questions/norms.server'

/**
 * The charter's question figures: per channel, acknowledged within 5 working days and answered
 * within 6 weeks of the day of receipt, from the recorded entries only; a question still within
 * its term counts neither way. The edges are the working days: King's Day and Christmas.
 */
let db: DB
let n = 0
const at = (day: LocalDate, hour = 10) => new Date(startOfDayIn(day).getTime() + hour * 3_600_000)

async function question(
  channel: QuestionChannel,
  receivedOn: LocalDate,
  { ackOn, answerOn }: { ackOn?: LocalDate; answerOn?: LocalDate } = {},
): Promise<void> {
  n++
  const { id } = await db
    .insertInto('questions')
    .values({
      reference: `V-2099-${String(n).padStart(6, '0')}`,
      email: `vraag${n}@example.nl`,
      topic: 'other',
      channel,
      answer_channel: 'email',
      language: 'nl',
      received_at: at(receivedOn, 9),
      registered_at: at(receivedOn, 9) as never, // Generated<Timestamp>: its insert type is not a Date
      // the stored terms are not what the charter measures by: it counts them afresh
      acknowledge_by: '2099-01-01',
      answer_by: '2099-01-01',
      answered_at: answerOn ? at(answerOn, 15) : null,
      form_id: randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entries = [
    { kind: 'question' as const, author_kind: 'citizen' as const, at: at(receivedOn, 9) },
    ...(ackOn ? [{ kind: 'acknowledgement' as const, author_kind: 'system' as const, at: at(ackOn, 11) }] : []),
    ...(answerOn ? [{ kind: 'answer' as const, author_kind: 'system' as const, at: at(answerOn, 15) }] : []),
    // An internal note is never an acknowledgement.
    { kind: 'note' as const, author_kind: 'employee' as const, at: at(receivedOn, 10), employee_id: 'E2002' },
  ]
  await db
    .insertInto('question_entries')
    .values(entries.map((e) => ({ question_id: id, body: 'tekst', employee_id: null, ...e }) as never))
    .execute()
}

const Q2 = parsePeriod('2027-Q2') as ReportingPeriod
const Q4 = parsePeriod('2026-Q4') as ReportingPeriod

beforeAll(async () => {
  db = getDb()
  // King's Day, Tuesday 27 April 2027. Received Wednesday 21 April: the 5th working day is
  // Thursday 29 April (22, 23, 26, 28, 29), the 6th Friday 30 April; six weeks: 2 June.
  await question('email', '2027-04-21', { ackOn: '2027-04-29', answerOn: '2027-06-02' }) // both in time
  await question('email', '2027-04-21', { ackOn: '2027-04-30', answerOn: '2027-06-03' }) // both late
  // An answer without a separate acknowledgement acknowledges too.
  await question('email', '2027-04-21', { answerOn: '2027-04-28' })
  // Post: one in time; one never acknowledged nor answered (late on both once the terms passed).
  await question('post', '2027-05-10', { ackOn: '2027-05-11', answerOn: '2027-05-20' })
  await question('post', '2027-05-12')
  // Internet, received at the end of the quarter: acknowledged in time, the answer's term still runs.
  await question('internet', '2027-06-29', { ackOn: '2027-06-30' })
  // Christmas 2026: Friday 25 and Saturday 26 December. Received Tuesday 22 December: 23, 24,
  // 28, 29, 30 — the 5th working day is Wednesday 30 December; the 31st is late.
  await question('post', '2026-12-22', { ackOn: '2026-12-30', answerOn: '2027-01-20' })
  await question('post', '2026-12-22', { ackOn: '2026-12-31', answerOn: '2027-01-20' })
})

describe('the charter figures of questions', () => {
  it('counts the 5th working day after King’s Day in time and the 6th late, per channel', async () => {
    const { periods } = await measureQuestionQuality([Q2], { today: '2027-07-15', db })
    const byChannel = Object.fromEntries(periods[0].byChannel.map((l) => [l.key, l]))
    expect(byChannel.email.received).toBe(3)
    expect(byChannel.email.acknowledgement.tally).toEqual({ inTime: 2, settled: 3 })
    expect(byChannel.email.decision.tally).toEqual({ inTime: 2, settled: 3 })
    expect(byChannel.email.acknowledgement.targetPercent).toBe(98)
    expect(byChannel.email.decision.targetPercent).toBe(95)
    expect(byChannel.email.decision.verdict).toBe('missed')
    expect(byChannel.post.received).toBe(2)
    expect(byChannel.post.acknowledgement.tally).toEqual({ inTime: 1, settled: 2 })
    expect(byChannel.post.decision.tally).toEqual({ inTime: 1, settled: 2 })
    expect(byChannel.post.decision.targetPercent).toBe(100)
    expect(byChannel.post.openOverdue).toBe(1)
    // Within its answer term on 15 July: counted for the acknowledgement only.
    expect(byChannel.internet.acknowledgement.tally).toEqual({ inTime: 1, settled: 1 })
    expect(byChannel.internet.decision.tally).toEqual({ inTime: 0, settled: 0 })
    expect(byChannel.internet.decision.verdict).toBe('no_cases')
  })

  it('counts a question within its term neither way', async () => {
    // On 14 May the unanswered post question of 12 May is still within both terms.
    const { periods } = await measureQuestionQuality([Q2], { today: '2027-05-14', db })
    const post = periods[0].byChannel.find((l) => l.key === 'post')!
    expect(post.received).toBe(2)
    expect(post.acknowledgement.tally).toEqual({ inTime: 1, settled: 1 })
    expect(post.decision.tally).toEqual({ inTime: 1, settled: 1 })
    expect(post.openOverdue).toBe(0)
  })

  it('skips Christmas when counting working days, as the domain rules do', async () => {
    const { periods } = await measureQuestionQuality([Q4], { today: '2027-02-01', db })
    const post = periods[0].byChannel.find((l) => l.key === 'post')!
    expect(post.acknowledgement.tally).toEqual({ inTime: 1, settled: 2 })
    const norms = (await questionNorms(db)).post
    expect(messageTerms('2026-12-22', norms, createHolidayCalendar()).acknowledgeBy).toBe('2026-12-30')
  })

  it('shows the same figures on the public charter page as on the dashboard', async () => {
    const charter = await getPublicCharter('nl', { today: '2027-07-15', fresh: true, db })
    const { periods } = await measureQuestionQuality([Q2], { today: '2027-07-15', db })
    expect(charter.period.key).toBe('2027-Q2')
    expect(charter.questions).toEqual(periods[0].byChannel)
  })
})
