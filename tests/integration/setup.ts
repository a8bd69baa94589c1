import { afterAll, beforeAll, inject } from 'vitest'
import { closeDb } from '../../db/instance'
import { createTestDatabase } from '../support/database'

// Each test file: its own database, cloned from the migrated template; dropped at the end.
let drop: (() => Promise<void>) | undefined
beforeAll(async () => {
  const created = await createTestDatabase(inject('adminDatabaseUrl'), inject('templateDatabase'))
  process.env.DATABASE_URL = created.url
  drop = created.drop
})
afterAll(async () => {
  await closeDb()
  await drop?.()
})
