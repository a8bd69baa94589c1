/**
 * Asking a question: in the portal (logged in with DigiD) and on the public contact form (no
 * DigiD). Both go through `registerQuestion` in a transaction of their own; a refusal comes back
 * as a field and a code for the form. The public form is limited per client address (counted in
 * PostgreSQL, `rate_limits`, so across instances and restarts) and has a honeypot: a filled
 * one is answered as a success, and nothing is stored.
 */
import { createHash } from 'node:crypto'
import { CompiledQuery } from 'kysely'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { getDb } from '../../../db/instance'
import type { DB } from '../../../db/client'
import type { Language } from '~/domain/language'
import type { AnswerChannel } from '~/domain/questions'
import type { Topic } from '~/domain/topics'
import {
  QuestionRefused,
  registerQuestion,
  type QuestionRefusal,
  type RegisteredQuestion,
} from '~/services/questions/register.server'

type Files = ReadonlyArray<{ name: string; mediaType: string; bytes: Buffer }>

export type AskResult =
  | { ok: true; question: RegisteredQuestion }
  | { ok: false; field: 'body' | 'topic' | 'answerChannel' | 'email' | 'phone' | 'formId'; code: QuestionRefusal }

const FIELD_OF: Record<QuestionRefusal, Extract<AskResult, { ok: false }>['field']> = {
  unknown_topic: 'topic',
  body_empty: 'body',
  body_too_long: 'body',
  email_required: 'email',
  email_not_confirmed: 'answerChannel',
  phone_required: 'phone',
  portal_needs_citizen: 'answerChannel',
  received_in_future: 'formId',
  form_reused: 'formId',
}

async function register(input: Parameters<typeof registerQuestion>[1], now: Date, db: DB): Promise<AskResult> {
  try {
    const question = await db.transaction().execute((trx) => registerQuestion(trx, input, { now }))
    return { ok: true, question }
  } catch (error) {
    if (error instanceof QuestionRefused) return { ok: false, field: FIELD_OF[error.code], code: error.code }
    throw error
  }
}

/** A logged-in citizen asks in the portal. */
export async function askQuestion(
  citizen: { bsn: string },
  input: {
    formId: string
    topic: Topic
    body: string
    answerChannel: AnswerChannel
    phone?: string | null
    language: Language
    attachments?: Files
  },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<AskResult> {
  return register(
    {
      formId: input.formId,
      bsn: citizen.bsn,
      topic: input.topic,
      body: input.body,
      channel: 'internet',
      answerChannel: input.answerChannel,
      phone: input.answerChannel === 'phone' ? input.phone : null,
      language: input.language,
      attachments: input.attachments,
    },
    now,
    db,
  )
}

/** Someone without DigiD asks on the public contact form: an answer by e-mail or a call back. */
export async function askWithoutDigid(
  input: {
    formId: string
    name?: string | null
    email: string
    topic: Topic
    body: string
    answerChannel: 'email' | 'phone'
    phone?: string | null
    language: Language
  },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<AskResult> {
  return register(
    {
      formId: input.formId,
      bsn: null,
      contactName: input.name,
      email: input.email,
      topic: input.topic,
      body: input.body,
      channel: 'internet',
      answerChannel: input.answerChannel,
      phone: input.answerChannel === 'phone' ? input.phone : null,
      language: input.language,
    },
    now,
    db,
  )
}

// --- the public form's limit per client address ---------------------------------------------------

const storeClient = {
  async query({ text, values }: { text: string; values?: unknown[] }) {
    const { rows } = await getDb().executeQuery(CompiledQuery.raw(text, values ?? []))
    return { rows, rowCount: rows.length }
  },
}
const limiters = new Map<string, RateLimiterPostgres>()

/**
 * Counts one send of the contact form from this address: 0 when allowed, else the seconds to
 * wait. The key is a SHA-256 of the address, never the address; the hourly job purges old rows.
 */
export async function takeContactFormSend(
  address: string | undefined,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
): Promise<number> {
  const id = `${limit}/${windowSeconds}`
  let store = limiters.get(id)
  if (!store) {
    store = new RateLimiterPostgres({
      storeClient,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true, // migration 0014
      clearExpiredByTimeout: false,
      keyPrefix: 'contact-form',
      points: limit,
      duration: windowSeconds,
    })
    limiters.set(id, store)
  }
  const key = createHash('sha256')
    .update(address ?? 'unknown')
    .digest('hex')
  try {
    await store.consume(key)
    return 0
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused
    return Math.max(1, Math.ceil(refused.msBeforeNext / 1000))
  }
}

/** What the question form offers a citizen: their confirmed e-mail address and phone number. */
export async function answerOptionsFor(
  bsn: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<{ confirmedEmail: string | null; phone: string | null }> {
  const row = await db
    .selectFrom('contact_details')
    .select(['email', 'email_verified_at', 'phone'])
    .where('bsn', '=', bsn)
    .executeTakeFirst()
  return { confirmedEmail: row?.email && row.email_verified_at ? row.email : null, phone: row?.phone ?? null }
}
