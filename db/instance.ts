import { forget, remember } from '@epic-web/remember'
import { createDb, type DB } from './client'

const KEY = 'mijn-stad:db'
const LISTENERS = 'mijn-stad:db-connection-error-listeners'

const listeners = () => remember(LISTENERS, () => new Set<(err: Error) => void>())

/**
 * The process's one database handle. `remember` keeps it on globalThis, so the server (run by
 * tsx) and the Remix build (a separate bundle) share one pool, and the server can close it.
 */
export function getDb(): DB {
  return remember(KEY, () => {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before the app starts')
    return createDb(url, { onConnectionError: (err) => listeners().forEach((listener) => listener(err)) })
  })
}

/** Be told when the shared pool loses a connection (the server logs it); returns an unsubscribe. */
export function onDatabaseConnectionError(listener: (err: Error) => void): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

export async function closeDb(): Promise<void> {
  const db = remember<DB | null>(KEY, () => null)
  forget(KEY)
  await db?.destroy()
}
