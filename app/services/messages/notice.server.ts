/**
 * The citizen's e-mail notice of a caseworker's message: enqueued in the transaction that
 * stores the message (outbox semantics, as the letter notice in letters/notices.server.ts), sent
 * by the job runner (app/services/jobs.server.ts) to a confirmed address only, in the citizen's
 * language, with nothing of the message or the case in it (app/domain/message-notice.ts).
 */
import { sql } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { messageNoticeMail } from '~/domain/message-notice'
import { MUNICIPALITY } from '~/services/letters/stored.server'
import type { OutgoingMail } from '~/services/mail.server'

/** The graphile-worker task that e-mails the neutral notice. */
export const MESSAGE_NOTICE_TASK = 'send-message-notice'

/** The job, in the caller's transaction; the payload holds the message id only. */
export async function enqueueMessageNotice(trx: Executor, messageId: string): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${MESSAGE_NOTICE_TASK},
    json_build_object('messageId', ${messageId}::text),
    job_key => ${`message-notice:${messageId}`}::text,
    job_key_mode => 'preserve_run_at',
    max_attempts => 25::smallint
  )`.execute(trx)
}

const payloadSchema = z.object({ messageId: z.string().uuid() })

/**
 * The task: looks the address up when the mail goes out (it may have changed since), and sends
 * nothing without a confirmed one, or when the notice went out already (a retry after sending).
 */
export function messageNoticeTask({
  mailer,
  baseUrl,
  db,
}: {
  mailer: { send(mail: OutgoingMail): Promise<unknown> }
  baseUrl: string
  db?: DB
}) {
  return async (payload: unknown): Promise<void> => {
    const { messageId } = payloadSchema.parse(payload)
    const database = db ?? getDb()
    const row = await database
      .selectFrom('case_messages as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .innerJoin('contact_details as cd', 'cd.bsn', 'c.bsn')
      .select(['cd.email', 'cd.email_verified_at', 'cd.language', 'm.notified_at', 'm.author_kind'])
      .where('m.id', '=', messageId)
      .executeTakeFirst()
    if (!row || row.author_kind !== 'employee' || row.notified_at || !row.email || !row.email_verified_at) return
    const mail = messageNoticeMail(row.language, `${baseUrl.replace(/\/$/, '')}/mijn`, MUNICIPALITY.name[row.language])
    await mailer.send({ to: row.email, ...mail })
    await database
      .updateTable('case_messages')
      .set({ notified_at: new Date() })
      .where('id', '=', messageId)
      .where('notified_at', 'is', null)
      .execute()
  }
}
