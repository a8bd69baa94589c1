import { sql, type Kysely } from 'kysely'
// graphile-worker's own schema migrations, as its `runMigrations` applies them (0.16: 000001–000018).
import { migrations as workerMigrations } from 'graphile-worker/dist/generated/sql'

/**
 * Letters: delivery bookkeeping, and the job queue the e-mail notices go through.
 *
 * - `letters.notified_at`: when the e-mail notice went out. Bookkeeping like `read_at` and
 *   `printed_at`; the immutability trigger of 0001 leaves it changeable.
 * - The post queue reads the paper letters not yet printed: a small partial index.
 * - The graphile-worker schema. Jobs are enqueued in the transaction that writes the letter
 *   (outbox semantics, app/services/jobs.server.ts), so every database that has letters needs the queue: the
 *   server, `npm run db:migrate`, the seed and every test database. graphile-worker installs
 *   its schema itself when a worker starts, but not inside our transaction, and a database
 *   migrated without a worker (a test, the CLI) would lack it. So it is installed here, exactly
 *   as graphile-worker's `migrate` does (its own `migrations` bookkeeping table included, the
 *   same SQL, one transaction); a worker starting later finds it up to date, and after an
 *   upgrade of graphile-worker its `runMigrations` (run at server start) adds what is new.
 */
const WORKER_SCHEMA = 'graphile_worker'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('letters').addColumn('notified_at', 'timestamptz').execute()
  await sql`create index letters_post_queue on letters (created_at) where delivery = 'paper' and printed_at is null`.execute(
    db,
  )

  const { rows } = await sql<{
    installed: boolean
  }>`select to_regclass('graphile_worker.migrations') is not null as installed`.execute(db)
  if (rows[0]?.installed) return // a worker got there first
  await sql
    .raw(
      `create schema if not exists ${WORKER_SCHEMA};
       create table if not exists ${WORKER_SCHEMA}.migrations(id int primary key, ts timestamptz default now() not null);
       alter table ${WORKER_SCHEMA}.migrations add column if not exists breaking boolean not null default false;`,
    )
    .execute(db)
  for (const [file, text] of Object.entries(workerMigrations)) {
    const id = Number.parseInt(file.slice(0, 6), 10)
    const breaking = text.startsWith('--! breaking')
    await sql`insert into graphile_worker.migrations (id, breaking) values (${id}, ${breaking})`.execute(db)
    await sql.raw(text.replace(/:GRAPHILE_WORKER_SCHEMA\b/g, WORKER_SCHEMA)).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop schema if exists graphile_worker cascade`.execute(db)
  await sql`drop index if exists letters_post_queue`.execute(db)
  await db.schema.alterTable('letters').dropColumn('notified_at').execute()
}
