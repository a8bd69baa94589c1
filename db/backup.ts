/**
 * Backup and restore of the embedded PostgreSQL (`npm run db:backup`, `npm run db:restore`;
 * README: Operations). With DATABASE_URL the operator's own tooling does this instead.
 *
 * The embedded package ships `initdb`, `pg_ctl` and `postgres` but no `pg_dump` or
 * `pg_basebackup`, so the backup uses PostgreSQL's low-level base backup API (PostgreSQL docs,
 * "Making a Base Backup Using the Low Level API", PostgreSQL 15+ names), all in one session,
 * while the server keeps serving:
 *
 * 1. a temporary physical replication slot keeps every WAL segment from now on until the session
 *    ends, so a busy server cannot recycle one the copy still needs;
 * 2. `pg_backup_start(label, fast => true)`: a checkpoint, where replay of the copy will begin;
 * 3. the data directory is copied file by file — files change or vanish under the copy, which is
 *    expected: full-page writes are on during a backup, and replaying the WAL makes them right;
 * 4. `pg_backup_stop()` hands back the `backup_label` (and `tablespace_map`): they go into the
 *    copy, never into the live directory;
 * 5. the WAL segments from the start's up to the stop's are copied into the copy's `pg_wal`, so
 *    the copy replays to a consistent state on its own, without a WAL archive.
 *
 * A backup is a folder: `postgres/` (the copy), `postgres.password` (the cluster's generated
 * password) and `backup.json` (what it is). It is written as `<name>.partial` and renamed when
 * complete, so a folder without that suffix is a whole backup.
 *
 * This module knows nothing of the app: it copies a PostgreSQL cluster.
 */
import { promises as fs, type Stats } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { ClusterRunning, runningCluster } from './embedded'

export const BACKUP_FORMAT = 'mijn-stad-embedded-base-backup'
export const BACKUP_FORMAT_VERSION = 1
const MANIFEST = 'backup.json'
const CLUSTER = 'postgres'
const PASSWORD = 'postgres.password'

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_FORMAT_VERSION
  label: string
  createdAt: string
  /** PostgreSQL's `server_version`: a restore needs the same major version */
  postgresVersion: string
  startLsn: string
  stopLsn: string
  /** the first and last WAL segment in the copy's pg_wal */
  walSegments: [string, string]
  files: number
  bytes: number
}

export interface BackupSummary {
  dir: string
  manifest: BackupManifest
  ms: number
}

/**
 * What PostgreSQL leaves out of a base backup (the docs' list, as pg_basebackup does): contents
 * rebuilt at start or meaningful only to the running server. The directories are kept, empty.
 */
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_dynshmem',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
])
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'tablespace_map.old',
  'pg_internal.init',
])
const skipInBackup = (_rel: string, name: string) => SKIPPED_FILES.has(name) || name.startsWith('pgsql_tmp')

const WAL_SEGMENT = /^[0-9A-F]{24}$/

interface Tally {
  files: number
  bytes: number
}

const gone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT'
const runningAsRoot = () => process.getuid?.() === 0

/** As root, the copy keeps the owner of the original: the cluster belongs to the postgres user. */
async function keepOwnerAndMode(dest: string, st: Stats): Promise<void> {
  await fs.chmod(dest, st.mode & 0o7777)
  if (runningAsRoot()) await fs.chown(dest, st.uid, st.gid)
}

/**
 * Copies a directory tree, keeping modes (and owners, as root). A file that disappears while we
 * copy is skipped: in a live cluster that is normal, and the WAL replay accounts for it.
 */
async function copyTree(
  src: string,
  dest: string,
  tally: Tally,
  options: { emptyDirs?: Set<string>; skip?: (rel: string, name: string) => boolean } = {},
  rel = '',
): Promise<void> {
  let st: Stats
  try {
    st = await fs.lstat(src)
  } catch (err) {
    if (gone(err) && rel) return
    throw err
  }
  if (st.isSymbolicLink()) {
    throw new Error(
      `${rel || src} is a symbolic link (a tablespace?): this backup copies one data directory; use pg_basebackup for more`,
    )
  }
  if (st.isDirectory()) {
    await fs.mkdir(dest, { mode: st.mode & 0o7777 })
    await keepOwnerAndMode(dest, st)
    if (options.emptyDirs?.has(rel)) return
    let names: string[]
    try {
      names = await fs.readdir(src)
    } catch (err) {
      if (gone(err)) return
      throw err
    }
    for (const name of names.sort()) {
      const childRel = rel ? `${rel}/${name}` : name
      if (options.skip?.(childRel, name)) continue
      await copyTree(path.join(src, name), path.join(dest, name), tally, options, childRel)
    }
    return
  }
  if (!st.isFile()) return // a socket or a pipe is no data
  try {
    await fs.copyFile(src, dest)
  } catch (err) {
    if (gone(err)) return
    throw err
  }
  await keepOwnerAndMode(dest, st)
  tally.files += 1
  tally.bytes += (await fs.stat(dest)).size
}

/** 2026-05-01T10:22:33.123Z → 2026-05-01T102233Z: sorts by time and is a valid file name everywhere. */
export function timestampForName(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '')
}

/** The WAL segment names from `first` to `last` inclusive, in order (same timeline). */
export function walSegmentRange(first: string, last: string, segmentBytes: number): string[] {
  const perLogId = 0x1_0000_0000n / BigInt(segmentBytes)
  const number = (name: string) => BigInt(`0x${name.slice(8, 16)}`) * perLogId + BigInt(`0x${name.slice(16, 24)}`)
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0')
  const timeline = last.slice(0, 8)
  const names: string[] = []
  for (let n = number(first); n <= number(last); n += 1n)
    names.push(`${timeline}${hex(n / perLogId)}${hex(n % perLogId)}`)
  return names
}

/**
 * Makes an online base backup of the running cluster in `clusterDir`, reached at `url` as its
 * superuser, into a new timestamped folder under `parentDir`.
 */
export async function backupCluster({
  clusterDir,
  url,
  parentDir,
  now = new Date(),
}: {
  clusterDir: string
  url: string
  parentDir: string
  now?: Date
}): Promise<BackupSummary> {
  const started = Date.now()
  const name = `mijnstad-${timestampForName(now)}`
  const finalDir = path.join(path.resolve(parentDir), name)
  const workDir = `${finalDir}.partial`
  await fs.mkdir(path.dirname(finalDir), { recursive: true })
  await fs.mkdir(workDir, { mode: 0o700 }) // fails if it exists: two backups in one second
  const client = new pg.Client({ connectionString: url, application_name: 'mijn-stad-backup' })
  client.on('error', () => {}) // a lost connection surfaces in the query that needs it
  await client.connect()
  let backupRunning = false
  try {
    const settings = await client.query<{ data_directory: string; server_version: string; segment: string }>(
      `select current_setting('data_directory') as data_directory, current_setting('server_version') as server_version,
              (select setting from pg_settings where name = 'wal_segment_size') as segment`,
    )
    const { data_directory, server_version, segment } = settings.rows[0]
    // DATA_DIR/postgres may be a link to where the cluster had to live (db/cluster-dir.ts).
    if ((await fs.realpath(data_directory)) !== (await fs.realpath(clusterDir))) {
      throw new Error(`the server at that address runs ${data_directory}, not ${clusterDir}`)
    }
    const slot = `mijn_stad_backup_${process.pid}`
    await client.query('select pg_create_physical_replication_slot($1, true, true)', [slot])
    const label = `mijn-stad ${name}`
    const start = await client.query<{ lsn: string; file: string }>(
      'select lsn::text, pg_walfile_name(lsn) as file from pg_backup_start($1, true) as lsn',
      [label],
    )
    backupRunning = true

    const tally: Tally = { files: 0, bytes: 0 }
    const copy = path.join(workDir, CLUSTER)
    await copyTree(clusterDir, copy, tally, { emptyDirs: EMPTY_DIRS, skip: skipInBackup })

    const stop = await client.query<{ lsn: string; file: string; labelfile: string; spcmapfile: string | null }>(
      'select lsn::text, pg_walfile_name(lsn) as file, labelfile, spcmapfile from pg_backup_stop(false)',
    )
    backupRunning = false
    const { labelfile, spcmapfile } = stop.rows[0]
    const owner = await fs.stat(path.join(clusterDir, 'PG_VERSION'))
    await writeOwned(path.join(copy, 'backup_label'), labelfile, owner)
    if (spcmapfile) await writeOwned(path.join(copy, 'tablespace_map'), spcmapfile, owner)

    // The WAL from the backup's start to its stop: the copy's replay needs exactly these.
    const segments = walSegmentRange(start.rows[0].file, stop.rows[0].file, Number(segment))
    const walDir = path.join(clusterDir, 'pg_wal')
    for (const sub of ['archive_status', 'summaries']) {
      const st = await fs.stat(path.join(walDir, sub)).catch(() => null)
      if (st) {
        await fs.mkdir(path.join(copy, 'pg_wal', sub), { mode: st.mode & 0o7777 })
        await keepOwnerAndMode(path.join(copy, 'pg_wal', sub), st)
      }
    }
    const history = (await fs.readdir(walDir)).filter((f) => f.endsWith('.history'))
    for (const file of [...history, ...segments]) {
      try {
        await copyTree(path.join(walDir, file), path.join(copy, 'pg_wal', file), tally)
      } catch (err) {
        if (gone(err))
          throw new Error(`WAL segment ${file} is gone before it could be copied; the backup is incomplete`)
        throw err
      }
      if (WAL_SEGMENT.test(file) && !(await fs.stat(path.join(copy, 'pg_wal', file)).catch(() => null))) {
        throw new Error(`WAL segment ${file} is missing; the backup is incomplete`)
      }
    }

    await fs.copyFile(`${clusterDir}.password`, path.join(workDir, PASSWORD))
    await fs.chmod(path.join(workDir, PASSWORD), 0o600)
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      label,
      createdAt: now.toISOString(),
      postgresVersion: server_version,
      startLsn: start.rows[0].lsn,
      stopLsn: stop.rows[0].lsn,
      walSegments: [segments[0], segments[segments.length - 1]],
      files: tally.files,
      bytes: tally.bytes,
    }
    await fs.writeFile(path.join(workDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
    await fs.rename(workDir, finalDir)
    return { dir: finalDir, manifest, ms: Date.now() - started }
  } catch (err) {
    // A backup left running would keep full-page writes on until the session ends; end it.
    if (backupRunning) await client.query('select pg_backup_stop(false)').catch(() => {})
    await fs.rm(workDir, { recursive: true, force: true })
    throw err
  } finally {
    await client.end().catch(() => {})
  }
}

async function writeOwned(file: string, content: string, owner: Stats): Promise<void> {
  await fs.writeFile(file, content, { mode: 0o600 })
  if (runningAsRoot()) await fs.chown(file, owner.uid, owner.gid)
}

/** Reads and checks a backup folder; the error says what is wrong with it. */
export async function readBackup(dir: string): Promise<BackupManifest> {
  const folder = path.resolve(dir)
  if (folder.endsWith('.partial')) throw new Error(`${folder} is an unfinished backup; choose a complete one`)
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(folder, MANIFEST), 'utf8')) as BackupManifest
  } catch (err) {
    throw new Error(
      gone(err)
        ? `${folder} is not a Mijn Stad backup: it has no ${MANIFEST}`
        : `${folder}/${MANIFEST} is unreadable: ${(err as Error).message}`,
    )
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_FORMAT_VERSION) {
    throw new Error(
      `${folder} is a backup in a format this version cannot restore (${manifest.format} ${manifest.version})`,
    )
  }
  for (const needed of [`${CLUSTER}/PG_VERSION`, `${CLUSTER}/backup_label`, PASSWORD]) {
    if (!(await fs.stat(path.join(folder, needed)).catch(() => null))) {
      throw new Error(`${folder} is incomplete: ${needed} is missing`)
    }
  }
  return manifest
}

export interface RestoreSummary {
  clusterDir: string
  /** where the cluster that was there before now is, kept rather than deleted; null when none */
  replacedDir: string | null
  manifest: BackupManifest
}

/**
 * Puts the backup in `backupDir` in place as the embedded cluster `clusterDir` (DATA_DIR/postgres).
 * Refuses while that cluster runs. A cluster that is there is moved aside to
 * `postgres.replaced-<time>` (with its password file), never deleted. `verify` then starts the
 * restored copy (PostgreSQL replays its WAL) and checks it; if that fails, the restored copy is
 * moved to `postgres.failed-restore-<time>` and the replaced cluster goes back in its place.
 */
export async function restoreCluster({
  backupDir,
  clusterDir,
  verify,
  now = new Date(),
}: {
  backupDir: string
  clusterDir: string
  verify: (clusterDir: string) => Promise<void>
  now?: Date
}): Promise<RestoreSummary> {
  const folder = path.resolve(backupDir)
  const target = path.resolve(clusterDir)
  const manifest = await readBackup(folder)
  const running = await runningCluster(target)
  if (running) throw new ClusterRunning(target, running)

  const passwordFile = `${target}.password`
  const exists = async (p: string) => Boolean(await fs.lstat(p).catch(() => null))
  // Two restores within a second must not collide on the names they set aside.
  let stamp = timestampForName(now)
  for (
    let i = 2;
    (await exists(`${target}.replaced-${stamp}`)) || (await exists(`${target}.failed-restore-${stamp}`));
    i++
  ) {
    stamp = `${timestampForName(now)}-${i}`
  }
  let replacedDir: string | null = null
  if ((await exists(target)) || (await exists(passwordFile))) {
    replacedDir = `${target}.replaced-${stamp}`
    if (await exists(target)) await fs.rename(target, replacedDir)
    if (await exists(passwordFile)) await fs.rename(passwordFile, `${replacedDir}.password`)
  }
  await fs.mkdir(path.dirname(target), { recursive: true })
  try {
    await copyTree(path.join(folder, CLUSTER), target, { files: 0, bytes: 0 })
    await fs.copyFile(path.join(folder, PASSWORD), passwordFile)
    await fs.chmod(passwordFile, 0o600)
    await verify(target)
  } catch (err) {
    const failedDir = `${target}.failed-restore-${stamp}`
    if (await exists(target)) await fs.rename(target, failedDir)
    if (await exists(passwordFile)) await fs.rename(passwordFile, `${failedDir}.password`)
    if (replacedDir) {
      if (await exists(replacedDir)) await fs.rename(replacedDir, target)
      if (await exists(`${replacedDir}.password`)) await fs.rename(`${replacedDir}.password`, passwordFile)
    }
    const back = replacedDir ? ` The cluster that was there is back in ${target}.` : ''
    throw new Error(
      `the restore did not start: ${(err as Error).message}. The restored copy is kept in ${failedDir} to look into.${back}`,
      { cause: err },
    )
  }
  return { clusterDir: target, replacedDir, manifest }
}

/** 52428800 → "50.0 MB" */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`
}
