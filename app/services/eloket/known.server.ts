/**
 * What the municipality already holds about a citizen, for the e-loket's forms (`Known` in
 * app/domain/eloket/form.ts): shown as "Dit weten wij al van u" and never asked again. Only what
 * the citizen sees themselves under Mijn gegevens, Voorkeuren and Mijn zaken, read fresh before
 * every page (a correction made meanwhile shows at once). Reading it is not audited on its own:
 * it is the citizen's own data, shown to the citizen, as part of a form they started.
 */
import type { Executor } from '../../../db/client'
import type { Known, KnownPerson } from '~/domain/eloket/form'
import { addressLines } from '~/domain/letters-format'
import { todayIn } from '~/domain/local-date'
import { personNameOf } from '~/domain/person-name'
import { formatPostcode } from '~/domain/postcode'
import { loadHousehold, PersonNotFound } from '~/services/requests/kernel.server'

/** A decision's outcome as the forms' conditions read it; a withdrawal is no decision on the request. */
const OUTCOMES: Record<string, Known['cases'][number]['outcome']> = {
  granted: 'approved',
  partly_granted: 'partially_approved',
  refused: 'refused',
}

/** The parking-permit service's code and the question its licence plates are under (its definition). */
const PLATE_SOURCE = { service: 'parkeervergunning', question: 'licencePlate' } as const

export async function loadKnown(bsn: string, { db, now }: { db: Executor; now: Date }): Promise<Known> {
  const today = todayIn(now)
  const [person, household, contact, plates, cases] = await Promise.all([
    db
      .selectFrom('persons as p')
      .leftJoin('addresses as a', 'a.id', 'p.address_id')
      .select([
        'p.given_names',
        'p.name_prefix',
        'p.surname',
        'p.birth_date',
        'p.address_id',
        'p.moved_in_on',
        'a.street',
        'a.house_number',
        'a.house_letter',
        'a.house_number_addition',
        'a.postcode',
        'a.city',
      ])
      .where('p.bsn', '=', bsn)
      .executeTakeFirst(),
    loadHousehold(bsn, { db }),
    db
      .selectFrom('contact_details')
      .select(['email', 'email_verified_at', 'phone'])
      .where('bsn', '=', bsn)
      .executeTakeFirst(),
    db
      .selectFrom('applications')
      .select(['answers'])
      .where('bsn', '=', bsn)
      .where('service', '=', PLATE_SOURCE.service)
      .where('status', '=', 'submitted')
      .orderBy('submitted_at', 'desc')
      .execute(),
    db
      .selectFrom('cases')
      .select(['case_type_code', 'status', 'received_on', 'outcome'])
      .where('bsn', '=', bsn)
      .orderBy('received_on', 'desc')
      .execute(),
  ])
  if (!person) throw new PersonNotFound()

  // Since when they live there: the register's date, else the open period of the address history.
  let since = person.moved_in_on
  if (person.address_id && !since) {
    const period = await db
      .selectFrom('address_history')
      .select('from_date')
      .where('bsn', '=', bsn)
      .where('address_id', '=', person.address_id)
      .where('from_date', '<=', today)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', today)]))
      .orderBy('from_date', 'desc')
      .executeTakeFirst()
    since = period?.from_date ?? null
  }

  const licencePlates: string[] = []
  for (const { answers } of plates) {
    const plate = answers[PLATE_SOURCE.question]
    if (typeof plate === 'string' && plate && !licencePlates.includes(plate)) licencePlates.push(plate)
  }

  return {
    name: personNameOf(person),
    birthDate: person.birth_date,
    address:
      person.street && person.house_number !== null && person.postcode && person.city
        ? {
            lines: addressLines({
              street: person.street,
              houseNumber: person.house_number,
              houseLetter: person.house_letter,
              houseNumberAddition: person.house_number_addition,
              postcode: person.postcode,
              city: person.city,
            }),
            postcode: formatPostcode(person.postcode),
            city: person.city,
            since,
          }
        : null,
    // As Mijn gegevens shows it: partner and children, and parents who live with them.
    household: household
      .filter((m) => m.relation !== 'parent' || (m.addressId !== null && m.addressId === person.address_id))
      .map((m): KnownPerson => ({ name: m.name, birthDate: m.birthDate, relation: m.relation })),
    // Only a confirmed address is one we write to (Voorkeuren).
    email: contact?.email && contact.email_verified_at ? contact.email : null,
    phone: contact?.phone ?? null,
    licencePlates,
    cases: cases.map((c) => ({
      caseType: c.case_type_code,
      open: c.status === 'open' || c.status === 'suspended',
      receivedOn: c.received_on,
      outcome: c.outcome ? (OUTCOMES[c.outcome] ?? null) : null,
    })),
  }
}
