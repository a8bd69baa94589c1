import { sql } from 'kysely'
import type { DB } from '../../db/client'
import { seedPersonas, seedRegisters, seedSubscriptions } from '../../db/seed'
import { seedDemoApplications } from './applications'
import { seedDemoDrafts } from './applications-drafts'
import { seedDemoCases } from './cases'
import { seedDemoMessages } from './messages'
import { seedDemoQuestions } from './questions'
import { seedSuggestionsDemo } from './suggestions'

/**
 * Seeds the demo data once: a database that already has persons is left alone, so a restart
 * keeps whatever was done in the demo. Runs under an advisory lock, for instances starting at once.
 */
export async function seedDemoData(db: DB, { now = new Date() } = {}): Promise<boolean> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext('mijn-stad:seed'))`.execute(conn)
    try {
      const { count } = await conn
        .selectFrom('persons')
        .select(sql<number>`count(*)::int`.as('count'))
        .executeTakeFirstOrThrow()
      if (count > 0) return false
      await seedRegisters(conn)
      await seedPersonas(conn)
      await seedDemoCases(conn, now)
      await seedDemoApplications(conn, now)
      await seedDemoDrafts(conn, now)
      await seedDemoMessages(conn, now)
      await seedDemoQuestions(conn, now)
      await seedSubscriptions(conn)
      await seedSuggestionsDemo(conn, now)
      return true
    } finally {
      await sql`select pg_advisory_unlock(hashtext('mijn-stad:seed'))`.execute(conn)
    }
  })
}
