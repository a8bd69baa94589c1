import { forget, remember } from '@epic-web/remember'
import { createDb, type DB } from './client'

const KEY = 'mijn-stad:db'
const TARGET = 'mijn-stad:db-target'
const LISTENERS = 'mijn-stad:db-connection-error-listeners'

const listeners = () => remember(LISTENERS, () => new Set<(err: Error) => void>())

interface Target {
  url?: string
  max?: number
}

const target = () => remember<Target>(TARGET, () => ({}))

/**
 * Which database the process's handle connects to: the server, the worker and the scripts say so
 * at start (DATABASE_URL and DATABASE_POOL_MAX from server/config.ts, or the embedded
 * PostgreSQL's address); the test setup per test file. A handle already open keeps its database
 * until `closeDb()`.
 */
export function configureDb(url: string, { max }: { max?: number } = {}): void {
  Object.assign(target(), { url, max })
}

/**
 * The process's one database handle. `remember` keeps it on globalThis, so the server (run by
 * tsx) and the Remix build (a separate bundle) share one pool, and the server can close it.
 */
export function getDb(): DB {
  return remember(KEY, () => {
    const { url, max } = target()
    if (!url) throw new Error('no database: the server calls configureDb() before the app starts')
    return createDb(url, { max, onConnectionError: (err) => listeners().forEach((listener) => listener(err)) })
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
