import { sql, type Kysely } from 'kysely'

/**
 * Least privilege for caseworkers: an employee handles the case types of their own department
 * (`employees.department` = `case_types.department`), a manager all of them
 * (app/services/cases/scope.server.ts). Both columns exist since 0001; what was missing is a
 * catalogue whose departments are the staff's. Grants and parking permits named departments
 * nobody works in ('Subsidies', 'Parkeren') while the permits team handled them (their default
 * contact, E1001, is in 'Vergunningen'): under the new rule nobody but a manager could have
 * opened them. They move to 'Vergunningen', as in db/seed/case-types.ts; catalogues with other
 * departments are left as they are.
 *
 * And an index for the check every caseworker list and action makes: case types by department.
 */
const MOVED = [
  { code: 'subsidie', from: 'Subsidies' },
  { code: 'parkeervergunning', from: 'Parkeren' },
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const { code, from } of MOVED) {
    await sql`update case_types set department = 'Vergunningen' where code = ${code} and department = ${from}`.execute(
      db,
    )
  }
  await db.schema.createIndex('case_types_department').on('case_types').column('department').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_types_department').execute()
  for (const { code, from } of MOVED) {
    await sql`update case_types set department = ${from} where code = ${code} and department = 'Vergunningen'`.execute(
      db,
    )
  }
}
