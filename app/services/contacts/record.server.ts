/**
 * The contact register (the municipality's vision: one register of when and why citizen and
 * municipality were in touch): a call or a counter visit the contact centre records, with its
 * topic, a short summary, and the case or question it was about. One transaction with its
 * audit row. The citizen is named by BSN (typed in the body of a POST, never in a URL), or comes
 * from the question or case the form was opened from. Refusals are field codes, never the BSN.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { ContactMomentsTable } from '../../../db/schema'
import type { Insertable } from 'kysely'
import { CONTACT_SUMMARY_MAX_LENGTH, type ContactChannel } from '~/domain/question-inbox'
import { isUuid } from '~/domain/ids'
import type { Topic } from '~/domain/topics'
import { recordAudit } from '~/services/audit.server'
import { questionAccess, type QuestionStaff } from '~/services/questions/staff/access.server'

/** Who may record a contact moment: the contact centre, and the caseworkers who take calls too. */

export interface ContactMomentInput {
  channel: ContactChannel
  occurredAt: Date
  /** a valid BSN (the route checked the eleven test), or null when the question or case names the citizen */
  bsn: string | null
  topic: Topic
  summary: string
  caseReference: string | null
  questionReference: string | null
}

export type ContactMomentResult =
  { ok: true; contactId: string } | { ok: false; refusals: Array<{ field: string; code: string }> }

/** What a form opened from a question or case page starts with: that question or case's reference. */
export async function contactStartFrom(
  staff: QuestionStaff,
  from: { questionId?: string | null; caseId?: string | null },
  { db = getDb() }: { db?: DB } = {},
): Promise<{ questionReference: string | null; caseReference: string | null; topic: string | null; known: boolean }> {
  if (from.questionId) {
    const access = await questionAccess(staff, from.questionId, db)
    if (access) {
      const q = await db
        .selectFrom('questions as q')
        .leftJoin('cases as c', 'c.id', 'q.case_id')
        .select(['q.reference', 'q.topic', 'q.bsn', 'c.reference as case_reference'])
        .where('q.id', '=', access.id)
        .executeTakeFirstOrThrow()
      return { questionReference: q.reference, caseReference: q.case_reference, topic: q.topic, known: q.bsn !== null }
    }
  }
  if (from.caseId && isUuid(from.caseId)) {
    const c = await db.selectFrom('cases').select('reference').where('id', '=', from.caseId).executeTakeFirst()
    if (c) return { questionReference: null, caseReference: c.reference, topic: null, known: true }
  }
  return { questionReference: null, caseReference: null, topic: null, known: false }
}

export async function recordContactMoment(
  staff: QuestionStaff,
  input: ContactMomentInput,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<ContactMomentResult> {
  const refusals: Array<{ field: string; code: string }> = []
  if (input.occurredAt.getTime() > now.getTime()) refusals.push({ field: 'occurredAt', code: 'future' })
  const summary = input.summary.trim()
  if (!summary) refusals.push({ field: 'summary', code: 'required' })
  else if (summary.length > CONTACT_SUMMARY_MAX_LENGTH) refusals.push({ field: 'summary', code: 'too_long' })

  const caseRow = input.caseReference
    ? await db
        .selectFrom('cases')
        .select(['id', 'bsn'])
        .where('reference', '=', input.caseReference.trim().toUpperCase())
        .executeTakeFirst()
    : undefined
  if (input.caseReference && !caseRow) refusals.push({ field: 'caseReference', code: 'unknown' })
  const questionRow = input.questionReference
    ? await db
        .selectFrom('questions as q')
        .select(['q.id', 'q.bsn'])
        .where('q.reference', '=', input.questionReference.trim().toUpperCase())
        .executeTakeFirst()
    : undefined
  const questionReachable = questionRow ? await questionAccess(staff, questionRow.id, db) : null
  if (input.questionReference && !questionReachable) refusals.push({ field: 'questionReference', code: 'unknown' })

  let bsn = input.bsn
  if (bsn) {
    const person = await db.selectFrom('persons').select('bsn').where('bsn', '=', bsn).executeTakeFirst()
    if (!person) refusals.push({ field: 'bsn', code: 'unknown' })
  } else {
    bsn = questionRow?.bsn ?? caseRow?.bsn ?? null
    if (!bsn) refusals.push({ field: 'bsn', code: 'required' })
  }
  // A case or question of someone else is not this contact's: refused as if unknown.
  if (bsn && caseRow && caseRow.bsn !== bsn) refusals.push({ field: 'caseReference', code: 'other_citizen' })
  if (bsn && questionRow?.bsn && questionRow.bsn !== bsn)
    refusals.push({ field: 'questionReference', code: 'other_citizen' })
  if (refusals.length || !bsn) return { ok: false, refusals }

  const row: Insertable<ContactMomentsTable> = {
    bsn,
    channel: input.channel,
    // The register's one-line subject: the summary's first line, shortened.
    subject: summary.split('\n')[0].slice(0, 120),
    summary,
    topic: input.topic,
    case_id: caseRow?.id ?? null,
    question_id: questionRow?.id ?? null,
    employee_id: staff.employeeId,
    occurred_at: input.occurredAt as unknown as NonNullable<Insertable<ContactMomentsTable>['occurred_at']>,
    recorded_at: now as unknown as NonNullable<Insertable<ContactMomentsTable>['recorded_at']>,
  }
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('contact_moments').values(row).returning('id').executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'contact_moment.recorded',
      subjectBsn: bsn,
      resource: `contact:${inserted.id}`,
      details: { channel: input.channel, topic: input.topic },
    })
    return { ok: true, contactId: inserted.id }
  })
}
