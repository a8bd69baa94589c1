import path from 'node:path'
import { attachEmbeddedPostgres, clusterExists, NoCluster, runningCluster, startEmbeddedPostgres } from './embedded'

export interface DatabaseHandle {
  url: string
  /** 'external' when DATABASE_URL was given, 'embedded' when we started PostgreSQL ourselves */
  kind: 'external' | 'embedded'
  port?: number
  /** the embedded cluster was already running (the server's) and we only connected to it */
  attached?: { pid: number }
  /** DATA_DIR/postgres, for the embedded cluster */
  clusterDir?: string
  /** the embedded cluster's folder, and why it is not under DATA_DIR when it is not */
  dir?: string
  relocatedBecause?: string
  stop(): Promise<void>
}

/** The embedded cluster's directory: DATA_DIR/postgres. */
export function clusterDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'postgres')
}

/**
 * The one rule for finding the database, shared by the server and the db:* scripts:
 * DATABASE_URL when set (and then never an embedded one), else an embedded PostgreSQL whose
 * cluster lives in DATA_DIR/postgres.
 *
 * The server starts that cluster and refuses one that runs already (a second server on the same
 * DATA_DIR). The scripts pass `whenRunning: 'attach'`: while the server runs they use its
 * cluster (found through postmaster.pid), otherwise they start it for as long as they need it.
 * `create: false` refuses to create a cluster where there is none (checking an empty new
 * database would say nothing).
 */
export async function openDatabase({
  databaseUrl,
  dataDir,
  log,
  whenRunning = 'refuse',
  create = true,
  database,
}: {
  /** DATABASE_URL (server/config.ts); unset: the embedded PostgreSQL */
  databaseUrl?: string
  /** DATA_DIR, resolved (server/config.ts) */
  dataDir: string
  log?: (line: string) => void
  whenRunning?: 'refuse' | 'attach'
  create?: boolean
  /** the embedded cluster's database to connect to; default `mijnstad` */
  database?: string
}): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, kind: 'external', stop: async () => {} }
  const clusterDir = clusterDirOf(dataDir)
  if (!create && !clusterExists(clusterDir)) throw new NoCluster(clusterDir)
  if (whenRunning === 'attach' && (await runningCluster(clusterDir))) {
    const attached = await attachEmbeddedPostgres(clusterDir, { database })
    return { ...attached, kind: 'embedded', attached: { pid: attached.pid }, clusterDir }
  }
  const embedded = await startEmbeddedPostgres(clusterDir, { log, database })
  return {
    url: embedded.url,
    kind: 'embedded',
    port: embedded.port,
    clusterDir,
    dir: embedded.dir,
    relocatedBecause: embedded.relocatedBecause,
    stop: embedded.stop,
  }
}
