/**
 * Cases: the one place that records a case event, and the views of cases for citizens and staff.
 *
 * Every change goes through `receiveCase` (a new case and its `received` event) or
 * `recordCaseEvent` (every later event). Both run one transaction per call that
 *  1. locks the case row (`for update`), so events of one case are written one after another;
 *  2. loads the history and asks the domain whether the event may follow (`validateNextEvent`);
 *  3. inserts the event with the next sequence number;
 *  4. writes the letters the event calls for (`writeLettersForEvent`, in the same transaction: no event without its letter);
 *  5. replays the history (`deriveCaseState`) and stores the result on the `cases` row, the
 *     projection the lists read. Decision dates are derived from events, never typed in.
 *
 * Idempotency: (source, source_event_id) is unique in `case_events`. The same event again returns
 * the result of the first and writes nothing. Two copies racing each other meet at the row lock
 * (existing case) or at the unique constraint (new case): the loser's transaction is rolled back
 * as a whole and it answers with the winner's result.
 *
 * Expected failures (unknown case type, a step not in the case type, a second extension, …) are
 * returned as `{ ok: false, code, field }`; a route maps the code to a 4xx and a message key.
 */
import { sql, type Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { CaseEventType, CaseStatus, ChannelColumn, Database } from '../../../db/schema'
import { isValidBsn } from '~/domain/bsn'
import { type CaseEvent, type CaseState, type CaseTypeRules, type Channel } from '~/domain/case-terms'
import { deriveCaseState, validateNextEvent } from '~/domain/case-history'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { eventPayload, type CaseEventInput } from '~/domain/case-events'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { loadCaseType, loadEvents, toDomainEvent } from '~/services/cases/catalogue.server'
import { fail, isCaseId, type RecordResult, type RecordedEvent } from '~/services/cases/results.server'
import { writeLettersForEvent } from '~/services/letters/write.server'
import type { NewDocument } from '~/services/cases/documents.server'
import { resolveDecisionDocument } from '~/services/documents/decision-document.server'

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

/** How an event names its case: our id, our public reference, or the source system's own id. */
export type CaseSelector = { caseId: string } | { reference: string } | { source: string; externalId: string }

export interface RecordCaseEventInput extends EventOrigin {
  case: CaseSelector
  event: CaseEventInput
  /**
   * A decision's document, stored in the event's transaction (a caseworker's file). A decision
   * may instead name one the sender added before (`event.documentId`, the sender's own id).
   */
  decisionFile?: Omit<NewDocument, 'kind'>
}

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
    information_received_on: state.informationReceivedOn,
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
      const letterState = stateOnEventDay(type.rules, [event], today, state)
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
      await writeLettersForEvent({ caseId: created.id, eventId, event, state: letterState }, { trx })
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
      const payload = eventPayload(input.event)
      let next = { seq, type: input.event.type, occurredAt: input.occurredAt, payload } as CaseEvent
      const verdict = validateNextEvent(type.rules, history, next, holidayCalendar())
      if (!verdict.ok) return fail(verdict.code, verdict.field)
      if (input.event.type === 'decided' && (input.decisionFile || input.event.documentId)) {
        const document = input.decisionFile
          ? { file: input.decisionFile }
          : { sourceDocumentId: input.event.documentId! }
        const documentId = await resolveDecisionDocument(trx, row.id, document, input)
        if (!documentId) return fail('document_not_found', 'documentId')
        payload.documentId = documentId
        next = { ...next, payload } as CaseEvent
      }

      const events = [...history, next]
      const state = deriveCaseState(type.rules, events, today, holidayCalendar())
      const eventId = await insertEvent(trx, row.id, seq, input.event.type, payload, input)
      const letterState = stateOnEventDay(type.rules, events, today, state)
      await writeLettersForEvent({ caseId: row.id, eventId, event: next, state: letterState }, { trx })
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

/**
 * The case as its letter describes it: on the day of the event, the date of the letter. For an
 * event recorded as it happens that is today, and the state derived for the projection.
 */
function stateOnEventDay(
  rules: CaseTypeRules,
  events: CaseEvent[],
  today: LocalDate,
  stateToday: CaseState,
): CaseState {
  const day = localDateOf(events[events.length - 1].occurredAt)
  return day === today ? stateToday : deriveCaseState(rules, events, day, holidayCalendar())
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
