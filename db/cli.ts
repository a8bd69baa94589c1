import { closeDb, getDb } from './instance'
import { migrateDownAll, migrateToLatest } from './migrate'
import { openDatabase } from './runtime'
import { seedDemoData } from './seed'

/**
 * `npm run db:migrate` — bring the schema up to date
 * `npm run db:seed`    — add the demo data (only into an empty database)
 * `npm run db:reset`   — drop every table, migrate again and seed: a clean demo
 * Against DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR.
 */
const command = process.argv[2]
const commands = ['migrate', 'seed', 'reset'] as const
if (!commands.includes(command as (typeof commands)[number])) {
  console.error(`usage: tsx db/cli.ts ${commands.join('|')}`)
  process.exit(2)
}

const database = await openDatabase()
process.env.DATABASE_URL = database.url
let exitCode = 0
try {
  const db = getDb()
  if (command === 'reset') {
    await migrateDownAll(db)
    console.log('all tables dropped')
  }
  const applied = await migrateToLatest(db)
  console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date')
  if (command === 'seed' || command === 'reset') {
    console.log((await seedDemoData(db)) ? 'demo data seeded' : 'the database already has data; nothing seeded')
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  exitCode = 1
} finally {
  await closeDb()
  await database.stop()
}
process.exit(exitCode)
