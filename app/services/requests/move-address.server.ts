/**
 * Moving house, step 1 (Wet BRP art. 2.39): the new address must exist in the register of
 * addresses (`addresses`), found by postcode, number, letter and addition.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { UUID_PATTERN } from '~/domain/ids'
import {
  houseNumberCandidates,
  parseHouseNumber,
  parsePostcode,
  type HouseNumberError,
  type PostcodeError,
} from '~/domain/postcode'
import { recordAudit } from '~/services/audit.server'
import { addressView, citizenAudit, type AddressView, type CitizenActor } from '~/services/requests/kernel.server'

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
 * addition: the new address must exist in the register (Wet BRP art. 2.39). When the number has several
 * letters or additions and none was given, the citizen is asked to choose.
 */
export async function lookupAddress(
  input: { postcode: string; houseNumber: string; addition: string },
  { db = getDb() }: { db?: DB } = {},
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
export async function getPersonAddress(
  actor: CitizenActor,
  { db = getDb() }: { db?: DB } = {},
): Promise<AddressView | null> {
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
