/**
 * Reporting a move ("verhuizing doorgeven", Wet BRP art. 2.39 and 2.48–2.49), from the first
 * step to the caseworker's approval.
 *
 * The citizen's answers are kept server-side in a draft `move_requests` row (status 'draft'),
 * named in URLs by its random id only: no address, date or BSN travels in a URL, and a co-mover
 * is picked by position in the household list, never by BSN. Each step checks that the draft
 * belongs to the logged-in citizen; another's id answers exactly like an unknown one.
 *
 * Submitting is one transaction: the request row, a case `verhuizing` through the cases service
 * (channel internet; it writes the acknowledgement letter), the co-movers as parties to that case
 * with a letter of their own (move-parties.server.ts), and the audit entries. Nobody with a move
 * still pending or waiting for its date can report another (nor be moved along in one).
 *
 * The caseworker sees who lives at the new address now and what that signals, and decides: an
 * address investigation first (Wet BRP art. 2.22; a letter says so), approval, or refusal. An
 * approval decides the case; the address itself changes on the move date (move-effect.server.ts):
 * at once when that day has come, otherwise by a job scheduled in the approval's transaction.
 */
import { personNameOf } from '~/domain/person-name'
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Database } from '../../db/schema'
import { isDraftExpired } from '~/domain/drafts'
import { formatLetterDate } from '~/domain/letters-format'
import { addressInvestigationLetter, coMoverDecidedLetter, coMoverReportedLetter } from '~/domain/letters-move'
import { localDateOf, todayIn, type LocalDate } from '~/domain/local-date'
import {
  ageOn,
  canStartAddressInvestigation,
  checkMoveDate,
  coMoverEligibility,
  DEFAULT_RESIDENTS_WARNING,
  moveDateWindow,
  moveIsUndecided,
  moveState,
  moveTakesEffectNow,
  parseMoveDate,
  residentSignals,
  selectCoMovers,
  type CoMoverRefusal,
  type MoveDateError,
  type MoveDateWindow,
  type MoveState,
  type ResidentSignals,
} from '~/domain/move'
import { UUID_PATTERN } from '~/domain/ids'
export type { MoveDateWindow }
import {
  houseNumberCandidates,
  parseHouseNumber,
  parsePostcode,
  type HouseNumberError,
  type PostcodeError,
} from '~/domain/postcode'
import { recordAudit } from '~/services/audit.server'
import { addCaseParties } from '~/services/cases/parties.server'
import { receiveCase } from '~/services/cases/record.server'
import { writeLetterFor } from '~/services/letters/write.server'
import { applyMoveInTransaction, scheduleMoveEffect } from '~/services/move-effect.server'
import {
  findBlockingMove,
  loadMoveLetterSubject,
  recordMoveCaseEvent,
  writeLettersToCoMovers,
  type BlockingMove,
} from '~/services/move-parties.server'
import { caseHandledBy, handledBy } from '~/services/cases/scope.server'
import { OPEN_DRAFT } from '~/services/drafts.server'
import {
  addressView,
  citizenAudit,
  Refused,
  loadHousehold,
  refuseWhileImpersonating,
  type AddressView,
  type CitizenActor,
  type HouseholdPerson,
  type StaffActor,
} from '~/services/my-data.server'
import { listDeliveriesForCase, type DeliveryView } from '~/services/outbound.server'
export type { BlockingMove }

export const isRequestId = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value)

// --- step 1: the new address ------------------------------------------------------------------

export type AddressLookupError =
  | { field: 'postcode'; error: PostcodeError }
  | { field: 'houseNumber'; error: HouseNumberError }
  | { field: 'houseNumber'; error: 'not_found' }
  | { field: 'addition'; error: 'choose'; options: string[] }
  | { field: 'addition'; error: 'not_found'; options: string[] }
  | { field: 'postcode'; error: 'same_as_current' }

export type AddressLookup = { ok: true; address: AddressView } | { ok: false; errors: AddressLookupError[] }

/**
 * Finds the address in the register (BAG-like `addresses`) by postcode, number, letter and
 * addition, as DESIGN §4 asks: the new address must exist. When the number has several
 * letters or additions and none was given, the citizen is asked to choose.
 */
export async function lookupAddress(
  input: { postcode: string; houseNumber: string; addition: string },
  db: DB = getDb(),
): Promise<AddressLookup> {
  const errors: AddressLookupError[] = []
  const postcode = parsePostcode(input.postcode)
  if (!postcode.ok) errors.push({ field: 'postcode', error: postcode.error })
  const number = parseHouseNumber(input.houseNumber, input.addition)
  if (!number.ok) errors.push({ field: 'houseNumber', error: number.error })
  if (!postcode.ok || !number.ok) return { ok: false, errors }

  const atNumber = await db
    .selectFrom('addresses')
    .selectAll()
    .where('postcode', '=', postcode.value)
    .where('house_number', '=', number.value.number)
    .orderBy(sql`house_letter nulls first`)
    .orderBy(sql`house_number_addition nulls first`)
    .execute()
  if (atNumber.length === 0) return { ok: false, errors: [{ field: 'houseNumber', error: 'not_found' }] }
  const options = atNumber.map((a) => addressView(a).houseNumber)
  for (const candidate of houseNumberCandidates(number.value)) {
    const found = atNumber.find(
      (a) => a.house_letter === candidate.letter && a.house_number_addition === candidate.addition,
    )
    if (found) return { ok: true, address: addressView(found) }
  }
  const nothingExtra = number.value.letter === null && number.value.addition === null
  return { ok: false, errors: [{ field: 'addition', error: nothingExtra ? 'choose' : 'not_found', options }] }
}

/** The citizen's current address, shown on the first step; a view of personal data, audited. */
export async function getPersonAddress(actor: CitizenActor, db: DB = getDb()): Promise<AddressView | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('persons as p')
      .innerJoin('addresses as a', 'a.id', 'p.address_id')
      .select([
        'a.id',
        'a.street',
        'a.house_number',
        'a.house_letter',
        'a.house_number_addition',
        'a.postcode',
        'a.city',
      ])
      .where('p.bsn', '=', actor.bsn)
      .executeTakeFirst()
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/gegevens/verhuizen',
      details: { items: ['address'] },
    })
    return row ? addressView(row) : null
  })
}

// --- drafts ---------------------------------------------------------------------------------

interface DraftRow {
  id: string
  bsn: string
  status: string
  from_address_id: string | null
  address_id: string | null
  move_date: LocalDate | null
  co_mover_bsns: string[]
  co_movers_chosen: boolean
  case_id: string | null
  updated_at: Date
}

async function findOwnRequest(
  db: DB | Transaction<Database>,
  actor: CitizenActor,
  id: string | null | undefined,
  now: Date,
): Promise<DraftRow | null> {
  if (!isRequestId(id)) return null
  const row = await db
    .selectFrom('move_requests')
    .select([
      'id',
      'bsn',
      'status',
      'from_address_id',
      'address_id',
      'move_date',
      'co_mover_bsns',
      'co_movers_chosen',
      'case_id',
      'updated_at',
    ])
    .where('id', '=', id)
    .where('bsn', '=', actor.bsn)
    .executeTakeFirst()
  if (!row) return null
  // A draft left alone past its lifetime (app/domain/drafts.ts) is forgotten: the citizen starts again.
  if (row.status === 'draft' && isDraftExpired(row.updated_at, now)) return null
  return row
}

async function findDraft(
  db: DB | Transaction<Database>,
  actor: CitizenActor,
  id: string | null | undefined,
  now: Date,
): Promise<DraftRow | null> {
  const row = await findOwnRequest(db, actor, id, now)
  return row?.status === 'draft' ? row : null
}

export interface MoveDraftView {
  id: string
  address: AddressView | null
  /** what was typed in step 1, to fill the form again when changing it */
  addressInput: { postcode: string; houseNumber: string; addition: string } | null
  moveDate: LocalDate | null
  coMoversChosen: boolean
  coMovers: Array<{ index: number; name: string }>
  currentAddress: AddressView | null
  window: MoveDateWindow
}

/** The citizen's one open draft (app/domain/drafts.ts), to resume; null when there is none. */
export async function getOpenMoveDraft(
  actor: CitizenActor,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<MoveDraftView | null> {
  const open = await db
    .selectFrom('move_requests')
    .select('id')
    .where('bsn', '=', actor.bsn)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return open ? getMoveDraft(actor, open.id, now, db) : null
}

/** The draft as the steps show it; null when it is not this citizen's or no longer a draft. */
export async function getMoveDraft(
  actor: CitizenActor,
  id: string | null | undefined,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<MoveDraftView | null> {
  const draft = await findDraft(db, actor, id, now)
  if (!draft) return null
  return describeDraft(db, actor, draft, now)
}

async function describeDraft(
  db: DB | Transaction<Database>,
  actor: CitizenActor,
  draft: DraftRow,
  now: Date,
): Promise<MoveDraftView> {
  const ids = [draft.address_id, draft.from_address_id].filter((x): x is string => x !== null)
  const addresses = ids.length ? await db.selectFrom('addresses').selectAll().where('id', 'in', ids).execute() : []
  const byId = new Map(addresses.map((a) => [a.id, a]))
  const target = draft.address_id ? byId.get(draft.address_id) : undefined
  const household = await loadHousehold(db, actor.bsn)
  return {
    id: draft.id,
    address: target ? addressView(target) : null,
    addressInput: target
      ? {
          postcode: addressView(target).postcode,
          houseNumber: String(target.house_number),
          addition: `${target.house_letter ?? ''}${target.house_number_addition ?? ''}`,
        }
      : null,
    moveDate: draft.move_date,
    coMoversChosen: draft.co_movers_chosen,
    coMovers: household.flatMap((m, index) => (draft.co_mover_bsns.includes(m.bsn) ? [{ index, name: m.name }] : [])),
    currentAddress:
      draft.from_address_id && byId.get(draft.from_address_id) ? addressView(byId.get(draft.from_address_id)!) : null,
    window: moveDateWindow(todayIn(now)),
  }
}

/**
 * Before the first step: a move already pending or waiting for its date, reported by this
 * citizen or for them, that keeps them from reporting another. The start page shows it.
 */
export async function getBlockingMove(actor: CitizenActor, db: DB = getDb()): Promise<BlockingMove | null> {
  return findBlockingMove(db, actor.bsn)
}

/**
 * Step 1: keeps the chosen address in the draft (a new draft when there is none yet) and returns
 * the draft id for the next step. Moving to the address you already live at is refused, and so
 * is a second move while one is pending or waiting for its date.
 */
export async function saveMoveAddress(
  actor: CitizenActor,
  draftId: string | null,
  input: { postcode: string; houseNumber: string; addition: string },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<
  | { ok: true; id: string; address: AddressView }
  | { ok: false; errors: AddressLookupError[] }
  | { ok: false; blocked: BlockingMove }
> {
  refuseWhileImpersonating(actor)
  const blocked = await findBlockingMove(db, actor.bsn)
  if (blocked) return { ok: false, blocked }
  const found = await lookupAddress(input, db)
  if (!found.ok) return found
  const person = await db
    .selectFrom('persons')
    .select(['address_id'])
    .where('bsn', '=', actor.bsn)
    .executeTakeFirstOrThrow()
  if (person.address_id === found.address.id)
    return { ok: false, errors: [{ field: 'postcode', error: 'same_as_current' }] }
  const draft = await findDraft(db, actor, draftId, now)
  if (draft) {
    const changed = await db
      .updateTable('move_requests')
      .set({ address_id: found.address.id, from_address_id: person.address_id, updated_at: now })
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(changed.numUpdatedRows) === 1) return { ok: true, id: draft.id, address: found.address }
  }
  // One open draft per citizen: a new start replaces it (index move_requests_one_draft).
  const fresh = {
    address_id: found.address.id,
    from_address_id: person.address_id,
    move_date: null,
    co_mover_bsns: [],
    co_movers_chosen: false,
    created_at: now,
    updated_at: now,
  }
  const saved = await db
    .insertInto('move_requests')
    .values({ bsn: actor.bsn, ...fresh })
    .onConflict((oc) => oc.column('bsn').where(OPEN_DRAFT).doUpdateSet(fresh))
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ok: true, id: saved.id, address: found.address }
}

export type DraftMissing = { ok: false; missing: true }

/**
 * Step 2: the move date as typed (day, month, year), checked against the window of art. 2.39
 * (5 days back, 4 weeks ahead of today in Europe/Amsterdam).
 */
export async function saveMoveDate(
  actor: CitizenActor,
  draftId: string | null,
  input: { day: string; month: string; year: string },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ ok: true } | DraftMissing | { ok: false; error: MoveDateError; window: MoveDateWindow }> {
  refuseWhileImpersonating(actor)
  const draft = await findDraft(db, actor, draftId, now)
  if (!draft || !draft.address_id) return { ok: false, missing: true }
  const parsed = parseMoveDate(input, todayIn(now))
  if (!parsed.ok) return { ok: false, error: parsed.error, window: parsed.window }
  await db
    .updateTable('move_requests')
    .set({ move_date: parsed.date, updated_at: now })
    .where('id', '=', draft.id)
    .execute()
  return { ok: true }
}

/** Why a member cannot move along: a rule of art. 2.48–2.49, or a move of their own already pending. */
export type CoMoverChoiceRefusal = CoMoverRefusal | 'move_already_reported'

export interface CoMoverChoice {
  index: number
  name: string
  relation: HouseholdPerson['relation']
  birthDate: LocalDate
  eligible: boolean
  reason: CoMoverChoiceRefusal | null
  chosen: boolean
}

/** The household members who already have a move pending or waiting for its date. */
async function membersWithAMove(
  db: DB | Transaction<Database>,
  household: readonly HouseholdPerson[],
): Promise<Set<string>> {
  const blocked = new Set<string>()
  for (const m of household) if (await findBlockingMove(db, m.bsn)) blocked.add(m.bsn)
  return blocked
}

function coMoverVerdict(
  declarantAddressId: string | null,
  member: HouseholdPerson,
  today: LocalDate,
  blocked: ReadonlySet<string>,
): { eligible: true } | { eligible: false; reason: CoMoverChoiceRefusal } {
  const verdict = coMoverEligibility(declarantAddressId, member, today)
  if (verdict.eligible && blocked.has(member.bsn)) return { eligible: false, reason: 'move_already_reported' }
  return verdict
}

/**
 * Step 3: the household with, per member, whether they may move along (art. 2.48–2.49) and why
 * not. Showing these names is a view of personal data: audited.
 */
export async function getCoMoverChoices(
  actor: CitizenActor,
  draftId: string | null,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<CoMoverChoice[] | null> {
  return db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, actor, draftId, now)
    if (!draft || !draft.address_id || !draft.move_date) return null
    const person = await trx
      .selectFrom('persons')
      .select(['address_id'])
      .where('bsn', '=', actor.bsn)
      .executeTakeFirstOrThrow()
    const household = await loadHousehold(trx, actor.bsn)
    const today = todayIn(now)
    const blocked = await membersWithAMove(trx, household)
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/gegevens/verhuizen/wie',
      details: { items: ['household'] },
    })
    return household.map((m, index) => {
      const verdict = coMoverVerdict(person.address_id, m, today, blocked)
      return {
        index,
        name: m.name,
        relation: m.relation,
        birthDate: m.birthDate,
        eligible: verdict.eligible,
        reason: verdict.eligible ? null : verdict.reason,
        chosen: draft.co_mover_bsns.includes(m.bsn),
      }
    })
  })
}

/** Step 3: keeps the chosen co-movers; anyone the law does not allow is refused by name. */
export async function saveCoMovers(
  actor: CitizenActor,
  draftId: string | null,
  picked: number[],
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<
  | { ok: true }
  | DraftMissing
  | { ok: false; refused: Array<{ index: number; name: string | null; reason: CoMoverChoiceRefusal | 'unknown' }> }
> {
  refuseWhileImpersonating(actor)
  const draft = await findDraft(db, actor, draftId, now)
  if (!draft || !draft.address_id || !draft.move_date) return { ok: false, missing: true }
  const person = await db
    .selectFrom('persons')
    .select(['address_id'])
    .where('bsn', '=', actor.bsn)
    .executeTakeFirstOrThrow()
  const household = await loadHousehold(db, actor.bsn)
  const selection = selectCoMovers(person.address_id, household, picked, todayIn(now))
  if (!selection.ok) {
    return { ok: false, refused: selection.refused.map((r) => ({ ...r, name: household[r.index]?.name ?? null })) }
  }
  const blocked = await membersWithAMove(db, selection.members)
  if (blocked.size > 0) {
    return {
      ok: false,
      refused: household.flatMap((m, index) =>
        blocked.has(m.bsn) ? [{ index, name: m.name, reason: 'move_already_reported' as const }] : [],
      ),
    }
  }
  await db
    .updateTable('move_requests')
    .set({ co_mover_bsns: selection.members.map((m) => m.bsn), co_movers_chosen: true, updated_at: now })
    .where('id', '=', draft.id)
    .execute()
  return { ok: true }
}

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
  now: Date = new Date(),
  db: DB = getDb(),
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
      const draft = locked ? await findDraft(trx, actor, draftId, now) : null
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
      const household = await loadHousehold(trx, actor.bsn)
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
      if (await findBlockingMove(trx, actor.bsn)) return { ok: false, step: 'address', error: 'already_reported' }
      if ((await membersWithAMove(trx, selection.members)).size > 0)
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
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{
  reference: string
  caseId: string
  address: AddressView
  moveDate: LocalDate
  coMovers: string[]
} | null> {
  const row = await findOwnRequest(db, actor, id, now)
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

// --- the caseworker -------------------------------------------------------------------------

export interface MoveRequestListItem {
  id: string
  reference: string
  citizenName: string
  address: string
  moveDate: LocalDate
  coMovers: number
  state: MoveState
  submittedAt: Date
}

/**
 * Submitted moves waiting for a check first (an investigation running among them), then the
 * decided ones of the last weeks. Like every caseworker function below, only for an employee who
 * handles moves (case-scope.server.ts): for anyone else the list is empty and each request is not
 * found.
 */
export async function listMoveRequests(staff: StaffActor, db: DB = getDb()): Promise<MoveRequestListItem[]> {
  const rows = await db
    .selectFrom('move_requests as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('persons as p', 'p.bsn', 'm.bsn')
    .innerJoin('addresses as a', 'a.id', 'm.address_id')
    .select([
      'm.id',
      'm.status',
      'm.applied_at',
      'm.move_date',
      'm.co_mover_bsns',
      'm.submitted_at',
      'c.reference',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
    ])
    .select([
      'a.id as a_id',
      'a.street',
      'a.house_number',
      'a.house_letter',
      'a.house_number_addition',
      'a.postcode',
      'a.city',
    ])
    .where('m.status', '!=', 'draft')
    .where(handledBy(staff.employeeId, 'c.case_type_code'))
    .orderBy(sql`m.status in ('submitted', 'investigating')`, 'desc')
    .orderBy('m.submitted_at', 'desc')
    .limit(200)
    .execute()
  return rows.flatMap((r) =>
    r.status === 'draft'
      ? []
      : [
          {
            id: r.id,
            reference: r.reference,
            citizenName: personNameOf(r),
            address: addressView({ ...r, id: r.a_id }).oneLine,
            moveDate: r.move_date!,
            coMovers: r.co_mover_bsns.length,
            state: moveState(r.status, r.applied_at),
            submittedAt: r.submitted_at!,
          },
        ],
  )
}

export interface MoveResident {
  name: string
  age: number
}

export interface MoveRequestDetail extends MoveRequestListItem {
  caseId: string
  fromAddress: string | null
  movers: Array<{ name: string; role: 'declarant' | 'partner' | 'child' | 'parent' }>
  decisionReason: string | null
  /** who lives at the new address now, as the BRP shows it: names and ages, never a BSN */
  residents: MoveResident[]
  signals: ResidentSignals
  /** MOVE_RESIDENTS_WARNING: more people than this after the move gives a warning */
  residentsWarning: number
  /** the move date has come: an approval changes the address at once */
  takesEffectNow: boolean
  investigationStartedOn: LocalDate | null
  appliedAt: Date | null
  deliveries: DeliveryView[]
}

/**
 * A reported move as the caseworker checks it, with the residents of the new address and what
 * they signal (too many people after the move, an elderly person living alone). Viewing it is
 * audited on the declarant's record, and on each resident's: their names and ages were shown.
 */
export async function getMoveRequestForCaseworker(
  staff: StaffActor,
  id: string,
  { residentsWarning = DEFAULT_RESIDENTS_WARNING, now = new Date() }: { residentsWarning?: number; now?: Date } = {},
  db: DB = getDb(),
): Promise<MoveRequestDetail | null> {
  if (!isRequestId(id)) return null
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('move_requests')
      .selectAll()
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .executeTakeFirst()
    if (!row || row.status === 'draft' || !row.case_id || !row.address_id || !row.move_date) return null
    const movers = [row.bsn, ...row.co_mover_bsns]
    const [c, person, target, from, household, residents] = await Promise.all([
      trx.selectFrom('cases').select(['reference']).where('id', '=', row.case_id).executeTakeFirstOrThrow(),
      trx
        .selectFrom('persons')
        .select(['given_names', 'name_prefix', 'surname'])
        .where('bsn', '=', row.bsn)
        .executeTakeFirstOrThrow(),
      trx.selectFrom('addresses').selectAll().where('id', '=', row.address_id).executeTakeFirstOrThrow(),
      row.from_address_id
        ? trx.selectFrom('addresses').selectAll().where('id', '=', row.from_address_id).executeTakeFirst()
        : undefined,
      loadHousehold(trx, row.bsn),
      trx
        .selectFrom('persons')
        .select(['bsn', 'given_names', 'name_prefix', 'surname', 'birth_date'])
        .where('address_id', '=', row.address_id)
        .where('bsn', 'not in', movers)
        .orderBy('birth_date')
        .orderBy('bsn')
        .execute(),
    ])
    const today = todayIn(now)
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'personal_data.viewed',
      subjectBsn: row.bsn,
      resource: `move-request:${row.id}`,
      reason: `case:${c.reference}`,
    })
    for (const r of residents) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'personal_data.viewed',
        subjectBsn: r.bsn,
        resource: `move-request:${row.id}`,
        reason: `case:${c.reference}`,
        details: { items: ['name', 'age'], asResidentOfNewAddress: true },
      })
    }
    return {
      id: row.id,
      caseId: row.case_id,
      reference: c.reference,
      citizenName: personNameOf(person),
      address: addressView(target).oneLine,
      fromAddress: from ? addressView(from).oneLine : null,
      moveDate: row.move_date,
      coMovers: row.co_mover_bsns.length,
      state: moveState(row.status, row.applied_at),
      submittedAt: row.submitted_at!,
      movers: [
        { name: personNameOf(person), role: 'declarant' as const },
        ...household.filter((m) => row.co_mover_bsns.includes(m.bsn)).map((m) => ({ name: m.name, role: m.relation })),
      ],
      decisionReason: row.decision_reason,
      residents: residents.map((r) => ({ name: personNameOf(r), age: ageOn(r.birth_date, today) })),
      signals: residentSignals(
        residents.map((r) => r.birth_date),
        movers.length,
        residentsWarning,
        today,
      ),
      residentsWarning,
      takesEffectNow: moveTakesEffectNow(row.move_date, today),
      investigationStartedOn: row.investigation_started_at ? localDateOf(row.investigation_started_at) : null,
      appliedAt: row.applied_at,
      deliveries: await listDeliveriesForCase(row.case_id, trx),
    }
  })
}

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
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<DecideMoveResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  try {
    return await db.transaction().execute(async (trx): Promise<DecideMoveResult> => {
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
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
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
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<DecideMoveResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  try {
    return await db.transaction().execute(async (trx): Promise<DecideMoveResult> => {
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
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
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
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<InvestigationResult> {
  if (!isRequestId(id)) return { ok: false, error: 'not_found' }
  try {
    return await db.transaction().execute(async (trx): Promise<InvestigationResult> => {
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
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
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
