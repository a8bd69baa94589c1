import { forget, remember } from '@epic-web/remember'
import { createDb, type DB } from './client'

const KEY = 'mijn-stad:db'

/**
 * The process's one database handle. `remember` keeps it on globalThis, so the server (run by
 * tsx) and the Remix build (a separate bundle) share one pool, and the server can close it.
 */
export function getDb(): DB {
  return remember(KEY, () => {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before the app starts')
    return createDb(url)
  })
}

export async function closeDb(): Promise<void> {
  const db = remember<DB | null>(KEY, () => null)
  forget(KEY)
  await db?.destroy()
}
