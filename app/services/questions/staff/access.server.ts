/**
 * Who on the staff side reaches a question (README, "What you see"): the contact centre (`kcc`)
 * reads and handles every question; a caseworker the questions handed over to their department
 * (`employees.department`), which they may answer; a manager reads every question and acts on
 * none. A question out of reach answers exactly as an unknown or malformed id (null, 404) and
 * writes nothing to the audit log.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import { isUuid } from '~/domain/ids'

export interface QuestionStaff {
  employeeId: string
  roles: readonly string[]
}

const readsAll = (staff: QuestionStaff) => staff.roles.includes('kcc') || staff.roles.includes('manager')

/** Whether these roles may open the questions at all (the area's guard). */

/** SQL condition on the question id in `column`'s table (aliased `q`): this employee may read it. */
export function questionVisibleTo(staff: QuestionStaff, departmentColumn = 'q.department'): RawBuilder<SqlBool> {
  if (readsAll(staff)) return sql<SqlBool>`true`
  if (!staff.roles.includes('caseworker')) return sql<SqlBool>`false`
  return sql<SqlBool>`${sql.ref(departmentColumn)} = (select e.department from employees e where e.id = ${staff.employeeId})`
}

export type QuestionAccess = { id: string; department: string | null; language: 'nl' | 'en'; mayAct: boolean }

/**
 * The question if this employee may read it, and whether they may act on it (answer, hand over,
 * note, link a case): the contact centre always, a caseworker of the department holding it.
 */
export async function questionAccess(
  staff: QuestionStaff,
  questionId: string,
  db: Executor = getDb(),
): Promise<QuestionAccess | null> {
  if (!isUuid(questionId)) return null
  const row = await db
    .selectFrom('questions as q')
    .select(['q.id', 'q.department', 'q.language'])
    .select(sql<string | null>`(select e.department from employees e where e.id = ${staff.employeeId})`.as('mine'))
    .where('q.id', '=', questionId)
    .where(questionVisibleTo(staff))
    .executeTakeFirst()
  if (!row) return null
  const mayAct =
    staff.roles.includes('kcc') ||
    (staff.roles.includes('caseworker') && row.department !== null && row.department === row.mine)
  return { id: row.id, department: row.department, language: row.language, mayAct }
}

/**
 * The departments a question can go to: those with caseworkers in the staff register, and those
 * the catalogue's case types belong to.
 */
export async function listDepartments(db: Executor = getDb()): Promise<string[]> {
  const rows = await sql<{ department: string }>`
    select department from employees where 'caseworker' = any(roles)
    union select department from case_types
    order by department`.execute(db)
  return rows.rows.map((r) => r.department)
}
