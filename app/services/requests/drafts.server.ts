/**
 * What every draft flow shares (app/domain/drafts.ts has the rules): which tables hold drafts,
 * the purge of expired ones, and the bytes of files a citizen has with us for the upload quota.
 *
 * A draft table has a `bsn`, a `status` that is 'draft' until sent, and an `updated_at`, and a
 * partial unique index on `bsn` where status = 'draft' (migration 0014), so that a second draft
 * is an upsert onto the first: one open draft per citizen per flow. A new flow (an e-loket
 * application) adds its table to DRAFT_TABLES, its index in a migration, and its files to
 * `uploadBytesInUse`.
 */
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import { draftCutoff } from '~/domain/drafts'

export const DRAFT_TABLES = {
  correction: 'correction_requests',
  move: 'move_requests',
  application: 'applications',
} as const satisfies Record<string, keyof Database>

export type DraftFlow = keyof typeof DRAFT_TABLES

/** The SQL condition that names a table's open draft: the target of the one-draft index. */
export const OPEN_DRAFT = sql<boolean>`status = 'draft'`

/**
 * Deletes the drafts last changed more than DRAFT_LIFETIME_DAYS before `now`, with their files.
 * Returns how many per flow. Run by the maintenance job (jobs.server.ts), hourly.
 */
export async function purgeExpiredDrafts({
  now,
  db = getDb(),
}: {
  now: Date
  db?: DB
}): Promise<Record<DraftFlow, number>> {
  const cutoff = draftCutoff(now)
  const purged = {} as Record<DraftFlow, number>
  for (const [flow, table] of Object.entries(DRAFT_TABLES) as Array<[DraftFlow, (typeof DRAFT_TABLES)[DraftFlow]]>) {
    const result = await db
      .deleteFrom(table)
      .where('status', '=', 'draft')
      .where('updated_at', '<', cutoff)
      .executeTakeFirst()
    purged[flow] = Number(result.numDeletedRows)
  }
  return purged
}

/**
 * The bytes of the files this citizen has with us in drafts and in requests not decided yet
 * (evidence of correction requests, the files of e-loket applications not sent yet), leaving out
 * the correction draft about to be replaced. Files of decided requests and of sent applications
 * belong to the case file and do not count.
 */
export async function uploadBytesInUse(
  bsn: string,
  { db, except }: { db: DB | Transaction<Database>; except?: string | null },
): Promise<number> {
  let query = db
    .selectFrom('correction_requests')
    .select(sql<number>`coalesce(sum(evidence_size), 0)::int`.as('bytes'))
    .where('bsn', '=', bsn)
    .where('status', 'in', ['draft', 'submitted'])
  if (except) query = query.where('id', '!=', except)
  const applicationFiles = db
    .selectFrom('application_files as f')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .select(sql<number>`coalesce(sum(f.size), 0)::int`.as('bytes'))
    .where('a.bsn', '=', bsn)
    .where('a.status', 'in', ['draft', 'awaiting_payment'])
  const [corrections, applications] = await Promise.all([
    query.executeTakeFirstOrThrow(),
    applicationFiles.executeTakeFirstOrThrow(),
  ])
  return corrections.bytes + applications.bytes
}
