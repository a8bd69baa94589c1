/**
 * Looking along is read-only. This is where that is decided, and it is checked in two places:
 *
 * 1. The guard that holds: `server/app.ts` (`readOnlyWhileImpersonating`) asks
 *    `isViewingAsCitizen` for every request that is not GET, HEAD or OPTIONS and refuses it with
 *    403 before any route runs — a citizen page's form post, a staff page's, the API, anything
 *    added later — except ending the viewing, logging out, the idle keep-alive and the language
 *    switch (they touch only the employee's own session or a cookie). Proved by
 *    tests/integration/impersonation.test.ts ("refuses every write with 403 …").
 * 2. The backstop: `citizenView` (citizen-view.server.ts, called by `requireCitizen`) refuses a
 *    non-GET too, so a citizen route's action cannot run for a viewing employee should a route
 *    ever be added to the server's exceptions.
 *
 * A route or service therefore does not check `citizen.impersonatedBy` to refuse a write: its
 * action never runs while looking along. `impersonatedBy` is for rendering (hide the buttons,
 * show the read-only note) and for a GET with a side effect on the citizen's data (a letter is
 * not marked read, no copy of all data is made).
 */
import type { DB } from '../../../db/client'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { getDb } from '../../../db/instance'
import { readCookie } from '../auth/cookies.server'
import { hashToken } from '../auth/session-store.server'

/** What a refused write answers: 403 with a code the error page explains (nl and en). */
export const READ_ONLY_CODE = IMPERSONATION_REFUSAL.readOnly

/** Is the session with this id (hash) viewing as a citizen? */
async function sessionIsImpersonating(sessionIdHash: string, db: DB): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('impersonation_id')
    .where('id_hash', '=', sessionIdHash)
    .executeTakeFirst()
  return Boolean(row?.impersonation_id)
}

/** The server's write guard: is the session in this Cookie header viewing as a citizen? */
export async function isViewingAsCitizen(
  cookieHeader: string | undefined,
  { db = getDb() }: { db?: DB } = {},
): Promise<boolean> {
  const token = await readCookie(
    new Request('http://localhost/', { headers: cookieHeader ? { cookie: cookieHeader } : {} }),
    'session',
  )
  return token ? sessionIsImpersonating(hashToken(token), db) : false
}
