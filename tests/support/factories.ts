import { randomInt, randomUUID } from 'node:crypto'
import type { DB } from '../../db/client'
import type { NewPerson, Person } from '../../db/schema'
import { playCase, type CaseScript, type PlayedCase } from '../../server/seed/cases'

/**
 * Test data, made the way the seed makes it: people straight into the register (as the BRP
 * delivers them), cases through the cases service (`playCase`, shared with server/seed/cases.ts).
 */

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2] as const
let counter = randomInt(0, 1_000_000)

/**
 * A BSN that passes the eleven test and cannot clash with the personas (all 9999…): it starts
 * with 8 and runs on a per-process counter from a random start, so parallel test files differ.
 */
export function uniqueBsn(): string {
  for (;;) {
    counter = (counter + 1) % 10_000_000
    const digits = `8${String(counter).padStart(7, '0')}`
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0)
    // The ninth digit weighs −1: Σ − d9 ≡ 0 (mod 11), so d9 = Σ mod 11, which must be one digit.
    const check = sum % 11
    if (check <= 9) return digits + String(check)
  }
}

export async function createPerson(
  db: DB,
  overrides: Partial<NewPerson> & { language?: 'nl' | 'en' } = {},
): Promise<Person> {
  const { language = 'nl', ...person } = overrides
  const row = await db
    .insertInto('persons')
    .values({
      bsn: uniqueBsn(),
      given_names: 'Test',
      name_prefix: null,
      surname: `Persoon ${counter}`,
      gender: 'O',
      birth_date: '1980-01-01',
      birth_place: 'Groningen',
      nationality: 'Nederlandse',
      address_id: null,
      moved_in_on: null,
      ...person,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await db.insertInto('contact_details').values({ bsn: row.bsn, email: null, phone: null, language }).execute()
  return row
}

export type CaseOverrides = Partial<Omit<CaseScript, 'bsn'>> & { bsn: string; now?: Date }

/**
 * A case for `bsn`, played through the service: by default an environmental permit received
 * today over the internet. Pass `events` (with `daysAgo`) for any later state.
 */
export async function createCase(db: DB, overrides: CaseOverrides): Promise<PlayedCase> {
  const { now = new Date(), ...script } = overrides
  return playCase(
    db,
    {
      key: `test-${randomUUID()}`,
      caseTypeCode: 'omgevingsvergunning',
      subject: 'Testaanvraag',
      channel: 'internet',
      receivedDaysAgo: 0,
      source: 'portal',
      contactEmployeeId: 'E1001',
      ...script,
    },
    now,
  )
}
