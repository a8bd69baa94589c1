import { sql, type Kysely } from 'kysely'

/**
 * Decisions with their reasons, and objecting online (Awb 3:46, 6:4–6:11, 7:10).
 *
 * - `cases.term_from`: the day a case's decision term counts from, projected from its received
 *   event like the other dates. The day of receipt, except for an objection: Awb 7:10(1) counts
 *   from the end of the term to object. Null in rows written before: the day of receipt.
 * - `documents`: every file of a case (the application, attachments, the decision, an answer,
 *   an objection), bytes in PostgreSQL, written in the transaction of the event that mentions
 *   them. The size and the SHA-256 are checked against the bytes by the database itself, and a
 *   document is never changed: a new version is a new document.
 * - `objections`: a citizen's objection to one decision (the decided event of a case), drafted
 *   on the form, then submitted as a case of its own (`bezwaar`). One per decision and citizen:
 *   the draft row becomes the objection, so a second submit finds it submitted.
 * - `objection_draft_files`: the files chosen on the form, kept with the draft until it is sent;
 *   then they become documents of the objection's case and leave this table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('term_from', 'date').execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // the order documents were added in, also within one transaction (one timestamp)
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('application', 'attachment', 'decision', 'answer', 'objection')`),
    )
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    // 'citizen', 'employee:E1001', 'system:zaaksysteem', as case_events.actor
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('documents_size', sql`size = octet_length(bytes)`)
    .addCheckConstraint('documents_sha256', sql`sha256 = encode(sha256(bytes), 'hex')`)
    .execute()
  await db.schema.createIndex('documents_case').on('documents').columns(['case_id', 'seq']).execute()
  await sql`create function documents_immutable() returns trigger language plpgsql as $$
    begin raise exception 'a document is never changed; add a new document instead'; end $$`.execute(db)
  await sql`create trigger documents_immutable before update on documents
    for each row execute function documents_immutable()`.execute(db)

  await db.schema
    .createTable('objections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    // the case whose decision is objected to, and that decision itself
    .addColumn('decision_case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_event_id', 'bigint', (c) => c.notNull().references('case_events.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted')`),
    )
    .addColumn('grounds', 'text', (c) => c.notNull())
    // Awb 6:11: why an objection after the term is late
    .addColumn('late_reason', 'text')
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    // the objection's own case (`bezwaar`), once submitted
    .addColumn('case_id', 'uuid', (c) => c.unique().references('cases.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addUniqueConstraint('objections_one_per_decision', ['decision_event_id', 'bsn'])
    .addCheckConstraint(
      'objections_submitted_complete',
      sql`status = 'draft' or (case_id is not null and submitted_at is not null)`,
    )
    .addCheckConstraint('objections_late_reason', sql`not late or late_reason is not null`)
    .execute()
  await db.schema.createIndex('objections_decision_case').on('objections').columns(['decision_case_id']).execute()

  await db.schema
    .createTable('objection_draft_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('objection_id', 'uuid', (c) => c.notNull().references('objections.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('objection_draft_files_size', sql`size = octet_length(bytes)`)
    .execute()
  await db.schema
    .createIndex('objection_draft_files_objection')
    .on('objection_draft_files')
    .columns(['objection_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('objection_draft_files').ifExists().execute()
  await db.schema.dropTable('objections').ifExists().execute()
  await db.schema.dropTable('documents').ifExists().execute()
  await sql`drop function if exists documents_immutable()`.execute(db)
  await db.schema.alterTable('cases').dropColumn('term_from').execute()
}
