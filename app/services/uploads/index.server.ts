/**
 * Files people send us, read from a multipart request and checked before anything is stored.
 *
 * `readUploadForm` streams the request's file parts (the one file field a form has) and keeps
 * each file's bytes once; a file past MAX_UPLOAD_FILE_BYTES is counted to its end but not kept.
 * Text fields come back as FormData. `checkUploads` judges every file by its content
 * (app/domain/uploads.ts) and returns what may be stored — photos without their location
 * metadata — and per refused file its code, for a message at the field.
 *
 * The route keeps the typed text when a file is refused, and stores nothing of the request: the
 * service writes the accepted files in the transaction of the event that brings them.
 */
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type UploadHandler,
} from '@remix-run/node'
import {
  MAX_UPLOAD_FILE_BYTES,
  MAX_UPLOAD_FILES,
  safeUploadName,
  sniffMediaType,
  type UploadMediaType,
  type UploadRefusal,
} from '~/domain/uploads'
import { inspectContent } from './content.server'

/** A file as it came in; `bytes` is null when it went past the limit and was not kept. */
export interface ReceivedFile {
  /** The name the sender gave it: for messages only, never trusted. */
  name: string
  size: number
  bytes: Buffer | null
}

/** A file that passed: its real type, a safe name, and the bytes to store. */
export interface AcceptedFile {
  name: string
  mediaType: UploadMediaType
  bytes: Buffer
}

export interface RefusedFile {
  name: string
  code: UploadRefusal
}

/** A text field's largest part; the body rule in server/limits.ts bounds the whole. */
const MAX_TEXT_PART = 64 * 1024

/**
 * Reads a multipart form whose files are in `fileField`. Throws a Response: 415 when the body
 * is not multipart, 413 when a text part is too large, 400 when the body is not the multipart
 * it says it is.
 *
 * A file is read as it streams in and its bytes are kept once: the chunks, joined into one
 * Buffer at its end (no File or Blob in between). A file past `maxFileBytes`, or past
 * `maxTotalBytes` with the files before it, is read to its end and counted but not kept (its
 * `bytes` are null), so the text fields after it still arrive and the form can come back with
 * them and one message at the file.
 */
export async function readUploadForm(
  request: Request,
  {
    fileField,
    maxFileBytes = MAX_UPLOAD_FILE_BYTES,
    maxTotalBytes = Infinity,
  }: { fileField: string; maxFileBytes?: number; maxTotalBytes?: number },
): Promise<{ data: FormData; files: ReceivedFile[] }> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data'))
    throw new Response(null, { status: 415 })
  const files: ReceivedFile[] = []
  let total = 0
  const fileHandler: UploadHandler = async (part) => {
    if (part.name !== fileField) return undefined
    const room = Math.min(maxFileBytes, maxTotalBytes - total)
    let chunks: Uint8Array[] | null = []
    let size = 0
    for await (const chunk of part.data) {
      size += chunk.byteLength
      if (size > room)
        chunks = null // past the limit: counted, dropped
      else chunks?.push(chunk)
    }
    if (!part.filename) return '' // the field sent without a file chosen
    const kept = chunks !== null && size <= room
    if (kept) total += size
    files.push({ name: part.filename, size, bytes: kept && chunks ? Buffer.concat(chunks, size) : null })
    return part.filename
  }
  try {
    const data = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART })),
    )
    return { data, files }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new Response(null, { status: 413 })
    if (error instanceof TypeError) throw new Response(null, { status: 400 })
    throw error
  }
}

/**
 * Judges one file by its content (content.server.ts): empty, too large, not a PDF, JPEG or PNG
 * (by its first bytes and its structure), or carrying a script or program. An accepted one comes
 * back ready to store: a photo without its location metadata.
 */
export function checkUpload(
  file: ReceivedFile,
  { fallbackName = 'document' } = {},
): { ok: true; file: AcceptedFile } | { ok: false; code: Exclude<UploadRefusal, 'too_many_files'> } {
  if (file.size === 0) return { ok: false, code: 'file_empty' }
  if (file.bytes === null || file.size > MAX_UPLOAD_FILE_BYTES) return { ok: false, code: 'file_too_large' }
  const type = sniffMediaType(file.bytes.subarray(0, 16))
  if (!type) return { ok: false, code: 'file_wrong_type' }
  const content = inspectContent(type, file.bytes)
  if (!content.ok) return content
  return {
    ok: true,
    file: { name: safeUploadName(file.name, type, fallbackName), mediaType: type, bytes: content.bytes },
  }
}

/** Judges every file; past `maxFiles` accepted ones, the rest are refused as too many. */
export function checkUploads(
  files: readonly ReceivedFile[],
  { maxFiles = MAX_UPLOAD_FILES, fallbackName }: { maxFiles?: number; fallbackName?: string } = {},
): { accepted: AcceptedFile[]; refused: RefusedFile[] } {
  const accepted: AcceptedFile[] = []
  const refused: RefusedFile[] = []
  for (const file of files) {
    const verdict = checkUpload(file, { fallbackName })
    if (!verdict.ok) refused.push({ name: file.name, code: verdict.code })
    else if (accepted.length >= maxFiles) refused.push({ name: file.name, code: 'too_many_files' })
    else accepted.push(verdict.file)
  }
  return { accepted, refused }
}
