import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../db/audit-chain'
import { createDb, type DB } from '../../db/client'
import { attachEmbeddedPostgres, startEmbeddedPostgres } from '../../db/embedded'
import { recordAudit } from '~/services/audit.server'
import { startServerProcess, type ServerProcess } from '../support/process'

/**
 * The operator's commands (README: Operations) against the real server process, as `npm run
 * serve` runs it, with a DATA_DIR and so an embedded PostgreSQL of its own:
 * - `npm run audit:verify` while the server runs (it used to die with `undefined`: the script
 *   tried to start a second PostgreSQL on the server's data directory) and after it stopped;
 * - `npm run db:backup` under write load, `npm run db:restore` into a fresh directory and over
 *   the stopped server's cluster (kept aside), a restore that fails (rolled back), and both
 *   refused while the server runs or against DATABASE_URL.
 */
const root = path.resolve('.')
const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-ops-'))
chmodSync(dataDir, 0o755) // the embedded cluster runs as the postgres user, who must reach it
const scratch: string[] = [dataDir]
let server: ServerProcess | undefined
/** This file's database from the integration setup; the server must not use it. */
let suiteDatabaseUrl: string | undefined

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** `tsx server/cli.ts …` as the npm scripts run it, against DATA_DIR (never the suite's DATABASE_URL). */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...env }
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: root, env: childEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

const freshDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  chmodSync(dir, 0o755)
  scratch.push(dir)
  return dir
}
const clusterOf = (dir: string) => path.join(dir, 'postgres')

async function counts(db: DB) {
  const { rows } = await sql<{ persons: number; cases: number; letters: number; audit: number }>`
    select (select count(*)::int from persons) as persons, (select count(*)::int from cases) as cases,
           (select count(*)::int from letters) as letters, (select count(*)::int from audit_log) as audit`.execute(db)
  return rows[0]
}

/** The load's rows: one audit entry and one contact moment per transaction, numbered 1, 2, … */
async function loadRows(db: DB) {
  const { rows } = await sql<{ audit: number; moments: number; highest: number | null; distinct: number }>`
    select (select count(*)::int from audit_log where action = 'load.write') as audit,
           (select count(*)::int from contact_moments where subject like 'load %') as moments,
           (select max(substr(resource, 6)::int) from audit_log where action = 'load.write') as highest,
           (select count(distinct resource)::int from audit_log where action = 'load.write') as distinct`.execute(db)
  return rows[0]
}

/** Opens a PostgreSQL on a restored cluster, runs `check`, stops it. */
async function onCluster<T>(dir: string, check: (db: DB) => Promise<T>): Promise<T> {
  const pg = await startEmbeddedPostgres(clusterOf(dir))
  const db = createDb(pg.url, { max: 2 })
  try {
    return await check(db)
  } finally {
    await db.destroy()
    await pg.stop()
  }
}

beforeAll(async () => {
  suiteDatabaseUrl = process.env.DATABASE_URL
  delete process.env.DATABASE_URL // the server process inherits the environment
  server = await startServerProcess({ DATA_DIR: dataDir })
}, 180_000)

afterAll(async () => {
  await server?.stop()
  if (suiteDatabaseUrl) process.env.DATABASE_URL = suiteDatabaseUrl
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('npm run audit:verify', () => {
  it('checks the running server’s database: it finds the server’s PostgreSQL instead of starting a second one', async () => {
    const pg = await attachEmbeddedPostgres(clusterOf(dataDir))
    const db = createDb(pg.url, { max: 1 })
    try {
      await recordAudit(db, { actorKind: 'system', actorId: 'system:test', action: 'test.entry' })
      const entries = (await counts(db)).audit
      const result = await cli(['audit-verify'])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/using the running server's database \(PostgreSQL pid \d+, port \d+\)/)
      expect(result.stdout).toContain(`audit log intact: ${entries} entries`)
    } finally {
      await db.destroy()
    }
    expect((await fetch(`${server!.baseUrl}/readyz`)).ok).toBe(true)
  }, 60_000)

  it('says what to do, and creates nothing, when DATA_DIR holds no database', async () => {
    const empty = path.join(freshDir('mijnstad-empty-'), 'nothing-here')
    const result = await cli(['audit-verify'], { DATA_DIR: empty })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`there is no embedded database in ${clusterOf(empty)}`)
    expect(result.stderr).toContain('Start the portal once (npm start)')
    expect(result.stderr + result.stdout).not.toContain('undefined')
    expect(existsSync(empty)).toBe(false)
  }, 60_000)
})

describe('npm run db:backup and db:restore', () => {
  let backupDir = ''
  /** what the load had committed when the backup began, and (plus the one in flight) when it ended */
  let committedBefore = 0
  let committedAfter = 0
  let live: Awaited<ReturnType<typeof counts>>

  it('makes a consistent online backup while the server runs and writes go on', async () => {
    const pg = await attachEmbeddedPostgres(clusterOf(dataDir))
    const db = createDb(pg.url, { max: 2 })
    let committed = 0
    let stop = false
    const bsn = (await db.selectFrom('persons').select('bsn').executeTakeFirstOrThrow()).bsn
    // One writer, one transaction at a time: an audit entry and a contact moment together.
    const load = (async () => {
      while (!stop) {
        const n = committed + 1
        await db.transaction().execute(async (trx) => {
          await recordAudit(trx, {
            actorKind: 'system',
            actorId: 'system:load',
            action: 'load.write',
            resource: `load:${n}`,
          })
          await trx
            .insertInto('contact_moments')
            .values({ bsn, channel: 'internet', subject: `load ${n}`, summary: 'write load during a backup' })
            .execute()
        })
        committed = n
      }
    })()
    try {
      while (committed < 20) await new Promise((r) => setTimeout(r, 10))
      committedBefore = committed
      const result = await cli(['backup'])
      committedAfter = committed + 1
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const where = /written to (\S+)/.exec(result.stdout)?.[1] ?? ''
      expect(path.dirname(where)).toBe(path.join(dataDir, 'backups'))
      expect(path.basename(where)).toMatch(/^mijnstad-\d{4}-\d{2}-\d{2}T\d{6}Z$/)
      expect(result.stdout).toMatch(/\d+\.\d (MB|kB|GB) in \d+ files/)
      expect(result.stdout).toContain(`npm run db:restore -- ${where}`)
      backupDir = where
    } finally {
      stop = true
      await load
    }
    live = await counts(db)
    await db.destroy()
    // The writes really ran during the backup.
    expect(committedAfter - committedBefore).toBeGreaterThan(5)
    expect(readdirSync(backupDir).sort()).toEqual(['backup.json', 'postgres', 'postgres.password'])
    expect(existsSync(path.join(backupDir, 'postgres', 'backup_label'))).toBe(true)
    expect(existsSync(path.join(backupDir, 'postgres', 'postmaster.pid'))).toBe(false)
    expect(readdirSync(path.join(backupDir, 'postgres', 'pg_wal')).some((f) => /^[0-9A-F]{24}$/.test(f))).toBe(true)
  }, 120_000)

  it('restores it into a fresh directory: PostgreSQL starts on it, the audit chain holds and the rows are those of the backup', async () => {
    expect(backupDir).not.toBe('')
    const fresh = freshDir('mijnstad-restore-')
    const result = await cli(['restore', backupDir], { DATA_DIR: fresh })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`into ${clusterOf(fresh)}`)
    expect(result.stdout).toContain('there was no cluster there before')
    expect(result.stdout).toContain('audit log intact')
    const restored = await onCluster(fresh, async (db) => ({
      chain: await verifyAuditChain(db),
      counts: await counts(db),
      load: await loadRows(db),
    }))
    expect(restored.chain.ok).toBe(true)
    // Every transaction is there whole or not at all, and exactly those up to one moment.
    const k = restored.load.audit
    expect(restored.load.moments).toBe(k)
    expect(restored.load.distinct).toBe(k)
    expect(restored.load.highest).toBe(k)
    expect(k).toBeGreaterThanOrEqual(committedBefore)
    expect(k).toBeLessThanOrEqual(committedAfter)
    expect(restored.counts).toMatchObject({ persons: live.persons, cases: live.cases, letters: live.letters })
  }, 120_000)

  it('refuses to restore while the server runs, and changes nothing', async () => {
    const result = await cli(['restore', backupDir])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('stop the server first')
    expect(result.stderr).toContain('Nothing was changed')
    expect(readdirSync(dataDir).filter((f) => f.includes('replaced'))).toEqual([])
    expect((await fetch(`${server!.baseUrl}/readyz`)).ok).toBe(true)
  }, 60_000)

  it('says that an external database (DATABASE_URL) is the operator’s to back up, and does nothing', async () => {
    const elsewhere = freshDir('mijnstad-external-')
    for (const args of [['backup'], ['restore', backupDir]]) {
      const result = await cli(args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: elsewhere })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('backups are the operator’s job')
      expect(result.stderr).toMatch(/pg_dump.*pg_basebackup.*point-in-time recovery/)
    }
    expect(readdirSync(elsewhere)).toEqual([])
  }, 60_000)

  it('audit:verify works on the stopped server’s database too, and leaves it stopped', async () => {
    await server!.stop()
    server = undefined
    const result = await cli(['audit-verify'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('using the running server')
    expect(result.stdout).toMatch(/audit log intact: \d+ entries/)
    expect(existsSync(path.join(clusterOf(dataDir), 'postmaster.pid'))).toBe(false)
  }, 60_000)

  it('restores over an existing cluster and keeps the replaced one aside', async () => {
    const before = await onCluster(dataDir, loadRows)
    const result = await cli(['restore', backupDir])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const replaced = readdirSync(dataDir).find((f) => /^postgres\.replaced-.*Z$/.test(f))
    expect(replaced).toBeDefined()
    expect(result.stdout).toContain(`kept in ${path.join(dataDir, replaced!)}`)
    expect(existsSync(path.join(dataDir, replaced!, 'PG_VERSION'))).toBe(true)
    expect(existsSync(path.join(dataDir, `${replaced}.password`))).toBe(true)
    const after = await onCluster(dataDir, loadRows)
    // The load went on after the backup; the restore has the backup's rows, not the later ones.
    expect(before.audit).toBeGreaterThan(after.audit)
    expect(after.audit).toBeGreaterThanOrEqual(committedBefore)
  }, 120_000)

  it('puts the cluster back when the restored copy does not start', async () => {
    const broken = path.join(freshDir('mijnstad-broken-'), 'backup')
    execFileSync('cp', ['-a', backupDir, broken])
    const walDir = path.join(broken, 'postgres', 'pg_wal')
    for (const f of readdirSync(walDir).filter((f) => /^[0-9A-F]{24}$/.test(f))) rmSync(path.join(walDir, f))
    const before = await onCluster(dataDir, loadRows)
    const result = await cli(['restore', broken])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the restore did not start')
    expect(result.stderr).toContain(`The cluster that was there is back in ${clusterOf(dataDir)}`)
    expect(readdirSync(dataDir).some((f) => /^postgres\.failed-restore-.*Z$/.test(f))).toBe(true)
    expect(await onCluster(dataDir, loadRows)).toEqual(before)
  }, 120_000)
})
