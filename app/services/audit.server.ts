import type { Kysely, Transaction } from 'kysely'
import type { ActorKind, Database } from '../../db/schema'

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

// The chain check lives with the database (db/audit-chain.ts), so the db:* scripts need no app code.
export { verifyAuditChain, type ChainCheck } from '../../db/audit-chain'
