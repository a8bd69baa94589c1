/**
 * The caseworker's use cases on cases, each held to the case types the employee handles
 * (cases/scope.server.ts): the work list, a case, its action forms and their events, and
 * registering a case. A case of another department is answered exactly as a case that does not
 * exist — null, `case_not_found`, 404 — and opening it writes nothing to the audit log.
 * The caseworker screens call these, never the unscoped functions of cases/caseworker.server.ts.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { LocalDate } from '~/domain/local-date'
import {
  getCaseForCaseworker,
  listCasesForCaseworker,
  type CaseworkerCaseDetail,
  type WorklistItem,
} from '~/services/cases/caseworker.server'
import { listCaseTypes } from '~/services/cases/catalogue.server'
import {
  receiveCase,
  recordCaseEvent,
  type ReceiveCaseInput,
  type RecordCaseEventInput,
} from '~/services/cases/record.server'
import type { CaseEventInput } from '~/domain/case-events'
import type { Language } from '~/domain/language'
import type { RecordResult } from '~/services/cases/results.server'
import { municipalToday } from '~/services/calendar.server'
import { handledCaseTypes, mayHandleCase, mayHandleCaseType, mayViewCase } from '~/services/cases/scope.server'

export interface Caseworker {
  employeeId: string
}

/** The work list: open cases of the case types this employee handles; `mine` narrows to theirs. */
export async function listCasesForStaff(
  staff: Caseworker,
  options: { mine?: boolean; limit?: number },
  { lang, today = municipalToday(), db = getDb() }: { lang: Language; today?: LocalDate; db?: DB },
): Promise<WorklistItem[]> {
  const caseTypes = await handledCaseTypes(staff.employeeId, db)
  return listCasesForCaseworker({ employeeId: staff.employeeId, ...options, caseTypes }, { lang, today, db })
}

/**
 * A case as the caseworker handles it, or null when there is none — or none this employee
 * handles. With `audit`, opening it is written to the citizen's "who viewed my data".
 */
export async function getCaseForStaff(
  staff: Caseworker,
  caseId: string,
  { lang, now, audit = false, db = getDb() }: { lang: Language; now?: Date; audit?: boolean; db?: DB },
): Promise<CaseworkerCaseDetail | null> {
  if (!(await mayHandleCase(staff.employeeId, caseId, db))) return null
  return getCaseForCaseworker(caseId, { lang, now, ...(audit ? { viewer: staff } : {}), db })
}

/**
 * A case for the case screen: one this employee handles, or — to read only, `handled: false` —
 * the decision that an objection they handle is against (cases/scope.server.ts `mayViewCase`).
 * Null for anything else, as for a case that does not exist.
 */
export async function readCaseForStaff(
  staff: Caseworker,
  caseId: string,
  { lang, now, audit = false, db = getDb() }: { lang: Language; now?: Date; audit?: boolean; db?: DB },
): Promise<(CaseworkerCaseDetail & { handled: boolean }) | null> {
  const handled = await mayHandleCase(staff.employeeId, caseId, db)
  if (!handled && !(await mayViewCase(staff.employeeId, caseId, db))) return null
  const detail = await getCaseForCaseworker(caseId, { lang, now, ...(audit ? { viewer: staff } : {}), db })
  return detail ? { ...detail, handled } : null
}

/**
 * Records a caseworker's action on a case (next step, information asked, resumed, extended,
 * decided, closed) as its event; `formId` is the event's id, so a double submit records it once.
 * A case this employee does not handle answers `case_not_found`, and nothing is written.
 */
export async function recordCaseEventForStaff(
  staff: Caseworker,
  caseId: string,
  event: CaseEventInput,
  formId: string,
  {
    now = new Date(),
    db = getDb(),
    decisionFile,
  }: {
    now?: Date
    db?: DB
    /** A decision's document (a PDF), stored with the decided event. */
    decisionFile?: RecordCaseEventInput['decisionFile']
  } = {},
): Promise<RecordResult> {
  if (!(await mayHandleCase(staff.employeeId, caseId, db))) return { ok: false, code: 'case_not_found', field: 'case' }
  return recordCaseEvent(
    {
      case: { caseId },
      event,
      decisionFile,
      source: 'portal',
      sourceEventId: formId,
      actor: `employee:${staff.employeeId}`,
      occurredAt: now,
    },
    db,
  )
}

/** The case types this employee may register a case of, in the reader's language. */
export async function listCaseTypesForStaff(
  staff: Caseworker,
  { lang, db = getDb() }: { lang: Language; db?: DB },
): Promise<Array<{ code: string; name: string }>> {
  const handled = new Set(await handledCaseTypes(staff.employeeId, db))
  return (await listCaseTypes({ lang, db })).filter((t) => handled.has(t.code))
}

/**
 * Registers a case received by post or at the counter. A case type this employee does not
 * handle is refused like one that is not in the catalogue.
 */
export async function registerCaseForStaff(
  staff: Caseworker,
  input: Omit<ReceiveCaseInput, 'actor' | 'source'>,
  { db = getDb() }: { db?: DB } = {},
): Promise<RecordResult> {
  if (!(await mayHandleCaseType(staff.employeeId, input.caseTypeCode, db)))
    return { ok: false, code: 'unknown_case_type', field: 'caseType' }
  return receiveCase({ ...input, source: 'portal', actor: `employee:${staff.employeeId}` }, db)
}
