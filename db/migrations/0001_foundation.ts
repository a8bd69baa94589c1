import { sql, type Kysely } from 'kysely'

/**
 * The foundation: the municipality's registers (addresses, persons), the service catalogue
 * (case types and their steps), cases with their append-only event history, letters, staff,
 * contact moments, back-office source systems and the audit log.
 * README: Architecture. Derived case columns are a projection of `case_events`, written in
 * the same transaction as the event.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pgcrypto`.execute(db)

  // BAG-like address register ("nummeraanduidingen") of the municipality.
  await db.schema
    .createTable('addresses')
    .addColumn('id', 'text', (c) => c.primaryKey()) // BAG nummeraanduiding id, 16 digits
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('house_number', 'integer', (c) => c.notNull())
    .addColumn('house_letter', 'text')
    .addColumn('house_number_addition', 'text')
    .addColumn('postcode', 'text', (c) => c.notNull().check(sql`postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'`))
    .addColumn('city', 'text', (c) => c.notNull())
    .execute()
  await sql`create unique index addresses_lookup on addresses
    (postcode, house_number, coalesce(house_letter, ''), coalesce(house_number_addition, ''))`.execute(db)

  // The municipality's copy of the BRP ("gegevensmagazijn").
  await db.schema
    .createTable('persons')
    .addColumn('bsn', 'text', (c) => c.primaryKey().check(sql`bsn ~ '^[0-9]{9}$'`))
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('name_prefix', 'text') // voorvoegsel, e.g. "van der"
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('M', 'V', 'O')`))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('birth_place', 'text', (c) => c.notNull())
    .addColumn('birth_country', 'text', (c) => c.notNull().defaultTo('Nederland'))
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('address_id', 'text', (c) => c.references('addresses.id'))
    .addColumn('moved_in_on', 'date')
    .addColumn('address_in_research', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Address history: one row per period at an address; the current one has no end.
  await db.schema
    .createTable('address_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('address_id', 'text', (c) => c.notNull().references('addresses.id'))
    .addColumn('from_date', 'date', (c) => c.notNull())
    .addColumn('to_date', 'date')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('BRP'))
    .execute()
  await db.schema.createIndex('address_history_bsn').on('address_history').columns(['bsn', 'from_date']).execute()

  // Family relations as the BRP records them (partner, child, parent).
  await db.schema
    .createTable('relations')
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('related_bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('partner', 'child', 'parent')`))
    .addColumn('since', 'date')
    .addPrimaryKeyConstraint('relations_pk', ['bsn', 'related_bsn', 'kind'])
    .execute()

  await db.schema
    .createTable('contact_details')
    .addColumn('bsn', 'text', (c) => c.primaryKey().references('persons.bsn'))
    .addColumn('email', 'text')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('phone', 'text')
    .addColumn('letter_channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('digital')
        .check(sql`letter_channel in ('digital', 'paper')`),
    )
    .addColumn('language', 'text', (c) =>
      c
        .notNull()
        .defaultTo('nl')
        .check(sql`language in ('nl', 'en')`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('employees')
    .addColumn('id', 'text', (c) => c.primaryKey()) // employee number
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull()) // direct number, printed on letters
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute()

  // The service catalogue ("dienstencatalogus").
  await db.schema
    .createTable('case_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_nl', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('lead_time_amount', 'integer', (c) => c.notNull().check(sql`lead_time_amount > 0`))
    .addColumn('lead_time_unit', 'text', (c) => c.notNull().check(sql`lead_time_unit in ('days', 'weeks')`))
    .addColumn('extension_amount', 'integer')
    .addColumn('extension_unit', 'text', (c) => c.check(sql`extension_unit in ('days', 'weeks')`))
    .addColumn('suspension_allowed', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('default_contact_id', 'text', (c) => c.references('employees.id'))
    .execute()

  await db.schema
    .createTable('case_type_steps')
    .addColumn('case_type_code', 'text', (c) => c.notNull().references('case_types.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('explanation_nl', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .addColumn('final', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('informs_citizen', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('case_type_steps_pk', ['case_type_code', 'code'])
    .addUniqueConstraint('case_type_steps_position', ['case_type_code', 'position'])
    .execute()

  await sql`create sequence case_reference_seq`.execute(db)
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique()) // Z-2026-000123
    .addColumn('case_type_code', 'text', (c) => c.notNull().references('case_types.code'))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('internet', 'email', 'post', 'counter', 'phone')`),
    )
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('contact_employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('external_id', 'text') // the back office's own id, with source
    .addColumn('source', 'text')
    // Projection of case_events, recomputed by the domain in the same transaction:
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'suspended', 'decided', 'closed')`))
    .addColumn('current_step', 'text', (c) => c.notNull())
    .addColumn('ack_due_on', 'date', (c) => c.notNull())
    .addColumn('decision_due_on', 'date', (c) => c.notNull())
    .addColumn('extended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('outcome', 'text')
    .addColumn('decided_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('last_event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('cases_bsn').on('cases').columns(['bsn', 'status', 'decision_due_on']).execute()
  await sql`create unique index cases_external on cases (source, external_id) where external_id is not null`.execute(db)
  await db.schema.createIndex('cases_due').on('cases').columns(['status', 'decision_due_on']).execute()

  // Append-only: the single source of a case's history.
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(sql`type in ('received', 'step_reached', 'suspended', 'resumed', 'extended', 'decided', 'closed')`),
    )
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull()) // 'employee:E1001', 'system:zaaksysteem', 'citizen'
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_seq', ['case_id', 'seq'])
    .addUniqueConstraint('case_events_source_id', ['source', 'source_event_id'])
    .execute()
  await sql`create function refuse_change() returns trigger language plpgsql as $$
    begin raise exception '% is append-only', tg_table_name; end $$`.execute(db)
  await sql`create trigger case_events_append_only before update or delete on case_events
    for each row execute function refuse_change()`.execute(db)

  // Letters: the composed text is a snapshot, never changed once written.
  await db.schema
    .createTable('letters')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('event_id', 'bigint', (c) => c.notNull().references('case_events.id'))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('template_code', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('nl', 'en')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('letter_date', 'date', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('digital', 'paper')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('printed_at', 'timestamptz')
    .addUniqueConstraint('letters_event_template', ['event_id', 'template_code'])
    .execute()
  await db.schema.createIndex('letters_bsn').on('letters').columns(['bsn', 'created_at']).execute()
  await db.schema.createIndex('letters_case').on('letters').columns(['case_id']).execute()
  // Only the delivery bookkeeping (read, printed) may change; the letter itself is immutable.
  await sql`create function letters_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'letters are never deleted'; end if;
      if (new.case_id, new.event_id, new.bsn, new.template_code, new.template_version, new.language,
          new.title, new.content, new.letter_date, new.delivery, new.created_at)
         is distinct from
         (old.case_id, old.event_id, old.bsn, old.template_code, old.template_version, old.language,
          old.title, old.content, old.letter_date, old.delivery, old.created_at)
      then raise exception 'a letter is never changed; write a new letter instead'; end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger letters_immutable before update or delete on letters
    for each row execute function letters_immutable()`.execute(db)

  await db.schema
    .createTable('contact_moments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .execute()
  await db.schema.createIndex('contact_moments_bsn').on('contact_moments').columns(['bsn', 'occurred_at']).execute()

  // Back-office systems that send case events; the bearer token is stored as a SHA-256 hash.
  await db.schema
    .createTable('source_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute()

  // Who did what to whose data. Append-only and hash-chained (see the audit service).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_kind', 'text', (c) =>
      c.notNull().check(sql`actor_kind in ('citizen', 'staff', 'staff_as_citizen', 'representative', 'system')`),
    )
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_bsn', 'text')
    .addColumn('resource', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_bsn', 'at']).execute()
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_change()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'source_systems',
    'contact_moments',
    'letters',
    'case_events',
    'cases',
    'case_type_steps',
    'case_types',
    'employees',
    'contact_details',
    'relations',
    'address_history',
    'persons',
    'addresses',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
  await sql`drop sequence if exists case_reference_seq`.execute(db)
  await sql`drop function if exists refuse_change cascade`.execute(db)
  await sql`drop function if exists letters_immutable cascade`.execute(db)
}
