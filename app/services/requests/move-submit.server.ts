/**
 * Submitting a move (Wet BRP art. 2.39, 2.48): one transaction for the request row, a case
 * `verhuizing` through the cases service (channel internet; it writes the acknowledgement letter),
 * the co-movers as parties to that case with a letter of their own (move-parties.server.ts), and
 * the audit entries. Then the confirmation page's view of it.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { coMoverReportedLetter } from '~/domain/letters-move'
import { todayIn, type LocalDate } from '~/domain/local-date'
import { checkMoveDate, selectCoMovers } from '~/domain/move'
import { personNameOf } from '~/domain/person-name'
import { recordAudit } from '~/services/audit.server'
import { addCaseParties } from '~/services/cases/parties.server'
import { receiveCase } from '~/services/cases/record.server'
import {
  addressView,
  citizenAudit,
  loadHousehold,
  Refused,
  refuseWhileImpersonating,
  type AddressView,
  type CitizenActor,
} from '~/services/requests/kernel.server'
import { isRequestId } from '~/services/requests/move-address.server'
import { findDraft, findOwnRequest, membersWithAMove, type DraftMissing } from '~/services/requests/move-draft.server'
import {
  findBlockingMove,
  loadMoveLetterSubject,
  writeLettersToCoMovers,
} from '~/services/requests/move-parties.server'

// --- submitting -----------------------------------------------------------------------------

export type SubmitMoveResult =
  | { ok: true; reference: string; caseId: string }
  | DraftMissing
  | { ok: false; step: 'address' | 'date' | 'coMovers'; error: string }

/**
 * "Verstuur": the request, its case `verhuizing` (with the acknowledgement letter, written by the
 * cases service) and the audit entry, in one transaction. Everything is checked again, as the
 * answers may be a day old: the date window and who may move along.
 */
export async function submitMove(
  actor: CitizenActor,
  draftId: string | null,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<SubmitMoveResult> {
  refuseWhileImpersonating(actor)
  try {
    return await db.transaction().execute(async (trx): Promise<SubmitMoveResult> => {
      const locked = isRequestId(draftId)
        ? await trx
            .selectFrom('move_requests')
            .select('id')
            .where('id', '=', draftId)
            .where('bsn', '=', actor.bsn)
            .forUpdate()
            .executeTakeFirst()
        : undefined
      const draft = locked ? await findDraft(actor, draftId, { db: trx, now }) : null
      if (!draft) return { ok: false, missing: true }
      if (!draft.address_id) return { ok: false, step: 'address', error: 'missing' }
      if (!draft.move_date) return { ok: false, step: 'date', error: 'missing' }
      const today = todayIn(now)
      const dateCheck = checkMoveDate(draft.move_date, today)
      if (!dateCheck.ok) return { ok: false, step: 'date', error: dateCheck.error }
      const person = await trx
        .selectFrom('persons')
        .select(['address_id'])
        .where('bsn', '=', actor.bsn)
        .executeTakeFirstOrThrow()
      const household = await loadHousehold(actor.bsn, { db: trx })
      const picked = household.flatMap((m, i) => (draft.co_mover_bsns.includes(m.bsn) ? [i] : []))
      if (picked.length !== draft.co_mover_bsns.length) return { ok: false, step: 'coMovers', error: 'changed' }
      const selection = selectCoMovers(person.address_id, household, picked, today)
      if (!selection.ok) return { ok: false, step: 'coMovers', error: 'not_allowed' }
      // One move at a time per person: lock everyone who moves (in a fixed order, so two reports
      // naming the same people wait for each other), then look for a move already pending.
      await trx
        .selectFrom('persons')
        .select('bsn')
        .where('bsn', 'in', [actor.bsn, ...selection.members.map((m) => m.bsn)])
        .orderBy('bsn')
        .forUpdate()
        .execute()
      if (await findBlockingMove(actor.bsn, { db: trx }))
        return { ok: false, step: 'address', error: 'already_reported' }
      if ((await membersWithAMove(selection.members, { db: trx })).size > 0)
        return { ok: false, step: 'coMovers', error: 'already_reported' }

      const target = await trx
        .selectFrom('addresses')
        .selectAll()
        .where('id', '=', draft.address_id)
        .executeTakeFirstOrThrow()
      const contact = await trx
        .selectFrom('contact_details')
        .select(['language'])
        .where('bsn', '=', actor.bsn)
        .executeTakeFirst()
      const address = addressView(target)
      const subject =
        contact?.language === 'en' ? `Change of address to ${address.oneLine}` : `Verhuizing naar ${address.oneLine}`
      const received = await receiveCase(
        {
          caseTypeCode: 'verhuizing',
          bsn: actor.bsn,
          subject,
          channel: 'internet',
          receivedOn: today,
          source: 'portal',
          sourceEventId: `move-request:${draft.id}`,
          actor: 'citizen',
          occurredAt: now,
          now,
        },
        trx,
      )
      if (!received.ok) throw new Refused(received.code)
      await trx
        .updateTable('move_requests')
        .set({
          status: 'submitted',
          case_id: received.caseId,
          from_address_id: person.address_id,
          submitted_at: now,
          updated_at: now,
        })
        .where('id', '=', draft.id)
        .execute()
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'move.submitted',
        subjectBsn: actor.bsn,
        resource: `case:${received.reference}`,
        details: { moveRequestId: draft.id, moveDate: draft.move_date, coMovers: selection.members.length },
      })
      // Each co-mover's data is changed on their behalf: their own log shows it too.
      for (const m of selection.members) {
        await recordAudit(trx, {
          ...citizenAudit(actor),
          action: 'move.submitted_as_co_mover',
          subjectBsn: m.bsn,
          resource: `case:${received.reference}`,
          details: { moveRequestId: draft.id },
        })
      }
      // Art. 2.48: the co-movers are parties to the case, and those told directly get a letter.
      await addCaseParties(
        trx,
        received.caseId,
        selection.members.map((m) => m.bsn),
        'co_mover',
        now,
      )
      const submitted = await trx
        .selectFrom('move_requests')
        .selectAll()
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow()
      await writeLettersToCoMovers(
        trx,
        await loadMoveLetterSubject(trx, submitted),
        { caseId: received.caseId, eventId: received.eventId },
        today,
        coMoverReportedLetter,
      )
      return { ok: true, reference: received.reference, caseId: received.caseId }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, step: 'address', error: error.code }
    throw error
  }
}

/** The confirmation page: the reference of a request this citizen submitted. */
export async function getSubmittedMove(
  actor: CitizenActor,
  id: string | null | undefined,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<{
  reference: string
  caseId: string
  address: AddressView
  moveDate: LocalDate
  coMovers: string[]
} | null> {
  const row = await findOwnRequest(actor, id, { db, now })
  if (!row || row.status === 'draft' || !row.case_id || !row.address_id || !row.move_date) return null
  const [c, a, movers] = await Promise.all([
    db.selectFrom('cases').select(['reference']).where('id', '=', row.case_id).executeTakeFirstOrThrow(),
    db.selectFrom('addresses').selectAll().where('id', '=', row.address_id).executeTakeFirstOrThrow(),
    row.co_mover_bsns.length
      ? db
          .selectFrom('persons')
          .select(['given_names', 'name_prefix', 'surname'])
          .where('bsn', 'in', row.co_mover_bsns)
          .execute()
      : Promise.resolve([]),
  ])
  return {
    reference: c.reference,
    caseId: row.case_id,
    address: addressView(a),
    moveDate: row.move_date,
    coMovers: movers.map(personNameOf),
  }
}
