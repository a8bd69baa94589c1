import { sql, type Kysely } from 'kysely'
import { AUDIT_HASH_SQL } from './migrations/0005_audit_chain'
import type { Database } from './schema'

export type ChainCheck =
  { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: string; reason: 'hash' | 'link' }

/**
 * Walks the audit log's hash chain (migration 0005) in id order and recomputes every hash: the
 * first row whose content no longer matches its hash, or whose link does not match the row
 * before it, is named. Here rather than in the app, so `npm run audit:verify` and the restore
 * check need nothing of the app.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainCheck> {
  const { rows } = await sql<{
    id: string
    hash: string
    prev_hash: string
    expected: string
    previous: string | null
  }>`
    select r.id::text as id, r.hash, r.prev_hash, ${sql.raw(AUDIT_HASH_SQL)} as expected,
           lag(r.hash) over (order by r.id) as previous
      from audit_log r
     order by r.id`.execute(db)
  for (const [i, row] of rows.entries()) {
    const expectedPrev = i === 0 ? '0'.repeat(64) : row.previous
    if (row.prev_hash !== expectedPrev) return { ok: false, rows: rows.length, firstBrokenId: row.id, reason: 'link' }
    if (row.hash !== row.expected) return { ok: false, rows: rows.length, firstBrokenId: row.id, reason: 'hash' }
  }
  return { ok: true, rows: rows.length }
}
