/** The objection form: its draft with the grounds and the files, kept until it is sent. */
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Outcome } from '~/domain/case-terms'
import { todayIn, type LocalDate } from '~/domain/local-date'
import {
  MAX_GROUNDS_LENGTH,
  MAX_LATE_REASON_LENGTH,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_UPLOAD_BYTES,
  isLateObjection,
  type NotObjectable,
  type ObjectionTerm,
} from '~/domain/objection'
import type { Language } from '~/domain/language'
import type { FieldRefusal } from '~/form.server'
import { isCaseId } from '~/services/cases/results.server'
import { sha256Hex } from '~/services/cases/documents.server'
import { checkUpload, type ReceivedFile } from '~/services/uploads/index.server'
import { refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import { judge, loadDecision, submittedObjection } from '~/services/objections/decision.server'
import { type Objectable } from '~/services/objections/decision.server'

// --- the form --------------------------------------------------------------------------------

export interface DraftFileView {
  id: string
  name: string
  mediaType: string
  size: number
}

export interface ObjectionDecisionView {
  caseId: string
  reference: string
  caseType: string
  subject: string
  outcome: Outcome
  decidedOn: LocalDate
}

export interface ObjectionDraftView {
  grounds: string
  lateReason: string | null
  files: DraftFileView[]
}

export type ObjectionStart =
  | { status: 'not_found' }
  | { status: 'not_objectable'; reason: NotObjectable }
  | { status: 'existing'; caseId: string; reference: string }
  | {
      status: 'open'
      decision: ObjectionDecisionView
      term: ObjectionTerm
      /** The term has passed: the citizen says why it is late (Awb 6:11). */
      late: boolean
      draft: ObjectionDraftView | null
    }

export function decisionView(d: Objectable, lang: Language): ObjectionDecisionView {
  return {
    caseId: d.caseId,
    reference: d.reference,
    caseType: d.caseTypeName[lang],
    subject: d.subject,
    outcome: d.outcome,
    decidedOn: d.sentOn,
  }
}

export async function draftOf(db: Executor, bsn: string, decisionEventId: string) {
  return db
    .selectFrom('objections')
    .select(['id', 'status', 'grounds', 'late_reason'])
    .where('decision_event_id', '=', decisionEventId)
    .where('bsn', '=', bsn)
    .executeTakeFirst()
}

export async function draftFiles(
  db: Executor,
  objectionId: string,
): Promise<Array<DraftFileView & { sha256: string }>> {
  const rows = await db
    .selectFrom('objection_draft_files')
    .select(['id', 'name', 'media_type', 'size', 'sha256'])
    .where('objection_id', '=', objectionId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, mediaType: r.media_type, size: r.size, sha256: r.sha256 }))
}

export const withoutHash = ({ id, name, mediaType, size }: DraftFileView & { sha256: string }): DraftFileView => ({
  id,
  name,
  mediaType,
  size,
})

/** Where an objection starts, and every later step: may this citizen object to this case's decision? */
export async function start(
  db: Executor,
  actor: CitizenActor,
  caseId: string,
  lang: Language,
  today: LocalDate,
): Promise<ObjectionStart & { decisionRow?: Objectable }> {
  const decision = await loadDecision(db, actor.bsn, caseId)
  if (!decision) return { status: 'not_found' }
  const verdict = judge(decision)
  if (!verdict.ok) return { status: 'not_objectable', reason: verdict.reason }
  const d = verdict.decision
  const existing = await submittedObjection(db, actor.bsn, d.eventId)
  if (existing) return { status: 'existing', ...existing }
  const row = await draftOf(db, actor.bsn, d.eventId)
  const files = row ? await draftFiles(db, row.id) : []
  return {
    status: 'open',
    decision: decisionView(d, lang),
    term: d.term,
    late: isLateObjection(d.term, today),
    draft: row ? { grounds: row.grounds, lateReason: row.late_reason, files: files.map(withoutHash) } : null,
    decisionRow: d,
  }
}

/** The form (and the check page): the decision, its term, and what was typed so far. */
export async function getObjectionForm(
  actor: CitizenActor,
  caseId: string,
  lang: Language,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<ObjectionStart> {
  const { decisionRow: _decision, ...view } = await start(db, actor, caseId, lang, todayIn(now))
  return view
}

export type ObjectionErrorCode =
  | 'grounds_required'
  | 'grounds_too_long'
  | 'late_reason_required'
  | 'late_reason_too_long'
  | 'file_empty'
  | 'file_wrong_type'
  | 'file_unsafe'
  | 'too_many_files'
  | 'files_too_large'

/**
 * What the service refuses (README, "Forms": services check meaning and return codes): the
 * field and its message key, and for a file the name the browser gave it, for the message.
 */
export interface ObjectionRefusal extends FieldRefusal {
  field: 'grounds' | 'lateReason' | 'attachments'
  code: ObjectionErrorCode
  /** The file a file refusal is about, as the browser named it. */
  file?: string
}

/** A file as it came in (readUploadForm); `bytes` null when it went past the upload's limit and was not kept. */
export type UploadedFile = ReceivedFile

export function textErrors(grounds: string, lateReason: string, late: boolean): ObjectionRefusal[] {
  const errors: ObjectionRefusal[] = []
  if (grounds.trim() === '') errors.push({ field: 'grounds', code: 'grounds_required' })
  else if (grounds.length > MAX_GROUNDS_LENGTH) errors.push({ field: 'grounds', code: 'grounds_too_long' })
  if (late && lateReason.trim() === '') errors.push({ field: 'lateReason', code: 'late_reason_required' })
  else if (lateReason.length > MAX_LATE_REASON_LENGTH)
    errors.push({ field: 'lateReason', code: 'late_reason_too_long' })
  return errors
}

export type SaveObjectionResult =
  | Exclude<ObjectionStart, { status: 'open' }>
  | { status: 'saved' }
  | { status: 'invalid'; errors: ObjectionRefusal[]; files: DraftFileView[] }

/**
 * The form's answers into the draft. What is right is kept even when something else is not:
 * the typed text, and every file that passes; a refused file is named in an error and not kept.
 * A file already with the draft (same SHA-256) is not added twice. `removeFiles` drops kept ones.
 */
export async function saveObjectionDraft(
  actor: CitizenActor,
  caseId: string,
  input: { grounds: string; lateReason: string },
  uploads: UploadedFile[],
  options: { removeFiles?: string[]; now?: Date; db?: DB } = {},
): Promise<SaveObjectionResult> {
  refuseWhileImpersonating(actor)
  const now = options.now ?? new Date()
  const db = options.db ?? getDb()
  return db.transaction().execute(async (trx): Promise<SaveObjectionResult> => {
    const begun = await start(trx, actor, caseId, 'nl', todayIn(now))
    if (begun.status !== 'open' || !begun.decisionRow) return begun as Exclude<ObjectionStart, { status: 'open' }>
    const d = begun.decisionRow
    const grounds = input.grounds.replace(/\r\n/g, '\n')
    const lateReason = begun.late ? input.lateReason.replace(/\r\n/g, '\n') : ''
    const saved = await trx
      .insertInto('objections')
      .values({
        bsn: actor.bsn,
        decision_case_id: d.caseId,
        decision_event_id: d.eventId,
        grounds: grounds.slice(0, MAX_GROUNDS_LENGTH * 2),
        late_reason: lateReason.trim() ? lateReason.slice(0, MAX_LATE_REASON_LENGTH * 2) : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['decision_event_id', 'bsn'])
          .doUpdateSet((eb) => ({
            grounds: eb.ref('excluded.grounds'),
            late_reason: eb.ref('excluded.late_reason'),
            updated_at: now,
          }))
          .where('objections.status', '=', 'draft'),
      )
      .returning('id')
      .executeTakeFirst()
    if (!saved) {
      // Sent meanwhile (another tab): show that one.
      const existing = await submittedObjection(trx, actor.bsn, d.eventId)
      return existing ? { status: 'existing', ...existing } : { status: 'not_found' }
    }
    const remove = (options.removeFiles ?? []).filter(isCaseId)
    if (remove.length) {
      await trx
        .deleteFrom('objection_draft_files')
        .where('objection_id', '=', saved.id)
        .where('id', 'in', remove)
        .execute()
    }
    const kept = await draftFiles(trx, saved.id)
    const errors: ObjectionRefusal[] = []
    let count = kept.length
    let total = kept.reduce((sum, f) => sum + f.size, 0)
    const hashes = new Set(kept.map((f) => f.sha256))
    for (const upload of uploads) {
      const refuse = (code: ObjectionErrorCode) => errors.push({ field: 'attachments', code, file: upload.name })
      if (upload.bytes === null || total + upload.size > MAX_OBJECTION_UPLOAD_BYTES) {
        refuse('files_too_large')
        continue
      }
      // Judged as every upload is (app/services/uploads): by its content, and a photo stored
      // without its location.
      const verdict = checkUpload(upload, { fallbackName: 'bijlage' })
      if (!verdict.ok) {
        refuse(verdict.code === 'file_too_large' ? 'files_too_large' : verdict.code)
        continue
      }
      const file = verdict.file
      const hash = sha256Hex(file.bytes)
      if (hashes.has(hash)) continue
      if (count >= MAX_OBJECTION_FILES) {
        refuse('too_many_files')
        continue
      }
      await trx
        .insertInto('objection_draft_files')
        .values({
          objection_id: saved.id,
          name: file.name,
          media_type: file.mediaType,
          size: file.bytes.byteLength,
          sha256: hash,
          bytes: file.bytes,
          added_at: now,
        })
        .execute()
      count++
      total += file.bytes.byteLength
      hashes.add(hash)
    }
    errors.push(...textErrors(grounds, lateReason, begun.late))
    if (errors.length === 0) return { status: 'saved' }
    return { status: 'invalid', errors, files: (await draftFiles(trx, saved.id)).map(withoutHash) }
  })
}
