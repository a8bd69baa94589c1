import { createHash, timingSafeEqual } from 'node:crypto'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'

export interface SourceSystem {
  id: string
  name: string
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/**
 * The back-office system a bearer token belongs to, or null. Tokens are stored as SHA-256 hex
 * (`source_systems.token_hash`), never in clear. The presented token's hash is compared with
 * every active system's in constant time, and the loop never stops early, so neither the
 * comparison nor the number of comparisons tells an attacker how close a guess came.
 */
export async function authenticateSourceSystem(token: string, db: DB = getDb()): Promise<SourceSystem | null> {
  const presented = sha256(token)
  const systems = await db
    .selectFrom('source_systems')
    .select(['id', 'name', 'token_hash'])
    .where('active', '=', true)
    .execute()
  let found: SourceSystem | null = null
  for (const system of systems) {
    const stored = Buffer.from(system.token_hash, 'hex')
    const equal = stored.length === presented.length && timingSafeEqual(stored, presented)
    if (equal && !found) found = { id: system.id, name: system.name }
  }
  return found
}
