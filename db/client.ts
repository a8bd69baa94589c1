import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

// Calendar dates stay calendar dates: 'YYYY-MM-DD', never a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)
// count(*) and bigserial ids: bigint as string is safe; callers cast counts with ::int in SQL.

export type DB = Kysely<Database>

export interface DbOptions {
  /** Pool size per process; the default suits one app instance on a small machine. */
  max?: number
  applicationName?: string
}

export function createPool(connectionString: string, options: DbOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
    application_name: options.applicationName ?? 'mijn-stad',
    idleTimeoutMillis: 30_000,
  })
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  return pool
}

export function createDb(connectionString: string, options: DbOptions = {}): DB {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(connectionString, options) }) })
}
