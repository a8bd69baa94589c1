/** The caseworker's views: the work list with its risk, and a case with what may be recorded today. */
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { CaseEventType } from '../../../db/schema'
import { maskBsn } from '~/domain/bsn'
import { type CaseEvent } from '~/domain/case-terms'
import { validateNextEvent } from '~/domain/case-history'
import type { Language } from '~/domain/language'
import { compareLocalDate, daysBetween, localDateOf, type LocalDate } from '~/domain/local-date'
import { addWorkingDays } from '~/domain/working-days'
import { recordAudit } from '~/services/audit.server'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { loadCaseType, loadEvents, toDomainEvent } from '~/services/cases/catalogue.server'
import { buildDetail, detailColumns, type CaseDetail } from '~/services/cases/detail.server'
import { eventPayload, type CaseEventInput } from '~/domain/case-events'
import { isCaseId } from '~/services/cases/results.server'
import { isOpen, summarise, summaryColumns, type CaseRisk, type CaseSummary } from '~/services/cases/summaries.server'

export interface WorklistItem extends CaseSummary {
  citizenName: string
  contactName: string | null
  risk: CaseRisk
  daysLeft: number | null
}

/**
 * The quality charter (/kwaliteitshandvest): when more time is needed the citizen is told before the term runs out. A case
 * whose decision date falls within the next 5 working days is "at risk": time to decide or to
 * extend (Awb 4:14, which must be announced within the term).
 */
export const AT_RISK_WORKING_DAYS = 5

function riskOf(c: CaseSummary, today: LocalDate): CaseRisk {
  if (c.status === 'closed') return 'closed'
  if (c.status === 'decided') return 'decided'
  if (c.overdue) return 'overdue'
  if (c.actionNeeded) return 'waiting'
  if (compareLocalDate(c.decisionDueOn, addWorkingDays(today, AT_RISK_WORKING_DAYS, holidayCalendar())) <= 0)
    return 'at_risk'
  return 'on_track'
}

const RISK_ORDER: Record<CaseRisk, number> = { overdue: 0, at_risk: 1, on_track: 2, waiting: 3, decided: 4, closed: 5 }

/**
 * The caseworker's work list: every case not yet closed, overdue first, then at risk, then by
 * decision date. `mine` narrows it to the cases where this employee is the contact person;
 * `caseTypes` to the case types the employee handles (cases/access.server.ts).
 */
export async function listCasesForCaseworker(
  options: { employeeId?: string; mine?: boolean; limit?: number; caseTypes?: readonly string[] },
  { lang, today = municipalToday(), db = getDb() }: { lang: Language; today?: LocalDate; db?: DB },
): Promise<WorklistItem[]> {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.bsn', 'c.bsn')
    .leftJoin('employees as e', 'e.id', 'c.contact_employee_id')
    .select(summaryColumns)
    .select(['p.given_names', 'p.name_prefix', 'p.surname', 'e.name as contact_name'])
    .where('c.status', '!=', 'closed')
  if (options.mine && options.employeeId) query = query.where('c.contact_employee_id', '=', options.employeeId)
  if (options.caseTypes) {
    if (options.caseTypes.length === 0) return []
    query = query.where('c.case_type_code', 'in', options.caseTypes)
  }
  const rows = await query
    .orderBy('c.decision_due_on')
    .limit(options.limit ?? 500)
    .execute()
  const summaries = await summarise(db, rows, lang, today)
  return summaries
    .map((s, i) => {
      const row = rows[i]
      const risk = riskOf(s, today)
      return {
        ...s,
        citizenName: [row.given_names, row.name_prefix, row.surname].filter(Boolean).join(' '),
        contactName: row.contact_name,
        risk,
        daysLeft: isOpen(s) ? daysBetween(today, s.decisionDueOn) : null,
      }
    })
    .sort(
      (a, b) =>
        RISK_ORDER[a.risk] - RISK_ORDER[b.risk] ||
        compareLocalDate(a.decisionDueOn, b.decisionDueOn) ||
        a.reference.localeCompare(b.reference),
    )
}

/**
 * "Informatie ontvangen": the cases of a work list whose answer to a request for information
 * came in and waits for the caseworker, the oldest answer first.
 */
export function withInformationReceived<T extends Pick<CaseSummary, 'informationReceivedOn'>>(
  cases: readonly T[],
): T[] {
  return cases
    .filter((c) => c.informationReceivedOn !== null)
    .sort((a, b) => compareLocalDate(a.informationReceivedOn!, b.informationReceivedOn!))
}

export interface CaseworkerCaseDetail extends CaseDetail {
  citizen: { name: string; maskedBsn: string }
  risk: CaseRisk
  /** Every event, oldest first; `actor` as a person reads it (employee or system name). */
  history: Array<{
    seq: number
    type: CaseEventType
    occurredOn: LocalDate
    actor: string
    payload: Record<string, unknown>
  }>
  /** What can be recorded today, checked by the same rules that will check the event. */
  possible: {
    nextSteps: Array<{ code: string; name: string }>
    suspend: boolean
    resume: boolean
    extend: boolean
    extension: { amount: number; unit: 'days' | 'weeks' } | null
    decide: boolean
    close: boolean
  }
}

/**
 * A case as the caseworker handles it: all of it, with the actions the rules allow today.
 * With `viewer`, the view is written to the audit log: the citizen's "who viewed my data"
 * shows which employee opened their case (AVG art. 15; the audit log in the README).
 */
export async function getCaseForCaseworker(
  caseId: string,
  {
    lang,
    now = new Date(),
    viewer,
    db = getDb(),
  }: { lang: Language; now?: Date; viewer?: { employeeId: string }; db?: DB },
): Promise<CaseworkerCaseDetail | null> {
  if (!isCaseId(caseId)) return null
  const today = municipalToday(now)
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.bsn', 'c.bsn')
    .select(detailColumns)
    .select(['c.bsn', 'p.given_names', 'p.name_prefix', 'p.surname'])
    .where('c.id', '=', caseId)
    .executeTakeFirst()
  if (!row) return null
  const [detail, type, stored] = await Promise.all([
    buildDetail(db, row, lang, today, {}),
    loadCaseType(db, row.case_type_code),
    loadEvents(db, [row.id]).then((m) => m.get(row.id) ?? []),
  ])
  if (!type) throw new Error(`case type ${row.case_type_code} is missing`)
  if (viewer) {
    await recordAudit(db, {
      actorKind: 'staff',
      actorId: viewer.employeeId,
      action: 'case.viewed',
      subjectBsn: row.bsn,
      resource: `case:${row.reference}`,
    })
  }
  const history = stored.map(toDomainEvent)
  const actors = await actorNames(
    db,
    stored.map((e) => e.actor),
  )
  const seq = (stored.at(-1)?.seq ?? 0) + 1
  const at = new Date(Math.max(now.getTime(), stored.at(-1)?.occurred_at.getTime() ?? 0))
  const allowed = (event: CaseEventInput) =>
    validateNextEvent(
      type.rules,
      history,
      { seq, type: event.type, occurredAt: at, payload: eventPayload(event) } as CaseEvent,
      holidayCalendar(),
    ).ok
  const farEnough = addWorkingDays(today, 10, holidayCalendar())
  const nextSteps = type.steps
    .filter((s) => !s.final && allowed({ type: 'step_reached', step: s.code }))
    .map((s) => ({ code: s.code, name: s.name[lang] }))
  return {
    ...detail,
    citizen: {
      name: [row.given_names, row.name_prefix, row.surname].filter(Boolean).join(' '),
      maskedBsn: maskBsn(row.bsn),
    },
    risk: riskOf(detail, today),
    history: stored.map((e) => ({
      seq: e.seq,
      type: e.type,
      occurredOn: localDateOf(e.occurred_at),
      actor: actors.get(e.actor) ?? e.actor,
      payload: e.payload,
    })),
    possible: {
      nextSteps,
      suspend: allowed({ type: 'suspended', information: 'x', respondBy: farEnough }),
      resume: allowed({ type: 'resumed' }),
      extend: allowed({ type: 'extended', reason: 'x' }),
      extension: type.rules.extension,
      decide: allowed({ type: 'decided', outcome: 'granted', reasons: 'x' }),
      close: allowed({ type: 'closed' }),
    },
  }
}

/** 'employee:E1001' → 'Mirjam Kuipers', 'system:zaaksysteem' → 'Zaaksysteem (demo)'. */
async function actorNames(db: Executor, actors: string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [
    ...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length))),
  ]
  const [employees, systems] = [ids('employee:'), ids('system:')]
  const [employeeRows, systemRows] = await Promise.all([
    employees.length ? db.selectFrom('employees').select(['id', 'name']).where('id', 'in', employees).execute() : [],
    systems.length ? db.selectFrom('source_systems').select(['id', 'name']).where('id', 'in', systems).execute() : [],
  ])
  return new Map([
    ...employeeRows.map((r) => [`employee:${r.id}`, r.name] as const),
    ...systemRows.map((r) => [`system:${r.id}`, r.name] as const),
  ])
}
