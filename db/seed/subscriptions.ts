import type { Insertable } from 'kysely'
import type { DB } from '../client'
import type { SubscriptionsTable } from '../schema'

/**
 * Demo subscribers of the outbound events (app/services/outbound.server.ts): the municipality's tax office
 * (who pays which local taxes where) and waste collection (which bins at which address). They
 * are seeded *inactive*, pointing at addresses that do not exist, so a demo never posts to an
 * unknown host; a caseworker screen still shows "no subscriber reached". To see deliveries,
 * point one at a receiver you run and activate it:
 *   update subscriptions set endpoint_url = 'http://localhost:4010/events', active = true where id = 'afval';
 * The integration tests register their own subscriber on a local HTTP server.
 */
export const demoSubscriptions: Array<Insertable<SubscriptionsTable>> = [
  {
    id: 'belastingen',
    name: 'Belastingen (gemeentelijke belastingen)',
    event_types: ['nl.groningen.mijnstad.brp.address-changed', 'nl.groningen.mijnstad.brp.person-corrected'],
    endpoint_url: 'http://belastingen.invalid/events',
    secret: 'demo-belastingen-secret',
    active: false,
  },
  {
    id: 'afval',
    name: 'Afvalinzameling',
    event_types: ['nl.groningen.mijnstad.brp.address-changed'],
    endpoint_url: 'http://afval.invalid/events',
    secret: 'demo-afval-secret',
    active: false,
  },
]

export async function seedSubscriptions(db: DB): Promise<void> {
  await db
    .insertInto('subscriptions')
    .values(demoSubscriptions)
    .onConflict((oc) => oc.doNothing())
    .execute()
}
