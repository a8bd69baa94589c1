import { sql, type Kysely } from 'kysely'

/**
 * The answer to a request for information (Awb 4:15(1)(a)): a case event of its own,
 * `information_received`, which ends the suspension on the day the answer came in.
 * - `case_events.type` takes the new type (the check of 0001, widened).
 * - `cases.information_received_on`: the projection the caseworker's list reads: the day the
 *   answer came in, until the caseworker records the next event (then null again). Derived from
 *   the events like every other column of the projection; null in every row written before.
 * - `case_events_terms` (0008), the partial index of the events that move or end a term, takes
 *   the new type too: the quality figures look up the end of each suspension through it.
 */
const BEFORE = ['received', 'step_reached', 'suspended', 'resumed', 'extended', 'decided', 'closed']
const AFTER = [...BEFORE, 'information_received']

async function termsIndex(db: Kysely<any>, types: string[]) {
  await sql`drop index if exists case_events_terms`.execute(db)
  await sql`create index case_events_terms on case_events (case_id, seq) include (type, occurred_at)
    where type in (${sql.join(types.map((t) => sql.lit(t)))})`.execute(db)
}

function typeCheck(types: string[]) {
  return sql`check (type in (${sql.join(types.map((t) => sql.lit(t)))}))`
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_events drop constraint case_events_type_check`.execute(db)
  await sql`alter table case_events add constraint case_events_type_check ${typeCheck(AFTER)}`.execute(db)
  await termsIndex(db, ['suspended', 'resumed', 'extended', 'decided', 'information_received'])
  await db.schema.alterTable('cases').addColumn('information_received_on', 'date').execute()
  await sql`create index cases_information_received on cases (information_received_on)
    where information_received_on is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cases_information_received`.execute(db)
  await db.schema.alterTable('cases').dropColumn('information_received_on').execute()
  await termsIndex(db, ['suspended', 'resumed', 'extended', 'decided'])
  await sql`alter table case_events drop constraint case_events_type_check`.execute(db)
  await sql`alter table case_events add constraint case_events_type_check ${typeCheck(BEFORE)}`.execute(db)
}
