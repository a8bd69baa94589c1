import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DB } from '../../db/client'
import { migrateDownAll, migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { seedDemoData } from '../../server/seed'
import { adminQuery, withDatabase } from '../support/database'

// An empty database (not the template): what a brand-new installation starts from.
const name = `mijnstad_empty_${process.pid}`
let a: DB
let b: DB
beforeAll(async () => {
  await adminQuery(inject('adminDatabaseUrl'), `create database "${name}"`)
  a = createDb(withDatabase(inject('adminDatabaseUrl'), name), { max: 3 })
  b = createDb(withDatabase(inject('adminDatabaseUrl'), name), { max: 3 })
})
afterAll(async () => {
  await a.destroy()
  await b.destroy()
  await adminQuery(inject('adminDatabaseUrl'), `drop database if exists "${name}" with (force)`)
})

describe('migrations and the demo seed', () => {
  it('lets two instances that start at the same time both migrate without error', async () => {
    const [first, second] = await Promise.all([migrateToLatest(a), migrateToLatest(b)])
    // One of them did the work; the other, after waiting for the lock, found nothing left.
    expect([...first, ...second].sort()).toEqual(Object.keys(migrations).sort())
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(a)
    expect(rows[0].n).toBe(Object.keys(migrations).length)
  })

  it('seeds the demo data once, even when two instances try together', async () => {
    const results = await Promise.all([seedDemoData(a), seedDemoData(b)])
    expect(results.filter(Boolean)).toHaveLength(1)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from persons`.execute(a)
    expect(rows[0].n).toBeGreaterThanOrEqual(8)
    expect(await seedDemoData(a)).toBe(false)
  })

  it('can be rolled all the way back and forward again (db:reset)', async () => {
    await migrateDownAll(a)
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'persons'`.execute(
      a,
    )
    expect(rows[0].n).toBe(0)
    expect(await migrateToLatest(a)).toEqual(Object.keys(migrations))
  })
})
