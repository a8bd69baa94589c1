/**
 * A question as the contact centre and the department holding it see it: the whole thread with
 * the internal hand-overs and notes, who asked and how to reach them, the attachments, the
 * charter's terms and what threatens them, the linked case and the contact moments about it.
 * Opening it is audited as a view of the citizen's data ("Wie heeft mijn gegevens bekeken"), and
 * so is opening an attachment. Out of reach answers as unknown (./access.server.ts).
 */
import type { DB } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { personNameOf } from '~/domain/person-name'
import { questionRisk, type QuestionRisk } from '~/domain/question-inbox'
import {
  questionState,
  type AnswerChannel,
  type QuestionChannel,
  type QuestionEntryKind,
  type QuestionState,
} from '~/domain/questions'
import { isUuid } from '~/domain/ids'
import { recordAudit } from '~/services/audit.server'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { sha256Hex, type DocumentOpening } from '~/services/cases/documents.server'
import { serverLogger } from '~/services/log.server'
import { questionAccess, type QuestionStaff } from './access.server'

export interface StaffQuestionEntry {
  id: string
  kind: QuestionEntryKind
  author: 'citizen' | 'employee' | 'system'
  employeeName: string | null
  body: string
  department: string | null
  articleSlugs: string[]
  sentVia: AnswerChannel | null
  at: string
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>
}

export interface StaffQuestion {
  id: string
  reference: string
  topic: string
  channel: QuestionChannel
  answerChannel: AnswerChannel
  language: 'nl' | 'en'
  /** the citizen's name from the BRP, or the name a public asker gave */
  asker: string | null
  known: boolean
  email: string | null
  phone: string | null
  receivedOn: LocalDate
  acknowledgeBy: LocalDate
  answerBy: LocalDate
  department: string | null
  answered: boolean
  state: QuestionState
  risk: QuestionRisk
  caseLink: { id: string; reference: string } | null
  entries: StaffQuestionEntry[]
  contacts: Array<{ id: string; channel: string; occurredAt: string; summary: string; employeeName: string | null }>
  /** this employee may answer, hand over, note and link */
  mayAct: boolean
}

/** The question, if this employee may read it; opening it is audited. */
export async function readQuestionForStaff(
  staff: QuestionStaff,
  questionId: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<StaffQuestion | null> {
  const access = await questionAccess(staff, questionId, db)
  if (!access) return null
  return db.transaction().execute(async (trx) => {
    const q = await trx
      .selectFrom('questions as q')
      .leftJoin('persons as p', 'p.bsn', 'q.bsn')
      .leftJoin('contact_details as cd', 'cd.bsn', 'q.bsn')
      .leftJoin('cases as c', 'c.id', 'q.case_id')
      .select([
        'q.id',
        'q.reference',
        'q.bsn',
        'q.topic',
        'q.channel',
        'q.answer_channel',
        'q.language',
        'q.contact_name',
        'q.email',
        'q.phone',
        'q.received_at',
        'q.acknowledge_by',
        'q.answer_by',
        'q.department',
        'q.answered_at',
        'p.given_names',
        'p.name_prefix',
        'p.surname',
        'cd.email as citizen_email',
        'cd.phone as citizen_phone',
        'c.id as case_id',
        'c.reference as case_reference',
      ])
      .where('q.id', '=', access.id)
      .executeTakeFirstOrThrow()
    const entries = await trx
      .selectFrom('question_entries as e')
      .leftJoin('employees as emp', 'emp.id', 'e.employee_id')
      .select([
        'e.id',
        'e.kind',
        'e.author_kind',
        'emp.name',
        'e.body',
        'e.department',
        'e.article_slugs',
        'e.sent_via',
        'e.at',
      ])
      .where('e.question_id', '=', q.id)
      .orderBy('e.seq')
      .execute()
    const attachments = await trx
      .selectFrom('question_attachments')
      .select(['id', 'entry_id', 'file_name', 'size_bytes'])
      .where('question_id', '=', q.id)
      .orderBy('added_at')
      .execute()
    const contacts = await trx
      .selectFrom('contact_moments as m')
      .leftJoin('employees as emp', 'emp.id', 'm.employee_id')
      .select(['m.id', 'm.channel', 'm.occurred_at', 'm.summary', 'emp.name'])
      .where('m.question_id', '=', q.id)
      .orderBy('m.occurred_at')
      .execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'question.viewed',
      subjectBsn: q.bsn,
      resource: `question:${q.reference}`,
    })
    const acknowledged = entries.some((e) => e.kind === 'acknowledgement' || e.kind === 'answer')
    return {
      id: q.id,
      reference: q.reference,
      topic: q.topic,
      channel: q.channel,
      answerChannel: q.answer_channel,
      language: q.language,
      asker: q.surname
        ? personNameOf({ given_names: q.given_names ?? '', name_prefix: q.name_prefix, surname: q.surname })
        : q.contact_name,
      known: q.bsn !== null,
      email: q.email ?? q.citizen_email,
      phone: q.phone ?? q.citizen_phone,
      receivedOn: localDateOf(q.received_at),
      acknowledgeBy: q.acknowledge_by,
      answerBy: q.answer_by,
      department: q.department,
      answered: q.answered_at !== null,
      state: questionState(entries),
      risk:
        q.answered_at === null
          ? questionRisk(
              { acknowledgeBy: q.acknowledge_by, answerBy: q.answer_by, acknowledged },
              municipalToday(now),
              holidayCalendar(),
            )
          : null,
      caseLink: q.case_id && q.case_reference ? { id: q.case_id, reference: q.case_reference } : null,
      entries: entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        author: e.author_kind,
        employeeName: e.name,
        body: e.body,
        department: e.department,
        articleSlugs: e.article_slugs,
        sentVia: e.sent_via,
        at: (e.at as unknown as Date).toISOString(),
        attachments: attachments
          .filter((a) => a.entry_id === e.id)
          .map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: a.size_bytes })),
      })),
      contacts: contacts.map((c) => ({
        id: c.id,
        channel: c.channel,
        occurredAt: (c.occurred_at as unknown as Date).toISOString(),
        summary: c.summary,
        employeeName: c.name,
      })),
      mayAct: access.mayAct,
    }
  })
}

/** An attachment of a question this employee may read; opening it is audited. */
export async function openQuestionAttachment(
  staff: QuestionStaff,
  questionId: string,
  attachmentId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<DocumentOpening> {
  if (!isUuid(attachmentId)) return { ok: false, reason: 'not_found' }
  const access = await questionAccess(staff, questionId, db)
  if (!access) return { ok: false, reason: 'not_found' }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('question_attachments as a')
      .innerJoin('questions as q', 'q.id', 'a.question_id')
      .select(['a.id', 'a.file_name', 'a.media_type', 'a.content', 'a.sha256', 'q.bsn', 'q.reference'])
      .where('a.id', '=', attachmentId)
      .where('a.question_id', '=', access.id)
      .executeTakeFirst()
    if (!row) return { ok: false, reason: 'not_found' } as const
    if (sha256Hex(row.content) !== row.sha256) {
      serverLogger().error({ attachment: row.id }, 'attachment bytes do not match their SHA-256; not served')
      return { ok: false, reason: 'damaged' } as const
    }
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'question_attachment.viewed',
      subjectBsn: row.bsn,
      resource: `question:${row.reference}`,
      details: { attachment: row.id },
    })
    return { ok: true, file: { title: row.file_name, mediaType: row.media_type, bytes: row.content } } as const
  })
}
