/** The post queue: paper letters to print, for the staff who handle their case types. */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { LocalDate } from '~/domain/local-date'
import { recordAudit } from '~/services/audit.server'
import { caseHandledBy, handledBy } from '~/services/cases/scope.server'
import {
  contentSchema,
  fromLetters,
  isLetterId,
  letterColumns,
  letterReference,
  toStoredLetter,
  type StoredLetter,
} from '~/services/letters/stored.server'

/**
 * SQL condition on `q` (questions): this employee prints the question's paper letters. A
 * question the contact centre holds goes to the shared post (every caseworker and manager); one
 * handed over to a department, to that department (and managers).
 */
function questionPostFor(employeeId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from employees pe where pe.id = ${employeeId}
    and ('manager' = any(pe.roles) or q.department is null or q.department = pe.department)
  )`
}

/** SQL condition on `fromLetters`: a case's letter of a case type this employee handles, or a question's letter they print. */
function letterHandledBy(employeeId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(
    (l.case_id is not null and ${handledBy(employeeId, 'c.case_type_code')})
    or (l.question_id is not null and ${questionPostFor(employeeId)})
  )`
}

export interface PostQueueItem {
  id: string
  title: string
  reference: string
  recipientName: string
  recipientLines: string[]
  letterDate: LocalDate
  createdAt: Date
}

/**
 * Paper letters still to print, oldest first: what goes into the envelope today. Only the
 * letters of the case types this employee handles (cases/scope.server.ts), as for printing one
 * and marking it printed below.
 */
export async function listPostQueue(employeeId: string, { db = getDb() }: { db?: DB } = {}): Promise<PostQueueItem[]> {
  const rows = await fromLetters(db)
    .select(['l.id', 'l.title', letterReference.as('reference'), 'l.content', 'l.letter_date', 'l.created_at'])
    .where('l.delivery', '=', 'paper')
    .where('l.printed_at', 'is', null)
    .where(letterHandledBy(employeeId))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(500)
    .execute()
  return rows.map((r) => {
    const { recipient } = contentSchema.parse(r.content)
    return {
      id: r.id,
      title: r.title,
      reference: r.reference,
      recipientName: recipient.name,
      recipientLines: recipient.lines,
      letterDate: r.letter_date,
      createdAt: r.created_at as unknown as Date, // Generated<Timestamp> selects as the column type itself
    }
  })
}

/**
 * A paper letter for printing: caseworkers, and managers looking at their work (the route checks
 * the role), of a case type they handle. The view is audited on the citizen's record, as staff
 * reading their letter.
 */
export async function getLetterForPrinting(
  employeeId: string,
  letterId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<StoredLetter | null> {
  if (!isLetterId(letterId)) return null
  const row = await fromLetters(db)
    .select([...letterColumns, 'l.bsn'])
    .where('l.id', '=', letterId)
    .where('l.delivery', '=', 'paper')
    .where(letterHandledBy(employeeId))
    .executeTakeFirst()
  if (!row) return null
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: employeeId,
    action: 'letter.printed_copy_opened',
    subjectBsn: row.bsn,
    resource: `letter:${row.id}`,
    reason: 'post queue',
  })
  return toStoredLetter(row)
}

/** Marks paper letters printed (of case types this employee handles); returns how many were still waiting. */
export async function markLettersPrinted(
  employeeId: string,
  letterIds: string[],
  { db = getDb() }: { db?: DB } = {},
): Promise<number> {
  const ids = letterIds.filter(isLetterId)
  if (ids.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('letters')
      .set({ printed_at: new Date() })
      .where('id', 'in', ids)
      .where('delivery', '=', 'paper')
      .where('printed_at', 'is', null)
      .where((eb) =>
        eb.or([
          caseHandledBy(employeeId, 'case_id'),
          eb('question_id', 'in', eb.selectFrom('questions as q').select('q.id').where(questionPostFor(employeeId))),
        ]),
      )
      .returning(['id', 'bsn'])
      .execute()
    for (const row of rows) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: employeeId,
        action: 'letter.printed',
        subjectBsn: row.bsn,
        resource: `letter:${row.id}`,
      })
    }
    return rows.length
  })
}
