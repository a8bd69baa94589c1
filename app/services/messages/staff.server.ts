/**
 * The staff's side of the messages on a case: the conversation and the answer. Who may: the
 * employees who handle the case (cases/scope.server.ts — its department, or a manager); a case
 * of another department answers exactly as an unknown one (null, `case_not_found`, 404) and
 * writes nothing to the audit log. Opening a conversation is audited as a view of the citizen's
 * data ("Wie heeft mijn gegevens bekeken"); answering is audited and e-mails the citizen a
 * neutral notice (messages/notice.server.ts) in the same transaction.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import { MESSAGE_MAX_LENGTH, messageDue, type MessageDue, type MessageTerms } from '~/domain/messages'
import { recordAudit } from '~/services/audit.server'
import { municipalToday } from '~/services/calendar.server'
import { mayHandleCase } from '~/services/cases/scope.server'
import { insertMessageOnce } from './insert-once.server'
import { enqueueMessageNotice } from './notice.server'
import { dayOf, messageNorms, sentMoment, termsOf } from './norms.server'

export interface StaffMember {
  employeeId: string
  roles: readonly string[]
}

export interface StaffConversationMessage {
  id: string
  from: 'citizen' | 'employee'
  author: string | null
  body: string
  /** the day and time it was sent, in Groningen */
  sentOn: string
  sentTime: string
  holding: boolean
  /** for the citizen's messages: the terms of the charter and what is still owed */
  terms: (MessageTerms & { due: MessageDue | null }) | null
  /** read by the other side (the citizen reads answers; staff the citizen's messages) */
  readAt: string | null
}

export interface StaffConversation {
  caseId: string
  reference: string
  caseType: string
  citizenName: string
  messages: StaffConversationMessage[]
  /** a citizen's message still waiting for its answer */
  waiting: boolean
}

const isCaseworker = (staff: StaffMember) => staff.roles.includes('caseworker')

/**
 * The conversation on a case this employee handles, oldest first, with each citizen message's
 * terms. Opening it is audited; a caseworker's opening marks the citizen's messages read (a
 * manager only looks).
 */
export async function readConversationForStaff(
  staff: StaffMember,
  caseId: string,
  { lang, now = new Date(), db = getDb() }: { lang: Language; now?: Date; db?: DB },
): Promise<StaffConversation | null> {
  if (!(await mayHandleCase(staff.employeeId, caseId, db))) return null
  const today = municipalToday(now)
  const terms = termsOf(await messageNorms(db))
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('cases as c')
      .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
      .innerJoin('persons as p', 'p.bsn', 'c.bsn')
      .select(['c.id', 'c.reference', 'c.bsn', 'p.given_names', 'p.name_prefix', 'p.surname'])
      .select(lang === 'en' ? 'ct.name_en as caseType' : 'ct.name_nl as caseType')
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow()
    const rows = await trx
      .selectFrom('case_messages as m')
      .leftJoin('employees as e', 'e.id', 'm.employee_id')
      .select(['m.id', 'm.author_kind', 'm.body', 'm.sent_at', 'm.read_at', 'm.holding', 'e.name'])
      .where('m.case_id', '=', found.id)
      .orderBy('m.seq')
      .execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'case_messages.viewed',
      subjectBsn: found.bsn,
      resource: `case:${found.reference}`,
    })
    if (isCaseworker(staff))
      await trx
        .updateTable('case_messages')
        .set({ read_at: now })
        .where('case_id', '=', found.id)
        .where('author_kind', '=', 'citizen')
        .where('read_at', 'is', null)
        .execute()
    const messages = rows.map((r, i): StaffConversationMessage => {
      let measured: StaffConversationMessage['terms'] = null
      if (r.author_kind === 'citizen') {
        const later = rows.slice(i + 1).filter((l) => l.author_kind === 'employee')
        const t = terms(dayOf(r.sent_at))
        const answered = later.some((l) => !l.holding)
        measured = {
          ...t,
          due: answered
            ? null
            : messageDue(
                { sentOn: dayOf(r.sent_at), acknowledgedOn: later[0] ? dayOf(later[0].sent_at) : null },
                t,
                today,
              ),
        }
      }
      return {
        id: r.id,
        from: r.author_kind,
        author: r.author_kind === 'employee' ? r.name : null,
        body: r.body,
        ...sentMoment(r.sent_at),
        holding: r.holding,
        terms: measured,
        readAt: r.read_at?.toISOString() ?? null,
      }
    })
    return {
      caseId: found.id,
      reference: found.reference,
      caseType: found.caseType,
      citizenName: [found.given_names, found.name_prefix, found.surname].filter(Boolean).join(' '),
      messages,
      waiting: messages.some((m) => m.terms?.due),
    }
  })
}

export type AnswerResult =
  | { ok: true; messageId: string; duplicate: boolean }
  | { ok: false; code: 'case_not_found' }
  | { ok: false; field: 'body'; code: 'too_long' | 'required' }

/**
 * An employee who handles the case answers (or, `holding`, acknowledges: "we have your message,
 * the answer follows"). The answer names the citizen's latest message it answers; it is
 * audited and the citizen's neutral e-mail notice is queued in the same transaction. `formId`
 * makes a double submit store one answer.
 */
export async function answerMessage(
  staff: StaffMember,
  caseId: string,
  input: { body: string; holding: boolean; formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<AnswerResult> {
  if (!isCaseworker(staff) || !(await mayHandleCase(staff.employeeId, caseId, db)))
    return { ok: false, code: 'case_not_found' }
  const body = input.body.trim()
  if (!body) return { ok: false, field: 'body', code: 'required' }
  if (body.length > MESSAGE_MAX_LENGTH) return { ok: false, field: 'body', code: 'too_long' }
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'bsn', 'reference'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const question = await trx
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', found.id)
      .where('author_kind', '=', 'citizen')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const stored = await insertMessageOnce(trx, {
      case_id: found.id,
      author_kind: 'employee',
      employee_id: staff.employeeId,
      body,
      sent_at: now,
      answers_id: question?.id ?? null,
      holding: input.holding,
      form_id: input.formId,
    })
    // The same form again: stored, audited and noticed the first time.
    if (!stored.ok || stored.duplicate) return stored
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: input.holding ? 'case_message.acknowledged' : 'case_message.answered',
      subjectBsn: found.bsn,
      resource: `case:${found.reference}`,
    })
    await enqueueMessageNotice(trx, stored.messageId)
    return stored
  })
}

/**
 * For the case screen, which has checked the employee's access already: how many messages, and
 * how many of the citizen's still wait for an answer. Counts only; nothing to audit.
 */
export async function conversationCountsForStaff(
  caseId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<{ count: number; waiting: number }> {
  const row = await db
    .selectFrom('case_messages as m')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number>`(count(*) filter (where m.author_kind = 'citizen' and not exists (
        select 1 from case_messages a
        where a.case_id = m.case_id and a.author_kind = 'employee' and not a.holding and a.seq > m.seq
      )))::int`.as('waiting'),
    ])
    .where('m.case_id', '=', caseId)
    .executeTakeFirstOrThrow()
  return row
}
