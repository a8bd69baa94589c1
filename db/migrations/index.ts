import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0005 from './0005_audit_chain'

/**
 * Every migration, in order. A static list rather than a folder scan, so the same code runs
 * under tsx, vitest and any bundler. Add a new file here with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0005_audit_chain': m0005,
}
