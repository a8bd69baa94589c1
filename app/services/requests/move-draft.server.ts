/**
 * Reporting a move ("verhuizing doorgeven", Wet BRP art. 2.39 and 2.48–2.49): the steps before
 * submitting.
 *
 * The citizen's answers are kept server-side in a draft `move_requests` row (status 'draft'),
 * named in URLs by its random id only: no address, date or BSN travels in a URL, and a co-mover
 * is picked by position in the household list, never by BSN. Each step checks that the draft
 * belongs to the logged-in citizen; another's id answers exactly like an unknown one. Nobody with
 * a move still pending or waiting for its date can report another (nor be moved along in one).
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import { isDraftExpired } from '~/domain/drafts'
import { todayIn, type LocalDate } from '~/domain/local-date'
import {
  coMoverEligibility,
  moveDateWindow,
  parseMoveDate,
  selectCoMovers,
  type CoMoverRefusal,
  type MoveDateError,
  type MoveDateWindow,
} from '~/domain/move'
import { recordAudit } from '~/services/audit.server'
import { OPEN_DRAFT } from '~/services/requests/drafts.server'
import {
  addressView,
  citizenAudit,
  loadHousehold,
  refuseWhileImpersonating,
  type AddressView,
  type CitizenActor,
  type HouseholdPerson,
} from '~/services/requests/kernel.server'
import { isRequestId, lookupAddress, type AddressLookupError } from '~/services/requests/move-address.server'
import { findBlockingMove, type BlockingMove } from '~/services/requests/move-parties.server'

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

export async function findOwnRequest(
  actor: CitizenActor,
  id: string | null | undefined,
  { db, now }: { db: DB | Transaction<Database>; now: Date },
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

export async function findDraft(
  actor: CitizenActor,
  id: string | null | undefined,
  { db, now }: { db: DB | Transaction<Database>; now: Date },
): Promise<DraftRow | null> {
  const row = await findOwnRequest(actor, id, { db, now })
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
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<MoveDraftView | null> {
  const open = await db
    .selectFrom('move_requests')
    .select('id')
    .where('bsn', '=', actor.bsn)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return open ? getMoveDraft(actor, open.id, { now, db }) : null
}

/** The draft as the steps show it; null when it is not this citizen's or no longer a draft. */
export async function getMoveDraft(
  actor: CitizenActor,
  id: string | null | undefined,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<MoveDraftView | null> {
  const draft = await findDraft(actor, id, { db, now })
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
  const household = await loadHousehold(actor.bsn, { db })
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
export async function getBlockingMove(
  actor: CitizenActor,
  { db = getDb() }: { db?: DB } = {},
): Promise<BlockingMove | null> {
  return findBlockingMove(actor.bsn, { db })
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
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<
  | { ok: true; id: string; address: AddressView }
  | { ok: false; errors: AddressLookupError[] }
  | { ok: false; blocked: BlockingMove }
> {
  refuseWhileImpersonating(actor)
  const blocked = await findBlockingMove(actor.bsn, { db })
  if (blocked) return { ok: false, blocked }
  const found = await lookupAddress(input, { db })
  if (!found.ok) return found
  const person = await db
    .selectFrom('persons')
    .select(['address_id'])
    .where('bsn', '=', actor.bsn)
    .executeTakeFirstOrThrow()
  if (person.address_id === found.address.id)
    return { ok: false, errors: [{ field: 'postcode', error: 'same_as_current' }] }
  const draft = await findDraft(actor, draftId, { db, now })
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
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<{ ok: true } | DraftMissing | { ok: false; error: MoveDateError; window: MoveDateWindow }> {
  refuseWhileImpersonating(actor)
  const draft = await findDraft(actor, draftId, { db, now })
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
export async function membersWithAMove(
  household: readonly HouseholdPerson[],
  { db }: { db: DB | Transaction<Database> },
): Promise<Set<string>> {
  const blocked = new Set<string>()
  for (const m of household) if (await findBlockingMove(m.bsn, { db })) blocked.add(m.bsn)
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
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<CoMoverChoice[] | null> {
  return db.transaction().execute(async (trx) => {
    const draft = await findDraft(actor, draftId, { db: trx, now })
    if (!draft || !draft.address_id || !draft.move_date) return null
    const person = await trx
      .selectFrom('persons')
      .select(['address_id'])
      .where('bsn', '=', actor.bsn)
      .executeTakeFirstOrThrow()
    const household = await loadHousehold(actor.bsn, { db: trx })
    const today = todayIn(now)
    const blocked = await membersWithAMove(household, { db: trx })
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
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<
  | { ok: true }
  | DraftMissing
  | { ok: false; refused: Array<{ index: number; name: string | null; reason: CoMoverChoiceRefusal | 'unknown' }> }
> {
  refuseWhileImpersonating(actor)
  const draft = await findDraft(actor, draftId, { db, now })
  if (!draft || !draft.address_id || !draft.move_date) return { ok: false, missing: true }
  const person = await db
    .selectFrom('persons')
    .select(['address_id'])
    .where('bsn', '=', actor.bsn)
    .executeTakeFirstOrThrow()
  const household = await loadHousehold(actor.bsn, { db })
  const selection = selectCoMovers(person.address_id, household, picked, todayIn(now))
  if (!selection.ok) {
    return { ok: false, refused: selection.refused.map((r) => ({ ...r, name: household[r.index]?.name ?? null })) }
  }
  const blocked = await membersWithAMove(selection.members, { db })
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
