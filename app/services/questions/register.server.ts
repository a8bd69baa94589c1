/**
 * The one way a question enters: asked in the portal (logged in with DigiD), on the public contact
 * form (an e-mail address, no DigiD), or registered by the contact centre from an e-mail or a
 * letter with its day of receipt. Inserts the question, its first entry and its files, writes and
 * sends the acknowledgement (deliver.server.ts), and audits — all in the caller's transaction, so
 * a failure anywhere leaves nothing.
 *
 * The terms are the charter's (norms.server.ts), from the day of receipt in Groningen, fixed here.
 * A second submit of the same form (`form_id`, unique) finds the question the first one stored.
 */
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import type { Language } from '~/domain/language'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { acknowledgementChannel, acknowledgementText } from '~/domain/question-texts'
import { QUESTION_MAX_LENGTH, questionReference, type AnswerChannel, type QuestionChannel } from '~/domain/questions'
import { isTopic, type Topic } from '~/domain/topics'
import { recordAudit } from '~/services/audit.server'
import { sha256Hex } from '~/services/cases/documents.server'
import { deliverToCitizen } from '~/services/questions/deliver.server'
import { questionTerms } from '~/services/questions/norms.server'

export interface NewQuestion {
  /** The form's id: a second submit with it stores nothing new. */
  formId: string
  /** The citizen, when known (logged in, or registered for a known citizen). */
  bsn?: string | null
  contactName?: string | null
  /**
   * Where an answer by e-mail goes. A citizen asking in the portal answers to their confirmed
   * address only (contact_details), looked up here; what they typed is not used.
   */
  email?: string | null
  /** For a call back. */
  phone?: string | null
  topic: Topic
  body: string
  /** How it reached us: `internet` (the portal and the contact form), `email`, `post`. */
  channel: QuestionChannel
  answerChannel: AnswerChannel
  language: Language
  /** When it reached us (a letter's day of receipt); now when left out. Never after now. */
  receivedAt?: Date
  /** The employee who registered it (the contact centre), null when the citizen asked online. */
  registeredBy?: string | null
  caseId?: string | null
  /** Files that passed `checkUploads` (app/services/uploads/index.server.ts). */
  attachments?: ReadonlyArray<{ name: string; mediaType: string; bytes: Buffer }>
}

export type QuestionRefusal =
  | 'unknown_topic'
  | 'body_empty'
  | 'body_too_long'
  | 'email_required'
  | 'email_not_confirmed'
  | 'phone_required'
  | 'portal_needs_citizen'
  | 'received_in_future'
  | 'form_reused'

/** A question the service will not store; `code` says why (the route shows it at the field). */
export class QuestionRefused extends Error {
  constructor(readonly code: QuestionRefusal) {
    super(`question refused: ${code}`)
    this.name = 'QuestionRefused'
  }
}

export interface RegisteredQuestion {
  questionId: string
  reference: string
  receivedOn: LocalDate
  acknowledgeBy: LocalDate
  answerBy: LocalDate
  answerChannel: AnswerChannel
  /** The same form was sent before: nothing new was stored. */
  duplicate: boolean
}

/** Registers a question in the caller's transaction; throws `QuestionRefused` for what it will not store. */
export async function registerQuestion(
  trx: Transaction<Database>,
  input: NewQuestion,
  { now }: { now: Date },
): Promise<RegisteredQuestion> {
  const body = input.body.trim()
  if (!isTopic(input.topic)) throw new QuestionRefused('unknown_topic')
  if (body === '') throw new QuestionRefused('body_empty')
  if (body.length > QUESTION_MAX_LENGTH) throw new QuestionRefused('body_too_long')
  const receivedAt = input.receivedAt ?? now
  if (receivedAt.getTime() > now.getTime()) throw new QuestionRefused('received_in_future')
  const bsn = input.bsn ?? null
  const phone = input.phone?.trim() || null
  if (input.answerChannel === 'phone' && !phone) throw new QuestionRefused('phone_required')
  if ((input.answerChannel === 'portal' || input.answerChannel === 'letter') && !bsn) {
    throw new QuestionRefused('portal_needs_citizen')
  }
  const email = await answerAddress(trx, input, bsn)
  if (!bsn && !email) throw new QuestionRefused('email_required')

  const earlier = await findByForm(trx, input.formId, bsn, email)
  if (earlier) return earlier

  const terms = await questionTerms(input.channel, receivedAt, { db: trx })
  const { rows } = await sql<{ n: string }>`select nextval('question_reference_seq') as n`.execute(trx)
  const reference = questionReference(Number(terms.receivedOn.slice(0, 4)), Number(rows[0].n))
  const inserted = await trx
    .insertInto('questions')
    .values({
      reference,
      bsn,
      contact_name: input.contactName?.trim() || null,
      email,
      phone,
      topic: input.topic,
      channel: input.channel,
      answer_channel: input.answerChannel,
      language: input.language,
      received_at: receivedAt,
      registered_at: now,
      registered_by: input.registeredBy ?? null,
      acknowledge_by: terms.acknowledgeBy,
      answer_by: terms.answerBy,
      case_id: input.caseId ?? null,
      form_id: input.formId,
    })
    .onConflict((oc) => oc.column('form_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) {
    // A concurrent submit of the same form committed first.
    const first = await findByForm(trx, input.formId, bsn, email)
    if (first) return first
    throw new QuestionRefused('form_reused')
  }
  const questionId = inserted.id

  const question = await trx
    .insertInto('question_entries')
    .values({ question_id: questionId, kind: 'question', author_kind: 'citizen', body, at: receivedAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const file of input.attachments ?? []) {
    await trx
      .insertInto('question_attachments')
      .values({
        question_id: questionId,
        entry_id: question.id,
        file_name: file.name,
        media_type: file.mediaType,
        size_bytes: file.bytes.length,
        sha256: sha256Hex(file.bytes),
        content: file.bytes,
        added_at: now,
      })
      .execute()
  }

  const ackVia = acknowledgementChannel({
    answerChannel: input.answerChannel,
    channel: input.channel,
    bsn,
    email,
  })
  const acknowledgement = await trx
    .insertInto('question_entries')
    .values({
      question_id: questionId,
      kind: 'acknowledgement',
      author_kind: 'system',
      body: acknowledgementText(
        { reference, receivedOn: terms.receivedOn, answerBy: terms.answerBy, answerChannel: input.answerChannel },
        input.language,
      ),
      sent_via: ackVia,
      at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await deliverToCitizen(trx, questionId, acknowledgement.id, { now })

  await recordAudit(trx, {
    ...(input.registeredBy
      ? { actorKind: 'staff' as const, actorId: input.registeredBy }
      : bsn
        ? { actorKind: 'citizen' as const, actorId: 'citizen' }
        : { actorKind: 'system' as const, actorId: 'system:contact-form' }),
    action: input.registeredBy ? 'question.registered' : 'question.asked',
    subjectBsn: bsn,
    resource: `question:${reference}`,
    details: {
      channel: input.channel,
      answerChannel: input.answerChannel,
      topic: input.topic,
      attachments: input.attachments?.length ?? 0,
    },
  })
  return {
    questionId,
    reference,
    receivedOn: terms.receivedOn,
    acknowledgeBy: terms.acknowledgeBy,
    answerBy: terms.answerBy,
    answerChannel: input.answerChannel,
    duplicate: false,
  }
}

/**
 * The address an e-mail answer goes to. A citizen asking in the portal themself: their confirmed
 * address, or a refusal when they have none (an address nobody confirmed may be someone else's).
 * The contact centre registering a question: the address the question came from.
 */
async function answerAddress(trx: Transaction<Database>, input: NewQuestion, bsn: string | null) {
  const typed = input.email?.trim() || null
  if (!bsn || input.registeredBy) {
    if (input.answerChannel === 'email' && !typed) throw new QuestionRefused('email_required')
    return typed
  }
  const details = await trx
    .selectFrom('contact_details')
    .select(['email', 'email_verified_at'])
    .where('bsn', '=', bsn)
    .executeTakeFirst()
  const confirmed = details?.email && details.email_verified_at ? details.email : null
  if (input.answerChannel !== 'email') return null
  if (!confirmed) throw new QuestionRefused('email_not_confirmed')
  return confirmed
}

/** The question stored under this form id before, if it is this asker's; another's is refused. */
async function findByForm(
  trx: Transaction<Database>,
  formId: string,
  bsn: string | null,
  email: string | null,
): Promise<RegisteredQuestion | null> {
  const row = await trx
    .selectFrom('questions')
    .select(['id', 'reference', 'bsn', 'email', 'received_at', 'acknowledge_by', 'answer_by', 'answer_channel'])
    .where('form_id', '=', formId)
    .executeTakeFirst()
  if (!row) return null
  if (row.bsn !== bsn || (!bsn && row.email !== email)) throw new QuestionRefused('form_reused')
  return {
    questionId: row.id,
    reference: row.reference,
    receivedOn: localDateOf(new Date(row.received_at)),
    acknowledgeBy: row.acknowledge_by,
    answerBy: row.answer_by,
    answerChannel: row.answer_channel,
    duplicate: true,
  }
}
