/**
 * Everyone a move is about (Wet BRP art. 2.48–2.49): the declarant who reported it and the
 * co-movers whose address changes with theirs.
 *
 * - A co-mover is a party to the move's case (`case_parties`): one case, seen in each mover's own
 *   "Mijn zaken", with letters of their own on it. A spouse or partner and an adult child get
 *   those letters (reported, decided, withdrawn); a child under 16 is told through the parents.
 * - A person with a move pending or waiting for its date, as declarant or co-mover, cannot report
 *   another: `findBlockingMove` says which move stands in the way, for the page and the service.
 * - The declarant can withdraw the move until it is decided; the co-movers are told.
 */
import { personNameOf } from '~/domain/person-name'
import { sql, type Selectable, type Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database, MoveRequestsTable } from '../../../db/schema'
import type { ComposedLetter, LetterContext } from '~/domain/letters'
import { coMoverDecidedLetter, type MoveLetterFacts } from '~/domain/letters-move'
import { localDateOf, todayIn, type LocalDate } from '~/domain/local-date'
import {
  blocksAnotherMove,
  canWithdrawMove,
  coMoverGetsOwnLetter,
  moveState,
  type HouseholdRelation,
  type MoveState,
} from '~/domain/move'
import { recordAudit } from '~/services/audit.server'
import { isCaseId, type RecordedEvent } from '~/services/cases/results.server'
import { recordCaseEvent } from '~/services/cases/record.server'
import type { CaseEventInput } from '~/domain/case-events'
import { writeLetterFor } from '~/services/letters/write.server'
import {
  addressView,
  citizenAudit,
  loadHousehold,
  Refused,
  refuseWhileImpersonating,
  type CitizenActor,
} from '~/services/requests/kernel.server'

export type MoveRow = Selectable<MoveRequestsTable>

/** The states in which a move still stands in the way of another (see `blocksAnotherMove`). */
const BLOCKING = sql<boolean>`(m.status in ('submitted', 'investigating') or (m.status = 'approved' and m.applied_at is null))`

// --- the case events of a move ----------------------------------------------------------------

/**
 * Records an event on the move's case through the cases service, in the caller's transaction
 * (the service writes the case's own letters with it). `sourceEventId` makes it idempotent; a
 * refusal by the cases service rolls the whole change back.
 */
export async function recordMoveCaseEvent(
  trx: Transaction<Database>,
  caseId: string,
  sourceEventId: string,
  event: CaseEventInput,
  origin: { actor: string; now: Date },
): Promise<RecordedEvent> {
  const recorded = await recordCaseEvent(
    {
      source: 'portal',
      actor: origin.actor,
      occurredAt: origin.now,
      now: origin.now,
      case: { caseId },
      sourceEventId,
      event,
    },
    trx,
  )
  if (!recorded.ok) throw new Refused(recorded.code)
  return recorded
}

// --- telling the co-movers ----------------------------------------------------------------------

export interface MoveLetterSubject {
  facts: Omit<MoveLetterFacts, 'recipientIsDeclarant'>
  coMovers: Array<{ bsn: string; name: string; relation: HouseholdRelation; birthDate: LocalDate }>
}

/** What the move letters say: who reported it and when, where to, from when, who moves. */
export async function loadMoveLetterSubject(trx: Executor, row: MoveRow): Promise<MoveLetterSubject> {
  if (!row.address_id || !row.move_date || !row.submitted_at) throw new Error('a move letter needs a submitted move')
  const [declarant, household, target] = await Promise.all([
    trx
      .selectFrom('persons')
      .select(['given_names', 'name_prefix', 'surname'])
      .where('bsn', '=', row.bsn)
      .executeTakeFirstOrThrow(),
    loadHousehold(row.bsn, { db: trx }),
    trx.selectFrom('addresses').selectAll().where('id', '=', row.address_id).executeTakeFirstOrThrow(),
  ])
  const coMovers = household
    .filter((m) => row.co_mover_bsns.includes(m.bsn))
    .map((m) => ({ bsn: m.bsn, name: m.name, relation: m.relation, birthDate: m.birthDate }))
  const reportedBy = personNameOf(declarant)
  return {
    facts: {
      reportedBy,
      reportedOn: localDateOf(new Date(row.submitted_at)),
      newAddress: addressView(target).oneLine,
      moveDate: row.move_date,
      movers: [reportedBy, ...coMovers.map((m) => m.name)],
    },
    coMovers,
  }
}

/**
 * A letter of their own to every co-mover who is told directly (art. 2.48: the partner and adult
 * children; `coMoverGetsOwnLetter`), on the event `ref`. Returns whom it wrote to.
 */
export async function writeLettersToCoMovers(
  trx: Transaction<Database>,
  subject: MoveLetterSubject,
  ref: { caseId: string; eventId: string },
  today: LocalDate,
  compose: (ctx: LetterContext, facts: MoveLetterFacts) => ComposedLetter,
  options: { letterDate?: LocalDate } = {},
): Promise<string[]> {
  const told: string[] = []
  for (const m of subject.coMovers) {
    if (!coMoverGetsOwnLetter(m, today)) continue
    await writeLetterFor(
      trx,
      ref,
      m.bsn,
      (ctx) => compose(ctx, { ...subject.facts, recipientIsDeclarant: false }),
      options,
    )
    told.push(m.bsn)
  }
  return told
}

// --- no second move while one is pending ----------------------------------------------------

export interface BlockingMove {
  caseId: string
  /** this person reported it; otherwise someone reported it for them */
  reportedByYou: boolean
  reportedBy: string
  reportedOn: LocalDate
  address: string
  moveDate: LocalDate
  state: MoveState
  /** the person may withdraw it themself (the declarant, before a decision) */
  withdrawable: boolean
}

/**
 * The move that keeps this person from reporting another: pending or waiting for its date, as
 * declarant or co-mover. Null when there is none.
 */
export async function findBlockingMove(bsn: string, { db }: { db: Executor }): Promise<BlockingMove | null> {
  const row = await db
    .selectFrom('move_requests as m')
    .innerJoin('persons as p', 'p.bsn', 'm.bsn')
    .innerJoin('addresses as a', 'a.id', 'm.address_id')
    .select([
      'm.bsn',
      'm.case_id',
      'm.status',
      'm.applied_at',
      'm.move_date',
      'm.submitted_at',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      'a.id',
      'a.street',
      'a.house_number',
      'a.house_letter',
      'a.house_number_addition',
      'a.postcode',
      'a.city',
    ])
    .where((eb) => eb.or([eb('m.bsn', '=', bsn), eb(sql`m.co_mover_bsns`, '@>', sql`array[${bsn}]::text[]`)]))
    .where(BLOCKING)
    .orderBy('m.submitted_at', 'desc')
    .executeTakeFirst()
  if (!row || !row.case_id || !row.move_date || !row.submitted_at || row.status === 'draft') return null
  const state = moveState(row.status, row.applied_at)
  if (!blocksAnotherMove(state)) return null
  const reportedByYou = row.bsn === bsn
  return {
    caseId: row.case_id,
    reportedByYou,
    reportedBy: personNameOf(row),
    reportedOn: localDateOf(new Date(row.submitted_at)),
    address: addressView(row).oneLine,
    moveDate: row.move_date,
    state,
    withdrawable: reportedByYou && canWithdrawMove(state),
  }
}

// --- the move on its case page ----------------------------------------------------------------

export interface CitizenMoveView {
  state: MoveState
  youReported: boolean
  reportedBy: string
  reportedOn: LocalDate
  address: string
  moveDate: LocalDate
  /** everyone who moves, the declarant first */
  movers: string[]
  /** the declarant, before a decision (art. 2.39 is theirs to report, and to take back) */
  canWithdraw: boolean
  investigationSince: LocalDate | null
  decisionReason: string | null
}

/**
 * The move behind a case, for the case page of one of its movers; null when the case is not a
 * move or the citizen is not among its movers (the case page has answered 404 before for a case
 * that is not theirs at all).
 */
export async function getMoveForCitizenCase(
  actor: CitizenActor,
  caseId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<CitizenMoveView | null> {
  if (!isCaseId(caseId)) return null
  const row = await db
    .selectFrom('move_requests as m')
    .selectAll('m')
    .where('m.case_id', '=', caseId)
    .where('m.status', '!=', 'draft')
    .where((eb) =>
      eb.or([eb('m.bsn', '=', actor.bsn), eb(sql`m.co_mover_bsns`, '@>', sql`array[${actor.bsn}]::text[]`)]),
    )
    .executeTakeFirst()
  if (!row || row.status === 'draft' || !row.move_date) return null
  const subject = await loadMoveLetterSubject(db, row)
  const state = moveState(row.status, row.applied_at)
  const youReported = row.bsn === actor.bsn
  return {
    state,
    youReported,
    reportedBy: subject.facts.reportedBy,
    reportedOn: subject.facts.reportedOn,
    address: subject.facts.newAddress,
    moveDate: row.move_date,
    movers: subject.facts.movers,
    canWithdraw: youReported && canWithdrawMove(state),
    investigationSince: row.investigation_started_at ? localDateOf(new Date(row.investigation_started_at)) : null,
    decisionReason: row.status === 'refused' ? row.decision_reason : null,
  }
}

// --- withdrawing ------------------------------------------------------------------------------

export type WithdrawMoveResult =
  { ok: true; reference: string } | { ok: false; error: 'not_found' | 'not_declarant' | 'already_decided' }

/**
 * "Verhuizing intrekken": the declarant takes the report back before it is decided. In one
 * transaction the case is decided as withdrawn and closed (the cases service writes the letter),
 * the request is marked withdrawn, every co-mover told directly gets a letter, and the audit log
 * has it on each mover's record. After a decision it cannot be undone online.
 */
export async function withdrawMove(
  actor: CitizenActor,
  caseId: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<WithdrawMoveResult> {
  refuseWhileImpersonating(actor)
  if (!isCaseId(caseId)) return { ok: false, error: 'not_found' }
  try {
    return await db.transaction().execute(async (trx): Promise<WithdrawMoveResult> => {
      const row = await trx
        .selectFrom('move_requests')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('status', '!=', 'draft')
        .forUpdate()
        .executeTakeFirst()
      if (!row || row.status === 'draft' || !row.case_id) return { ok: false, error: 'not_found' }
      if (row.bsn !== actor.bsn)
        return { ok: false, error: row.co_mover_bsns.includes(actor.bsn) ? 'not_declarant' : 'not_found' }
      if (!canWithdrawMove(moveState(row.status, row.applied_at))) return { ok: false, error: 'already_decided' }

      const origin = { actor: 'citizen', now }
      const decided = await recordMoveCaseEvent(
        trx,
        row.case_id,
        `move-request:${row.id}:decided`,
        { type: 'decided', outcome: 'withdrawn' },
        origin,
      )
      await recordMoveCaseEvent(trx, row.case_id, `move-request:${row.id}:closed`, { type: 'closed' }, origin)
      await trx
        .updateTable('move_requests')
        .set({ status: 'withdrawn', decided_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute()
      const subject = await loadMoveLetterSubject(trx, row)
      await writeLettersToCoMovers(
        trx,
        subject,
        { caseId: row.case_id, eventId: decided.eventId },
        todayIn(now),
        (ctx, f) => coMoverDecidedLetter(ctx, f, { outcome: 'withdrawn' }),
      )
      for (const bsn of [row.bsn, ...row.co_mover_bsns]) {
        await recordAudit(trx, {
          ...citizenAudit(actor),
          action: bsn === row.bsn ? 'move.withdrawn' : 'move.withdrawn_as_co_mover',
          subjectBsn: bsn,
          resource: `case:${decided.reference}`,
          details: { moveRequestId: row.id },
        })
      }
      return { ok: true, reference: decided.reference }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'already_decided' }
    throw error
  }
}
