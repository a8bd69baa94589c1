/**
 * "Mijn gegevens": what the municipality holds on a citizen, each item with where it comes from
 * and when it last changed. Viewing it is audited ('personal_data.viewed', Wet BRP art. 3.21:
 * the citizen can see who looked at their data), in the same transaction as the read.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { moveState, type HouseholdRelation } from '~/domain/move'
import { personNameOf } from '~/domain/person-name'
import { recordAudit } from '~/services/audit.server'
import {
  addressView,
  citizenAudit,
  loadHousehold,
  PersonNotFound,
  type AddressView,
  type CitizenActor,
} from '~/services/requests/kernel.server'

// --- the person view ------------------------------------------------------------------------

/** Where an item comes from: the BRP (the municipality's register) or the citizen's own input. */
export type DataSource = 'brp' | 'citizen'

export interface Sourced<T> {
  value: T
  source: DataSource
  /** the day the item last changed, as far as we know */
  updatedOn: LocalDate
}

export interface PersonView {
  name: Sourced<{ givenNames: string; namePrefix: string | null; surname: string }>
  birth: Sourced<{ date: LocalDate; place: string; country: string }>
  nationality: Sourced<string>
  address: Sourced<{ address: AddressView; since: LocalDate | null; inResearch: boolean }> | null
  addressHistory: Array<{ address: AddressView; from: LocalDate; to: LocalDate | null }>
  household: Array<Sourced<{ relation: HouseholdRelation; name: string; birthDate: LocalDate; livesWithYou: boolean }>>
  contact: Sourced<{
    email: string | null
    pendingEmail: string | null
    phone: string | null
    letterChannel: 'digital' | 'paper'
    language: 'nl' | 'en'
  }>
  /** open move or correction requests, so the page can say "we are working on it" */
  openRequests: { moves: number; corrections: number }
  /**
   * A move of this citizen (reported by them or for them) that has not taken effect yet: the
   * current address above stays the current one until its date (Wet BRP art. 2.39).
   */
  pendingMove: {
    caseId: string
    address: AddressView
    moveDate: LocalDate
    state: 'submitted' | 'investigating' | 'scheduled'
    /** who reported it, when that was someone else */
    reportedBy: string | null
  } | null
}

const NAME_FIELDS = ['given_names', 'name_prefix', 'surname']
const BIRTH_FIELDS = ['birth_date', 'birth_place', 'birth_country']

/**
 * Everything on "Mijn gegevens", for this citizen only, and an audit entry that it was seen
 * (the citizen's own log lists it), in one transaction.
 */
export async function getPersonView(
  actor: CitizenActor,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<PersonView> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').selectAll().where('bsn', '=', actor.bsn).executeTakeFirst()
    if (!person) throw new PersonNotFound()
    const [current, history, household, contact, pending, changes, moves, corrections, pendingMove] = await Promise.all(
      [
        person.address_id
          ? trx.selectFrom('addresses').selectAll().where('id', '=', person.address_id).executeTakeFirst()
          : undefined,
        trx
          .selectFrom('address_history as h')
          .innerJoin('addresses as a', 'a.id', 'h.address_id')
          .select([
            'h.from_date',
            'h.to_date',
            'a.id',
            'a.street',
            'a.house_number',
            'a.house_letter',
            'a.house_number_addition',
            'a.postcode',
            'a.city',
          ])
          .where('h.bsn', '=', actor.bsn)
          .orderBy('h.from_date', 'desc')
          .orderBy('h.id', 'desc')
          .execute(),
        loadHousehold(actor.bsn, { db: trx }),
        trx.selectFrom('contact_details').selectAll().where('bsn', '=', actor.bsn).executeTakeFirst(),
        trx
          .selectFrom('email_confirmations')
          .select(['email'])
          .where('bsn', '=', actor.bsn)
          .where('confirmed_at', 'is', null)
          .where('cancelled_at', 'is', null)
          .where('expires_at', '>', now)
          .orderBy('created_at', 'desc')
          .executeTakeFirst(),
        trx
          .selectFrom('person_changes')
          .select(['field', 'changed_at'])
          .where('bsn', '=', actor.bsn)
          .orderBy('changed_at', 'desc')
          .execute(),
        trx
          .selectFrom('move_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('bsn', '=', actor.bsn)
          .where('status', 'in', ['submitted', 'investigating'])
          .executeTakeFirstOrThrow(),
        trx
          .selectFrom('correction_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('bsn', '=', actor.bsn)
          .where('status', '=', 'submitted')
          .executeTakeFirstOrThrow(),
        trx
          .selectFrom('move_requests as m')
          .innerJoin('addresses as a', 'a.id', 'm.address_id')
          .innerJoin('persons as d', 'd.bsn', 'm.bsn')
          .select([
            'm.case_id',
            'm.bsn',
            'm.status',
            'm.applied_at',
            'm.move_date',
            'd.given_names',
            'd.name_prefix',
            'd.surname',
            'a.id',
            'a.street',
            'a.house_number',
            'a.house_letter',
            'a.house_number_addition',
            'a.postcode',
            'a.city',
          ])
          .where((eb) =>
            eb.or([eb('m.bsn', '=', actor.bsn), eb(sql`m.co_mover_bsns`, '@>', sql`array[${actor.bsn}]::text[]`)]),
          )
          .where(
            sql<boolean>`(m.status in ('submitted', 'investigating') or (m.status = 'approved' and m.applied_at is null))`,
          )
          .orderBy('m.submitted_at', 'desc')
          .executeTakeFirst(),
      ],
    )
    const personUpdated = localDateOf(person.updated_at)
    const lastChange = (fields: string[]) => {
      const change = changes.find((c) => fields.includes(c.field))
      return change ? localDateOf(change.changed_at) : null
    }
    const view: PersonView = {
      name: {
        value: { givenNames: person.given_names, namePrefix: person.name_prefix, surname: person.surname },
        source: 'brp',
        updatedOn: lastChange(NAME_FIELDS) ?? personUpdated,
      },
      birth: {
        value: { date: person.birth_date, place: person.birth_place, country: person.birth_country },
        source: 'brp',
        updatedOn: lastChange(BIRTH_FIELDS) ?? personUpdated,
      },
      nationality: {
        value: person.nationality,
        source: 'brp',
        updatedOn: lastChange(['nationality']) ?? personUpdated,
      },
      address: current
        ? {
            value: { address: addressView(current), since: person.moved_in_on, inResearch: person.address_in_research },
            source: 'brp',
            updatedOn: history[0]?.from_date ?? person.moved_in_on ?? personUpdated,
          }
        : null,
      addressHistory: history.map((h) => ({ address: addressView(h), from: h.from_date, to: h.to_date })),
      household: household
        .filter((m) => m.relation !== 'parent' || m.addressId === person.address_id)
        .map((m) => ({
          value: {
            relation: m.relation,
            name: m.name,
            birthDate: m.birthDate,
            livesWithYou: m.addressId !== null && m.addressId === person.address_id,
          },
          source: 'brp' as const,
          updatedOn: m.since ?? personUpdated,
        })),
      contact: {
        value: {
          email: contact?.email ?? null,
          pendingEmail: pending?.email ?? null,
          phone: contact?.phone ?? null,
          letterChannel: contact?.letter_channel ?? 'digital',
          language: contact?.language ?? 'nl',
        },
        source: 'citizen',
        updatedOn: localDateOf(contact?.updated_at ?? person.updated_at),
      },
      openRequests: { moves: Number(moves.n), corrections: Number(corrections.n) },
      pendingMove: pendingMoveView(pendingMove, actor.bsn),
    }
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/gegevens',
      details: {
        items: ['name', 'birth', 'nationality', 'address', 'address_history', 'household', 'contact_details'],
      },
    })
    return view
  })
}

function pendingMoveView(
  row:
    | {
        case_id: string | null
        bsn: string
        status: string
        applied_at: Date | null
        move_date: LocalDate | null
        given_names: string
        name_prefix: string | null
        surname: string
        id: string
        street: string
        house_number: number
        house_letter: string | null
        house_number_addition: string | null
        postcode: string
        city: string
      }
    | undefined,
  bsn: string,
): PersonView['pendingMove'] {
  if (!row || !row.case_id || !row.move_date) return null
  if (row.status !== 'submitted' && row.status !== 'investigating' && row.status !== 'approved') return null
  const state = moveState(row.status, row.applied_at)
  if (state !== 'submitted' && state !== 'investigating' && state !== 'scheduled') return null
  return {
    caseId: row.case_id,
    address: addressView(row),
    moveDate: row.move_date,
    state,
    reportedBy: row.bsn === bsn ? null : personNameOf(row),
  }
}
