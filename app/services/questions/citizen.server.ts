/**
 * "Mijn vragen": the citizen's own questions, one question's thread, its files, and a reaction
 * that opens it again. Another citizen's question, an unknown and a malformed id are all the same
 * `null` / `not_found`, so the route answers one 404 for each and no id gives itself away.
 * Hand-overs and notes are internal and never leave this module (`isCitizenVisible`).
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { isUuid } from '~/domain/ids'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import {
  QUESTION_MAX_LENGTH,
  isCitizenVisible,
  questionState,
  type AnswerChannel,
  type QuestionEntryKind,
} from '~/domain/questions'
import { recordAudit } from '~/services/audit.server'
import { sha256Hex, type DocumentOpening } from '~/services/cases/documents.server'
import { serverLogger } from '~/services/log.server'
import { sentMoment } from '~/services/messages/norms.server'

/** The citizen as the guards give them: whose data, and whether an employee looks along. */
export interface QuestionCitizen {
  bsn: string
  impersonatedBy?: { employeeId: string; impersonationId: string }
}

/** Where a question stands for the citizen: a hand-over shows as "in progress", never as where it went. */
export type CitizenQuestionState = 'received' | 'inProgress' | 'answered'

export interface CitizenQuestionItem {
  id: string
  reference: string
  topic: string
  /** The first words of the question. */
  preview: string
  state: CitizenQuestionState
  receivedOn: LocalDate
  answerBy: LocalDate
  answerChannel: AnswerChannel
  /** Answers the citizen has not read yet. */
  unread: number
}

const PREVIEW_LENGTH = 80

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  if (flat.length <= PREVIEW_LENGTH) return flat
  const cut = flat.slice(0, PREVIEW_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : PREVIEW_LENGTH)}…`
}

function citizenState(kinds: Array<{ kind: QuestionEntryKind }>): CitizenQuestionState {
  const state = questionState(kinds)
  return state === 'answered' ? 'answered' : state === 'handedOver' ? 'inProgress' : 'received'
}

/** This citizen's questions: open ones first, then the newest. */
export async function listQuestionsForCitizen(bsn: string, { db = getDb() }: { db?: DB } = {}) {
  const questions = await db
    .selectFrom('questions')
    .select(['id', 'reference', 'topic', 'received_at', 'answer_by', 'answer_channel', 'answered_at'])
    .where('bsn', '=', bsn)
    .orderBy(({ eb }) => eb.case().when('answered_at', 'is', null).then(0).else(1).end())
    .orderBy('received_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(200)
    .execute()
  if (questions.length === 0) return []
  const entries = await db
    .selectFrom('question_entries')
    .select(['question_id', 'kind', 'body', 'read_at'])
    .where(
      'question_id',
      'in',
      questions.map((q) => q.id),
    )
    .orderBy('seq')
    .execute()
  return questions.map((q): CitizenQuestionItem => {
    const own = entries.filter((e) => e.question_id === q.id)
    return {
      id: q.id,
      reference: q.reference,
      topic: q.topic,
      preview: preview(own.find((e) => e.kind === 'question')?.body ?? ''),
      state: citizenState(own),
      receivedOn: localDateOf(new Date(q.received_at)),
      answerBy: q.answer_by,
      answerChannel: q.answer_channel,
      unread: own.filter((e) => e.kind === 'answer' && e.read_at === null).length,
    }
  })
}

/** The questions with an answer the citizen has not read: for "Mijn overzicht". */
export async function unreadAnswers(
  bsn: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<Array<{ id: string; reference: string }>> {
  return db
    .selectFrom('questions as q')
    .select(['q.id', 'q.reference'])
    .where('q.bsn', '=', bsn)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('question_entries as e')
          .select('e.id')
          .whereRef('e.question_id', '=', 'q.id')
          .where('e.kind', '=', 'answer')
          .where('e.read_at', 'is', null),
      ),
    )
    .orderBy('q.received_at', 'desc')
    .limit(20)
    .execute()
}

export interface CitizenThreadEntry {
  id: string
  kind: 'question' | 'acknowledgement' | 'answer' | 'follow_up'
  body: string
  /** the day and time, in Groningen */
  sentOn: string
  sentTime: string
  sentVia: AnswerChannel | null
  /** An answer not read before this view. */
  unread: boolean
  attachments: Array<{ id: string; name: string; size: number }>
}

export interface CitizenQuestion {
  id: string
  reference: string
  topic: string
  state: CitizenQuestionState
  receivedOn: LocalDate
  answerBy: LocalDate
  answerChannel: AnswerChannel
  email: string | null
  phone: string | null
  entries: CitizenThreadEntry[]
}

/**
 * One question of this citizen with its visible thread. `markRead`: the citizen's own reading
 * marks the answers read; an employee looking along does not (the route passes false then).
 */
export async function readQuestionForCitizen(
  bsn: string,
  questionId: string,
  { markRead, db = getDb() }: { markRead: boolean; db?: DB },
): Promise<CitizenQuestion | null> {
  if (!isUuid(questionId)) return null
  const q = await db
    .selectFrom('questions')
    .select(['id', 'reference', 'topic', 'received_at', 'answer_by', 'answer_channel', 'email', 'phone'])
    .where('id', '=', questionId)
    .where('bsn', '=', bsn)
    .executeTakeFirst()
  if (!q) return null
  const [entries, files] = await Promise.all([
    db
      .selectFrom('question_entries')
      .select(['id', 'kind', 'body', 'at', 'sent_via', 'read_at'])
      .where('question_id', '=', q.id)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('question_attachments')
      .select(['id', 'entry_id', 'file_name', 'size_bytes'])
      .where('question_id', '=', q.id)
      .orderBy('added_at')
      .execute(),
  ])
  const visible = entries.filter((e) => isCitizenVisible(e.kind))
  if (markRead && visible.some((e) => e.kind === 'answer' && e.read_at === null)) {
    await db
      .updateTable('question_entries')
      .set({ read_at: new Date() })
      .where('question_id', '=', q.id)
      .where('kind', '=', 'answer')
      .where('read_at', 'is', null)
      .execute()
  }
  return {
    id: q.id,
    reference: q.reference,
    topic: q.topic,
    state: citizenState(entries),
    receivedOn: localDateOf(new Date(q.received_at)),
    answerBy: q.answer_by,
    answerChannel: q.answer_channel,
    email: q.email,
    phone: q.phone,
    entries: visible.map((e) => ({
      id: e.id,
      kind: e.kind as CitizenThreadEntry['kind'],
      body: e.body,
      ...sentMoment(e.at),
      sentVia: e.sent_via,
      unread: e.kind === 'answer' && e.read_at === null,
      attachments: files
        .filter((f) => f.entry_id === e.id)
        .map((f) => ({ id: f.id, name: f.file_name, size: f.size_bytes })),
    })),
  }
}

/**
 * A file of one of this citizen's questions, its bytes checked against the hash stored with them
 * (as a case's documents are). Looking along, the opening is audited on the citizen's record.
 */
export async function getQuestionAttachmentForCitizen(
  citizen: QuestionCitizen,
  questionId: string,
  attachmentId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<DocumentOpening> {
  if (!isUuid(questionId) || !isUuid(attachmentId)) return { ok: false, reason: 'not_found' }
  const row = await db
    .selectFrom('question_attachments as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .select(['a.id', 'a.file_name', 'a.media_type', 'a.content', 'a.sha256', 'q.reference'])
    .where('a.id', '=', attachmentId)
    .where('a.question_id', '=', questionId)
    .where('q.bsn', '=', citizen.bsn)
    .executeTakeFirst()
  if (!row) return { ok: false, reason: 'not_found' }
  if (sha256Hex(row.content) !== row.sha256) {
    serverLogger().error({ attachment: row.id }, 'question attachment bytes do not match their SHA-256; not served')
    return { ok: false, reason: 'damaged' }
  }
  if (citizen.impersonatedBy) {
    await recordAudit(db, {
      actorKind: 'staff_as_citizen',
      actorId: citizen.impersonatedBy.employeeId,
      action: 'question_attachment.viewed',
      subjectBsn: citizen.bsn,
      resource: `question:${row.reference}`,
      details: { attachment: row.id, impersonationId: citizen.impersonatedBy.impersonationId },
    })
  }
  return { ok: true, file: { title: row.file_name, mediaType: row.media_type, bytes: row.content } }
}

export type FollowUpResult =
  | { ok: true; duplicate: boolean }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'body_empty' | 'body_too_long'; field: 'body' }

/**
 * The citizen reacts ("Reageren"): a follow-up in the thread, with files, that opens the question
 * again (`answered_at` null: the contact centre's inbox shows it again, under the same terms).
 * One entry per form id (a double submit stores it once).
 */
export async function sendFollowUp(
  citizen: QuestionCitizen,
  questionId: string,
  input: {
    body: string
    formId: string
    attachments?: ReadonlyArray<{ name: string; mediaType: string; bytes: Buffer }>
  },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<FollowUpResult> {
  if (!isUuid(questionId) || !isUuid(input.formId)) return { ok: false, code: 'not_found' }
  const body = input.body.trim()
  if (body === '') return { ok: false, code: 'body_empty', field: 'body' }
  if (body.length > QUESTION_MAX_LENGTH) return { ok: false, code: 'body_too_long', field: 'body' }
  return db.transaction().execute(async (trx): Promise<FollowUpResult> => {
    const q = await trx
      .selectFrom('questions')
      .select(['id', 'reference'])
      .where('id', '=', questionId)
      .where('bsn', '=', citizen.bsn)
      .forUpdate()
      .executeTakeFirst()
    if (!q) return { ok: false, code: 'not_found' }
    const entry = await trx
      .insertInto('question_entries')
      .values({
        question_id: q.id,
        kind: 'follow_up',
        author_kind: 'citizen',
        body,
        at: now,
        form_id: input.formId,
      })
      .onConflict((oc) => oc.column('form_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!entry) {
      const earlier = await trx
        .selectFrom('question_entries')
        .select('id')
        .where('form_id', '=', input.formId)
        .where('question_id', '=', q.id)
        .where('kind', '=', 'follow_up')
        .executeTakeFirst()
      return earlier ? { ok: true, duplicate: true } : { ok: false, code: 'not_found' }
    }
    for (const file of input.attachments ?? []) {
      await trx
        .insertInto('question_attachments')
        .values({
          question_id: q.id,
          entry_id: entry.id,
          file_name: file.name,
          media_type: file.mediaType,
          size_bytes: file.bytes.length,
          sha256: sha256Hex(file.bytes),
          content: file.bytes,
          added_at: now,
        })
        .execute()
    }
    await trx.updateTable('questions').set({ answered_at: null }).where('id', '=', q.id).execute()
    await recordAudit(trx, {
      actorKind: 'citizen',
      actorId: 'citizen',
      action: 'question.follow_up',
      subjectBsn: citizen.bsn,
      resource: `question:${q.reference}`,
      details: { attachments: input.attachments?.length ?? 0 },
    })
    return { ok: true, duplicate: false }
  })
}
