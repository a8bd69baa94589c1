/**
 * The documents of a case: the application, attachments, the decision, an answer, an objection.
 * One store for all of them (`documents`, migration 0010): the bytes live in PostgreSQL, next
 * to the case, and are written in the transaction of the event that mentions them, so a case
 * event never names a file that is not there and a file never outlives a rolled-back event.
 * The database checks each row's size and SHA-256 against its bytes, and refuses any change.
 *
 * Reading: a citizen reaches only the documents of their own cases (an unknown, foreign or
 * malformed id gives the same `null`, so nobody learns which ids exist); an employee's opening of one is audited on
 * the citizen's record, as every other staff view of their data.
 */
import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database, DocumentKind } from '../../../db/schema'
import { recordAudit } from '~/services/audit.server'
import { UUID_PATTERN } from '~/domain/ids'

export interface NewDocument {
  kind: DocumentKind
  /** What the reader sees, and the file name of a download. */
  title: string
  mediaType: string
  bytes: Uint8Array
}

export interface DocumentSummary {
  id: string
  kind: DocumentKind
  title: string
  mediaType: string
  size: number
  sha256: string
  addedAt: Date
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Case and document ids are UUIDs; anything else is answered as not found before a query. */
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value)

/**
 * Adds documents to a case, in the caller's transaction (the one that records the event that
 * brings them). `addedBy` names the actor as case events do: 'citizen', 'employee:E1001'.
 */
export async function addDocuments(
  trx: Transaction<Database>,
  caseId: string,
  documents: NewDocument[],
  { addedBy, addedAt }: { addedBy: string; addedAt: Date },
): Promise<DocumentSummary[]> {
  if (documents.length === 0) return []
  const rows = await trx
    .insertInto('documents')
    .values(
      documents.map((d) => ({
        case_id: caseId,
        kind: d.kind,
        title: d.title,
        media_type: d.mediaType,
        size: d.bytes.byteLength,
        sha256: sha256Hex(d.bytes),
        bytes: Buffer.from(d.bytes),
        added_by: addedBy,
        added_at: addedAt,
      })),
    )
    .returning(['id', 'kind', 'title', 'media_type', 'size', 'sha256', 'added_at'])
    .execute()
  return rows.map(toSummary)
}

function toSummary(r: {
  id: string
  kind: DocumentKind
  title: string
  media_type: string
  size: number
  sha256: string
  added_at: Date
}): DocumentSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    addedAt: r.added_at,
  }
}

/** A case's documents, oldest first, without their bytes. The caller has checked who may see them. */
export async function listDocuments(caseId: string, db: Executor = getDb()): Promise<DocumentSummary[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'kind', 'title', 'media_type', 'size', 'sha256', 'added_at'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute()
  return rows.map(toSummary)
}

export interface DocumentFile {
  title: string
  mediaType: string
  bytes: Buffer
}

/** One document of one of this citizen's cases; anything else is `null`. */
export async function getDocumentForCitizen(
  bsn: string,
  caseId: string,
  documentId: string,
  db: DB = getDb(),
): Promise<DocumentFile | null> {
  if (!isUuid(caseId) || !isUuid(documentId)) return null
  const row = await db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select(['d.title', 'd.media_type', 'd.bytes'])
    .where('d.id', '=', documentId)
    .where('d.case_id', '=', caseId)
    .where('c.bsn', '=', bsn)
    .executeTakeFirst()
  return row ? { title: row.title, mediaType: row.media_type, bytes: row.bytes } : null
}

/** One document of a case for an employee; opening it is audited on the citizen's record. */
export async function getDocumentForStaff(
  staff: { employeeId: string },
  caseId: string,
  documentId: string,
  db: DB = getDb(),
): Promise<DocumentFile | null> {
  if (!isUuid(caseId) || !isUuid(documentId)) return null
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select(['d.title', 'd.media_type', 'd.bytes', 'c.bsn', 'c.reference'])
      .where('d.id', '=', documentId)
      .where('d.case_id', '=', caseId)
      .executeTakeFirst()
    if (!row) return null
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'document.viewed',
      subjectBsn: row.bsn,
      // The citizen's "who viewed my data" names the case; the document is in the details.
      resource: `case:${row.reference}`,
      details: { document: documentId },
    })
    return { title: row.title, mediaType: row.media_type, bytes: row.bytes }
  })
}

/**
 * The headers of a download: the type we found by content (the server adds `nosniff` to every
 * answer, so the browser does not guess again), as an attachment under a name safe for the
 * header (RFC 6266, with an RFC 5987 UTF-8 form).
 */
export function downloadHeaders(file: DocumentFile): Record<string, string> {
  const ascii = file.title.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.title)}`,
    'Cache-Control': 'private, no-store',
  }
}
