/**
 * The search on every staff page (app/components/staff-nav.tsx): by case number, name or BSN.
 * Caseworkers and managers get the cases (to open them), support staff the citizens (to start
 * looking along, by a sealed choice token as on "Burger zoeken"). The query arrives in a POST
 * body only; it is audited by kind and number of results — never the words or the BSN typed —
 * and it spends the same per-employee budget as "Burger zoeken" (impersonation/citizen-search.server.ts).
 */
import { sql, type Expression, type SqlBool } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { CaseStatus } from '../../../db/schema'
import { CASE_READERS } from '~/domain/staff-areas'
import type { StaffSearchQuery } from '~/domain/staff-search'
import type { Language } from '~/i18n'
import { recordAudit } from '../audit.server'
import type { StaffUser } from '../auth/user.server'
import { sealChoice, takeSearchToken } from '../impersonation/citizen-search.server'
import { personNameOf } from '~/domain/person-name'

const MAX_RESULTS = 20

export interface CaseHit {
  id: string
  reference: string
  caseType: string
  subject: string
  citizenName: string
  status: CaseStatus
  decisionDueOn: string
}

export interface CitizenHit {
  /** sealed, session-bound, short-lived: POSTed to /medewerker/burgers to start looking along */
  choice: string
  name: string
  birthDate: string
}

export type StaffSearchOutcome =
  | { ok: true; cases: CaseHit[] | null; citizens: CitizenHit[] | null }
  | { ok: false; code: 'forbidden' | 'rateLimited' }

/** Roles that get the cases, and those that get the citizens. */
export function searchScopes(roles: readonly string[]): { cases: boolean; citizens: boolean } {
  return { cases: CASE_READERS.some((r) => roles.includes(r)), citizens: roles.includes('support') }
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Every word in the person's full name ("van der Berg" and "Berg" both find Lisa van der Berg). */
function nameMatches(words: string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.join(
    words.map((w) => sql`concat_ws(' ', p.given_names, p.name_prefix, p.surname) ilike ${likePattern(w)} escape '\\'`),
    sql` and `,
  )}`
}

export async function searchForStaff(
  staff: StaffUser,
  query: StaffSearchQuery,
  { language: lang, db = getDb() }: { language: Language; db?: DB },
): Promise<StaffSearchOutcome> {
  const scopes = searchScopes(staff.roles)
  if (!scopes.cases && !scopes.citizens) return { ok: false, code: 'forbidden' }
  if (!takeSearchToken(staff.employeeId)) return { ok: false, code: 'rateLimited' }

  const [cases, citizens] = await Promise.all([
    scopes.cases ? findCases(db, query, lang) : null,
    scopes.citizens ? findCitizens(db, query, staff) : null,
  ])
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: staff.employeeId,
    action: 'staff.search',
    details: {
      criteria: query.kind,
      scope: [scopes.cases ? 'cases' : null, scopes.citizens ? 'citizens' : null].filter(Boolean),
      results: (cases?.length ?? 0) + (citizens?.length ?? 0),
    },
  })
  return { ok: true, cases, citizens }
}

async function findCases(db: DB, query: StaffSearchQuery, lang: Language): Promise<CaseHit[]> {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.bsn', 'c.bsn')
    .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
    .select([
      'c.id',
      'c.reference',
      'c.subject',
      'c.status',
      'c.decision_due_on',
      'ct.name_nl',
      'ct.name_en',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
    ])
  if (query.kind === 'caseReference') q = q.where('c.reference', '=', query.reference)
  else if (query.kind === 'bsn') q = q.where('c.bsn', '=', query.bsn)
  else q = q.where(nameMatches(query.words))
  const rows = await q
    // Open cases first, nearest decision date first; closed ones after.
    .orderBy(sql`c.status = 'closed'`)
    .orderBy('c.decision_due_on')
    .orderBy('c.reference')
    .limit(MAX_RESULTS)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    caseType: lang === 'en' ? r.name_en : r.name_nl,
    subject: r.subject,
    citizenName: personNameOf(r),
    status: r.status,
    decisionDueOn: r.decision_due_on,
  }))
}

async function findCitizens(db: DB, query: StaffSearchQuery, staff: StaffUser): Promise<CitizenHit[]> {
  let q = db.selectFrom('persons as p').select(['p.bsn', 'p.given_names', 'p.name_prefix', 'p.surname', 'p.birth_date'])
  if (query.kind === 'caseReference')
    q = q.where('p.bsn', 'in', db.selectFrom('cases').select('bsn').where('reference', '=', query.reference))
  else if (query.kind === 'bsn') q = q.where('p.bsn', '=', query.bsn)
  else q = q.where(nameMatches(query.words))
  const rows = await q.orderBy('p.surname').orderBy('p.birth_date').limit(MAX_RESULTS).execute()
  return rows.map((r) => ({
    choice: sealChoice(staff.sessionId, r.bsn),
    name: personNameOf(r),
    birthDate: r.birth_date,
  }))
}
