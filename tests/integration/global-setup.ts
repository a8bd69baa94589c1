import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDb } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded'
import { migrateToLatest } from '../../db/migrate'
import { seedRegisters } from '../../db/seed'
import { adminQuery, withDatabase } from '../support/database'
import { keepExitCode } from '../support/keep-exit-code'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    templateDatabase: string
  }
}

/**
 * One PostgreSQL for the run: the one at DATABASE_URL when set (CI runs the suite against the
 * machine's PostgreSQL 15 too), otherwise an embedded one in a temp dir. A template database is
 * migrated once and holds the reference registers (addresses, catalogue, staff) but no people;
 * each test file gets its own copy of it (tests/integration/setup.ts) and drops it afterwards.
 */
export default async function setup(project: TestProject) {
  keepExitCode()
  let adminUrl = process.env.DATABASE_URL
  let stopEmbedded: (() => Promise<void>) | undefined
  let tempDir: string | undefined
  if (!adminUrl) {
    tempDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-test-'))
    chmodSync(tempDir, 0o755) // the cluster runs as the postgres user, who must reach it
    const embedded = await startEmbeddedPostgres(path.join(tempDir, 'postgres'), { database: 'postgres' })
    adminUrl = embedded.url
    stopEmbedded = embedded.stop
  }
  const template = `mijnstad_template_${process.pid}`
  await adminQuery(adminUrl, `drop database if exists "${template}"`)
  await adminQuery(adminUrl, `create database "${template}"`)
  const db = createDb(withDatabase(adminUrl, template), { max: 2 })
  try {
    await migrateToLatest(db)
    await seedRegisters(db)
  } finally {
    await db.destroy()
  }
  project.provide('adminDatabaseUrl', adminUrl)
  project.provide('templateDatabase', template)

  return async () => {
    await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`).catch(() => {})
    await stopEmbedded?.()
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
}
