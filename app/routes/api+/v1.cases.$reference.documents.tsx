/**
 * POST /api/v1/cases/{reference}/documents — a back-office system adds a document to a case
 * (README, "Back-office API").
 *
 * `{reference}` names the case as the system's events do: the portal's reference
 * (`Z-2026-000123`) or the system's own case id (the `subject` of its `ontvangen` event); an own
 * case id reaches only that system's cases.
 *
 * ## Request
 * `multipart/form-data` with one `file` part (PDF, JPEG or PNG by content, at most 10 MB, no
 * script or program in it) and the fields `title` (1–200 characters, what the citizen reads),
 * `kind` (`application`, `attachment`, `decision` or `other`) and `documentId` (the system's own
 * id of the document, 1–200 visible ASCII characters). The same bearer token as for events.
 *
 * ## Answers
 * - `201 Created` with `{ status: "created", id, reference, documentId, kind, title, mediaType,
 *   size, sha256, addedAt }`. The same `documentId` again with the same bytes answers `200` with
 *   `status: "duplicate"` and the first document: nothing is stored twice. A `besloten` event
 *   may name the document by its `documentId` (`data.documentId`).
 * - `application/problem+json` otherwise: 400 a field missing or invalid (`errors[].field`
 *   names it; `file` when no file came); 401 no or a wrong token; 404 no such case for this
 *   system; 409 `documentId` used before for other bytes or another case; 413 the file over
 *   10 MB (`file_too_large`) or the body over 11 MB; 415 not multipart; 422 a file refused by its
 *   content (`file_empty`, `file_wrong_type`, `file_unsafe`) or more than one file
 *   (`too_many_files`); 429 rate limit; 503 the database is away (nothing stored, send again).
 */
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { ADDABLE_DOCUMENT_KINDS, DOCUMENT_TITLE_MAX } from '~/domain/documents'
import { hasUnsafeCharacters } from '~/domain/text-input'
import type { UploadRefusal } from '~/domain/uploads'
import { authenticateSourceRequest, methodNotAllowed, problem } from '~/services/api/source-request.server'
import { addDocumentFromSource } from '~/services/documents/add.server'
import { checkUploads, readUploadForm, type ReceivedFile } from '~/services/uploads/index.server'

const Fields = z.object({
  title: z.string({ required_error: 'is required' }).trim().min(1, 'is required').max(DOCUMENT_TITLE_MAX),
  kind: z.enum(ADDABLE_DOCUMENT_KINDS),
  documentId: z
    .string({ required_error: 'is required' })
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters'),
})

const FILE_MESSAGES: Record<UploadRefusal, string> = {
  file_empty: 'the file is empty',
  file_too_large: 'the file is larger than 10 MB',
  file_wrong_type: 'the file is not a PDF, JPEG or PNG by its content',
  file_unsafe: 'the file carries a script or program',
  too_many_files: 'send exactly one file',
}

function fileRefused(code: UploadRefusal): Response {
  const status = code === 'file_too_large' ? 413 : 422
  return problem(status, 'file-refused', 'The file is refused', FILE_MESSAGES[code], [
    { field: 'file', code, message: FILE_MESSAGES[code] },
  ])
}

/** The answers readUploadForm throws, as problems. */
function unreadable(status: number): Response {
  if (status === 413) return problem(413, 'payload-too-large', 'Payload too large', 'A text field is too large.')
  if (status === 415) return notMultipart()
  return problem(400, 'malformed-body', 'Malformed body', 'The body is not the multipart form it says it is.')
}

function notMultipart(): Response {
  return problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the document as multipart/form-data.', [
    { field: 'Content-Type', code: 'unsupported_media_type', message: 'must be multipart/form-data' },
  ])
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('Send a document with POST.')
  const auth = await authenticateSourceRequest(request)
  if (!auth.ok) return auth.response

  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data'))
    return notMultipart()
  let data: FormData
  let files: ReceivedFile[]
  try {
    ;({ data, files } = await readUploadForm(request, { fileField: 'file' }))
  } catch (error) {
    if (error instanceof Response) return unreadable(error.status)
    throw error
  }

  const texts = Object.fromEntries(
    ['title', 'kind', 'documentId'].map((name) => {
      const value = data.get(name)
      return [name, typeof value === 'string' ? value : undefined]
    }),
  )
  const unsafe = Object.entries(texts).find(([, v]) => v !== undefined && hasUnsafeCharacters(v))
  if (unsafe) {
    return problem(400, 'invalid-document', 'Invalid document', 'A text holds characters that are not allowed.', [
      { field: unsafe[0], code: 'invalid_characters', message: 'holds a NUL character or a lone surrogate' },
    ])
  }
  const fields = Fields.safeParse(texts)
  const errors = fields.success
    ? []
    : fields.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: issue.code === 'invalid_type' ? 'required' : issue.code,
        message: issue.message,
      }))
  if (files.length === 0) errors.push({ field: 'file', code: 'required', message: 'a file part is required' })
  if (!fields.success || errors.length > 0)
    return problem(400, 'invalid-document', 'Invalid document', 'Fields are missing or invalid.', errors)
  if (files.length > 1) return fileRefused('too_many_files')
  const { accepted, refused } = checkUploads(files, { maxFiles: 1 })
  if (refused.length > 0) return fileRefused(refused[0].code)

  const result = await addDocumentFromSource(auth.system, params.reference ?? '', {
    title: fields.data.title,
    kind: fields.data.kind,
    sourceDocumentId: fields.data.documentId,
    file: accepted[0],
  })
  if (!result.ok) {
    return result.code === 'case_not_found'
      ? problem(404, 'case-not-found', 'Case not found', 'No case with this reference is known for this source system.')
      : problem(
          409,
          'conflict',
          'Document id already used',
          'This documentId was used before for another file or another case; a document is never changed.',
          [{ field: 'documentId', code: 'document_conflict', message: 'was used before for another document' }],
        )
  }
  const d = result.document
  return new Response(
    JSON.stringify({
      status: result.duplicate ? 'duplicate' : 'created',
      id: d.id,
      reference: result.reference,
      documentId: fields.data.documentId,
      kind: d.kind,
      title: d.title,
      mediaType: d.mediaType,
      size: d.size,
      sha256: d.sha256,
      addedAt: d.addedAt.toISOString(),
    }),
    {
      status: result.duplicate ? 200 : 201,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    },
  )
}

export async function loader() {
  return methodNotAllowed('Send a document with POST.')
}
