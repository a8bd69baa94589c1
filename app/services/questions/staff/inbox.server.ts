/**
 * The contact centre's inbox, "Vragen": the open questions (an answer owed: `answered_at` null),
 * the first due on top (answer-by, then acknowledge-by, then received), each with what threatens
 * it under the charter's terms (app/domain/question-inbox.ts). Only the questions this employee
 * may read (./access.server.ts), filtered in SQL.
 */
import { sql } from 'kysely'
import type { Executor } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { personNameOf } from '~/domain/person-name'
import { questionRisk, type HolderFilter, type QuestionRisk } from '~/domain/question-inbox'
import type { AnswerChannel, QuestionChannel } from '~/domain/questions'
import { isTopic, type Topic } from '~/domain/topics'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { questionVisibleTo, type QuestionStaff } from './access.server'

export interface InboxQuestion {
  id: string
  reference: string
  topic: string
  channel: QuestionChannel
  answerChannel: AnswerChannel
  /** the citizen's name, or the name a public asker gave (null: none given) */
  asker: string | null
  receivedOn: LocalDate
  acknowledgeBy: LocalDate
  answerBy: LocalDate
  /** the department holding it; null: the contact centre */
  department: string | null
  /** a follow-up after an answer: open again */
  reopened: boolean
  risk: QuestionRisk
}

export interface InboxFilter {
  holder?: HolderFilter
  topic?: Topic
}

/** The open questions this employee may read, the first due on top. */
export async function listInbox(
  staff: QuestionStaff,
  filter: InboxFilter = {},
  { today = municipalToday(), db = getDb() }: { today?: LocalDate; db?: Executor } = {},
): Promise<InboxQuestion[]> {
  let query = db
    .selectFrom('questions as q')
    .leftJoin('persons as p', 'p.bsn', 'q.bsn')
    .select([
      'q.id',
      'q.reference',
      'q.topic',
      'q.channel',
      'q.answer_channel',
      'q.contact_name',
      'q.received_at',
      'q.acknowledge_by',
      'q.answer_by',
      'q.department',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
    ])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('question_entries as a')
            .select('a.id')
            .whereRef('a.question_id', '=', 'q.id')
            .where('a.kind', 'in', ['acknowledgement', 'answer']),
        )
        .as('acknowledged'),
      eb
        .exists(
          eb
            .selectFrom('question_entries as f')
            .select('f.id')
            .whereRef('f.question_id', '=', 'q.id')
            .where('f.kind', '=', 'follow_up'),
        )
        .as('reopened'),
    ])
    .where('q.answered_at', 'is', null)
    .where(questionVisibleTo(staff))
  if (filter.topic && isTopic(filter.topic)) query = query.where('q.topic', '=', filter.topic)
  if (filter.holder === 'kcc') query = query.where('q.department', 'is', null)
  if (filter.holder === 'department') query = query.where('q.department', 'is not', null)
  if (filter.holder === 'mine')
    query = staff.roles.includes('kcc')
      ? query.where('q.department', 'is', null)
      : query.where(
          sql<boolean>`q.department = (select e.department from employees e where e.id = ${staff.employeeId})`,
        )
  const rows = await query.orderBy('q.answer_by').orderBy('q.acknowledge_by').orderBy('q.received_at').execute()
  const cal = holidayCalendar()
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    topic: r.topic,
    channel: r.channel,
    answerChannel: r.answer_channel,
    asker: r.surname
      ? personNameOf({ given_names: r.given_names ?? '', name_prefix: r.name_prefix, surname: r.surname })
      : r.contact_name,
    receivedOn: localDateOf(r.received_at),
    acknowledgeBy: r.acknowledge_by,
    answerBy: r.answer_by,
    department: r.department,
    reopened: Boolean(r.reopened),
    risk: questionRisk(
      { acknowledgeBy: r.acknowledge_by, answerBy: r.answer_by, acknowledged: Boolean(r.acknowledged) },
      today,
      cal,
    ),
  }))
}

/** For the start page: how many open questions this employee may read, and how many of them are at risk. */
export async function inboxCounts(
  staff: QuestionStaff,
  options: { today?: LocalDate; db?: Executor } = {},
): Promise<{ open: number; late: number; atRisk: number }> {
  const open = await listInbox(staff, {}, options)
  return {
    open: open.length,
    late: open.filter((q) => q.risk === 'late' || q.risk === 'acknowledgementLate').length,
    atRisk: open.filter((q) => q.risk === 'dueSoon').length,
  }
}

/**
 * The questions linked to a case, for the case's page (which has checked the employee's access
 * to the case): reference, topic, whether answered. No text, nothing to audit.
 */
export async function questionsOfCase(
  caseId: string,
  { db = getDb() }: { db?: Executor } = {},
): Promise<Array<{ id: string; reference: string; topic: string; answered: boolean }>> {
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'reference', 'topic', 'answered_at'])
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .execute()
  return rows.map((r) => ({ id: r.id, reference: r.reference, topic: r.topic, answered: r.answered_at !== null }))
}
