import path from 'node:path'
import { startEmbeddedPostgres } from './embedded'

export interface DatabaseHandle {
  url: string
  /** 'external' when DATABASE_URL was given, 'embedded' when we started PostgreSQL ourselves */
  kind: 'external' | 'embedded'
  port?: number
  /** the embedded cluster's folder, and why it is not under DATA_DIR when it is not */
  dir?: string
  relocatedBecause?: string
  stop(): Promise<void>
}

/**
 * The one rule for finding the database, shared by the server and the db:* scripts:
 * DATABASE_URL when set (and then never an embedded one), else an embedded PostgreSQL whose
 * cluster lives in DATA_DIR/postgres.
 */
export async function openDatabase({
  databaseUrl = process.env.DATABASE_URL,
  dataDir = process.env.DATA_DIR ?? '.data',
  log,
}: { databaseUrl?: string; dataDir?: string; log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, kind: 'external', stop: async () => {} }
  const embedded = await startEmbeddedPostgres(path.join(path.resolve(dataDir), 'postgres'), { log })
  return {
    url: embedded.url,
    kind: 'embedded',
    port: embedded.port,
    dir: embedded.dir,
    relocatedBecause: embedded.relocatedBecause,
    stop: embedded.stop,
  }
}
