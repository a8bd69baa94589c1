/**
 * An approved move takes effect on its date (Wet BRP art. 2.39): until then the movers' current
 * address stays the current one everywhere (their own page, staff search, letters), and only on
 * the day does the register change, the history grow a new period and the subscribed systems hear
 * "address changed".
 *
 * - Approval for a later date schedules a graphile-worker job `move_apply` in the approval's own
 *   transaction, to run at midnight (Europe/Amsterdam) of the move date.
 * - A daily sweep `move_apply_due` applies every approved move whose date has come and that is
 *   still waiting: one missed while the server was down, or a job lost. It runs shortly after
 *   midnight in Amsterdam whatever the season (00:05 UTC is 01:05 or 02:05 there), and a run
 *   missed while no worker ran is made up when one starts (backfill).
 * - Applying is idempotent: the request row is locked and `applied_at` set in the same
 *   transaction, so the job, a retry and the sweep together apply a move once and send its
 *   events once.
 * - Approval for today or a day gone by applies at once, inside the approval's transaction.
 */
import { parseCronItems, type ParsedCronItem, type Task } from 'graphile-worker'
import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import { startOfDayIn, todayIn, type LocalDate } from '~/domain/local-date'
import { moveTakesEffectNow } from '~/domain/move'
import { recordAudit } from '~/services/audit.server'
import { recordCaseEvent } from '~/services/cases/record.server'
import type { MoveRow } from '~/services/requests/move-parties.server'
import { Refused } from '~/services/requests/kernel.server'
import { addJob, EVENT_TYPES, enqueueOutboundEvent } from '~/services/outbound.server'

export const MOVE_APPLY_TASK = 'move_apply'
export const MOVE_SWEEP_TASK = 'move_apply_due'
/** A job that keeps failing (the database away) is retried for days; the sweep also catches it. */
const APPLY_MAX_ATTEMPTS = 25

/** Who makes the address change: the caseworker approving a move due today, or the job on the day. */
export type MoveEffectActor = { kind: 'staff'; employeeId: string } | { kind: 'system' }

/**
 * The job that applies the move on its date, in the approval's transaction (it commits or rolls
 * back with the approval). Runs at the start of the move date in Amsterdam; returns that instant.
 */
export async function scheduleMoveEffect(
  trx: Transaction<Database>,
  moveRequestId: string,
  moveDate: LocalDate,
): Promise<Date> {
  const runAt = startOfDayIn(moveDate)
  await addJob(
    trx,
    MOVE_APPLY_TASK,
    { moveRequestId },
    { runAt, jobKey: `move-apply:${moveRequestId}`, maxAttempts: APPLY_MAX_ATTEMPTS },
  )
  return runAt
}

/**
 * Applies an approved move in the caller's transaction; the caller has locked the request row and
 * checked that it is approved, not yet applied and due. For the mover and every co-mover: the open
 * address period ends on the move date and a new one starts (history kept), `persons` gets the
 * new address, an "address changed" event is enqueued for every subscribed system (outbox), and
 * the audit log has it. The case is closed: the move is done.
 */
export async function applyMoveInTransaction(
  trx: Transaction<Database>,
  row: MoveRow,
  actor: MoveEffectActor,
  now: Date,
): Promise<{ moved: number; eventsEnqueued: number }> {
  if (!row.case_id || !row.address_id || !row.move_date) throw new Error('an incomplete move cannot take effect')
  const movers = [row.bsn, ...row.co_mover_bsns]
  await trx.selectFrom('persons').select('bsn').where('bsn', 'in', movers).orderBy('bsn').forUpdate().execute()
  const target = await trx
    .selectFrom('addresses')
    .selectAll()
    .where('id', '=', row.address_id)
    .executeTakeFirstOrThrow()
  let eventsEnqueued = 0
  for (const bsn of movers) {
    // Wet BRP art. 2.39: the new address holds from the move date; the old period ends there.
    await trx
      .updateTable('address_history')
      .set({ to_date: row.move_date })
      .where('bsn', '=', bsn)
      .where('to_date', 'is', null)
      .execute()
    await trx
      .insertInto('address_history')
      .values({ bsn, address_id: row.address_id, from_date: row.move_date, to_date: null, source: 'BRP' })
      .execute()
    await trx
      .updateTable('persons')
      .set({ address_id: row.address_id, moved_in_on: row.move_date, address_in_research: false, updated_at: now })
      .where('bsn', '=', bsn)
      .execute()
    eventsEnqueued += await enqueueOutboundEvent(trx, {
      type: EVENT_TYPES.addressChanged,
      subject: target.id,
      caseId: row.case_id,
      occurredAt: now,
      // What a receiving system needs: whose address, which address (BAG id and its parts), from when.
      data: {
        bsn,
        nummeraanduidingId: target.id,
        postcode: target.postcode,
        huisnummer: target.house_number,
        huisletter: target.house_letter,
        huisnummertoevoeging: target.house_number_addition,
        straat: target.street,
        woonplaats: target.city,
        datumAanvangAdreshouding: row.move_date,
      },
    })
    await recordAudit(trx, {
      actorKind: actor.kind === 'staff' ? 'staff' : 'system',
      actorId: actor.kind === 'staff' ? actor.employeeId : 'system:move-effect',
      action: 'address.changed',
      subjectBsn: bsn,
      resource: `move-request:${row.id}`,
      reason: actor.kind === 'staff' ? 'case approved' : 'move date reached',
      details: { addressId: target.id, from: row.move_date, asCoMover: bsn !== row.bsn },
    })
  }
  // The move is done: its case is closed. Should a back office have closed it already, the
  // address still changes (the decision stands); anything else the cases service refuses stops it.
  const closed = await recordCaseEvent(
    {
      source: 'portal',
      actor: actor.kind === 'staff' ? `employee:${actor.employeeId}` : 'system:mijn-stad',
      occurredAt: now,
      now,
      case: { caseId: row.case_id },
      sourceEventId: `move-request:${row.id}:closed`,
      event: { type: 'closed' },
    },
    trx,
  )
  if (!closed.ok && closed.code !== 'case_closed') throw new Refused(closed.code)
  await trx.updateTable('move_requests').set({ applied_at: now, updated_at: now }).where('id', '=', row.id).execute()
  return { moved: movers.length, eventsEnqueued }
}

export type ApplyMoveResult = 'applied' | 'already_applied' | 'not_due' | 'not_approved' | 'not_found'

/**
 * Applies one approved move if its date has come (today in Europe/Amsterdam, from `now`). Safe to
 * call any number of times, also at once: the row lock and `applied_at` make it happen once.
 */
export async function applyMove(
  moveRequestId: string,
  { now, db = getDb() }: { now: Date; db?: DB },
): Promise<ApplyMoveResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<ApplyMoveResult> => {
      const row = await trx
        .selectFrom('move_requests')
        .selectAll()
        .where('id', '=', moveRequestId)
        .forUpdate()
        .executeTakeFirst()
      if (!row) return 'not_found'
      if (row.status !== 'approved') return 'not_approved'
      if (row.applied_at) return 'already_applied'
      if (!row.move_date || !moveTakesEffectNow(row.move_date, todayIn(now))) return 'not_due'
      await applyMoveInTransaction(trx, row, { kind: 'system' }, now)
      return 'applied'
    })
  } catch (error) {
    // The cases service refused to close the case for a reason other than its being closed
    // already: a failure to retry and to look into, not to swallow.
    if (error instanceof Refused) throw new Error(`move ${moveRequestId} could not close its case: ${error.code}`)
    throw error
  }
}

/** The sweep: every approved move whose date has come and that still waits, applied one by one. */
export async function applyDueMoves({
  now,
  db = getDb(),
}: {
  now: Date
  db?: DB
}): Promise<{ applied: number; checked: number }> {
  const due = await db
    .selectFrom('move_requests')
    .select('id')
    .where('status', '=', 'approved')
    .where('applied_at', 'is', null)
    .where('move_date', '<=', todayIn(now))
    .orderBy('move_date')
    .orderBy('id')
    .execute()
  let applied = 0
  for (const { id } of due) if ((await applyMove(id, { now, db })) === 'applied') applied++
  return { applied, checked: due.length }
}

const ApplyPayload = z.object({ moveRequestId: z.string().uuid() })

/**
 * The graphile-worker tasks. `now` is the clock, handed in (tests pass a fixed one). A move the
 * job finds not yet due (a clock running early) is left to the sweep after midnight.
 */
export function moveEffectTasks({ db, now = () => new Date() }: { db?: DB; now?: () => Date } = {}): Record<
  string,
  Task
> {
  return {
    [MOVE_APPLY_TASK]: async (payload, helpers) => {
      const { moveRequestId } = ApplyPayload.parse(payload)
      const result = await applyMove(moveRequestId, { now: now(), db })
      helpers.logger.info(`move ${result}`, { moveRequestId })
    },
    [MOVE_SWEEP_TASK]: async (_payload, helpers) => {
      const { applied, checked } = await applyDueMoves({ now: now(), db })
      helpers.logger.info(`move sweep: ${applied} of ${checked} due moves applied`)
    },
  }
}

/** The daily sweep, at 00:05 UTC (after midnight in Amsterdam all year); a missed run is made up within two days. */
export function moveEffectCronItems(): ParsedCronItem[] {
  return parseCronItems([
    {
      task: MOVE_SWEEP_TASK,
      identifier: 'move-apply-due-daily',
      match: '5 0 * * *',
      options: { backfillPeriod: 2 * 24 * 3_600_000 },
    },
  ])
}
