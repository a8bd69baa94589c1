import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { firstBlockingFolder } from '../../db/cluster-dir'
import { startEmbeddedPostgres } from '../../db/embedded'

/**
 * `npm ci && npm start` as root in a checkout inside root's own home (mode 700): the embedded
 * PostgreSQL runs as the `postgres` user, which cannot pass through that folder, and initdb
 * used to stop with "could not access directory … Permission denied". The cluster now lives
 * where that user can reach it, with a symlink from DATA_DIR.
 */
const isRoot = process.getuid?.() === 0
const home = mkdtempSync(path.join(tmpdir(), 'mijnstad-home-')) // mode 700, like /root
const relocatedRoot = mkdtempSync(path.join(tmpdir(), 'mijnstad-relocated-'))
chmodSync(relocatedRoot, 0o755)
const dataDir = path.join(home, 'checkout', '.data')
const asked = path.join(dataDir, 'postgres')

afterAll(() => {
  rmSync(home, { recursive: true, force: true })
  rmSync(relocatedRoot, { recursive: true, force: true })
})

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

describe('the embedded PostgreSQL in a checkout under a mode-700 home folder', () => {
  it('sees that the postgres user cannot pass through the home folder', () => {
    expect(statSync(home).mode & 0o777).toBe(0o700)
    expect(firstBlockingFolder(asked, null)).toBe(home)
    // A folder the user owns, or whose group it is in, lets it through with the owner's or group's bit.
    const own = statSync(home)
    expect(firstBlockingFolder(asked, { uid: own.uid, gid: 99999, groups: [] })).toBeNull()
    expect(firstBlockingFolder(tmpdir(), null)).toBeNull()
  })

  it('starts (as root: in a folder the postgres user reaches, linked from DATA_DIR) and keeps its data across restarts', async () => {
    const first = await startEmbeddedPostgres(asked, { database: 'postgres', relocatedRoot })
    try {
      await query(first.url, 'create table kept (v text); insert into kept values ($$still here$$)')
    } finally {
      await first.stop()
    }
    if (isRoot) {
      expect(first.dir.startsWith(`${relocatedRoot}/`)).toBe(true)
      expect(first.relocatedBecause).toContain(home)
      expect(lstatSync(asked).isSymbolicLink()).toBe(true)
      expect(readlinkSync(asked)).toBe(first.dir)
    } else {
      // Not root: PostgreSQL runs as us and the folder is ours; nothing moves.
      expect(first.dir).toBe(asked)
    }
    // The password stays in DATA_DIR, readable by its owner only.
    expect(statSync(`${asked}.password`).mode & 0o777).toBe(0o600)

    const again = await startEmbeddedPostgres(asked, { database: 'postgres', relocatedRoot })
    try {
      expect(again.dir).toBe(first.dir)
      expect(again.relocatedBecause).toBeUndefined()
      expect(await query(again.url, 'select v from kept')).toEqual([{ v: 'still here' }])
    } finally {
      await again.stop()
    }
  })

  it('starts from scratch after DATA_DIR is deleted, as the README says', async () => {
    rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir, { recursive: true })
    const fresh = await startEmbeddedPostgres(asked, { database: 'postgres', relocatedRoot })
    try {
      expect(await query(fresh.url, `select to_regclass('kept') as t`)).toEqual([{ t: null }])
    } finally {
      await fresh.stop()
    }
    if (isRoot) expect(existsSync(fresh.dir)).toBe(true)
  })
})
