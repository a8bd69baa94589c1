/**
 * One case in full, as its page shows it: terms and how they moved, steps, letters, the decision.
 */
import type { Executor } from '../../../db/client'
import type { ChannelColumn } from '../../../db/schema'
import { type Channel, type Outcome } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-history'
import type { Language } from '~/domain/language'
import { compareLocalDate, localDateOf, type LocalDate } from '~/domain/local-date'
import { holidayCalendar } from '~/services/calendar.server'
import { loadCaseType, loadEvents, toDomainEvent, type StoredEvent } from '~/services/cases/catalogue.server'
import { summaryColumns, type CaseRowForView, type CaseSummary } from '~/services/cases/summaries.server'

export interface CaseStepView {
  code: string
  name: string
  explanation: string
  state: 'done' | 'current' | 'upcoming'
  reachedOn: LocalDate | null
}

export type DateMoveView =
  | { kind: 'extended'; on: LocalDate; reason: string; newDate: LocalDate }
  | { kind: 'suspended'; from: LocalDate; to: LocalDate | null; days: number; newDate: LocalDate; information: string }

export interface CaseLetterSummary {
  id: string
  title: string
  /** The letter's own language (the citizen's at the time), for `lang` on its title. */
  language: 'nl' | 'en'
  letterDate: LocalDate
  read: boolean
}

/** The decision as the citizen reads it on the case page: in full, as in its letter. */
export interface DecisionView {
  outcome: Outcome
  /** The day it was taken and sent: the date of its letter (Awb 6:8 counts from the day after). */
  decidedOn: LocalDate
  summary: string | null
  /** Awb 3:46; null only for a decision recorded before reasons were asked for. */
  reasons: string | null
  /** For a refusal or partial grant: what the citizen can do now. */
  citizenOptions: string | null
  /** The decision as a document of the case, to download. */
  documentId: string | null
}

export interface CaseDetail extends CaseSummary {
  caseTypeCode: string
  channel: Channel
  acknowledgementDueOn: LocalDate
  originalDecisionDueOn: LocalDate
  dateMoves: DateMoveView[]
  /** What the municipality asked for while the case waits for the citizen. */
  informationRequested: { information: string; respondBy: LocalDate; since: LocalDate } | null
  steps: CaseStepView[]
  contact: { name: string; phone: string; department: string } | null
  letters: CaseLetterSummary[]
  decision: DecisionView | null
  legalBasis: string
}

export async function buildDetail(
  db: Executor,
  row: CaseRowForView & { channel: ChannelColumn; contact_employee_id: string | null },
  lang: Language,
  today: LocalDate,
  letterFilter: { bsn?: string },
): Promise<CaseDetail> {
  const [typeRow, type, stored, contact, letters] = await Promise.all([
    db
      .selectFrom('case_types')
      .select(['legal_basis'])
      .where('code', '=', row.case_type_code)
      .executeTakeFirstOrThrow(),
    loadCaseType(db, row.case_type_code),
    loadEvents(db, [row.id]).then((m) => m.get(row.id) ?? []),
    row.contact_employee_id
      ? db
          .selectFrom('employees')
          .select(['name', 'phone', 'department'])
          .where('id', '=', row.contact_employee_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    (() => {
      let q = db
        .selectFrom('letters')
        .select(['id', 'title', 'language', 'letter_date', 'read_at'])
        .where('case_id', '=', row.id)
      if (letterFilter.bsn) q = q.where('bsn', '=', letterFilter.bsn)
      return q.orderBy('created_at', 'desc').orderBy('id').execute()
    })(),
  ])
  if (!type) throw new Error(`case type ${row.case_type_code} is missing`)
  const state = deriveCaseState(type.rules, stored.map(toDomainEvent), today, holidayCalendar())
  const suspensions = stored.filter((e) => e.type === 'suspended')
  const lastDecision = [...stored].reverse().find((e) => e.type === 'decided')
  let suspensionIndex = 0
  const dateMoves: DateMoveView[] = state.dateMoves.map((move) => {
    if (move.kind === 'extended') return move
    const information = String(suspensions[suspensionIndex++]?.payload.information ?? '')
    return { ...move, information }
  })
  const running = state.suspendedSince && state.respondBy ? suspensions.at(-1) : undefined
  const stepName = type.steps.find((s) => s.code === state.currentStep)?.name[lang] ?? row.current_step
  return {
    id: row.id,
    reference: row.reference,
    caseTypeCode: row.case_type_code,
    caseType: type.names[lang],
    subject: row.subject,
    status: state.status,
    currentStep: state.currentStep ?? row.current_step,
    currentStepName: stepName,
    receivedOn: state.receivedOn,
    decisionDueOn: state.decisionDueOn,
    decisionDueIsProvisional: state.decisionDueIsProvisional,
    extended: state.extended,
    overdue: state.overdue,
    actionNeeded: state.respondBy !== null && compareLocalDate(today, state.respondBy) <= 0,
    respondBy: state.respondBy,
    decidedOn: state.decidedOn,
    closedOn: state.closedOn,
    outcome: state.outcome,
    informationReceivedOn: state.informationReceivedOn,
    channel: state.channel,
    acknowledgementDueOn: state.acknowledgementDueOn,
    originalDecisionDueOn: state.originalDecisionDueOn,
    dateMoves,
    informationRequested:
      running && state.respondBy && state.suspendedSince
        ? {
            information: String(running.payload.information ?? ''),
            respondBy: state.respondBy,
            since: state.suspendedSince,
          }
        : null,
    steps: state.stepHistory.map((s) => {
      const step = type.steps.find((x) => x.code === s.code)
      return {
        code: s.code,
        name: step?.name[lang] ?? s.code,
        explanation: step?.explanation[lang] ?? '',
        state: s.state,
        reachedOn: s.reachedOn,
      }
    }),
    contact: contact ?? null,
    letters: letters.map((l) => ({
      id: l.id,
      title: l.title,
      language: l.language,
      letterDate: l.letter_date,
      read: l.read_at !== null,
    })),
    decision: lastDecision ? decisionView(lastDecision) : null,
    legalBasis: typeRow.legal_basis,
  }
}

function decisionView(event: StoredEvent): DecisionView {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)
  return {
    outcome: event.payload.outcome as Outcome,
    decidedOn: localDateOf(event.occurred_at),
    summary: text(event.payload.summary),
    reasons: text(event.payload.reasons),
    citizenOptions: text(event.payload.citizenOptions),
    documentId: text(event.payload.documentId),
  }
}

export const detailColumns = [...summaryColumns, 'c.channel', 'c.contact_employee_id'] as const
