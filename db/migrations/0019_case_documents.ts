import { sql, type Kysely } from 'kysely'

/**
 * Documents added to a case by a caseworker or a back-office system.
 *
 * - `documents.source_document_id`: the back office's own id of a document it sent through
 *   `POST /api/v1/cases/{reference}/documents`. Unique per sender (`added_by`, the source system
 *   as `system:<id>`), so sending it again finds the document stored the first time.
 * - kind `other`: a document that is none of the named kinds (a report, a map, advice).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('documents')
    .addColumn('source_document_id', 'text', (c) => c.check(sql`length(source_document_id) between 1 and 200`))
    .execute()
  await sql`create unique index documents_source_document on documents (added_by, source_document_id)
    where source_document_id is not null`.execute(db)
  await sql`alter table documents drop constraint documents_kind_check`.execute(db)
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('application', 'attachment', 'decision', 'answer', 'objection', 'other'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table documents drop constraint documents_kind_check`.execute(db)
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('application', 'attachment', 'decision', 'answer', 'objection'))`.execute(db)
  await sql`drop index if exists documents_source_document`.execute(db)
  await db.schema.alterTable('documents').dropColumn('source_document_id').execute()
}
