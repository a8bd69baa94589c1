/**
 * The files of an application's file questions while it is a draft: checked by content as every
 * upload is (app/services/uploads), within the question's number of files and the citizen's
 * upload quota (app/domain/drafts.ts, counted by uploadBytesInUse), kept once (the same file
 * twice, by SHA-256, is one). Sent, they become documents of the case and leave this table.
 */
import type { Executor } from '../../../db/client'
import type { Page } from '~/domain/eloket/form'
import { exceedsUploadQuota } from '~/domain/drafts'
import { isUuid } from '~/domain/ids'
import type { UploadRefusal } from '~/domain/uploads'
import { sha256Hex } from '~/services/cases/documents.server'
import { uploadBytesInUse } from '~/services/requests/drafts.server'
import { checkUpload, type ReceivedFile } from '~/services/uploads/index.server'

export interface ApplicationFileView {
  id: string
  question: string
  name: string
  mediaType: string
  size: number
}

/** A refused file: the question, the name the browser gave it (for the message) and why. */
export interface FileRefusal {
  question: string
  name: string
  code: UploadRefusal | 'quota_exceeded'
}

export async function filesOf(db: Executor, applicationId: string): Promise<ApplicationFileView[]> {
  const rows = await db
    .selectFrom('application_files')
    .select(['id', 'question', 'name', 'media_type', 'size'])
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ id: r.id, question: r.question, name: r.name, mediaType: r.media_type, size: r.size }))
}

/** How many files each file question has: what the engine counts as its answer. */
export async function fileCounts(db: Executor, applicationId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('application_files')
    .select(['question', (eb) => eb.fn.countAll<number>().as('n')])
    .where('application_id', '=', applicationId)
    .groupBy('question')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.question, Number(r.n)]))
}

/**
 * Removes the files ticked for removal and stores the uploads of the page's file question
 * (a page has at most one; uploads on a page without one are ignored). Returns the refusals,
 * and whether a file was stored or removed.
 */
export async function saveFiles(
  trx: Executor,
  bsn: string,
  applicationId: string,
  page: Page,
  uploads: readonly ReceivedFile[],
  { remove, now }: { remove: readonly string[]; now: Date },
): Promise<{ refused: FileRefusal[]; changed: boolean }> {
  const ids = remove.filter(isUuid)
  let changed = false
  if (ids.length) {
    const removed = await trx
      .deleteFrom('application_files')
      .where('application_id', '=', applicationId)
      .where('id', 'in', ids)
      .executeTakeFirst()
    changed = Number(removed.numDeletedRows) > 0
  }
  const question = page.questions.find((q) => q.kind === 'file')
  if (!question || question.kind !== 'file' || uploads.length === 0) return { refused: [], changed }

  const kept = await trx
    .selectFrom('application_files')
    .select(['sha256'])
    .where('application_id', '=', applicationId)
    .where('question', '=', question.id)
    .execute()
  const hashes = new Set(kept.map((f) => f.sha256))
  let count = kept.length
  let inUse = await uploadBytesInUse(bsn, { db: trx })
  const refused: FileRefusal[] = []
  for (const upload of uploads) {
    const refuse = (code: FileRefusal['code']) => refused.push({ question: question.id, name: upload.name, code })
    const verdict = checkUpload(upload, { fallbackName: 'bijlage' })
    if (!verdict.ok) {
      refuse(verdict.code)
      continue
    }
    const file = verdict.file
    const hash = sha256Hex(file.bytes)
    if (hashes.has(hash)) continue
    if (count >= question.maxFiles) {
      refuse('too_many_files')
      continue
    }
    if (exceedsUploadQuota(inUse, file.bytes.byteLength)) {
      refuse('quota_exceeded')
      continue
    }
    await trx
      .insertInto('application_files')
      .values({
        application_id: applicationId,
        question: question.id,
        name: file.name,
        media_type: file.mediaType,
        size: file.bytes.byteLength,
        sha256: hash,
        bytes: file.bytes,
        added_at: now,
      })
      .execute()
    count++
    inUse += file.bytes.byteLength
    hashes.add(hash)
    changed = true
  }
  return { refused, changed }
}
