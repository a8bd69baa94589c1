import { verifyAuditChain } from '../app/services/audit.server'
import { closeDb, getDb } from './instance'
import { migrateDownAll, migrateToLatest } from './migrate'
import { openDatabase } from './runtime'
import { seedDemoData } from './seed'

/**
 * `npm run db:migrate` — bring the schema up to date
 * `npm run db:seed`    — add the demo data (only into an empty database)
 * `npm run db:reset`   — drop every table, migrate again and seed: a clean demo
 * `npm run audit:verify` — check the audit log's hash chain; names the first broken row
 * Against DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR.
 */
const command = process.argv[2]
const commands = ['migrate', 'seed', 'reset', 'audit-verify'] as const
if (!commands.includes(command as (typeof commands)[number])) {
  console.error(`usage: tsx db/cli.ts ${commands.join('|')}`)
  process.exit(2)
}

const database = await openDatabase()
process.env.DATABASE_URL = database.url
let exitCode = 0
try {
  const db = getDb()
  if (command === 'audit-verify') {
    const check = await verifyAuditChain(db)
    if (check.ok) console.log(`audit log intact: ${check.rows} entries, every hash and link checks out`)
    else {
      console.error(
        `audit log BROKEN at entry ${check.firstBrokenId} (${check.reason === 'hash' ? 'its content does not match its hash' : 'it does not link to the entry before it'}); ${check.rows} entries checked`,
      )
      exitCode = 1
    }
  } else if (command === 'reset') {
    await migrateDownAll(db)
    console.log('all tables dropped')
  }
  if (command !== 'audit-verify') {
    const applied = await migrateToLatest(db)
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date')
  }
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
