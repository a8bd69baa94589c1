import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Connection URL of `database` on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A throwaway database cloned from the migrated template: fresh for every test file. */
export async function createTestDatabase(
  adminUrl: string,
  template: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mijnstad_test_${randomBytes(6).toString('hex')}`
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`)
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  }
}
