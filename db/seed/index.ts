/**
 * The demo data that is plain rows: registers, catalogue, personas. What has to go through the
 * services (the demo cases with their letters) and the composition of it all live in server/seed,
 * so db/ imports nothing from app/.
 */
import { createHash } from 'node:crypto'
import type { DB } from '../client'
import { demoAddress, demoAddresses } from './addresses'
import { caseTypes } from './case-types'
import { personas, relations } from './personas'
import { seedKnowledgeBase } from './knowledge'
import { employees } from './staff'
import { DEMO_SOURCE } from './source-systems'

export { DEMO_SOURCE }
export { seedSubscriptions } from './subscriptions'
export { seedKnowledgeBase }

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** The registers, the catalogue and the knowledge base: what every database needs, the test databases included. */
export async function seedRegisters(db: DB): Promise<void> {
  const addresses = demoAddresses()
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < addresses.length; i += 500) {
      await trx
        .insertInto('addresses')
        .values(addresses.slice(i, i + 500))
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    await trx
      .insertInto('employees')
      .values(employees)
      .onConflict((oc) => oc.doNothing())
      .execute()
    for (const { steps, ...type } of caseTypes) {
      await trx
        .insertInto('case_types')
        .values(type)
        .onConflict((oc) => oc.doNothing())
        .execute()
      await trx
        .insertInto('case_type_steps')
        .values(steps.map((s, i) => ({ ...s, case_type_code: type.code, position: i + 1 })))
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    await trx
      .insertInto('source_systems')
      .values({ id: DEMO_SOURCE.id, name: DEMO_SOURCE.name, token_hash: sha256(DEMO_SOURCE.token) })
      .onConflict((oc) => oc.doNothing())
      .execute()
  })
  await seedKnowledgeBase(db)
}

/** The demo personas with their addresses, history, families and contact details. */
export async function seedPersonas(db: DB): Promise<void> {
  const addresses = demoAddresses()
  await db.transaction().execute(async (trx) => {
    for (const p of personas) {
      const a = demoAddress(
        addresses,
        p.address.street,
        p.address.number,
        p.address.letter ?? null,
        p.address.addition ?? null,
      )
      await trx
        .insertInto('persons')
        .values({
          bsn: p.bsn,
          given_names: p.given_names,
          name_prefix: p.name_prefix,
          surname: p.surname,
          gender: p.gender,
          birth_date: p.birth_date,
          birth_place: p.birth_place,
          birth_country: p.birth_country ?? 'Nederland',
          nationality: p.nationality,
          address_id: a.id,
          moved_in_on: p.moved_in_on,
          address_in_research: p.address_in_research ?? false,
        })
        .execute()
      if (p.previous) {
        const prev = demoAddress(addresses, p.previous.street, p.previous.number)
        await trx
          .insertInto('address_history')
          .values({ bsn: p.bsn, address_id: prev.id, from_date: p.previous.from, to_date: p.moved_in_on })
          .execute()
      }
      await trx
        .insertInto('address_history')
        .values({ bsn: p.bsn, address_id: a.id, from_date: p.moved_in_on, to_date: null })
        .execute()
      await trx
        .insertInto('contact_details')
        .values({
          bsn: p.bsn,
          email: p.email,
          email_verified_at: p.email ? new Date('2024-01-01T12:00:00Z') : null,
          phone: p.phone,
          letter_channel: p.letter_channel,
          language: p.language,
        })
        .execute()
    }
    await trx
      .insertInto('relations')
      .values(relations.map(([bsn, related_bsn, kind, since]) => ({ bsn, related_bsn, kind, since })))
      .execute()
  })
}
