/**
 * Least privilege for caseworkers (README: Decisions): an employee handles the case types of
 * their own department, and a manager handles every case type. Both facts come from the staff
 * register (`employees.department`, `employees.roles`) and the catalogue (`case_types.department`,
 * one line per case type in db/seed/case-types.ts): mapping a case type to a department is
 * that one line, and a case type whose department has no caseworkers yet is handled by the
 * manager-caseworkers alone. An employee missing from the register handles nothing.
 *
 * The same subquery filters every caseworker list in SQL (cases, letters, requests) and answers
 * "may this employee handle this case?" for every action. A case outside it is answered as if
 * it did not exist (404), like a case that does not.
 *
 * No import of the cases services here: the letters service, which the cases service uses, needs
 * these checks too (app/services/cases/access.server.ts holds the caseworker use cases).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { UUID_PATTERN } from '~/domain/ids'

/** The codes of the case types this employee handles, as an SQL subquery. */
export function caseTypesHandledBy(employeeId: string): RawBuilder<unknown> {
  return sql`(
    select ct.code from case_types ct join employees e on e.id = ${employeeId}
    where 'manager' = any(e.roles) or ct.department = e.department
  )`
}

/** SQL condition: the case type code in `column` is one this employee handles. */
export function handledBy(employeeId: string, column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in ${caseTypesHandledBy(employeeId)}`
}

/** SQL condition: the case id in `column` names a case this employee handles. */
export function caseHandledBy(employeeId: string, column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (
    select hc.id from cases hc where hc.case_type_code in ${caseTypesHandledBy(employeeId)}
  )`
}

/** The codes of the case types this employee handles. */
export async function handledCaseTypes(employeeId: string, db: Executor = getDb()): Promise<string[]> {
  const rows = await db.selectFrom('case_types').select('code').where(handledBy(employeeId, 'code')).execute()
  return rows.map((r) => r.code)
}

/** Whether this employee handles cases of this type. */
export async function mayHandleCaseType(employeeId: string, caseTypeCode: string, db: Executor = getDb()) {
  const row = await db
    .selectFrom('case_types')
    .select('code')
    .where('code', '=', caseTypeCode)
    .where(handledBy(employeeId, 'code'))
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Whether this employee may read this case: one they handle, or the decision that an objection
 * they handle is against (deciding an objection means reconsidering that decision, Awb 7:11).
 * Reading only: acting on the decision's case still takes `mayHandleCase`.
 */
export async function mayViewCase(employeeId: string, caseId: string, db: Executor = getDb()) {
  if (!UUID_PATTERN.test(caseId)) return false
  const row = await db
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.id', '=', caseId)
    .where((eb) =>
      eb.or([
        handledBy(employeeId, 'c.case_type_code'),
        eb.exists(
          eb
            .selectFrom('objections as o')
            .innerJoin('cases as oc', 'oc.id', 'o.case_id')
            .select('o.id')
            .whereRef('o.decision_case_id', '=', 'c.id')
            .where(handledBy(employeeId, 'oc.case_type_code')),
        ),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}

/** Whether this employee handles this case; false for an unknown or malformed id too. */
export async function mayHandleCase(employeeId: string, caseId: string, db: Executor = getDb()) {
  if (!UUID_PATTERN.test(caseId)) return false
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where(handledBy(employeeId, 'case_type_code'))
    .executeTakeFirst()
  return row !== undefined
}
