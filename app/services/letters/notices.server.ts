/**
 * The e-mail notice of a digital letter: enqueued in the transaction that writes the letter
 * (outbox semantics: when it rolls back, neither exists), sent by the job runner
 * (app/services/jobs.server.ts), which looks the address up when the mail goes out.
 */
import { sql } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { LetterLanguage } from '~/domain/letters-format'

/** The graphile-worker task that e-mails the neutral notice (app/services/jobs.server.ts runs it). */
export const LETTER_NOTICE_TASK = 'send-letter-notice'

/**
 * The e-mail notice as a graphile-worker job, in the caller's transaction. The payload holds
 * the letter id only: the address is looked up when the mail goes out (it may have changed),
 * and nothing personal sits in the queue. The job key makes a second enqueue a no-op.
 */
export async function enqueueLetterNotice(trx: Executor, letterId: string): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${LETTER_NOTICE_TASK},
    json_build_object('letterId', ${letterId}::text),
    job_key => ${`letter-notice:${letterId}`}::text,
    job_key_mode => 'preserve_run_at',
    max_attempts => 25::smallint
  )`.execute(trx)
}

/** Who to tell about a letter, at the moment of telling; null when there is nobody to tell. */
export async function letterNoticeRecipient(
  letterId: string,
  db: DB = getDb(),
): Promise<{ email: string; language: LetterLanguage; alreadyNotified: boolean } | null> {
  const row = await db
    .selectFrom('letters as l')
    .innerJoin('contact_details as cd', 'cd.bsn', 'l.bsn')
    .select(['cd.email', 'cd.email_verified_at', 'cd.language', 'l.delivery', 'l.notified_at'])
    .where('l.id', '=', letterId)
    .executeTakeFirst()
  if (!row || row.delivery !== 'digital' || !row.email || !row.email_verified_at) return null
  return { email: row.email, language: row.language, alreadyNotified: row.notified_at !== null }
}

export async function markLetterNotified(letterId: string, db: DB = getDb()): Promise<void> {
  await db
    .updateTable('letters')
    .set({ notified_at: new Date() })
    .where('id', '=', letterId)
    .where('notified_at', 'is', null)
    .execute()
}
