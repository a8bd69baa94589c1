/**
 * The facts "Voor u" reads for one citizen (app/domain/suggestions.ts), each from where the
 * citizen sees it themselves: the register's data as on Mijn gegevens (only when the session may
 * see that page: DigiD Midden), the e-mail address as on Voorkeuren, their own cases as on Mijn
 * zaken and their applications as on Mijn aanvragen. One round of parallel queries.
 */
import type { Executor } from '../../../db/client'
import type { Outcome } from '~/domain/case-terms'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'
import { localDateOf } from '~/domain/local-date'
import type { SuggestionFacts } from '~/domain/suggestions'
import { addressView, loadHousehold } from '~/services/requests/kernel.server'

/** Mijn gegevens asks for DigiD Midden (README, Decisions): the register's data needs it here too. */
const PERSONAL_DATA_LEVEL: DigidLevel = 'midden'

const OUTCOMES: ReadonlySet<string> = new Set<Outcome>(['granted', 'partly_granted', 'refused', 'withdrawn'])

export async function loadSuggestionFacts(
  bsn: string,
  { db, level, now }: { db: Executor; level: DigidLevel; now: Date },
): Promise<SuggestionFacts> {
  const personal = meetsLevel(level, PERSONAL_DATA_LEVEL)
  const [person, household, contact, pendingEmail, cases, applications] = await Promise.all([
    personal
      ? db
          .selectFrom('persons as p')
          .leftJoin('addresses as a', 'a.id', 'p.address_id')
          .select([
            'p.birth_date',
            'p.moved_in_on',
            'p.address_id',
            'a.id',
            'a.street',
            'a.house_number',
            'a.house_letter',
            'a.house_number_addition',
            'a.postcode',
            'a.city',
          ])
          .where('p.bsn', '=', bsn)
          .executeTakeFirst()
      : undefined,
    personal ? loadHousehold(bsn, { db }) : [],
    db.selectFrom('contact_details').select(['email', 'email_verified_at']).where('bsn', '=', bsn).executeTakeFirst(),
    db
      .selectFrom('email_confirmations')
      .select(['email'])
      .where('bsn', '=', bsn)
      .where('confirmed_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst(),
    db
      .selectFrom('cases')
      .select(['reference', 'case_type_code', 'status', 'received_on', 'decided_on', 'outcome'])
      .where('bsn', '=', bsn)
      .execute(),
    db
      .selectFrom('applications as ap')
      .leftJoin('cases as c', 'c.id', 'ap.case_id')
      .select(['ap.service', 'ap.status', 'ap.created_at', 'c.status as case_status'])
      .where('ap.bsn', '=', bsn)
      .execute(),
  ])
  const address =
    person?.id && person.street && person.house_number !== null && person.postcode && person.city && person.moved_in_on
      ? addressView({
          id: person.id,
          street: person.street,
          house_number: person.house_number,
          house_letter: person.house_letter,
          house_number_addition: person.house_number_addition,
          postcode: person.postcode,
          city: person.city,
        })
      : null
  return {
    personalData: person
      ? {
          birthDate: person.birth_date,
          address:
            address && person.moved_in_on
              ? { street: address.street, houseNumber: address.houseNumber, since: person.moved_in_on }
              : null,
          // as Mijn gegevens lists them: a parent only when living at the same address
          household: household
            .filter((m) => m.relation !== 'parent' || m.addressId === person.address_id)
            .map((m) => ({
              relation: m.relation,
              birthDate: m.birthDate,
              livesWithYou: m.addressId !== null && m.addressId === person.address_id,
            })),
        }
      : null,
    // an address kept but never confirmed reads as one waiting for its link, as on Voorkeuren
    email:
      contact?.email && contact.email_verified_at ? 'confirmed' : pendingEmail || contact?.email ? 'pending' : 'none',
    cases: cases.map((c) => ({
      reference: c.reference,
      caseType: c.case_type_code,
      open: c.status === 'open' || c.status === 'suspended',
      receivedOn: c.received_on,
      decidedOn: c.decided_on,
      outcome: c.outcome !== null && OUTCOMES.has(c.outcome) ? (c.outcome as Outcome) : null,
    })),
    applications: applications.map((a) => ({
      service: a.service,
      status: a.status,
      startedOn: localDateOf(a.created_at),
      caseOpen: a.case_status ? a.case_status === 'open' || a.case_status === 'suspended' : null,
    })),
  }
}
