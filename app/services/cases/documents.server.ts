/**
 * The documents of a case: the application, attachments, the decision, an answer, an objection.
 * One store for all of them (`documents`, migration 0010): the bytes live in PostgreSQL, next
 * to the case, and are written in the transaction of the event that mentions them, so a case
 * event never names a file that is not there and a file never outlives a rolled-back event.
 * The database checks each row's size and SHA-256 against its bytes, and refuses any change.
 *
 * Reading: a citizen reaches only the documents of their own cases (an unknown, foreign or
 * malformed id gives the same `null`, so nobody learns which ids exist); an employee's opening of one is audited on
 * the citizen's record, as every other staff view of their data. Every opening checks the bytes
 * against the stored SHA-256 once more: a row whose bytes do not match (a fault in storage, a
 * restore gone wrong, a hand in the database) is not served, and the fault is logged.
 */
import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database, DocumentKind } from '../../../db/schema'
import { recordAudit } from '~/services/audit.server'
import { serverLogger } from '~/services/log.server'
import { mayViewCase } from '~/services/cases/scope.server'
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
  /** Who added it, as case events name actors: 'citizen', 'employee:E1001', 'system:zaaksysteem'. */
  addedBy: string
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
  { addedBy, addedAt, sourceDocumentId }: { addedBy: string; addedAt: Date; sourceDocumentId?: string },
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
        // A back office's id names one document; only a single document can carry it.
        source_document_id: documents.length === 1 ? (sourceDocumentId ?? null) : null,
      })),
    )
    .returning(['id', 'kind', 'title', 'media_type', 'size', 'sha256', 'added_at', 'added_by'])
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
  added_by: string
}): DocumentSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    addedAt: r.added_at,
    addedBy: r.added_by,
  }
}

/** A case's documents, oldest first, without their bytes. The caller has checked who may see them. */
export async function listDocuments(caseId: string, db: Executor = getDb()): Promise<DocumentSummary[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'kind', 'title', 'media_type', 'size', 'sha256', 'added_at', 'added_by'])
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

/**
 * Opening a document: the file, or why not. `damaged`: the bytes no longer match their SHA-256,
 * so they are not what was stored and are not served.
 */
export type DocumentOpening = { ok: true; file: DocumentFile } | { ok: false; reason: 'not_found' | 'damaged' }

const NOT_FOUND: DocumentOpening = { ok: false, reason: 'not_found' }

/** The file of a row, after its bytes are checked against the hash stored with them. */
function checked(row: {
  id: string
  title: string
  media_type: string
  bytes: Buffer
  sha256: string
}): DocumentOpening {
  if (sha256Hex(row.bytes) !== row.sha256) {
    // The document's id only: its title may name a person, the case its citizen.
    serverLogger().error({ document: row.id }, 'document bytes do not match their SHA-256; not served')
    return { ok: false, reason: 'damaged' }
  }
  return { ok: true, file: { title: row.title, mediaType: row.media_type, bytes: row.bytes } }
}

/**
 * One document of one of this citizen's own cases; anything else is `not_found`. While a
 * support employee looks along (`impersonatedBy`), the opening is audited on the citizen's
 * record under that employee, as every staff opening of a document is.
 */
export async function getDocumentForCitizen(
  citizen: { bsn: string; impersonatedBy?: { employeeId: string; impersonationId: string } },
  caseId: string,
  documentId: string,
  db: DB = getDb(),
): Promise<DocumentOpening> {
  if (!isUuid(caseId) || !isUuid(documentId)) return NOT_FOUND
  const row = await db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.title', 'd.media_type', 'd.bytes', 'd.sha256', 'c.reference'])
    .where('d.id', '=', documentId)
    .where('d.case_id', '=', caseId)
    .where('c.bsn', '=', citizen.bsn)
    .executeTakeFirst()
  if (!row) return NOT_FOUND
  const opening = checked(row)
  if (opening.ok && citizen.impersonatedBy) {
    await recordAudit(db, {
      actorKind: 'staff_as_citizen',
      actorId: citizen.impersonatedBy.employeeId,
      action: 'document.viewed',
      subjectBsn: citizen.bsn,
      resource: `case:${row.reference}`,
      details: { document: documentId, impersonationId: citizen.impersonatedBy.impersonationId },
    })
  }
  return opening
}

/**
 * One document of a case for an employee who may read that case (cases/scope.server.ts: their
 * department's, or the decision an objection they handle is against); opening it is audited on
 * the citizen's record. Any other case answers `not_found`, as an unknown id does.
 */
export async function getDocumentForStaff(
  staff: { employeeId: string },
  caseId: string,
  documentId: string,
  db: DB = getDb(),
): Promise<DocumentOpening> {
  if (!isUuid(caseId) || !isUuid(documentId)) return NOT_FOUND
  if (!(await mayViewCase(staff.employeeId, caseId, db))) return NOT_FOUND
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select(['d.id', 'd.title', 'd.media_type', 'd.bytes', 'd.sha256', 'c.bsn', 'c.reference'])
      .where('d.id', '=', documentId)
      .where('d.case_id', '=', caseId)
      .executeTakeFirst()
    if (!row) return NOT_FOUND
    const opening = checked(row)
    if (!opening.ok) return opening
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'document.viewed',
      subjectBsn: row.bsn,
      // The citizen's "who viewed my data" names the case; the document is in the details.
      resource: `case:${row.reference}`,
      details: { document: documentId },
    })
    return opening
  })
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' }

/**
 * The headers of a download: the type we found by content (the server adds `nosniff` to every
 * answer, so the browser does not guess again), as an attachment under a name safe for the
 * header (RFC 6266, with an RFC 5987 UTF-8 form).
 */
export function downloadHeaders(file: DocumentFile): Record<string, string> {
  const extension = EXTENSIONS[file.mediaType]
  // A typed title ("Advies brandweer") gets the extension of its type, so the file opens.
  const name = extension && !/\.(pdf|jpe?g|png)$/i.test(file.title) ? `${file.title}${extension}` : file.title
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'private, no-store',
  }
}
