/**
 * What the contact centre (and a department holding a question) does with it: hand it over to
 * a department, write an internal note, link it to a case. Each is one transaction with its
 * entry in the thread and its audit row. A hand-over changes who holds the question, never its
 * terms: the charter's clock runs from the day of receipt, whoever holds it. The answer is in ./answer.server.ts.
 */
import type { DB, Executor } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import type { Insertable } from 'kysely'
import type { QuestionEntriesTable } from '../../../../db/schema'
import { NOTE_MAX_LENGTH } from '~/domain/question-inbox'
import { recordAudit } from '~/services/audit.server'
import { listDepartments, questionAccess, type QuestionStaff } from './access.server'

export type QuestionActionResult =
  | { ok: true; entryId: string | null; duplicate: boolean }
  | { ok: false; code: 'not_found' }
  | { ok: false; field: string; code: string }

const NOT_FOUND = { ok: false, code: 'not_found' } as const

/** `at` is Generated<Timestamp> in db/schema.ts, whose insert type kysely cannot unwrap: a Date goes in. */
export const entryTime = (d: Date) => d as unknown as NonNullable<Insertable<QuestionEntriesTable>['at']>

/**
 * The entry once per form: a second submit of the same form (a double click, a reload) stores
 * nothing more and reports the first.
 */
export async function insertEntryOnce(
  trx: Executor,
  values: Insertable<QuestionEntriesTable> & { form_id: string },
): Promise<{ entryId: string; duplicate: boolean }> {
  const inserted = await trx
    .insertInto('question_entries')
    .values(values)
    .onConflict((oc) => oc.column('form_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { entryId: inserted.id, duplicate: false }
  const earlier = await trx
    .selectFrom('question_entries')
    .select(['id', 'question_id'])
    .where('form_id', '=', values.form_id)
    .executeTakeFirstOrThrow()
  if (earlier.question_id !== values.question_id) throw new Error('a form id was used for another question')
  return { entryId: earlier.id, duplicate: true }
}

const textRefusal = (text: string, field: string, max: number) =>
  !text
    ? { ok: false as const, field, code: 'required' }
    : text.length > max
      ? { ok: false as const, field, code: 'too_long' }
      : null

/** Hand the question over to a department, with a note for them; the terms stay as they are. */
export async function handOverQuestion(
  staff: QuestionStaff,
  questionId: string,
  input: { department: string; note: string; formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<QuestionActionResult> {
  const access = await questionAccess(staff, questionId, db)
  if (!access?.mayAct) return NOT_FOUND
  if (!(await listDepartments(db)).includes(input.department))
    return { ok: false, field: 'department', code: 'unknown' }
  const note = input.note.trim()
  const refused = textRefusal(note, 'note', NOTE_MAX_LENGTH)
  if (refused) return refused
  return db.transaction().execute(async (trx) => {
    const q = await lockQuestion(trx, access.id)
    const stored = await insertEntryOnce(trx, {
      question_id: q.id,
      kind: 'handover',
      author_kind: 'employee',
      employee_id: staff.employeeId,
      body: note,
      department: input.department,
      at: entryTime(now),
      form_id: input.formId,
    })
    if (stored.duplicate) return { ok: true, ...stored }
    await trx.updateTable('questions').set({ department: input.department }).where('id', '=', q.id).execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'question.handed_over',
      subjectBsn: q.bsn,
      resource: `question:${q.reference}`,
      details: { from: q.department, to: input.department },
    })
    return { ok: true, ...stored }
  })
}

/** An internal note in the thread; the citizen never sees it. */
export async function addQuestionNote(
  staff: QuestionStaff,
  questionId: string,
  input: { note: string; formId: string },
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<QuestionActionResult> {
  const access = await questionAccess(staff, questionId, db)
  if (!access?.mayAct) return NOT_FOUND
  const note = input.note.trim()
  const refused = textRefusal(note, 'note', NOTE_MAX_LENGTH)
  if (refused) return refused
  return db.transaction().execute(async (trx) => {
    const q = await lockQuestion(trx, access.id)
    const stored = await insertEntryOnce(trx, {
      question_id: q.id,
      kind: 'note',
      author_kind: 'employee',
      employee_id: staff.employeeId,
      body: note,
      at: entryTime(now),
      form_id: input.formId,
    })
    if (!stored.duplicate)
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'question.noted',
        subjectBsn: q.bsn,
        resource: `question:${q.reference}`,
      })
    return { ok: true, ...stored }
  })
}

/**
 * Link the question to a case of the same citizen, by the case's reference; shown on both. A
 * reference that names no case, or a case of someone else, is refused at the field alike.
 */
export async function linkQuestionToCase(
  staff: QuestionStaff,
  questionId: string,
  input: { caseReference: string },
  { db = getDb() }: { db?: DB } = {},
): Promise<QuestionActionResult> {
  const access = await questionAccess(staff, questionId, db)
  if (!access?.mayAct) return NOT_FOUND
  const reference = input.caseReference.trim().toUpperCase()
  return db.transaction().execute(async (trx) => {
    const q = await lockQuestion(trx, access.id)
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'bsn'])
      .where('reference', '=', reference)
      .executeTakeFirst()
    if (!found || q.bsn === null || found.bsn !== q.bsn) return { ok: false, field: 'caseReference', code: 'unknown' }
    await trx.updateTable('questions').set({ case_id: found.id }).where('id', '=', q.id).execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'question.linked_to_case',
      subjectBsn: q.bsn,
      resource: `question:${q.reference}`,
      details: { case: reference },
    })
    return { ok: true, entryId: null, duplicate: false }
  })
}

/** The question's row, locked for the change (two staff acting at once are serialised). */
export function lockQuestion(trx: Executor, questionId: string) {
  return trx
    .selectFrom('questions')
    .select(['id', 'reference', 'bsn', 'department', 'answer_channel', 'phone', 'answered_at'])
    .where('id', '=', questionId)
    .forUpdate()
    .executeTakeFirstOrThrow()
}
