import type { DB } from '../../db/client'
import { personaByKey } from '../../db/seed/personas'

/**
 * A draft to resume in the demo: Fatima started a Wmo support request yesterday and stopped
 * halfway (what she needs help with and her situation are answered; whether someone helps her
 * already is not). Mijn aanvragen lists it under "Nog niet verstuurd", kept for
 * DRAFT_LIFETIME_DAYS from its last change (app/domain/drafts.ts).
 */
export async function seedDemoDrafts(db: DB, now: Date): Promise<void> {
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000)
  await db
    .insertInto('applications')
    .values({
      bsn: personaByKey('fatima').bsn,
      service: 'wmo',
      status: 'draft',
      answers: JSON.stringify({
        helpWith: ['household', 'daily'],
        description:
          'Sinds mijn operatie aan mijn rug kan ik niet meer stofzuigen en boodschappen dragen. Met twee jonge kinderen lukt het huishouden zo niet.',
      }),
      last_page: 'situatie',
      language: 'nl',
      created_at: yesterday,
      updated_at: yesterday,
    })
    .execute()
}
