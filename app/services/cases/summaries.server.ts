/**
 * A case in a list (the citizen's, the caseworker's): read from the projection on `cases`, and
 * replayed as of today while a suspension runs (Awb 4:15).
 */
import type { Executor } from '../../../db/client'
import type { CaseStatus } from '../../../db/schema'
import { type Outcome } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-history'
import type { Language } from '~/domain/language'
import { compareLocalDate, type LocalDate } from '~/domain/local-date'
import { holidayCalendar } from '~/services/calendar.server'
import { loadCatalogue, loadEvents, toDomainEvent } from '~/services/cases/catalogue.server'

export type CaseRisk = 'overdue' | 'at_risk' | 'waiting' | 'on_track' | 'decided' | 'closed'

export interface CaseSummary {
  id: string
  reference: string
  caseType: string
  subject: string
  status: CaseStatus
  currentStep: string
  currentStepName: string
  receivedOn: LocalDate
  decisionDueOn: LocalDate
  /** True while a suspension runs and the citizen can still answer: the date may move on. */
  decisionDueIsProvisional: boolean
  extended: boolean
  overdue: boolean
  /** Information is asked of the citizen and the day to answer has not passed. */
  actionNeeded: boolean
  respondBy: LocalDate | null
  decidedOn: LocalDate | null
  closedOn: LocalDate | null
  outcome: Outcome | null
  /** The day an answer to a request for information came in, until the caseworker's next event. */
  informationReceivedOn: LocalDate | null
}

export interface CaseRowForView {
  id: string
  reference: string
  case_type_code: string
  subject: string
  status: CaseStatus
  current_step: string
  received_on: LocalDate
  decision_due_on: LocalDate
  extended: boolean
  outcome: string | null
  decided_on: LocalDate | null
  closed_on: LocalDate | null
  information_received_on: LocalDate | null
}

export const summaryColumns = [
  'c.id',
  'c.reference',
  'c.case_type_code',
  'c.subject',
  'c.status',
  'c.current_step',
  'c.received_on',
  'c.decision_due_on',
  'c.extended',
  'c.outcome',
  'c.decided_on',
  'c.closed_on',
  'c.information_received_on',
] as const

/**
 * The projection is exact except while a suspension runs: then the decision date moves on with
 * every day the citizen has not answered (Awb 4:15), and it runs again once the day to answer
 * has passed. Suspended cases are therefore replayed as of today; the others are read as stored.
 */
export async function summarise(
  db: Executor,
  rows: CaseRowForView[],
  lang: Language,
  today: LocalDate,
): Promise<CaseSummary[]> {
  if (rows.length === 0) return []
  const catalogue = await loadCatalogue(db)
  const suspended = rows.filter((r) => r.status === 'suspended').map((r) => r.id)
  const events = await loadEvents(db, suspended)
  return rows.map((row) => {
    const type = catalogue.get(row.case_type_code)
    const stepName = type?.steps.find((s) => s.code === row.current_step)?.name[lang] ?? row.current_step
    const base: CaseSummary = {
      id: row.id,
      reference: row.reference,
      caseType: type?.names[lang] ?? row.case_type_code,
      subject: row.subject,
      status: row.status,
      currentStep: row.current_step,
      currentStepName: stepName,
      receivedOn: row.received_on,
      decisionDueOn: row.decision_due_on,
      decisionDueIsProvisional: false,
      extended: row.extended,
      overdue:
        (row.status === 'open' || row.status === 'suspended') && compareLocalDate(today, row.decision_due_on) > 0,
      actionNeeded: false,
      respondBy: null,
      decidedOn: row.decided_on,
      closedOn: row.closed_on,
      outcome: row.outcome as Outcome | null,
      informationReceivedOn: row.information_received_on,
    }
    const history = events.get(row.id)
    if (!type || !history?.length) return base
    const state = deriveCaseState(type.rules, history.map(toDomainEvent), today, holidayCalendar())
    return {
      ...base,
      decisionDueOn: state.decisionDueOn,
      decisionDueIsProvisional: state.decisionDueIsProvisional,
      overdue: state.overdue,
      respondBy: state.respondBy,
      actionNeeded: state.respondBy !== null && compareLocalDate(today, state.respondBy) <= 0,
    }
  })
}

export const isOpen = (c: CaseSummary) => c.status === 'open' || c.status === 'suspended'

/** Action needed first, then the nearest decision date. */
export function byUrgency(a: CaseSummary, b: CaseSummary): number {
  if (a.actionNeeded !== b.actionNeeded) return a.actionNeeded ? -1 : 1
  return compareLocalDate(a.decisionDueOn, b.decisionDueOn) || a.reference.localeCompare(b.reference)
}

export function byMostRecentlyFinished(a: CaseSummary, b: CaseSummary): number {
  const end = (c: CaseSummary) => c.closedOn ?? c.decidedOn ?? c.receivedOn
  return compareLocalDate(end(b), end(a)) || b.reference.localeCompare(a.reference)
}
