import { addDays, todayIn } from '../../app/domain/local-date'
import type { DB } from '../../db/client'
import { personaByKey } from '../../db/seed/personas'
import { playCase } from './cases'

/** Lisa moved this many days before the seed ran: within the 90 days "Voor u" looks back on. */
export const LISA_MOVED_DAYS_AGO = 24
/** Where she lived before (since her persona's moving-in date), with a parking permit. */
export const LISA_PREVIOUS_ADDRESS = { street: 'Oosterhamriklaan', number: 10 }

/**
 * What "Voor u" on Mijn overzicht needs in the demo, added after the other demo data:
 * - Lisa van der Berg has just moved: from Oosterhamriklaan 10, where she had a resident's
 *   parking permit, to her current address, `LISA_MOVED_DAYS_AGO` days ago. She sees that the
 *   permit is still for her old address, and that she needs a waste pass for the new one.
 * - Anneke Bakker has received social assistance for two years (her application as a single
 *   parent is a new one): she sees that special assistance can help with costs that come up.
 */
export async function seedSuggestionsDemo(db: DB, now: Date): Promise<void> {
  const lisa = personaByKey('lisa')
  const since = addDays(todayIn(now), -LISA_MOVED_DAYS_AGO)
  await db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('addresses')
      .select('id')
      .where('street', '=', LISA_PREVIOUS_ADDRESS.street)
      .where('house_number', '=', LISA_PREVIOUS_ADDRESS.number)
      .where('house_letter', 'is', null)
      .where('house_number_addition', 'is', null)
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('address_history')
      .set({ from_date: since })
      .where('bsn', '=', lisa.bsn)
      .where('to_date', 'is', null)
      .execute()
    await trx
      .insertInto('address_history')
      .values({ bsn: lisa.bsn, address_id: previous.id, from_date: lisa.moved_in_on, to_date: since })
      .execute()
    await trx.updateTable('persons').set({ moved_in_on: since }).where('bsn', '=', lisa.bsn).execute()
  })
  await playCase(
    db,
    {
      key: 'demo-lisa-permit',
      bsn: lisa.bsn,
      caseTypeCode: 'parkeervergunning',
      channel: 'internet',
      subject: 'Bewonersvergunning Oosterhamriklaan, kenteken 9-XLV-12',
      receivedDaysAgo: 240,
      externalId: 'ZS-0990',
      events: [
        { daysAgo: 236, type: 'step_reached', step: 'controle' },
        {
          daysAgo: 230,
          type: 'decided',
          outcome: 'granted',
          summary: 'U krijgt een bewonersvergunning voor de zone Oosterhamriklaan.',
          reasons: 'De auto met kenteken 9-XLV-12 staat op uw naam. U woont in de zone Oosterhamriklaan.',
        },
        { daysAgo: 229, type: 'closed' },
      ],
    },
    now,
  )
  await playCase(
    db,
    {
      key: 'demo-anneke-benefit',
      bsn: personaByKey('anneke').bsn,
      caseTypeCode: 'bijstand',
      channel: 'counter',
      subject: 'Bijstandsuitkering levensonderhoud',
      receivedDaysAgo: 760,
      externalId: 'ZS-0801',
      events: [
        { daysAgo: 750, type: 'step_reached', step: 'gesprek' },
        { daysAgo: 740, type: 'step_reached', step: 'onderzoek' },
        {
          daysAgo: 730,
          type: 'decided',
          outcome: 'granted',
          summary: 'U krijgt een bijstandsuitkering.',
          reasons: 'Uw inkomen en uw vermogen zijn lager dan de grens. U woont in Groningen.',
        },
        { daysAgo: 729, type: 'closed' },
      ],
    },
    now,
  )
}
