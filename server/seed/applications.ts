import type { DB } from '../../db/client'
import { daysAgoAt } from './cases'

/**
 * The demo's applications through the e-loket: Jan's permit of last year ('demo-jan-3') came
 * from an application whose answers hold the licence plate, so the e-loket knows his plate and
 * does not ask it again (app/domain/eloket/services/parkeervergunning.ts). Runs after the cases.
 */
export async function seedDemoApplications(db: DB, now: Date): Promise<void> {
  const received = await db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['cases.id', 'cases.bsn', 'cases.received_on'])
    .where('case_events.source_event_id', '=', 'demo-jan-3:0')
    .executeTakeFirstOrThrow()
  const submittedAt = daysAgoAt(now, 400)
  await db
    .insertInto('applications')
    .values({
      bsn: received.bsn,
      service: 'parkeervergunning',
      status: 'submitted',
      answers: JSON.stringify({
        licencePlate: '12-ABC-3',
        carOwner: 'own',
        startDate: String(received.received_on),
      }),
      last_page: 'ingangsdatum',
      language: 'nl',
      fee_cents: 6590,
      case_id: received.id,
      created_at: submittedAt,
      updated_at: submittedAt,
      submitted_at: submittedAt,
    })
    .execute()
}
