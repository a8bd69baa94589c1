import { sql, type Kysely } from 'kysely'

/**
 * Bounded storage: nothing a script posts can grow the database without end.
 *
 * 1. One open draft per citizen per flow. Every form post without a draft id used to add a new
 *    draft row — with up to 10 MB of evidence for a correction request. A partial unique index
 *    per draft table makes the database hold the rule (app/domain/drafts.ts): a second draft is
 *    an upsert onto the first. Existing duplicates are removed first, keeping each citizen's
 *    most recently changed draft. A draft flow added later gets the same index.
 * 2. `rate_limits`: counters that must hold across app instances (rate-limiter-flexible's
 *    PostgreSQL store, in its own table layout: key, points, expire in epoch milliseconds).
 *    First user: bad bearer tokens per client address at the back-office API. Expired rows are
 *    purged by the maintenance job, with the expired drafts.
 */
const DRAFT_TABLES = ['correction_requests', 'move_requests'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of DRAFT_TABLES) {
    await sql`
      delete from ${sql.table(table)} d
      where d.status = 'draft'
        and exists (
          select 1 from ${sql.table(table)} newer
          where newer.bsn = d.bsn and newer.status = 'draft'
            and (newer.updated_at, newer.id) > (d.updated_at, d.id)
        )`.execute(db)
    await db.schema
      .createIndex(`${table}_one_draft`)
      .on(table)
      .column('bsn')
      .unique()
      .where(sql.ref('status'), '=', 'draft')
      .execute()
  }
  // The purge looks for old drafts by their last change.
  await db.schema
    .createIndex('correction_requests_draft_age')
    .on('correction_requests')
    .column('updated_at')
    .where(sql.ref('status'), '=', 'draft')
    .execute()
  await db.schema
    .createIndex('move_requests_draft_age')
    .on('move_requests')
    .column('updated_at')
    .where(sql.ref('status'), '=', 'draft')
    .execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute()
  await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
  await db.schema.dropIndex('move_requests_draft_age').execute()
  await db.schema.dropIndex('correction_requests_draft_age').execute()
  for (const table of DRAFT_TABLES) await db.schema.dropIndex(`${table}_one_draft`).execute()
}
