/**
 * The caseworker decides a reported move: an address investigation first (Wet BRP art. 2.22; a
 * letter says so), approval, or refusal. An approval decides the case; the address itself changes
 * on the move date (move-effect.server.ts): at once when that day has come, otherwise by a job
 * scheduled in the approval's transaction.
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import { formatLetterDate } from '~/domain/letters-format'
import { addressInvestigationLetter, coMoverDecidedLetter } from '~/domain/letters-move'
import { todayIn, type LocalDate } from '~/domain/local-date'
import { canStartAddressInvestigation, moveIsUndecided, moveState, moveTakesEffectNow } from '~/domain/move'
import { recordAudit } from '~/services/audit.server'
import { caseHandledBy } from '~/services/cases/scope.server'
import { writeLetterFor } from '~/services/letters/write.server'
import { addressView, decideInTransaction, type AddressView, type StaffActor } from '~/services/requests/kernel.server'
import { isRequestId } from '~/services/requests/move-address.server'
import { applyMoveInTransaction, scheduleMoveEffect } from '~/services/requests/move-effect.server'
import {
  loadMoveLetterSubject,
  recordMoveCaseEvent,
  writeLettersToCoMovers,
} from '~/services/requests/move-parties.server'

export type DecideMoveError =
  'not_found' | 'already_decided' | 'household_changed' | 'case_refused' | 'investigation_running'

export type DecideMoveResult =
  | {
      ok: true
      moved: number
      /** "address changed" deliveries enqueued now: none when the move waits for its date */
      eventsEnqueued: number
      /** the address changed at once (the date has come) or changes on the move date */
      takesEffect: 'now' | 'on_date'
      moveDate: LocalDate
    }
  | { ok: false; error: DecideMoveError }

function decisionSummary(language: 'nl' | 'en', address: AddressView, date: LocalDate): string {
  return language === 'en'
    ? `From ${formatLetterDate(date, 'en')} your address in the Personal Records Database (BRP) is ${address.oneLine}.`
    : `Vanaf ${formatLetterDate(date, 'nl')} staat uw adres in de Basisregistratie Personen (BRP) op ${address.oneLine}.`
}

/** The request row, locked for the decision; a draft, an unknown id or another department's is not found. */
async function lockMoveRequest(trx: Transaction<Database>, id: string, staff: StaffActor) {
  const row = await trx
    .selectFrom('move_requests')
    .selectAll()
    .where('id', '=', id)
    .where('status', '!=', 'draft')
    // Only an employee who handles moves finds it (case-scope.server.ts).
    .where(caseHandledBy(staff.employeeId, 'case_id'))
    .forUpdate()
    .executeTakeFirst()
  if (!row || row.status === 'draft' || !row.case_id || !row.address_id || !row.move_date) return null
  return { ...row, status: row.status, case_id: row.case_id, address_id: row.address_id, move_date: row.move_date }
}

/** Awb 3:46: why the move is registered, in the citizen's language (the letter's text). */
function approvalReasons(language: 'nl' | 'en', address: AddressView): string {
  return language === 'en'
    ? `The address ${address.oneLine} exists in the municipality of Groningen. You reported your move in time. So we register you at this address.`
    : `Het adres ${address.oneLine} bestaat in de gemeente Groningen. U gaf uw verhuizing op tijd door. Daarom schrijven wij u op dit adres in.`
}

/** After a refused move: what the citizen can do now. */
function refusalOptions(language: 'nl' | 'en'): string {
  return language === 'en'
    ? 'Is something wrong in your notice? Then report your move again in Mijn Stad. Do you need help? Call 14 050.'
    : 'Klopt er iets niet in uw melding? Geef uw verhuizing dan opnieuw door in Mijn Stad. Heeft u hulp nodig? Bel 14 050.'
}

/**
 * The caseworker approves a reported move (after the confirmation step of the staff screen). In
 * one transaction: the case is decided (granted; the cases service writes the decision letter),
 * every co-mover told directly gets a letter of their own, the audit log has the approval on each
 * mover's record, and the move either takes effect at once (its date has come: the address,
 * the history, the "address changed" events, the case closed) or gets its job for the move date.
 * A co-mover who no longer lives at the old address stops the approval: the caseworker checks.
 */
export async function approveMove(
  staff: StaffActor,
  id: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<DecideMoveResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  return decideInTransaction(db, async (trx): Promise<DecideMoveResult> => {
    const row = await lockMoveRequest(trx, id, staff)
    if (!row) return { ok: false, error: 'not_found' }
    if (!moveIsUndecided(moveState(row.status, row.applied_at))) return { ok: false, error: 'already_decided' }
    const movers = [row.bsn, ...row.co_mover_bsns]
    const people = await trx
      .selectFrom('persons')
      .select(['bsn', 'address_id'])
      .where('bsn', 'in', movers)
      .orderBy('bsn')
      .forUpdate()
      .execute()
    if (people.length !== movers.length || people.some((p) => p.address_id !== row.from_address_id))
      return { ok: false, error: 'household_changed' }

    const target = await trx
      .selectFrom('addresses')
      .selectAll()
      .where('id', '=', row.address_id)
      .executeTakeFirstOrThrow()
    const contact = await trx
      .selectFrom('contact_details')
      .select(['language'])
      .where('bsn', '=', row.bsn)
      .executeTakeFirst()
    const language = contact?.language ?? 'nl'
    const decided = await recordMoveCaseEvent(
      trx,
      row.case_id,
      `move-request:${row.id}:decided`,
      {
        type: 'decided',
        outcome: 'granted',
        summary: decisionSummary(language, addressView(target), row.move_date),
        reasons: approvalReasons(language, addressView(target)),
      },
      { actor: `employee:${staff.employeeId}`, now },
    )
    await trx
      .updateTable('move_requests')
      .set({ status: 'approved', decided_at: now, decided_by: staff.employeeId, updated_at: now })
      .where('id', '=', row.id)
      .execute()
    const today = todayIn(now)
    await writeLettersToCoMovers(
      trx,
      await loadMoveLetterSubject(trx, row),
      { caseId: row.case_id, eventId: decided.eventId },
      today,
      (ctx, facts) => coMoverDecidedLetter(ctx, facts, { outcome: 'granted' }),
    )
    for (const bsn of movers) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'move.approved',
        subjectBsn: bsn,
        resource: `move-request:${row.id}`,
        details: { moveDate: row.move_date, asCoMover: bsn !== row.bsn },
      })
    }
    if (moveTakesEffectNow(row.move_date, today)) {
      const applied = await applyMoveInTransaction(
        trx,
        { ...row, status: 'approved' },
        { kind: 'staff', employeeId: staff.employeeId },
        now,
      )
      return { ok: true, ...applied, takesEffect: 'now', moveDate: row.move_date }
    }
    await scheduleMoveEffect(trx, row.id, row.move_date)
    return { ok: true, moved: movers.length, eventsEnqueued: 0, takesEffect: 'on_date', moveDate: row.move_date }
  })
}

/**
 * The caseworker refuses a reported move (e.g. the address check failed), with a reason for the
 * letter: the case is decided and closed, and every co-mover told directly gets the reason and
 * the right to object too (their address was at stake as well).
 */
export async function refuseMove(
  staff: StaffActor,
  id: string,
  reason: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<DecideMoveResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  return decideInTransaction(db, async (trx): Promise<DecideMoveResult> => {
    const row = await lockMoveRequest(trx, id, staff)
    if (!row) return { ok: false, error: 'not_found' }
    if (!moveIsUndecided(moveState(row.status, row.applied_at))) return { ok: false, error: 'already_decided' }
    const language =
      (await trx.selectFrom('contact_details').select(['language']).where('bsn', '=', row.bsn).executeTakeFirst())
        ?.language ?? 'nl'
    const origin = { actor: `employee:${staff.employeeId}`, now }
    const decided = await recordMoveCaseEvent(
      trx,
      row.case_id,
      `move-request:${row.id}:decided`,
      { type: 'decided', outcome: 'refused', reasons: reason, citizenOptions: refusalOptions(language) },
      origin,
    )
    await recordMoveCaseEvent(trx, row.case_id, `move-request:${row.id}:closed`, { type: 'closed' }, origin)
    await trx
      .updateTable('move_requests')
      .set({
        status: 'refused',
        decision_reason: reason,
        decided_at: now,
        decided_by: staff.employeeId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    await writeLettersToCoMovers(
      trx,
      await loadMoveLetterSubject(trx, row),
      { caseId: row.case_id, eventId: decided.eventId },
      todayIn(now),
      (ctx, facts) => coMoverDecidedLetter(ctx, facts, { outcome: 'refused', reason }),
    )
    for (const bsn of [row.bsn, ...row.co_mover_bsns]) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'move.refused',
        subjectBsn: bsn,
        resource: `move-request:${row.id}`,
      })
    }
    return { ok: true, moved: 0, eventsEnqueued: 0, takesEffect: 'on_date', moveDate: row.move_date }
  })
}

export type InvestigationResult = { ok: true; told: number } | { ok: false; error: DecideMoveError }

/**
 * "Adresonderzoek starten" (Wet BRP art. 2.22; the national guidance on address investigations):
 * instead of deciding now, the caseworker first checks whether the movers will really live at
 * the new address. The case moves to its check step, the request shows the investigation, and
 * the declarant and every adult co-mover get a plain letter saying what happens next; nothing
 * changes in the register. The caseworker approves or refuses afterwards, as with any move.
 */
export async function startAddressInvestigation(
  staff: StaffActor,
  id: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<InvestigationResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  return decideInTransaction(db, async (trx): Promise<InvestigationResult> => {
    const row = await lockMoveRequest(trx, id, staff)
    if (!row) return { ok: false, error: 'not_found' }
    const state = moveState(row.status, row.applied_at)
    if (!canStartAddressInvestigation(state))
      return { ok: false, error: state === 'investigating' ? 'investigation_running' : 'already_decided' }
    const ref = await investigationEvent(trx, row.case_id, row.id, staff, now)
    await trx
      .updateTable('move_requests')
      .set({
        status: 'investigating',
        investigation_started_at: now,
        investigated_by: staff.employeeId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    const subject = await loadMoveLetterSubject(trx, row)
    const today = todayIn(now)
    const dated = { letterDate: today }
    await writeLetterFor(
      trx,
      ref,
      row.bsn,
      (ctx) => addressInvestigationLetter(ctx, { ...subject.facts, recipientIsDeclarant: true }),
      dated,
    )
    const told = await writeLettersToCoMovers(trx, subject, ref, today, addressInvestigationLetter, dated)
    for (const bsn of [row.bsn, ...row.co_mover_bsns]) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'move.investigation_started',
        subjectBsn: bsn,
        resource: `move-request:${row.id}`,
      })
    }
    return { ok: true, told: told.length + 1 }
  })
}

/**
 * The case event the investigation letters hang on: the case reaches its check step ("Controle":
 * we check the new address, sometimes we visit). Should a back office have moved the case on
 * already, the step is not repeated; the letters then hang on the case's latest event, dated today.
 */
async function investigationEvent(
  trx: Transaction<Database>,
  caseId: string,
  requestId: string,
  staff: StaffActor,
  now: Date,
): Promise<{ caseId: string; eventId: string }> {
  const origin = { actor: `employee:${staff.employeeId}`, now }
  const sourceEventId = `move-request:${requestId}:investigation`
  const current = await trx
    .selectFrom('cases')
    .select('current_step')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  if (current.current_step === 'ontvangen') {
    const reached = await recordMoveCaseEvent(
      trx,
      caseId,
      sourceEventId,
      { type: 'step_reached', step: 'controle' },
      origin,
    )
    return { caseId, eventId: reached.eventId }
  }
  const latest = await trx
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow()
  return { caseId, eventId: latest.id }
}
