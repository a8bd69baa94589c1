/**
 * Adding a document to a case from the municipality's side: a caseworker on the case screen, or
 * a back-office system through `POST /api/v1/cases/{reference}/documents`. The file has been
 * checked by content already (app/services/uploads). Each addition is one transaction with its
 * audit row, so the citizen's record says who added what.
 *
 * A back office names its document with its own id, a caseworker's form with its form id; that
 * id is unique per sender (`documents_source_document`, migration 0019). Sending the same document again finds the
 * first (`duplicate`), and two copies racing each other meet at the unique index. The same id
 * with other bytes, or for another case, is a conflict: a document is never changed (a new
 * version is a new document, with its own id).
 */
import type { Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import type { AddableDocumentKind } from '~/domain/documents'
import type { AcceptedFile } from '~/services/uploads/index.server'
import { recordAudit } from '~/services/audit.server'
import { addDocuments, sha256Hex, type DocumentSummary } from '~/services/cases/documents.server'
import { REFERENCE_PATTERN } from '~/services/cases/results.server'
import { mayHandleCase } from '~/services/cases/scope.server'

export interface DocumentAddition {
  title: string
  kind: AddableDocumentKind
  file: AcceptedFile
}

export type AddDocumentResult =
  | { ok: true; duplicate: boolean; caseId: string; reference: string; document: DocumentSummary }
  | { ok: false; code: 'case_not_found' | 'document_conflict' }

/**
 * A caseworker adds a document to a case they handle; any other case is `case_not_found`. The
 * form's id names the addition, so a double submit stores it once.
 */
export async function addDocumentForStaff(
  staff: { employeeId: string },
  caseId: string,
  addition: DocumentAddition & { formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<AddDocumentResult> {
  if (!(await mayHandleCase(staff.employeeId, caseId, db))) return { ok: false, code: 'case_not_found' }
  const found = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'bsn'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  return addOnce(
    found,
    { ...addition, sourceDocumentId: addition.formId },
    { kind: 'staff', id: staff.employeeId, addedBy: `employee:${staff.employeeId}` },
    { now, db },
  )
}

/**
 * A back office adds a document to a case, named as its events name it: the portal's reference
 * (`Z-2026-000123`) or the system's own case id. Idempotent on the system's document id.
 */
export async function addDocumentFromSource(
  system: { id: string },
  caseName: string,
  addition: DocumentAddition & { sourceDocumentId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<AddDocumentResult> {
  let query = db.selectFrom('cases').select(['id', 'reference', 'bsn'])
  query = REFERENCE_PATTERN.test(caseName)
    ? query.where('reference', '=', caseName)
    : query.where('source', '=', system.id).where('external_id', '=', caseName)
  const found = await query.executeTakeFirst()
  if (!found) return { ok: false, code: 'case_not_found' }
  return addOnce(found, addition, { kind: 'system', id: system.id, addedBy: `system:${system.id}` }, { now, db })
}

/** Stores the document with its audit row, unless this sender stored it under this id before. */
async function addOnce(
  found: { id: string; reference: string; bsn: string },
  addition: DocumentAddition & { sourceDocumentId: string },
  sender: { kind: 'staff' | 'system'; id: string; addedBy: string },
  { now, db }: { now: Date; db: DB },
): Promise<AddDocumentResult> {
  const earlier = await sameDocument(db, sender.addedBy, addition, found)
  if (earlier) return earlier
  try {
    return await db.transaction().execute(async (trx) => {
      const [document] = await store(trx, found.id, addition, {
        addedBy: sender.addedBy,
        addedAt: now,
        sourceDocumentId: addition.sourceDocumentId,
      })
      await recordAudit(trx, {
        actorKind: sender.kind,
        actorId: sender.id,
        action: 'document.added',
        subjectBsn: found.bsn,
        resource: `case:${found.reference}`,
        details: { document: document.id },
      })
      return { ok: true as const, duplicate: false, caseId: found.id, reference: found.reference, document }
    })
  } catch (error) {
    // A copy of this request committed first: answer as if this one came second.
    const e = error as { code?: string; constraint?: string } | null
    if (e?.code === '23505' && e.constraint === 'documents_source_document') {
      const winner = await sameDocument(db, sender.addedBy, addition, found)
      if (winner) return winner
    }
    throw error
  }
}

/** The document this system sent before under this id: the same one, or a conflict. */
async function sameDocument(
  db: Executor,
  addedBy: string,
  addition: DocumentAddition & { sourceDocumentId: string },
  found: { id: string; reference: string },
): Promise<AddDocumentResult | null> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'case_id', 'kind', 'title', 'media_type', 'size', 'sha256', 'added_at', 'added_by'])
    .where('added_by', '=', addedBy)
    .where('source_document_id', '=', addition.sourceDocumentId)
    .executeTakeFirst()
  if (!row) return null
  if (row.case_id !== found.id || row.sha256 !== sha256Hex(addition.file.bytes))
    return { ok: false, code: 'document_conflict' }
  return {
    ok: true,
    duplicate: true,
    caseId: found.id,
    reference: found.reference,
    document: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
      addedAt: row.added_at,
      addedBy: row.added_by,
    },
  }
}

function store(
  trx: Transaction<Database>,
  caseId: string,
  addition: DocumentAddition,
  options: { addedBy: string; addedAt: Date; sourceDocumentId?: string },
) {
  return addDocuments(
    trx,
    caseId,
    [{ kind: addition.kind, title: addition.title, mediaType: addition.file.mediaType, bytes: addition.file.bytes }],
    options,
  )
}
