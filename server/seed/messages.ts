import { randomUUID } from 'node:crypto'
import type { DB } from '../../db/client'
import { daysAgoAt } from './cases'

/**
 * A short conversation on Jan's building permit (ZS-1001), so the citizen's and the
 * caseworker's pages can be walked: a question answered by his contact person, and a second
 * question still waiting (it shows on /medewerker/berichten). Relative to `now`, as the cases.
 */
export async function seedDemoMessages(db: DB, now: Date): Promise<void> {
  const found = await db.selectFrom('cases').select('id').where('external_id', '=', 'ZS-1001').executeTakeFirst()
  if (!found) return
  const at = (daysAgo: number, hour: number) => new Date(daysAgoAt(now, daysAgo).getTime() + (hour - 12) * 3_600_000)
  const first = await db
    .insertInto('case_messages')
    .values({
      case_id: found.id,
      author_kind: 'citizen',
      body: 'Goedendag, moet ik voor de dakkapel ook tekeningen van de buren aanleveren? Met vriendelijke groet, Jan Jansen',
      sent_at: at(12, 9),
      read_at: at(11, 10),
      form_id: randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('case_messages')
    .values({
      case_id: found.id,
      author_kind: 'employee',
      employee_id: 'E1001',
      body: 'Beste heer Jansen,\n\nDat is niet nodig. Wij kijken zelf of de dakkapel past bij de buurt. U hoeft alleen de tekeningen van uw eigen huis te sturen, en die hebben wij al.\n\nMet vriendelijke groet,\nMirjam Kuipers',
      sent_at: at(10, 11),
      read_at: at(10, 19),
      notified_at: at(10, 11),
      answers_id: first.id,
      form_id: randomUUID(),
    })
    .execute()
  await db
    .insertInto('case_messages')
    .values({
      case_id: found.id,
      author_kind: 'citizen',
      body: 'Dank u wel. Weet u al wanneer de beoordeling klaar is?',
      sent_at: at(2, 10),
      form_id: randomUUID(),
    })
    .execute()
}
