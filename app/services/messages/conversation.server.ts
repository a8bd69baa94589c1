/**
 * The citizen's side of the messages on a case: the conversation, reading it (which marks the
 * caseworker's answers read), writing a message, and the short summary on the case page.
 *
 * Only the citizen whose case it is writes and reads here (cases.bsn; a co-mover party to a
 * move reads that case, not its conversation). Another person's case, an unknown and a
 * malformed id are all `null`, so the route answers the same 404. While a support employee
 * looks along, reading marks nothing and writing is refused (the server refuses every non-GET
 * before this runs: impersonation/read-only.server.ts; `read_only` here is the backstop).
 */
import { sql } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { isUuid } from '~/domain/ids'
import type { Language } from '~/domain/language'
import { MESSAGE_MAX_LENGTH, type MessageNorms } from '~/domain/messages'
import type { CitizenUser } from '~/services/auth/user.server'
import { insertMessageOnce } from './insert-once.server'
import { messageNorms, sentMoment } from './norms.server'

export interface ConversationMessage {
  id: string
  from: 'you' | 'municipality'
  /** the employee's name, for the municipality's messages */
  author: string | null
  body: string
  /** the day and time it was sent, in Groningen */
  sentOn: string
  sentTime: string
  holding: boolean
  /** for the municipality's messages: not read before this visit */
  unread: boolean
}

export interface CitizenConversation {
  caseId: string
  reference: string
  caseType: string
  closed: boolean
  messages: ConversationMessage[]
  /** the charter's promise for a message: acknowledged within so many working days, answered within so many weeks */
  norms: MessageNorms
}

type Citizen = Pick<CitizenUser, 'bsn' | 'impersonatedBy'>

/** The case, when it is this citizen's own. */
async function ownCase(db: Executor, bsn: string, caseId: string, lang: Language) {
  if (!isUuid(caseId)) return null
  return db
    .selectFrom('cases as c')
    .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
    .select(['c.id', 'c.reference', 'c.status', lang === 'en' ? 'ct.name_en as caseType' : 'ct.name_nl as caseType'])
    .where('c.id', '=', caseId)
    .where('c.bsn', '=', bsn)
    .executeTakeFirst()
}

/**
 * The conversation on this citizen's case, oldest first. Opening it marks the caseworker's
 * messages read — not while an employee looks along (the citizen has not read them).
 */
export async function readConversationForCitizen(
  citizen: Citizen,
  caseId: string,
  { lang, now = new Date(), db = getDb() }: { lang: Language; now?: Date; db?: DB },
): Promise<CitizenConversation | null> {
  const found = await ownCase(db, citizen.bsn, caseId, lang)
  if (!found) return null
  const rows = await db
    .selectFrom('case_messages as m')
    .leftJoin('employees as e', 'e.id', 'm.employee_id')
    .select(['m.id', 'm.author_kind', 'm.body', 'm.sent_at', 'm.read_at', 'm.holding', 'e.name'])
    .where('m.case_id', '=', found.id)
    .orderBy('m.seq')
    .execute()
  if (!citizen.impersonatedBy && rows.some((r) => r.author_kind === 'employee' && r.read_at === null)) {
    await db
      .updateTable('case_messages')
      .set({ read_at: now })
      .where('case_id', '=', found.id)
      .where('author_kind', '=', 'employee')
      .where('read_at', 'is', null)
      .execute()
  }
  return {
    caseId: found.id,
    reference: found.reference,
    caseType: found.caseType,
    closed: found.status === 'closed',
    norms: await messageNorms(db).then(({ acknowledgeWorkingDays, answerWeeks }) => ({
      acknowledgeWorkingDays,
      answerWeeks,
    })),
    messages: rows.map((r) => ({
      id: r.id,
      from: r.author_kind === 'citizen' ? 'you' : 'municipality',
      author: r.author_kind === 'employee' ? r.name : null,
      body: r.body,
      ...sentMoment(r.sent_at),
      holding: r.holding,
      unread: r.author_kind === 'employee' && r.read_at === null,
    })),
  }
}

export interface MessageSummary {
  count: number
  /** the caseworker's messages this citizen has not read yet */
  unread: number
  /** the newest message: who wrote it and when */
  latest: { from: 'you' | 'municipality'; sentOn: string } | null
}

/** For the case page: how many messages, how many answers unread; null when it is not their own case. */
export async function messageSummaryForCitizen(
  citizen: Citizen,
  caseId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<MessageSummary | null> {
  if (!isUuid(caseId)) return null
  const owned = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('bsn', '=', citizen.bsn)
    .executeTakeFirst()
  if (!owned) return null
  const row = await db
    .selectFrom('case_messages')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number>`(count(*) filter (where author_kind = 'employee' and read_at is null))::int`.as('unread'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow()
  const latest = await db
    .selectFrom('case_messages')
    .select(['author_kind', 'sent_at'])
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return {
    count: row.count,
    unread: row.unread,
    latest: latest
      ? { from: latest.author_kind === 'citizen' ? 'you' : 'municipality', sentOn: sentMoment(latest.sent_at).sentOn }
      : null,
  }
}

export type SendResult =
  | { ok: true; messageId: string; duplicate: boolean }
  | { ok: false; code: 'case_not_found' }
  | { ok: false; code: 'read_only' }
  | { ok: false; field: 'body'; code: 'case_closed' | 'too_long' | 'required' }

/**
 * The citizen writes on their own case. `formId` is the form's own id: the same form sent twice
 * (a double click, a retry) stores one message. A closed case takes no more messages: the
 * citizen is told to call instead.
 */
export async function sendCitizenMessage(
  citizen: Citizen,
  caseId: string,
  input: { body: string; formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<SendResult> {
  if (citizen.impersonatedBy) return { ok: false, code: 'read_only' }
  const body = input.body.trim()
  if (!body) return { ok: false, field: 'body', code: 'required' }
  if (body.length > MESSAGE_MAX_LENGTH) return { ok: false, field: 'body', code: 'too_long' }
  return db.transaction().execute(async (trx) => {
    // Locks the case row: a message and the case's closing do not cross.
    if (!isUuid(caseId)) return { ok: false, code: 'case_not_found' } as const
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'status'])
      .where('id', '=', caseId)
      .where('bsn', '=', citizen.bsn)
      .forUpdate()
      .executeTakeFirst()
    if (!found) return { ok: false, code: 'case_not_found' } as const
    if (found.status === 'closed') return { ok: false, field: 'body', code: 'case_closed' } as const
    return insertMessageOnce(trx, {
      case_id: found.id,
      author_kind: 'citizen',
      body,
      sent_at: now,
      form_id: input.formId,
    })
  })
}
