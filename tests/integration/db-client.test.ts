import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type DB } from '../../db/client'

/**
 * The pool survives losing its connections (db/client.ts): a connection terminated while a
 * transaction holds it, between two of its queries, fails that transaction — and nothing else.
 * Without an error listener on the checked-out client, pg's 'error' event ends the process.
 */
const lost: Error[] = []
let db: DB
beforeAll(() => {
  db = createDb(process.env.DATABASE_URL!, {
    max: 2,
    applicationName: 'pool-fault-test',
    onConnectionError: (err) => lost.push(err),
  })
})
afterAll(() => db?.destroy())

async function terminate(pid: number) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  await admin.query('select pg_terminate_backend($1)', [pid])
  await admin.end()
}

describe('a pool connection that is lost', () => {
  it('fails the transaction that held it, is reported, and the next query connects again', async () => {
    const failed = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
      // Between two queries of the transaction: the client is checked out, no query in flight.
      await terminate(rows[0].pid)
      await new Promise((r) => setTimeout(r, 200))
      await sql`select 1`.execute(trx)
    })
    await expect(failed).rejects.toThrow()
    expect(lost.length).toBeGreaterThan(0)
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
    expect(rows[0].one).toBe(1)
  })

  it('reports an idle connection that is terminated, and replaces it', async () => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
    const before = lost.length
    await terminate(rows[0].pid)
    await expect.poll(() => lost.length).toBeGreaterThan(before)
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0].one).toBe(1)
  })
})
