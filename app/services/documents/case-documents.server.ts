/**
 * A case's documents as one list, for the citizen's case page and the caseworker's case screen:
 * the stored documents (application, attachments, the decision, answers, objections, what a
 * caseworker or a back office added) and, for the citizen, the letters the municipality wrote
 * about the case. Oldest first, as a file grows.
 *
 * Who added a document: the citizen reads "U" (you), the department of the employee, or the
 * municipality (a back-office system acts for the municipality) — never an employee's id or a
 * system's name. The caseworker reads the employee's and the system's names.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { actorOf, type AddedBy, type CaseDocumentItem } from '~/domain/documents'
import type { LocalDate } from '~/domain/local-date'
import { listDocuments, type DocumentSummary } from '~/services/cases/documents.server'

/** A letter of the case as the citizen's case view has it already (cases/detail.server.ts). */
export interface CaseLetter {
  id: string
  title: string
  language: string
  letterDate: LocalDate
  read: boolean
}

/**
 * The documents and letters of one of this citizen's own cases. The caller has found the case
 * for this citizen; a document of a case that is not theirs (a co-mover's view of a move) is
 * not listed, as it cannot be downloaded (cases/documents.server.ts).
 */
export async function listCaseDocumentsForCitizen(
  citizen: { bsn: string },
  caseId: string,
  letters: readonly CaseLetter[],
  { lang, db = getDb() }: { lang: string; db?: DB },
): Promise<CaseDocumentItem[]> {
  const owner = await db
    .selectFrom('cases as c')
    .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
    .select(['c.bsn', 'ct.department'])
    .where('c.id', '=', caseId)
    .executeTakeFirst()
  if (!owner) return []
  const documents = owner.bsn === citizen.bsn ? await listDocuments(caseId, db) : []
  const departments = await employeeDepartments(db, documents)
  const base = `/mijn/zaken/${caseId}/documenten`
  const stored = documents.map((d) => item(d, `${base}/${d.id}`, citizenSees(d.addedBy, departments, owner.department)))
  const written: CaseDocumentItem[] = letters.map((l) => ({
    id: l.id,
    kind: 'letter',
    title: l.title,
    size: null,
    // A letter is dated by its day; noon keeps that day in every zone the page formats it in.
    addedAt: `${l.letterDate}T12:00:00.000Z`,
    addedBy: owner.department ? { by: 'department', name: owner.department } : { by: 'municipality' },
    href: `/mijn/brieven/${l.id}`,
    pdfHref: `/mijn/brieven/${l.id}/pdf`,
    unread: !l.read,
    language: l.language === lang ? undefined : l.language,
  }))
  return [...stored, ...written].sort((a, b) => a.addedAt.localeCompare(b.addedAt))
}

/** The documents of a case for the caseworker, who has been let into the case already. */
export async function listCaseDocumentsForStaff(caseId: string, { db = getDb() }: { db?: DB } = {}) {
  const documents = await listDocuments(caseId, db)
  const names = await actorNames(db, documents)
  const base = `/medewerker/zaken/${caseId}/documenten`
  return documents.map((d) => item(d, `${base}/${d.id}`, staffSees(d.addedBy, names)))
}

function item(d: DocumentSummary, href: string, addedBy: AddedBy): CaseDocumentItem {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    size: d.size,
    addedAt: d.addedAt.toISOString(),
    addedBy,
    href,
  }
}

/**
 * Who added a document as the citizen reads it: "you", the adding employee's department (else
 * the case's), or the municipality. Also the citizen's copy of their data (requests/data-export).
 */
export function citizenSees(
  addedBy: string,
  departments: Map<string, string | null>,
  caseDepartment: string | null,
): AddedBy {
  const actor = actorOf(addedBy)
  if (actor.kind === 'citizen') return { by: 'you' }
  const department = actor.kind === 'employee' ? (departments.get(actor.id) ?? caseDepartment) : caseDepartment
  return department ? { by: 'department', name: department } : { by: 'municipality' }
}

function staffSees(addedBy: string, names: Map<string, string>): AddedBy {
  const actor = actorOf(addedBy)
  if (actor.kind === 'citizen') return { by: 'citizen' }
  const name = names.get(addedBy) ?? actor.id
  return actor.kind === 'employee' ? { by: 'employee', name: `${name} (${actor.id})` } : { by: 'system', name }
}

async function employeeDepartments(db: DB, documents: DocumentSummary[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(documents.map((d) => actorOf(d.addedBy)).filter((a) => a.kind === 'employee'))].map(
    (a) => a.id,
  )
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('employees').select(['id', 'department']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.department]))
}

/** 'employee:E1001' → the employee's name, 'system:zaaksysteem' → the system's. */
async function actorNames(db: DB, documents: DocumentSummary[]): Promise<Map<string, string>> {
  const actors = documents.map((d) => actorOf(d.addedBy))
  const ids = (kind: 'employee' | 'system') => [...new Set(actors.filter((a) => a.kind === kind).map((a) => a.id))]
  const [employees, systems] = [ids('employee'), ids('system')]
  const [employeeRows, systemRows] = await Promise.all([
    employees.length ? db.selectFrom('employees').select(['id', 'name']).where('id', 'in', employees).execute() : [],
    systems.length ? db.selectFrom('source_systems').select(['id', 'name']).where('id', 'in', systems).execute() : [],
  ])
  return new Map([
    ...employeeRows.map((r) => [`employee:${r.id}`, r.name] as const),
    ...systemRows.map((r) => [`system:${r.id}`, r.name] as const),
  ])
}
