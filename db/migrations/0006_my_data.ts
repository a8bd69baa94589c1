import { sql, type Kysely } from 'kysely'

/**
 * My data: requests a citizen makes about their own registration, and the outbox that passes a
 * change on to the other registrations (a citizen passes a change once).
 *
 * - move_requests: a reported move (Wet BRP art. 2.39), drafted step by step, then a case
 *   `verhuizing`; approved by a caseworker, it changes the address of the mover and co-movers.
 * - correction_requests: a request to correct BRP data (Wet BRP art. 2.58), a case `brp_correctie`,
 *   with optional evidence stored in the row (bytea, at most 10 MB, type checked by content).
 * - person_changes: the history of corrected person data (old and new value, why, which case):
 *   a correction never loses what was there before.
 * - email_confirmations: a changed e-mail address is used only once its owner followed the link
 *   mailed to it; only the SHA-256 hash of the token is stored.
 * - subscriptions and outbound_events: systems that want "address changed" and "correction
 *   decided", and one row per (event, subscriber) with its delivery state. Delivery itself is a
 *   graphile-worker job per row, enqueued in the transaction of the change (outbox), retried with
 *   graphile-worker's exponential back-off.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('move_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'approved', 'refused')`),
    )
    // The address the declarant lived at when reporting: an approval moves people from here.
    .addColumn('from_address_id', 'text', (c) => c.references('addresses.id'))
    .addColumn('address_id', 'text', (c) => c.references('addresses.id'))
    .addColumn('move_date', 'date')
    .addColumn('co_mover_bsns', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('co_movers_chosen', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('case_id', 'uuid', (c) => c.unique().references('cases.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint(
      'move_requests_submitted_complete',
      sql`status = 'draft' or (address_id is not null and move_date is not null and case_id is not null and submitted_at is not null)`,
    )
    .execute()
  await db.schema.createIndex('move_requests_bsn').on('move_requests').columns(['bsn', 'status']).execute()

  await db.schema
    .createTable('correction_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'accepted', 'refused')`),
    )
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('current_value', 'text')
    .addColumn('proposed_value', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_type', 'text', (c) =>
      c.check(sql`evidence_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('evidence_size', 'integer', (c) => c.check(sql`evidence_size between 1 and 10485760`))
    .addColumn('evidence', 'bytea')
    .addColumn('case_id', 'uuid', (c) => c.unique().references('cases.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('correction_requests_refusal_reason', sql`status <> 'refused' or decision_reason is not null`)
    .addCheckConstraint(
      'correction_requests_evidence_whole',
      sql`(evidence is null) = (evidence_type is null) and (evidence is null) = (evidence_size is null)`,
    )
    .execute()
  await db.schema.createIndex('correction_requests_bsn').on('correction_requests').columns(['bsn', 'status']).execute()

  await db.schema
    .createTable('person_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source', 'text', (c) => c.notNull()) // 'correctie' (Wet BRP 2.58), 'BRP'
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('person_changes_bsn')
    .on('person_changes')
    .columns(['bsn', 'field', 'changed_at'])
    .execute()
  await sql`create trigger person_changes_append_only before update or delete on person_changes
    for each row execute function refuse_change()`.execute(db)

  await db.schema
    .createTable('email_confirmations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz') // a newer request replaced it
    .execute()
  await db.schema
    .createIndex('email_confirmations_bsn')
    .on('email_confirmations')
    .columns(['bsn', 'created_at'])
    .execute()

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // 'belastingen', 'afval'
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('event_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('endpoint_url', 'text', (c) => c.notNull().check(sql`endpoint_url ~ '^https?://'`))
    // Signs each delivery (HMAC-SHA256 over the body), so the receiver knows it came from us.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('outbound_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull()) // the CloudEvents id, the same for every subscriber
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('subscriptions.id'))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('outbound_events_once', ['event_id', 'subscription_id'])
    .execute()
  await db.schema
    .createIndex('outbound_events_status')
    .on('outbound_events')
    .columns(['status', 'created_at'])
    .execute()
  await db.schema.createIndex('outbound_events_case').on('outbound_events').columns(['case_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'outbound_events',
    'subscriptions',
    'email_confirmations',
    'person_changes',
    'correction_requests',
    'move_requests',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
