import path from 'node:path'
import { sql } from 'kysely'
import { verifyAuditChain, type ChainCheck } from '../db/audit-chain'
import { backupCluster, formatBytes, restoreCluster } from '../db/backup'
import { createDb, type DB } from '../db/client'
import { ClusterRunning } from '../db/embedded'
import { closeDb, getDb, configureDb } from '../db/instance'
import { migrateDownAll, migrateToLatest } from '../db/migrate'
import { clusterDirOf, openDatabase } from '../db/runtime'
import { loadConfig, type Config } from './config'
import { seedDemoData } from './seed'

/**
 * `npm run db:migrate`   — bring the schema up to date
 * `npm run db:seed`      — add the demo data (only into an empty database)
 * `npm run db:reset`     — drop every table, migrate again and seed: a clean demo
 * `npm run audit:verify` — check the audit log's hash chain; names the first broken row
 * `npm run db:backup [-- <folder>]` — an online backup of the embedded database, into a new
 *                          timestamped folder under DATA_DIR/backups (or <folder>)
 * `npm run db:restore -- <backup>` — put such a backup in place (the server must be stopped)
 *
 * Against DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR: the running server's
 * when it runs (found through the postmaster.pid PostgreSQL keeps in its data directory), or
 * started for the command and stopped after it. README: Operations.
 */
const commands = ['migrate', 'seed', 'reset', 'audit-verify', 'backup', 'restore'] as const
type Command = (typeof commands)[number]
const [command, argument] = process.argv.slice(2) as [Command, string | undefined]
if (!commands.includes(command)) {
  console.error(`usage: tsx server/cli.ts ${commands.join('|')} [folder]`)
  process.exit(2)
}

let config: Config
try {
  config = loadConfig()
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err)) // names the bad variable
  process.exit(2)
}
const dataDir = config.dataDir
const externalUrl = config.DATABASE_URL

/** Whatever was thrown, as a sentence: never `undefined`. */
function describe(err: unknown): string {
  if (err instanceof ClusterRunning && (command === 'reset' || command === 'restore')) {
    return (
      `the Mijn Stad server is running on ${path.resolve(dataDir)} (its PostgreSQL has pid ${err.running.pid}): ` +
      `db:${command} replaces its database, so stop the server first (Ctrl-C where it runs), then run this again. ` +
      'Nothing was changed.'
    )
  }
  return err instanceof Error ? err.message : String(err ?? 'unknown error')
}

const chainLine = (check: ChainCheck) =>
  check.ok
    ? `audit log intact: ${check.rows} entries, every hash and link checks out`
    : `audit log BROKEN at entry ${check.firstBrokenId} (${check.reason === 'hash' ? 'its content does not match its hash' : 'it does not link to the entry before it'}); ${check.rows} entries checked`

async function run(): Promise<number> {
  if ((command === 'backup' || command === 'restore') && externalUrl) {
    console.error(
      'DATABASE_URL is set: the database is an external PostgreSQL, and its backups are the operator’s job — ' +
        'pg_dump for a logical copy, pg_basebackup with WAL archiving for point-in-time recovery ' +
        '(README: Operations). Nothing was done.',
    )
    return 1
  }
  if (command === 'backup') return backup()
  if (command === 'restore') return restore()

  const database = await openDatabase({
    databaseUrl: externalUrl,
    dataDir,
    // Dropping every table under a running server is refused; the rest may share its database.
    whenRunning: command === 'reset' ? 'refuse' : 'attach',
    // Checking a database that had to be created first would check nothing.
    create: command !== 'audit-verify',
  })
  if (database.attached) {
    console.log(`using the running server's database (PostgreSQL pid ${database.attached.pid}, port ${database.port})`)
  }
  configureDb(database.url, { max: config.DATABASE_POOL_MAX })
  try {
    const db = getDb()
    if (command === 'audit-verify') {
      const check = await verifyAuditChain(db)
      ;(check.ok ? console.log : console.error)(chainLine(check))
      return check.ok ? 0 : 1
    }
    if (command === 'reset') {
      await migrateDownAll(db)
      console.log('all tables dropped')
    }
    const applied = await migrateToLatest(db)
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date')
    if (command === 'seed' || command === 'reset') {
      console.log((await seedDemoData(db)) ? 'demo data seeded' : 'the database already has data; nothing seeded')
    }
    return 0
  } finally {
    await closeDb()
    await database.stop()
  }
}

async function backup(): Promise<number> {
  const parentDir = path.resolve(argument ?? path.join(dataDir, 'backups'))
  const database = await openDatabase({ dataDir, whenRunning: 'attach', create: false, database: 'postgres' })
  try {
    const { dir, manifest, ms } = await backupCluster({
      clusterDir: database.clusterDir ?? clusterDirOf(dataDir),
      url: database.url,
      parentDir,
    })
    const whose = database.attached
      ? `the running server's database (PostgreSQL pid ${database.attached.pid})`
      : 'the database (the server was not running)'
    console.log(`backup of ${whose} written to ${dir}`)
    console.log(
      `  ${formatBytes(manifest.bytes)} in ${manifest.files} files, WAL ${manifest.startLsn} to ${manifest.stopLsn}, ${(ms / 1000).toFixed(1)} s`,
    )
    console.log(`restore it with: npm run db:restore -- ${dir}`)
    return 0
  } finally {
    await database.stop()
  }
}

async function restore(): Promise<number> {
  if (!argument) {
    console.error('usage: npm run db:restore -- <backup folder> (one of DATA_DIR/backups/mijnstad-…)')
    return 2
  }
  let check: ChainCheck | undefined
  let counts: Record<string, number> = {}
  const summary = await restoreCluster({
    backupDir: argument,
    clusterDir: clusterDirOf(dataDir),
    // Start PostgreSQL on the restored copy: it replays the backup's WAL, then must answer.
    verify: async () => {
      const database = await openDatabase({ dataDir, create: false })
      const db: DB = createDb(database.url, { max: 2, applicationName: 'mijn-stad-restore' })
      try {
        check = await verifyAuditChain(db)
        counts = await countRows(db)
      } finally {
        await db.destroy()
        await database.stop()
      }
    },
  })
  const { manifest } = summary
  console.log(`restored ${path.resolve(argument)} (made ${manifest.createdAt}) into ${summary.clusterDir}`)
  console.log(
    summary.replacedDir
      ? `the cluster that was there is kept in ${summary.replacedDir} (and its password beside it); delete it when you no longer need it`
      : 'there was no cluster there before',
  )
  console.log(
    `checked: PostgreSQL started on it; ${Object.entries(counts)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')}`,
  )
  if (check) (check.ok ? console.log : console.error)(chainLine(check))
  console.log('start the portal as usual (npm start)')
  return check?.ok ? 0 : 1
}

async function countRows(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  const tables = { persons: 'persons', cases: 'cases', letters: 'letters', audit_log: 'audit entries' } as const
  for (const [table, label] of Object.entries(tables)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)
    counts[label] = rows[0].n
  }
  return counts
}

let exitCode: number
try {
  exitCode = await run()
} catch (err) {
  console.error(describe(err))
  exitCode = 1
}
process.exit(exitCode)
