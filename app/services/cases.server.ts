/**
 * Cases: the one place that records a case event, and the views of cases for citizens and staff.
 *
 * Every change goes through `receiveCase` (a new case and its `received` event) or
 * `recordCaseEvent` (every later event). Both run one transaction per call that
 *  1. locks the case row (`for update`), so events of one case are written one after another;
 *  2. loads the history and asks the domain whether the event may follow (`validateNextEvent`);
 *  3. inserts the event with the next sequence number;
 *  4. writes the letters the event calls for (`writeLettersForEvent`, same transaction: DESIGN §2);
 *  5. replays the history (`deriveCaseState`) and stores the result on the `cases` row, the
 *     projection the lists read. Decision dates are derived from events, never typed in (§3).
 *
 * Idempotency: (source, source_event_id) is unique in `case_events`. The same event again returns
 * the result of the first and writes nothing. Two copies racing each other meet at the row lock
 * (existing case) or at the unique constraint (new case): the loser's transaction is rolled back
 * as a whole and it answers with the winner's result.
 *
 * Expected failures (unknown case type, a step not in the case type, a second extension, …) are
 * returned as `{ ok: false, code, field }`; a route maps the code to a 4xx and a message key.
 */
import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { DB, Executor } from '../../db/client'
import { getDb } from '../../db/instance'
import type { CaseEventType, CaseStatus, ChannelColumn, Database } from '../../db/schema'
import { isValidBsn, maskBsn } from '~/domain/bsn'
import {
  deriveCaseState,
  validateNextEvent,
  type CaseEvent,
  type CaseState,
  CHANNELS,
  OUTCOMES,
  type CaseTypeRules,
  type Channel,
  type DecisionContent,
  type Outcome,
  type RefusalCode,
} from '~/domain/case-terms'
import { addWorkingDays } from '~/domain/working-days'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { compareLocalDate, daysBetween, isLocalDate, localDateOf, type LocalDate } from '~/domain/local-date'
import { caseVisibleToCitizen } from '~/services/case-parties.server'
import { recordAudit } from '~/services/audit.server'
import { writeLettersForEvent } from '~/services/letters.server'
import { UUID_PATTERN } from '~/domain/ids'

import type { Language } from '~/domain/language'

export type { Language }
export type { Channel, Outcome }
export { CHANNELS, OUTCOMES }

// --- results --------------------------------------------------------------------------------

export type CaseErrorCode =
  | RefusalCode
  | 'case_not_found'
  | 'unknown_case_type'
  | 'invalid_bsn'
  | 'person_not_found'
  | 'unknown_employee'
  | 'external_id_taken'

export interface CaseFailure {
  ok: false
  code: CaseErrorCode
  /** The input field at fault, in the service's terms (`step`, `respondBy`, `caseType`, …). */
  field?: string
}

export interface RecordedEvent {
  ok: true
  /** True when this (source, source event id) was recorded before: nothing was written now. */
  duplicate: boolean
  caseId: string
  reference: string
  eventId: string
  seq: number
  type: CaseEventType
}

export type RecordResult = RecordedEvent | CaseFailure

function fail(code: CaseErrorCode, field?: string): CaseFailure {
  return field ? { ok: false, code, field } : { ok: false, code }
}

/**
 * The HTTP status that fits each failure: 404 when the case is not there, 409 when the event
 * conflicts with the case's state as it stands, 422 when the input itself cannot be right.
 */
export function caseFailureStatus(code: CaseErrorCode): 404 | 409 | 422 {
  switch (code) {
    case 'case_not_found':
      return 404
    case 'case_closed':
    case 'already_received':
    case 'out_of_order':
    case 'step_backwards':
    case 'already_at_step':
    case 'already_suspended':
    case 'not_suspended':
    case 'already_extended':
    case 'term_passed':
    case 'already_decided':
    case 'not_decided':
    case 'external_id_taken':
      return 409
    default:
      return 422
  }
}

// --- input ----------------------------------------------------------------------------------

/** Who sent the event and under which id: the idempotency key is (source, sourceEventId). */
export interface EventOrigin {
  /** A source system id (`zaaksysteem`) or `portal` for the caseworker screens. */
  source: string
  sourceEventId: string
  /** 'employee:E1001', 'system:zaaksysteem' */
  actor: string
  /** When it happened; its date in Europe/Amsterdam is the date that counts for the terms. */
  occurredAt: Date
  /** The clock, for the projection of a running suspension; defaults to the wall clock. */
  now?: Date
}

export interface ReceiveCaseInput extends EventOrigin {
  caseTypeCode: string
  bsn: string
  subject: string
  channel: Channel
  receivedOn: LocalDate
  /** Defaults to the case type's default contact. */
  contactEmployeeId?: string | null
  /** The back office's own id of this case, unique per source. */
  externalId?: string | null
  /** The day the decision term counts from, when the law names another than receipt (Awb 7:10). */
  termFrom?: LocalDate
  /**
   * Runs in the case's transaction after the case and its received event are written and
   * before its letters are: for what the letters read and must commit with the case (an
   * objection's link to its decision, the documents the event brings). A throw rolls it all back.
   */
  beforeLetters?: (trx: Transaction<Database>, created: { caseId: string; reference: string }) => Promise<void>
}

export type CaseEventInput =
  | { type: 'step_reached'; step: string }
  | { type: 'suspended'; information: string; respondBy: LocalDate }
  | { type: 'resumed'; note?: string }
  | { type: 'extended'; reason: string }
  | ({ type: 'decided' } & DecisionContent)
  | { type: 'closed'; note?: string }

/** How an event names its case: our id, our public reference, or the source system's own id. */
export type CaseSelector = { caseId: string } | { reference: string } | { source: string; externalId: string }

export interface RecordCaseEventInput extends EventOrigin {
  case: CaseSelector
  event: CaseEventInput
}

// --- shared helpers -------------------------------------------------------------------------

export const REFERENCE_PATTERN = /^Z-\d{4}-\d{6}$/

export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

interface CaseTypeInfo {
  rules: CaseTypeRules
  names: { nl: string; en: string }
  defaultContactId: string | null
  steps: Array<{
    code: string
    final: boolean
    informsCitizen: boolean
    name: { nl: string; en: string }
    explanation: { nl: string; en: string }
  }>
}

/** A case type with its steps in one round trip (the steps as a JSON array, in order). */
async function loadCaseType(db: Executor, code: string): Promise<CaseTypeInfo | null> {
  const type = await db
    .selectFrom('case_types as t')
    .selectAll('t')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('case_type_steps as s')
          .select([
            's.code',
            's.final',
            's.informs_citizen',
            's.name_nl',
            's.name_en',
            's.explanation_nl',
            's.explanation_en',
          ])
          .whereRef('s.case_type_code', '=', 't.code')
          .orderBy('s.position'),
      ).as('steps'),
    )
    .where('t.code', '=', code)
    .executeTakeFirst()
  return type ? toCaseTypeInfo(type, type.steps) : null
}

function toCaseTypeInfo(
  type: {
    code: string
    name_nl: string
    name_en: string
    lead_time_amount: number
    lead_time_unit: 'days' | 'weeks'
    extension_amount: number | null
    extension_unit: 'days' | 'weeks' | null
    suspension_allowed: boolean
    default_contact_id: string | null
  },
  steps: Array<{
    code: string
    final: boolean
    informs_citizen: boolean
    name_nl: string
    name_en: string
    explanation_nl: string
    explanation_en: string
  }>,
): CaseTypeInfo {
  return {
    rules: {
      code: type.code,
      leadTime: { amount: type.lead_time_amount, unit: type.lead_time_unit },
      extension:
        type.extension_amount && type.extension_unit
          ? { amount: type.extension_amount, unit: type.extension_unit }
          : null,
      suspensionAllowed: type.suspension_allowed,
      steps: steps.map((s) => ({ code: s.code, final: s.final })),
    },
    names: { nl: type.name_nl, en: type.name_en },
    defaultContactId: type.default_contact_id,
    steps: steps.map((s) => ({
      code: s.code,
      final: s.final,
      informsCitizen: s.informs_citizen,
      name: { nl: s.name_nl, en: s.name_en },
      explanation: { nl: s.explanation_nl, en: s.explanation_en },
    })),
  }
}

/** Every case type with its steps, keyed by code: two queries, for the views over many cases. */
async function loadCatalogue(db: Executor): Promise<Map<string, CaseTypeInfo>> {
  const [types, steps] = await Promise.all([
    db.selectFrom('case_types').selectAll().execute(),
    db.selectFrom('case_type_steps').selectAll().orderBy('case_type_code').orderBy('position').execute(),
  ])
  return new Map(
    types.map((t) => [
      t.code,
      toCaseTypeInfo(
        t,
        steps.filter((s) => s.case_type_code === t.code),
      ),
    ]),
  )
}

interface StoredEvent {
  id: string
  seq: number
  type: CaseEventType
  payload: Record<string, unknown>
  occurred_at: Date
  actor: string
}

/** A stored event as the domain reads it; payloads are written by this module in that shape. */
function toDomainEvent(row: Pick<StoredEvent, 'seq' | 'type' | 'payload' | 'occurred_at'>): CaseEvent {
  return { seq: row.seq, type: row.type, occurredAt: new Date(row.occurred_at), payload: row.payload } as CaseEvent
}

async function loadEvents(db: Executor, caseIds: string[]): Promise<Map<string, StoredEvent[]>> {
  const byCase = new Map<string, StoredEvent[]>(caseIds.map((id) => [id, []]))
  if (caseIds.length === 0) return byCase
  const rows = await db
    .selectFrom('case_events')
    .select(['id', 'case_id', 'seq', 'type', 'payload', 'occurred_at', 'actor'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute()
  for (const row of rows) byCase.get(row.case_id)?.push(row)
  return byCase
}

/** The projection columns of `cases`, from the derived state (DESIGN §3). */
function projection(state: CaseState, rules: CaseTypeRules, lastSeq: number) {
  return {
    status: state.status as CaseStatus,
    current_step: state.currentStep ?? rules.steps[0]?.code ?? 'ontvangen',
    ack_due_on: state.acknowledgementDueOn,
    decision_due_on: state.decisionDueOn,
    extended: state.extended,
    outcome: state.outcome,
    decided_on: state.decidedOn,
    closed_on: state.closedOn,
    term_from: state.termFrom,
    last_event_seq: lastSeq,
    updated_at: new Date(),
  }
}

async function findRecorded(db: Executor, source: string, sourceEventId: string): Promise<RecordedEvent | null> {
  const row = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.seq', 'e.type', 'e.case_id', 'c.reference'])
    .where('e.source', '=', source)
    .where('e.source_event_id', '=', sourceEventId)
    .executeTakeFirst()
  if (!row) return null
  return {
    ok: true,
    duplicate: true,
    caseId: row.case_id,
    reference: row.reference,
    eventId: String(row.id),
    seq: row.seq,
    type: row.type,
  }
}

/**
 * One transaction per call. Called with a transaction already open (a move or a correction
 * request that must commit together with its case), it runs inside it under a savepoint
 * instead, so that losing a race undoes only the case's part and the caller can go on.
 */
async function inOwnTransaction<T>(db: DB, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn)
  const trx = db as Transaction<Database>
  await sql`savepoint case_event`.execute(trx)
  try {
    const result = await fn(trx)
    await sql`release savepoint case_event`.execute(trx)
    return result
  } catch (error) {
    await sql`rollback to savepoint case_event`.execute(trx)
    throw error
  }
}

/** Thrown inside a transaction to roll it back when a concurrent copy of the event won. */
class DuplicateEvent extends Error {}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint)
}

/** Z-2026-000123: the year of registration and a number from `case_reference_seq`. */
async function nextReference(trx: Transaction<Database>, registeredOn: LocalDate): Promise<string> {
  const { n } = await sql<{ n: number }>`select nextval('case_reference_seq')::int as n`
    .execute(trx)
    .then((r) => r.rows[0])
  return `Z-${registeredOn.slice(0, 4)}-${String(n).padStart(6, '0')}`
}

function payloadOf(event: CaseEventInput): Record<string, unknown> {
  switch (event.type) {
    case 'step_reached':
      return { step: event.step }
    case 'suspended':
      return { information: event.information, respondBy: event.respondBy }
    case 'resumed':
    case 'closed':
      return event.note ? { note: event.note } : {}
    case 'extended':
      return { reason: event.reason }
    case 'decided': {
      const { outcome, summary, reasons, citizenOptions } = event
      return {
        outcome,
        ...(summary?.trim() ? { summary: summary.trim() } : {}),
        ...(reasons?.trim() ? { reasons: reasons.trim() } : {}),
        ...(citizenOptions?.trim() ? { citizenOptions: citizenOptions.trim() } : {}),
      }
    }
  }
}

// --- writing --------------------------------------------------------------------------------

/**
 * Registers a case received through any channel (the portal, a back office, the post room) and
 * records its `received` event. The reference comes from `case_reference_seq`.
 */
export async function receiveCase(input: ReceiveCaseInput, db: DB = getDb()): Promise<RecordResult> {
  if (!isValidBsn(input.bsn)) return fail('invalid_bsn', 'bsn')
  const earlier = await findRecorded(db, input.source, input.sourceEventId)
  if (earlier) return earlier
  const today = municipalToday(input.now)
  try {
    return await inOwnTransaction(db, async (trx): Promise<RecordResult> => {
      const type = await loadCaseType(trx, input.caseTypeCode)
      if (!type) return fail('unknown_case_type', 'caseType')
      const person = await trx.selectFrom('persons').select('bsn').where('bsn', '=', input.bsn).executeTakeFirst()
      if (!person) return fail('person_not_found', 'bsn')
      const contactId = input.contactEmployeeId ?? type.defaultContactId
      if (contactId) {
        const employee = await trx.selectFrom('employees').select('id').where('id', '=', contactId).executeTakeFirst()
        if (!employee) return fail('unknown_employee', 'contactEmployeeId')
      }
      const event: CaseEvent = {
        seq: 1,
        type: 'received',
        occurredAt: input.occurredAt,
        payload: {
          receivedOn: input.receivedOn,
          channel: input.channel,
          ...(input.termFrom ? { termFrom: input.termFrom } : {}),
        },
      }
      const verdict = validateNextEvent(type.rules, [], event, holidayCalendar())
      if (!verdict.ok) return fail(verdict.code, verdict.field)

      const state = deriveCaseState(type.rules, [event], today, holidayCalendar())
      const reference = await nextReference(trx, localDateOf(input.occurredAt))
      const created = await trx
        .insertInto('cases')
        .values({
          reference,
          case_type_code: type.rules.code,
          bsn: input.bsn,
          subject: input.subject,
          channel: input.channel as ChannelColumn,
          received_on: input.receivedOn,
          contact_employee_id: contactId,
          external_id: input.externalId ?? null,
          source: input.source,
          ...projection(state, type.rules, 1),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const eventId = await insertEvent(trx, created.id, 1, 'received', event.payload, input)
      await input.beforeLetters?.(trx, { caseId: created.id, reference })
      await writeLettersForEvent(trx, { caseId: created.id, eventId })
      return { ok: true, duplicate: false, caseId: created.id, reference, eventId, seq: 1, type: 'received' }
    })
  } catch (error) {
    return recoverFromRace(error, db, input)
  }
}

/** Records any event after `received`: a step, a suspension and its end, an extension, the decision, closing. */
export async function recordCaseEvent(input: RecordCaseEventInput, db: DB = getDb()): Promise<RecordResult> {
  if ('caseId' in input.case && !isCaseId(input.case.caseId)) return fail('case_not_found', 'case')
  const today = municipalToday(input.now)
  try {
    return await inOwnTransaction(db, async (trx): Promise<RecordResult> => {
      let query = trx.selectFrom('cases').select(['id', 'reference', 'case_type_code'])
      const selector = input.case
      if ('caseId' in selector) query = query.where('id', '=', selector.caseId)
      else if ('reference' in selector) query = query.where('reference', '=', selector.reference)
      else query = query.where('source', '=', selector.source).where('external_id', '=', selector.externalId)
      // The lock serialises all writers of this case: the history read below stays the history.
      const row = await query.forUpdate().executeTakeFirst()
      if (!row) {
        // Not this case, but maybe the event was recorded before for the case it named then.
        return (await findRecorded(trx, input.source, input.sourceEventId)) ?? fail('case_not_found', 'case')
      }
      // Recorded before, or by a copy committed while we waited for the lock: its result stands.
      const raced = await findRecorded(trx, input.source, input.sourceEventId)
      if (raced) return raced

      const type = await loadCaseType(trx, row.case_type_code)
      if (!type) throw new Error(`case type ${row.case_type_code} of case ${row.reference} is missing`)
      const stored = (await loadEvents(trx, [row.id])).get(row.id) ?? []
      const history = stored.map(toDomainEvent)
      const seq = (stored.at(-1)?.seq ?? 0) + 1
      const payload = payloadOf(input.event)
      const next = { seq, type: input.event.type, occurredAt: input.occurredAt, payload } as CaseEvent
      const verdict = validateNextEvent(type.rules, history, next, holidayCalendar())
      if (!verdict.ok) return fail(verdict.code, verdict.field)

      const eventId = await insertEvent(trx, row.id, seq, input.event.type, payload, input)
      await writeLettersForEvent(trx, { caseId: row.id, eventId })
      const state = deriveCaseState(type.rules, [...history, next], today, holidayCalendar())
      await trx
        .updateTable('cases')
        .set(projection(state, type.rules, seq))
        .where('id', '=', row.id)
        .execute()
      return {
        ok: true,
        duplicate: false,
        caseId: row.id,
        reference: row.reference,
        eventId,
        seq,
        type: input.event.type,
      }
    })
  } catch (error) {
    return recoverFromRace(error, db, input)
  }
}

async function insertEvent(
  trx: Transaction<Database>,
  caseId: string,
  seq: number,
  type: CaseEventType,
  payload: Record<string, unknown>,
  origin: EventOrigin,
): Promise<string> {
  const inserted = await trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      seq,
      type,
      payload: JSON.stringify(payload),
      occurred_at: origin.occurredAt,
      actor: origin.actor,
      source: origin.source,
      source_event_id: origin.sourceEventId,
    })
    // A concurrent copy that committed first makes this a no-op; the caller then rolls back.
    .onConflict((oc) => oc.columns(['source', 'source_event_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) throw new DuplicateEvent()
  return String(inserted.id)
}

/**
 * After a rolled-back transaction: if a copy of the event won the race, answer with its result;
 * a back office reusing its own case id for another case is a conflict; anything else is a bug.
 */
async function recoverFromRace(error: unknown, db: DB, origin: EventOrigin): Promise<RecordResult> {
  if (error instanceof DuplicateEvent || isUniqueViolation(error)) {
    const winner = await findRecorded(db, origin.source, origin.sourceEventId)
    if (winner) return winner
    if (isUniqueViolation(error, 'cases_external')) return fail('external_id_taken', 'externalId')
  }
  throw error
}

// --- views ----------------------------------------------------------------------------------

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
}

interface CaseRowForView {
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
}

const summaryColumns = [
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
] as const

/**
 * The projection is exact except while a suspension runs: then the decision date moves on with
 * every day the citizen has not answered (Awb 4:15), and it runs again once the day to answer
 * has passed. Suspended cases are therefore replayed as of today; the others are read as stored.
 */
async function summarise(
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

const isOpen = (c: CaseSummary) => c.status === 'open' || c.status === 'suspended'

/** Action needed first, then the nearest decision date. */
function byUrgency(a: CaseSummary, b: CaseSummary): number {
  if (a.actionNeeded !== b.actionNeeded) return a.actionNeeded ? -1 : 1
  return compareLocalDate(a.decisionDueOn, b.decisionDueOn) || a.reference.localeCompare(b.reference)
}

function byMostRecentlyFinished(a: CaseSummary, b: CaseSummary): number {
  const end = (c: CaseSummary) => c.closedOn ?? c.decidedOn ?? c.receivedOn
  return compareLocalDate(end(b), end(a)) || b.reference.localeCompare(a.reference)
}

export interface CitizenCaseList {
  /** Still running (open or waiting for the citizen), what needs action first. */
  open: CaseSummary[]
  /** Decided or closed, most recent first. */
  finished: CaseSummary[]
}

/** "Mijn zaken": every case of this citizen, and only theirs (DESIGN §5). */
export async function listCasesForCitizen(
  bsn: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CitizenCaseList> {
  const rows = await db.selectFrom('cases as c').select(summaryColumns).where(caseVisibleToCitizen(bsn)).execute()
  const all = await summarise(db, rows, lang, today)
  return {
    open: all.filter(isOpen).sort(byUrgency),
    finished: all.filter((c) => !isOpen(c)).sort(byMostRecentlyFinished),
  }
}

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

async function buildDetail(
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
  }
}

const detailColumns = [...summaryColumns, 'c.channel', 'c.contact_employee_id'] as const

/**
 * One case of this citizen. Another citizen's case, an unknown id and a malformed one all give
 * the same `null`, so a route answers the same 404 and nobody learns which ids exist (DESIGN §5).
 */
export async function getCaseForCitizen(
  bsn: string,
  caseId: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CaseDetail | null> {
  if (!isCaseId(caseId)) return null
  const row = await db
    .selectFrom('cases as c')
    .select(detailColumns)
    .where('c.id', '=', caseId)
    .where(caseVisibleToCitizen(bsn))
    .executeTakeFirst()
  if (!row) return null
  return buildDetail(db, row, lang, today, { bsn })
}

export interface CitizenOverview {
  /** Cases waiting for the citizen's information, the nearest answer date first. */
  actionNeeded: Array<{
    id: string
    reference: string
    caseType: string
    subject: string
    information: string
    respondBy: LocalDate
  }>
  openCases: CaseSummary[]
  openCount: number
  unreadLetters: number
  /** The next date that matters: a day to answer by, or the nearest decision date. */
  nextDate: {
    date: LocalDate
    kind: 'respond_by' | 'decision_due'
    caseId: string
    reference: string
    caseType: string
  } | null
}

/** "Mijn overzicht" (/mijn): is there anything I need to do? */
export async function getOverviewForCitizen(
  bsn: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CitizenOverview> {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('cases as c')
      .select(summaryColumns)
      .where(caseVisibleToCitizen(bsn))
      .where('c.status', 'in', ['open', 'suspended'])
      .execute(),
    db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('bsn', '=', bsn)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  const open = (await summarise(db, rows, lang, today)).sort(byUrgency)
  const waiting = open.filter((c) => c.actionNeeded && c.respondBy)
  const requests = await latestInformationRequests(
    db,
    waiting.map((c) => c.id),
  )
  const actionNeeded = waiting
    .map((c) => ({
      id: c.id,
      reference: c.reference,
      caseType: c.caseType,
      subject: c.subject,
      information: requests.get(c.id) ?? '',
      respondBy: c.respondBy!,
    }))
    .sort((a, b) => compareLocalDate(a.respondBy, b.respondBy))
  const candidates = [
    ...actionNeeded.map((c) => ({
      date: c.respondBy,
      kind: 'respond_by' as const,
      caseId: c.id,
      reference: c.reference,
      caseType: c.caseType,
    })),
    ...open
      .filter((c) => !c.overdue && !c.actionNeeded)
      .map((c) => ({
        date: c.decisionDueOn,
        kind: 'decision_due' as const,
        caseId: c.id,
        reference: c.reference,
        caseType: c.caseType,
      })),
  ].sort((a, b) => compareLocalDate(a.date, b.date))
  return {
    actionNeeded,
    openCases: open,
    openCount: open.length,
    unreadLetters: unread.count,
    nextDate: candidates[0] ?? null,
  }
}

async function latestInformationRequests(db: Executor, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('case_events')
    .select(['case_id', 'payload'])
    .distinctOn('case_id')
    .where('case_id', 'in', caseIds)
    .where('type', '=', 'suspended')
    .orderBy('case_id')
    .orderBy('seq', 'desc')
    .execute()
  return new Map(rows.map((r) => [r.case_id, String(r.payload.information ?? '')]))
}

// --- caseworker -----------------------------------------------------------------------------

export interface WorklistItem extends CaseSummary {
  citizenName: string
  contactName: string | null
  risk: CaseRisk
  daysLeft: number | null
}

/**
 * Seed §2.2: when more time is needed the citizen is told before the term runs out. A case
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
 * `caseTypes` to the case types the employee handles (case-access.server.ts).
 */
export async function listCasesForCaseworker(
  options: { employeeId?: string; mine?: boolean; limit?: number; caseTypes?: readonly string[] },
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
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
 * shows which employee opened their case (DESIGN §1, §3 audit_log).
 */
export async function getCaseForCaseworker(
  caseId: string,
  lang: Language,
  { now = new Date(), viewer }: { now?: Date; viewer?: { employeeId: string } } = {},
  db: DB = getDb(),
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
      { seq, type: event.type, occurredAt: at, payload: payloadOf(event) } as CaseEvent,
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

/** The catalogue for the registration form: code and name, in the reader's language. */
export async function listCaseTypes(lang: Language, db: DB = getDb()): Promise<Array<{ code: string; name: string }>> {
  const rows = await db
    .selectFrom('case_types')
    .select(['code', 'name_nl', 'name_en'])
    .orderBy(lang === 'en' ? 'name_en' : 'name_nl')
    .execute()
  return rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.name_en : r.name_nl }))
}

/**
 * A fresh id for an event a form will record: put in the form when it is shown, it becomes the
 * event's source id, so submitting the same form twice records the event once.
 */
export function newFormEventId(): string {
  return randomUUID()
}

/** The eleven test, for forms that check a typed BSN before anything else (DESIGN §4). */
export { isValidBsn }

/** Whether a value is a date the domain accepts, for the edges that parse input. */
export function isCalendarDate(value: unknown): value is LocalDate {
  return isLocalDate(value)
}
