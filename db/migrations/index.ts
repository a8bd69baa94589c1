import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation'

/**
 * Every migration, in order. A static list rather than a folder scan, so the same code runs
 * under tsx, vitest and any bundler. Add a new file here with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
}
