import { sql, type Kysely, type Transaction } from 'kysely'
import type { ActorKind, Database } from '../../db/schema'
import { AUDIT_HASH_SQL } from '../../db/migrations/0005_audit_chain'

export interface AuditEntry {
  actorKind: ActorKind
  /** employee number, 'citizen', 'system:<name>' — never a BSN */
  actorId: string
  /** what happened, as a stable code: 'login', 'personal_data.viewed', 'impersonation.started', … */
  action: string
  /** whose data it concerns; the citizen's "who viewed my data" page reads by this */
  subjectBsn?: string | null
  resource?: string | null
  reason?: string | null
  details?: Record<string, unknown>
}

/**
 * Appends an entry to the tamper-evident audit log. Pass the transaction of the change it
 * records, so the entry and the change commit together or not at all. The database chains it
 * (id, time, previous hash, hash): see migration 0005.
 */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      action: entry.action,
      subject_bsn: entry.subjectBsn ?? null,
      resource: entry.resource ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
      // set by the trigger; the column is not null, so a placeholder goes in
      prev_hash: '',
      hash: '',
    })
    .execute()
}

export type ChainCheck =
  { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: string; reason: 'hash' | 'link' }

/**
 * Walks the chain in id order and recomputes every hash: the first row whose content no longer
 * matches its hash, or whose link does not match the row before it, is named.
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
