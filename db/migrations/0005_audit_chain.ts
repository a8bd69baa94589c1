import { sql, type Kysely } from 'kysely'

/**
 * The audit log as a hash chain (verified by db/audit-chain.ts, `npm run audit:verify`). A BEFORE INSERT trigger, so no code
 * path can write an unchained row: it takes a transaction-level advisory lock (one writer at a
 * time), assigns the id under that lock (so id order is chain order even when transactions
 * commit out of order), stamps the time and links the row to the hash of the one before.
 * UPDATE and DELETE were already refused by `audit_log_append_only` (0001).
 */
export const AUDIT_HASH_SQL = `encode(sha256(convert_to(concat_ws('|',
  r.id::text, to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), r.actor_kind, r.actor_id, r.action,
  coalesce(r.subject_bsn, ''), coalesce(r.resource, ''), coalesce(r.reason, ''), r.details::text, r.prev_hash
), 'UTF8')), 'hex')`

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function audit_log_chain() returns trigger language plpgsql as $$
      declare r audit_log;
      begin
        perform pg_advisory_xact_lock(hashtext('mijn-stad:audit_log'));
        new.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
        new.at := clock_timestamp();
        select coalesce((select hash from audit_log order by id desc limit 1), repeat('0', 64)) into new.prev_hash;
        r := new;
        new.hash := ${AUDIT_HASH_SQL};
        return new;
      end $$`,
    )
    .execute(db)
  await sql`create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain()`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_chain on audit_log`.execute(db)
  await sql`drop function if exists audit_log_chain()`.execute(db)
}
