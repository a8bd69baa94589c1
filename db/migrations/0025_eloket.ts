import { sql, type Kysely } from 'kysely'

/**
 * The e-loket: applying for a municipal service online, paying for it, and the suggestions on
 * Mijn overzicht.
 *
 * - `applications`: one application for one service (`service`, the code of its definition in
 *   app/domain/eloket), by one citizen. `answers` holds what the citizen answered, page by page,
 *   as the service's form engine reads it (question id → text or list of texts). While
 *   `status` is 'draft' it is saved at every step and forgotten after the drafts' lifetime (one
 *   open draft per citizen per service: the partial unique index). 'awaiting_payment': the
 *   answers are checked and a payment is open (the fee fixed in `fee_cents`); a failed or
 *   cancelled payment puts it back to 'draft'. 'submitted': it became the case `case_id`, in
 *   the transaction that wrote the case; never changed after that.
 * - `application_files`: the files chosen for a file question, kept with the draft until it is
 *   sent; then they become documents of the case (the document store) and leave this table.
 * - `payments`: a payment at the payment service provider (Mollie's Payments API v2, or the
 *   mock one), by its id there (`provider_id`, `tr_…`). Its `status` is the provider's, as last
 *   fetched from the provider — never as a webhook or a browser said. At most one open payment
 *   per application; a failed, cancelled or expired one stays as history beside the next.
 * - `suggestion_dismissals`: a "Voor u" suggestion the citizen put away. The key names the
 *   suggestion and the fact it came from, so a new fact (another move) suggests again.
 * - `documents.kind` gains 'receipt': the receipt of a payment on the case it paid for.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('service', 'text', (c) => c.notNull().check(sql`service ~ '^[a-z][a-z0-9-]{1,49}$'`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'awaiting_payment', 'submitted')`),
    )
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // the page the citizen last saved: where "Verder gaan" resumes
    .addColumn('last_page', 'text')
    .addColumn('language', 'text', (c) =>
      c
        .notNull()
        .defaultTo('nl')
        .check(sql`language in ('nl', 'en')`),
    )
    .addColumn('fee_cents', 'integer', (c) => c.check(sql`fee_cents >= 0`))
    .addColumn('case_id', 'uuid', (c) => c.unique().references('cases.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addCheckConstraint('applications_answers_size', sql`pg_column_size(answers) <= 65536`)
    .addCheckConstraint(
      'applications_submitted',
      sql`(status = 'submitted') = (case_id is not null and submitted_at is not null)`,
    )
    .addCheckConstraint('applications_fee', sql`status <> 'awaiting_payment' or fee_cents is not null`)
    .execute()
  await sql`create unique index applications_one_draft on applications (bsn, service) where status = 'draft'`.execute(
    db,
  )
  await db.schema.createIndex('applications_bsn').on('applications').columns(['bsn', 'updated_at']).execute()

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    // the file question it answers
    .addColumn('question', 'text', (c) => c.notNull().check(sql`length(question) between 1 and 100`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('application_files_size', sql`size = octet_length(bytes)`)
    .execute()
  await db.schema
    .createIndex('application_files_application')
    .on('application_files')
    .columns(['application_id', 'seq'])
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('provider_id', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`length(provider_id) between 1 and 100`),
    )
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(description) between 1 and 255`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'pending', 'authorized', 'paid', 'failed', 'canceled', 'expired')`),
    )
    .addColumn('method', 'text')
    .addColumn('checkout_url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .execute()
  await sql`create unique index payments_one_open on payments (application_id)
    where status in ('open', 'pending', 'authorized')`.execute(db)
  await db.schema.createIndex('payments_application').on('payments').columns(['application_id', 'created_at']).execute()

  await db.schema
    .createTable('suggestion_dismissals')
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('suggestion', 'text', (c) => c.notNull().check(sql`length(suggestion) between 1 and 200`))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('suggestion_dismissals_pk', ['bsn', 'suggestion'])
    .execute()

  await sql`alter table documents drop constraint documents_kind_check`.execute(db)
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('application', 'attachment', 'decision', 'answer', 'objection', 'other', 'receipt'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from documents where kind = 'receipt'`.execute(db)
  await sql`alter table documents drop constraint documents_kind_check`.execute(db)
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('application', 'attachment', 'decision', 'answer', 'objection', 'other'))`.execute(db)
  await db.schema.dropTable('suggestion_dismissals').execute()
  await db.schema.dropTable('payments').execute()
  await db.schema.dropTable('application_files').execute()
  await db.schema.dropTable('applications').execute()
}
