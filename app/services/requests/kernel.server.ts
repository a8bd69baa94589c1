/**
 * What the citizen's requests (my data, moving house, corrections, contact details) share: who is
 * acting (for the audit log; a staff member looking along can change nothing), deciding a
 * request's case through the cases service inside the caller's transaction, the address as the
 * pages show it, and the household as the BRP records it.
 */
import type { Transaction } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import type { ActorKind, Database } from '../../../db/schema'
import type { DecisionContent } from '~/domain/case-terms'
import type { LocalDate } from '~/domain/local-date'
import type { HouseholdRelation } from '~/domain/move'
import { personNameOf } from '~/domain/person-name'
import { formatHouseNumber, formatPostcode } from '~/domain/postcode'
import { recordCaseEvent } from '~/services/cases/record.server'

// --- who is acting --------------------------------------------------------------------------

/** The logged-in citizen as the auth service hands it over; only what these services need. */
export interface CitizenActor {
  bsn: string
  /** set while a support employee views as this citizen (read-only: server/app.ts refuses every change, and so do these services) */
  impersonatedBy?: { employeeId?: string; id?: string } | string | null
  /** DigiD Machtigen: someone acts for `bsn` ; the audit says so */
  actingBsn?: string
}

export interface StaffActor {
  employeeId: string
}

export function citizenAudit(actor: CitizenActor): { actorKind: ActorKind; actorId: string } {
  const by = actor.impersonatedBy
  // actor_id is never a BSN: a representative is named by kind; the subject is the represented.
  if (!by)
    return actor.actingBsn
      ? { actorKind: 'representative', actorId: 'representative' }
      : { actorKind: 'citizen', actorId: 'citizen' }
  const employeeId = typeof by === 'string' ? by : (by.employeeId ?? by.id ?? 'unknown')
  return { actorKind: 'staff_as_citizen', actorId: employeeId }
}

/** Looking along with a citizen is read-only by construction: every write refuses it. */
export class ReadOnlyImpersonation extends Error {
  constructor() {
    super('read-only while viewing as the citizen')
    this.name = 'ReadOnlyImpersonation'
  }
}

export function refuseWhileImpersonating(actor: CitizenActor): void {
  if (actor.impersonatedBy) throw new ReadOnlyImpersonation()
}

/** The citizen of the session has no person row (the register does not know them). */
export class PersonNotFound extends Error {
  constructor() {
    super('person not found')
    this.name = 'PersonNotFound'
  }
}

// --- deciding a request's case ---------------------------------------------------------------

/** Thrown inside a transaction to roll it back when the cases service refuses an event. */
export class Refused extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

/**
 * A caseworker's decision on a request, in one transaction: when the cases service refuses the
 * decision inside it (the case moved on meanwhile), nothing is written and the answer is
 * `case_refused`, for the page to say so.
 */
export async function decideInTransaction<R>(
  db: DB,
  work: (trx: Transaction<Database>) => Promise<R>,
): Promise<R | { ok: false; error: 'case_refused' }> {
  try {
    return await db.transaction().execute(work)
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: 'case_refused' }
    throw error
  }
}

/**
 * Records the decision on a request's case and closes it, through the cases service inside the
 * caller's transaction (the decision letter is written with it). `requestRef` names the request,
 * e.g. `move-request:<id>`, and makes both events idempotent.
 */
export async function decideAndClose(
  trx: Transaction<Database>,
  staff: StaffActor,
  requestRef: string,
  caseId: string,
  decision: DecisionContent & { outcome: 'granted' | 'refused' },
  now: Date,
): Promise<void> {
  const origin = { source: 'portal', actor: `employee:${staff.employeeId}`, occurredAt: now, now }
  const decided = await recordCaseEvent(
    {
      ...origin,
      case: { caseId },
      sourceEventId: `${requestRef}:decided`,
      event: { type: 'decided', ...decision },
    },
    trx,
  )
  if (!decided.ok) throw new Refused(decided.code)
  const closed = await recordCaseEvent(
    { ...origin, case: { caseId }, sourceEventId: `${requestRef}:closed`, event: { type: 'closed' } },
    trx,
  )
  if (!closed.ok) throw new Refused(closed.code)
}

// --- addresses ------------------------------------------------------------------------------

export interface AddressView {
  id: string
  street: string
  houseNumber: string
  postcode: string
  city: string
  /** "Korreweg 17-1, 9715 AB Groningen" */
  oneLine: string
}

export function addressView(a: {
  id: string
  street: string
  house_number: number
  house_letter: string | null
  house_number_addition: string | null
  postcode: string
  city: string
}): AddressView {
  const houseNumber = formatHouseNumber({
    number: a.house_number,
    letter: a.house_letter,
    addition: a.house_number_addition,
  })
  const postcode = formatPostcode(a.postcode)
  return {
    id: a.id,
    street: a.street,
    houseNumber,
    postcode,
    city: a.city,
    oneLine: `${a.street} ${houseNumber}, ${postcode} ${a.city}`,
  }
}

// --- household ------------------------------------------------------------------------------

export interface HouseholdPerson {
  bsn: string
  relation: HouseholdRelation
  name: string
  givenNames: string
  birthDate: LocalDate
  addressId: string | null
  since: LocalDate | null
}

const RELATION_ORDER: Record<HouseholdRelation, number> = { partner: 0, child: 1, parent: 2 }

/**
 * Partner, children and parents as the BRP relates them, in a fixed order (partner, children
 * oldest first, parents): the move form refers to a member by position in this list, never by BSN.
 */
export async function loadHousehold(bsn: string, { db }: { db: Executor }): Promise<HouseholdPerson[]> {
  const rows = await db
    .selectFrom('relations as r')
    .innerJoin('persons as p', 'p.bsn', 'r.related_bsn')
    .select([
      'r.kind',
      'r.since',
      'p.bsn',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      'p.birth_date',
      'p.address_id',
    ])
    .where('r.bsn', '=', bsn)
    .execute()
  return rows
    .map((r) => ({
      bsn: r.bsn,
      relation: r.kind,
      name: personNameOf(r),
      givenNames: r.given_names,
      birthDate: r.birth_date,
      addressId: r.address_id,
      since: r.since,
    }))
    .sort(
      (a, b) =>
        RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
        a.birthDate.localeCompare(b.birthDate) ||
        a.bsn.localeCompare(b.bsn),
    )
}
