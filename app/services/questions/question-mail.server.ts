/**
 * A question's e-mails: the acknowledgement or answer itself (answer channel e-mail) and the
 * neutral notice of the portal channel. Enqueued in the transaction that writes the entry (outbox
 * semantics, as letters/notices.server.ts), sent by the job runner (app/services/jobs.server.ts).
 * The payload holds the entry id and the channel only; the address is read when the mail goes out.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { questionContentMail, questionNoticeMail } from '~/domain/question-texts'
import { MUNICIPALITY } from '~/services/letters/stored.server'
import type { OutgoingMail } from '~/services/mail.server'

/** The graphile-worker task that sends a question's e-mail. */
export const QUESTION_MAIL_TASK = 'send-question-mail'

export async function enqueueQuestionMail(trx: Executor, entryId: string, via: 'email' | 'portal'): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${QUESTION_MAIL_TASK},
    json_build_object('entryId', ${entryId}::text, 'via', ${via}::text),
    job_key => ${`question-mail:${entryId}`}::text,
    job_key_mode => 'preserve_run_at',
    max_attempts => 25::smallint
  )`.execute(trx)
}

const payloadSchema = z.object({ entryId: z.string().uuid(), via: z.enum(['email', 'portal']) })

/** The mail an entry calls for, and to whom; null when there is nobody to send it to. */
export async function questionMailFor(
  payload: unknown,
  { baseUrl, db = getDb() }: { baseUrl: string; db?: DB },
): Promise<OutgoingMail | null> {
  const { entryId, via } = payloadSchema.parse(payload)
  const row = await db
    .selectFrom('question_entries as e')
    .innerJoin('questions as q', 'q.id', 'e.question_id')
    .leftJoin('contact_details as cd', 'cd.bsn', 'q.bsn')
    .select([
      'e.kind',
      'e.body',
      'q.id',
      'q.reference',
      'q.bsn',
      'q.email',
      'q.language',
      'cd.email as confirmedEmail',
      'cd.email_verified_at',
    ])
    .where('e.id', '=', entryId)
    .executeTakeFirst()
  if (!row || (row.kind !== 'acknowledgement' && row.kind !== 'answer')) return null
  const base = baseUrl.replace(/\/$/, '')
  if (via === 'portal') {
    // Only to an address the citizen confirmed, and nothing of the question in it.
    if (!row.bsn || !row.confirmedEmail || !row.email_verified_at) return null
    return {
      to: row.confirmedEmail,
      ...questionNoticeMail(row.language, `${base}/mijn/vragen`, MUNICIPALITY.name[row.language]),
    }
  }
  if (!row.email) return null
  return {
    to: row.email,
    ...questionContentMail(
      {
        kind: row.kind,
        reference: row.reference,
        body: row.body,
        threadUrl: row.bsn ? `${base}/mijn/vragen/${row.id}` : null,
        contactFormUrl: `${base}/contactformulier`,
        phone: MUNICIPALITY.phone,
        municipalityName: MUNICIPALITY.name[row.language],
      },
      row.language,
    ),
  }
}

/** The task; a failed delivery throws and is retried. */
export function questionMailTask({
  mailer,
  baseUrl,
  db,
}: {
  mailer: { send(mail: OutgoingMail): Promise<unknown> }
  baseUrl: string
  db?: DB
}) {
  return async (payload: unknown): Promise<void> => {
    const mail = await questionMailFor(payload, { baseUrl, db })
    if (mail) await mailer.send(mail)
  }
}
