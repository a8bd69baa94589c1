import { sql, type Kysely } from 'kysely'

/**
 * A question's letters belong to the entry they send: a question may be answered more than once
 * (the citizen reacts, the contact centre answers again), and each answer sent by letter is a
 * letter of its own. `letters.question_entry_id` names the acknowledgement or answer entry; one
 * letter per entry replaces one letter per (question, template).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('letters')
    .addColumn('question_entry_id', 'uuid', (c) => c.references('question_entries.id'))
    .execute()
  await sql`drop index letters_question_template`.execute(db)
  await sql`create unique index letters_question_entry on letters (question_entry_id)
    where question_entry_id is not null`.execute(db)
  await db.schema
    .alterTable('letters')
    .addCheckConstraint('letters_question_entry', sql`(question_id is null) = (question_entry_id is null)`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('letters').dropConstraint('letters_question_entry').execute()
  await sql`drop index letters_question_entry`.execute(db)
  await sql`create unique index letters_question_template on letters (question_id, template_code)
    where question_id is not null`.execute(db)
  await db.schema.alterTable('letters').dropColumn('question_entry_id').execute()
}
