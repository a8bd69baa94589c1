/**
 * Storing one message once: the form id is unique (`case_messages.form_id`), so a double click
 * or a retry finds the message the first submit stored. A form id already used on another case
 * or by the other side is not this form: the caller answers it as not found.
 */
import type { Insertable, Transaction } from 'kysely'
import type { CaseMessagesTable, Database } from '../../../db/schema'

export type InsertOnce = { ok: true; messageId: string; duplicate: boolean } | { ok: false; code: 'case_not_found' }

export async function insertMessageOnce(
  trx: Transaction<Database>,
  message: Insertable<CaseMessagesTable> & { case_id: string; form_id: string },
): Promise<InsertOnce> {
  const inserted = await trx
    .insertInto('case_messages')
    .values(message)
    .onConflict((oc) => oc.column('form_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { ok: true, messageId: inserted.id, duplicate: false }
  const earlier = await trx
    .selectFrom('case_messages')
    .select('id')
    .where('form_id', '=', message.form_id)
    .where('case_id', '=', message.case_id)
    .where('author_kind', '=', message.author_kind)
    .executeTakeFirst()
  return earlier ? { ok: true, messageId: earlier.id, duplicate: true } : { ok: false, code: 'case_not_found' }
}
