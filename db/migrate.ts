import { Migrator, type MigrationResultSet } from 'kysely'
import type { DB } from './client'
import { migrations } from './migrations'

export function createMigrator(db: DB): Migrator {
  // Unordered: features land in parallel, so a lower-numbered migration may arrive after a higher one ran.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true })
}

/**
 * Brings the schema up to date. Kysely's PostgreSQL adapter takes a transaction-level advisory
 * lock around the run, so several instances starting at once migrate one after another and the
 * later ones find nothing left to do.
 */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest()
  return unwrap(error, results)
}

export async function migrateDownAll(db: DB): Promise<void> {
  const migrator = createMigrator(db)
  for (;;) {
    const { error, results } = await migrator.migrateDown()
    unwrap(error, results)
    if (!results?.length) return
  }
}

function unwrap(error: unknown, results: MigrationResultSet['results']): string[] {
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error))
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
