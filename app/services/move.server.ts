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
 * (channel internet; it writes the acknowledgement letter), and the audit entry. Approval is one
 * transaction too: the address of the mover and every co-mover changes with the history kept,
 * the case is decided and closed, and an "address changed" event is enqueued for every
 * subscribed system (outbox), delivered by a job with retries.
 */
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Database } from '../../db/schema'
import { isDraftExpired } from '~/domain/drafts'
import { formatLetterDate } from '~/domain/letters-format'
import { todayIn, type LocalDate } from '~/domain/local-date'
import {
  checkMoveDate,
  coMoverEligibility,
  moveDateWindow,
  parseMoveDate,
  selectCoMovers,
  type CoMoverRefusal,
  type MoveDateError,
  type MoveDateWindow,
} from '~/domain/move'
export type { MoveDateWindow }
import {
  houseNumberCandidates,
  parseHouseNumber,
  parsePostcode,
  type HouseNumberError,
  type PostcodeError,
} from '~/domain/postcode'
import { recordAudit } from '~/services/audit.server'
import { receiveCase } from '~/services/cases.server'
import { caseHandledBy, handledBy } from '~/services/case-scope.server'
import { OPEN_DRAFT } from '~/services/drafts.server'
import {
  addressView,
  citizenAudit,
  decideAndClose,
  Refused,
  fullName,
  loadHousehold,
  refuseWhileImpersonating,
  type AddressView,
  type CitizenActor,
  type HouseholdPerson,
  type StaffActor,
} from '~/services/my-data.server'
import { EVENT_TYPES, enqueueOutboundEvent, listDeliveriesForCase, type DeliveryView } from '~/services/outbound.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isRequestId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

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
 * Step 1: keeps the chosen address in the draft (a new draft when there is none yet) and returns
 * the draft id for the next step. Moving to the address you already live at is refused.
 */
export async function saveMoveAddress(
  actor: CitizenActor,
  draftId: string | null,
  input: { postcode: string; houseNumber: string; addition: string },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ ok: true; id: string; address: AddressView } | { ok: false; errors: AddressLookupError[] }> {
  refuseWhileImpersonating(actor)
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

export interface CoMoverChoice {
  index: number
  name: string
  relation: HouseholdPerson['relation']
  birthDate: LocalDate
  eligible: boolean
  reason: CoMoverRefusal | null
  chosen: boolean
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
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/gegevens/verhuizen/wie',
      details: { items: ['household'] },
    })
    return household.map((m, index) => {
      const verdict = coMoverEligibility(person.address_id, m, today)
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
  | { ok: false; refused: Array<{ index: number; name: string | null; reason: CoMoverRefusal | 'unknown' }> }
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
    coMovers: movers.map(fullName),
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
  status: 'submitted' | 'approved' | 'refused'
  submittedAt: Date
}

/**
 * Submitted moves waiting for a check first, then the decided ones of the last weeks. Like every
 * caseworker function below, only for an employee who handles moves (case-scope.server.ts): for
 * anyone else the list is empty and each request is not found.
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
    .orderBy(sql`m.status = 'submitted'`, 'desc')
    .orderBy('m.submitted_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    citizenName: fullName(r),
    address: addressView({ ...r, id: r.a_id }).oneLine,
    moveDate: r.move_date!,
    coMovers: r.co_mover_bsns.length,
    status: r.status as MoveRequestListItem['status'],
    submittedAt: r.submitted_at!,
  }))
}

export interface MoveRequestDetail extends MoveRequestListItem {
  caseId: string
  fromAddress: string | null
  movers: Array<{ name: string; role: 'declarant' | 'partner' | 'child' | 'parent' }>
  decisionReason: string | null
  deliveries: DeliveryView[]
}

export async function getMoveRequestForCaseworker(
  staff: StaffActor,
  id: string,
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
    if (!row || !row.case_id || !row.address_id) return null
    const [c, person, target, from, household] = await Promise.all([
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
    ])
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'personal_data.viewed',
      subjectBsn: row.bsn,
      resource: `move-request:${row.id}`,
      reason: `case:${c.reference}`,
    })
    return {
      id: row.id,
      caseId: row.case_id,
      reference: c.reference,
      citizenName: fullName(person),
      address: addressView(target).oneLine,
      fromAddress: from ? addressView(from).oneLine : null,
      moveDate: row.move_date!,
      coMovers: row.co_mover_bsns.length,
      status: row.status as MoveRequestListItem['status'],
      submittedAt: row.submitted_at!,
      movers: [
        { name: fullName(person), role: 'declarant' as const },
        ...household.filter((m) => row.co_mover_bsns.includes(m.bsn)).map((m) => ({ name: m.name, role: m.relation })),
      ],
      decisionReason: row.decision_reason,
      deliveries: await listDeliveriesForCase(row.case_id, trx),
    }
  })
}

export type DecideMoveResult =
  | { ok: true; moved: number; eventsEnqueued: number }
  | { ok: false; error: 'not_found' | 'already_decided' | 'household_changed' | 'case_refused' }

function decisionSummary(language: 'nl' | 'en', address: AddressView, date: LocalDate): string {
  return language === 'en'
    ? `From ${formatLetterDate(date, 'en')} your address in the Personal Records Database (BRP) is ${address.oneLine}.`
    : `Vanaf ${formatLetterDate(date, 'nl')} staat uw adres in de Basisregistratie Personen (BRP) op ${address.oneLine}.`
}

/**
 * The caseworker approves a reported move. In one transaction:
 * 1. the mover and every co-mover get the new address: the open `address_history` row is closed
 *    on the move date and a new one opened (history kept), `persons.address_id` and
 *    `moved_in_on` set;
 * 2. the case is decided (granted) and closed through the cases service (which writes the letter);
 * 3. an "address changed" event per person is enqueued for every subscribed system;
 * 4. audit entries, one per person whose address changed.
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
      const row = await trx
        .selectFrom('move_requests')
        .selectAll()
        .where('id', '=', id)
        .where('status', '!=', 'draft')
        .where(caseHandledBy(staff.employeeId, 'case_id'))
        .forUpdate()
        .executeTakeFirst()
      if (!row || !row.case_id || !row.address_id || !row.move_date) return { ok: false, error: 'not_found' }
      if (row.status !== 'submitted') return { ok: false, error: 'already_decided' }
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
      const address = addressView(target)
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
      }

      const contact = await trx
        .selectFrom('contact_details')
        .select(['language'])
        .where('bsn', '=', row.bsn)
        .executeTakeFirst()
      await decideAndClose(
        trx,
        staff,
        `move-request:${row.id}`,
        row.case_id,
        'granted',
        decisionSummary(contact?.language ?? 'nl', address, row.move_date),
        now,
      )

      let eventsEnqueued = 0
      for (const bsn of movers) {
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
          actorKind: 'staff',
          actorId: staff.employeeId,
          action: 'address.changed',
          subjectBsn: bsn,
          resource: `move-request:${row.id}`,
          reason: `case approved`,
          details: { addressId: target.id, from: row.move_date, asCoMover: bsn !== row.bsn },
        })
      }
      await trx
        .updateTable('move_requests')
        .set({ status: 'approved', decided_at: now, decided_by: staff.employeeId, updated_at: now })
        .where('id', '=', row.id)
        .execute()
      return { ok: true, moved: movers.length, eventsEnqueued }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
}

/** The caseworker refuses a reported move (e.g. the address check failed), with a reason for the letter. */
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
      const row = await trx
        .selectFrom('move_requests')
        .selectAll()
        .where('id', '=', id)
        .where('status', '!=', 'draft')
        .where(caseHandledBy(staff.employeeId, 'case_id'))
        .forUpdate()
        .executeTakeFirst()
      if (!row || !row.case_id) return { ok: false, error: 'not_found' }
      if (row.status !== 'submitted') return { ok: false, error: 'already_decided' }
      await decideAndClose(trx, staff, `move-request:${row.id}`, row.case_id, 'refused', reason, now)
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
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'move.refused',
        subjectBsn: row.bsn,
        resource: `move-request:${row.id}`,
      })
      return { ok: true, moved: 0, eventsEnqueued: 0 }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
}
