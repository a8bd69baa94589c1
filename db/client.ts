import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

// Calendar dates stay calendar dates: 'YYYY-MM-DD', never a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)
// count(*) and bigserial ids: bigint as string is safe; callers cast counts with ::int in SQL.

export type DB = Kysely<Database>

/** What a query runs on: the pool, or a transaction a caller opened (one per change). */
export type Executor = DB | Transaction<Database>

export interface DbOptions {
  /** Pool size per process (DATABASE_POOL_MAX); the default suits one app instance on a small machine. */
  max?: number
  applicationName?: string
  /** Told of every connection the pool loses (PostgreSQL restarted, a backend terminated). */
  onConnectionError?: (err: Error) => void
}

/**
 * A pool that survives losing its connections. pg emits 'error' on a client whose connection
 * drops — idle in the pool, or checked out by a transaction between two queries — and an
 * 'error' event without a listener ends the process. Every client gets a listener the moment
 * it connects, whoever holds it; the query in flight fails on its own (the request answers 503,
 * server/database-faults.ts), the broken client is dropped on release, and the next query opens
 * a new connection: the pool reconnects by itself.
 */
export function createPool(connectionString: string, options: DbOptions = {}): pg.Pool {
  const onError = options.onConnectionError ?? (() => {})
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'mijn-stad',
    idleTimeoutMillis: 30_000,
    // A database that does not answer fails the request within seconds instead of holding it.
    connectionTimeoutMillis: 5_000,
  })
  pool.on('connect', (client) => client.on('error', onError))
  // An idle client's error is also re-emitted by the pool itself.
  pool.on('error', () => {})
  return pool
}

export function createDb(connectionString: string, options: DbOptions = {}): DB {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(connectionString, options) }) })
}
