import { sql, type Kysely } from 'kysely'

/**
 * Support staff viewing as a citizen (app/services/impersonation/): read-only, with a reason and a
 * contact or ticket reference, at most 15 minutes.
 *
 * - `impersonations`: one row per "meekijken"; the check constraint caps it at 15 minutes
 *   whatever the code asks for. It is ended by the employee ("Stoppen"), by the clock (found
 *   expired at the next request), or by the end of the staff session (logout, a new login, the
 *   session's own expiry) — the last through the trigger below, so no code path can leave one
 *   open behind a deleted session.
 * - `sessions.impersonation_id`: the staff session's active impersonation. Null for nearly every
 *   session, so an ordinary page view costs no extra query.
 * - `audit_log`: UPDATE and DELETE were refused by a row trigger (0001); TRUNCATE fires no row
 *   triggers, so a statement trigger refuses that too.
 *
 * No separate database role is created here. Roles are cluster-wide (every test database and
 * every installation on one server would share and race on it), and an application connection
 * that merely `SET ROLE`s can `RESET ROLE` again, so it would stop no one who controls the
 * connection. The real separation — the application logging in as a role that owns nothing and
 * has only INSERT/SELECT on audit_log — is a deployment step; README "Operations: the audit
 * log's database role" gives the statements. Until then the refusing triggers stop every
 * ordinary UPDATE/DELETE/TRUNCATE, and the hash chain (0005, `npm run audit:verify`) exposes any
 * change made by someone able to switch the triggers off.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('impersonations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // No foreign key to employees: staff come from the SSO and need not be in that table.
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('employee_name', 'text', (c) => c.notNull()) // as it was at the start, for the review
    .addColumn('bsn', 'text', (c) => c.notNull().references('persons.bsn'))
    .addColumn('reason_code', 'text', (c) =>
      c.notNull().check(sql`reason_code in ('phone', 'counter', 'mail', 'other')`),
    )
    .addColumn('reason_text', 'text')
    .addColumn('reference', 'text', (c) => c.notNull().check(sql`length(reference) between 1 and 64`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by in ('employee', 'timeout', 'logout')`))
    .addCheckConstraint(
      'impersonations_at_most_15_minutes',
      sql`expires_at > started_at and expires_at <= started_at + interval '15 minutes'`,
    )
    .addCheckConstraint(
      'impersonations_other_needs_text',
      sql`reason_code <> 'other' or length(coalesce(reason_text, '')) > 0`,
    )
    .addCheckConstraint('impersonations_ended', sql`(ended_at is null) = (ended_by is null)`)
    .execute()
  await db.schema.createIndex('impersonations_started').on('impersonations').columns(['started_at']).execute()
  await db.schema
    .createIndex('impersonations_employee')
    .on('impersonations')
    .columns(['employee_id', 'started_at'])
    .execute()
  await db.schema.createIndex('impersonations_bsn').on('impersonations').columns(['bsn', 'started_at']).execute()

  await db.schema
    .alterTable('sessions')
    .addColumn('impersonation_id', 'uuid', (c) => c.references('impersonations.id').onDelete('set null'))
    .execute()

  // A staff session that ends while viewing as a citizen ends the viewing, with its audit entry
  // (chained by audit_log_chain like any other).
  await sql`create function impersonation_end_with_session() returns trigger language plpgsql as $$
    declare i impersonations;
    begin
      if old.impersonation_id is null then return old; end if;
      update impersonations
         set ended_at = least(now(), expires_at),
             ended_by = case when expires_at <= now() then 'timeout' else 'logout' end
       where id = old.impersonation_id and ended_at is null
      returning * into i;
      if found then
        insert into audit_log (actor_kind, actor_id, action, subject_bsn, resource, reason, details, prev_hash, hash)
        values ('staff', i.employee_id, 'impersonation.ended', i.bsn, 'impersonation:' || i.id, null,
                jsonb_build_object('impersonationId', i.id, 'endedBy', i.ended_by), '', '');
      end if;
      return old;
    end $$`.execute(db)
  await sql`create trigger sessions_end_impersonation before delete on sessions
    for each row execute function impersonation_end_with_session()`.execute(db)

  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_change()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db)
  await sql`drop trigger if exists sessions_end_impersonation on sessions`.execute(db)
  await sql`drop function if exists impersonation_end_with_session()`.execute(db)
  await db.schema.alterTable('sessions').dropColumn('impersonation_id').execute()
  await db.schema.dropTable('impersonations').ifExists().execute()
}
