import { afterAll, beforeAll, inject } from 'vitest'
import { closeDb, configureDb } from '../../db/instance'
import { createTestDatabase } from '../support/database'

// Vitest puts Vite's `import.meta.env.BASE_URL` ("/") into process.env; it is not the portal's
// address, and server/config.ts (the settings outside a request, the scripts a test starts)
// would rightly refuse it.
if (process.env.BASE_URL === '/') delete process.env.BASE_URL

// Each test file: its own database, cloned from the migrated template; dropped at the end.
let drop: (() => Promise<void>) | undefined
beforeAll(async () => {
  const created = await createTestDatabase(inject('adminDatabaseUrl'), inject('templateDatabase'))
  process.env.DATABASE_URL = created.url // for the worker utilities and child processes a test starts
  configureDb(created.url)
  drop = created.drop
})
afterAll(async () => {
  await closeDb()
  await drop?.()
})
