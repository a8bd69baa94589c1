import { sql, type Kysely } from 'kysely'

/**
 * Moves that take effect on their date and tell everyone who moves (Wet BRP art. 2.39, 2.48–2.49).
 *
 * - move_requests: two more states, `investigating` (an address investigation, art. 2.22, runs
 *   before the decision) and `withdrawn` (the declarant took the report back before a decision);
 *   `applied_at` says when an approved move took effect. Approved and not yet applied means
 *   "waiting for its date": a job applies it on the day, a daily sweep catches any it missed.
 *   Moves approved before this migration took effect at approval, so they count as applied then.
 * - case_parties: the people a case is about besides its citizen (the co-movers of a move). They
 *   see the case in their own "Mijn zaken" and get letters of their own on it; it stays one case.
 * - letters: one letter per event, template *and recipient*, as a co-mover gets the same kind of
 *   letter as the declarant's partner or another co-mover on the same event.
 * - The last step of a move no longer says the new address is in the BRP: after the decision it
 *   may still wait for its date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table move_requests drop constraint move_requests_status_check`.execute(db)
  await sql`alter table move_requests add constraint move_requests_status_check
    check (status in ('draft', 'submitted', 'investigating', 'approved', 'refused', 'withdrawn'))`.execute(db)
  await db.schema
    .alterTable('move_requests')
    .addColumn('applied_at', 'timestamptz')
    .addColumn('investigation_started_at', 'timestamptz')
    .addColumn('investigated_by', 'text')
    .execute()
  await sql`update move_requests set applied_at = coalesce(decided_at, updated_at) where status = 'approved'`.execute(
    db,
  )
  await sql`alter table move_requests add constraint move_requests_applied_when_approved
    check (applied_at is null or status = 'approved')`.execute(db)
  // The daily sweep reads the approved moves still waiting for their date.
  await sql`create index move_requests_due on move_requests (move_date) where status = 'approved' and applied_at is null`.execute(
    db,
  )
  // "Is there a move for me already?" looks for a person as declarant (bsn) or as co-mover.
  await sql`create index move_requests_co_movers on move_requests using gin (co_mover_bsns)`.execute(db)

  await db.schema
    .createTable('case_parties')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('co_mover')`))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_parties_pk', ['case_id', 'bsn'])
    .execute()
  await db.schema.createIndex('case_parties_bsn').on('case_parties').columns(['bsn', 'case_id']).execute()
  await sql`insert into case_parties (case_id, bsn, role, added_at)
    select m.case_id, co.bsn, 'co_mover', coalesce(m.submitted_at, m.created_at)
      from move_requests m cross join lateral unnest(m.co_mover_bsns) as co(bsn)
     where m.case_id is not null
    on conflict do nothing`.execute(db)

  await sql`alter table letters drop constraint letters_event_template`.execute(db)
  await sql`alter table letters add constraint letters_event_template_recipient unique (event_id, template_code, bsn)`.execute(
    db,
  )

  await sql`update case_type_steps
       set name_nl = 'Besluit', name_en = 'Decision',
           explanation_nl = 'Wij beslissen over uw verhuizing. Keuren wij die goed? Dan geldt uw nieuwe adres vanaf de verhuisdatum.',
           explanation_en = 'We decide on your move. If we approve it, your new address applies from the date of the move.'
     where case_type_code = 'verhuizing' and code = 'verwerkt'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update case_type_steps
       set name_nl = 'Verwerkt', name_en = 'Processed',
           explanation_nl = 'Uw nieuwe adres staat in de Basisregistratie Personen.',
           explanation_en = 'Your new address is in the Personal Records Database.'
     where case_type_code = 'verhuizing' and code = 'verwerkt'`.execute(db)
  await sql`alter table letters drop constraint letters_event_template_recipient`.execute(db)
  // Letters are never deleted: with co-movers' letters on the same event the old key cannot come back.
  await sql`do $$ begin
      if not exists (select 1 from letters group by event_id, template_code having count(*) > 1) then
        alter table letters add constraint letters_event_template unique (event_id, template_code);
      end if;
    end $$`.execute(db)
  await db.schema.dropTable('case_parties').ifExists().execute()
  await sql`drop index if exists move_requests_co_movers`.execute(db)
  await sql`drop index if exists move_requests_due`.execute(db)
  await sql`alter table move_requests drop constraint move_requests_applied_when_approved`.execute(db)
  await db.schema
    .alterTable('move_requests')
    .dropColumn('applied_at')
    .dropColumn('investigation_started_at')
    .dropColumn('investigated_by')
    .execute()
  await sql`update move_requests set status = 'submitted' where status = 'investigating'`.execute(db)
  await sql`update move_requests set status = 'refused', decision_reason = coalesce(decision_reason, 'ingetrokken')
     where status = 'withdrawn'`.execute(db)
  await sql`alter table move_requests drop constraint move_requests_status_check`.execute(db)
  await sql`alter table move_requests add constraint move_requests_status_check
    check (status in ('draft', 'submitted', 'approved', 'refused'))`.execute(db)
}
