/**
 * Parties to a case besides its citizen: the people a case is about too (the co-movers of a move,
 * Wet BRP art. 2.48). It stays one case, kept under the citizen who made the request; a party
 * sees it in their own "Mijn zaken", reads the letters written to them on it, and nothing else of
 * anyone's. Every citizen-facing case query filters with `caseVisibleToCitizen`, so a case that is
 * neither theirs nor one they are a party to answers like an unknown one (404).
 */
import type { Executor } from '../../../db/client'
import { sql } from 'kysely'

export type CasePartyRole = 'co_mover'

/**
 * "This case is the citizen's, or they are a party to it", for a query over cases aliased `c`
 * (or the column named). Written as an `in` over a union, so both sides use their index
 * (cases_bsn, case_parties_bsn) instead of a scan of every case.
 */
export function caseVisibleToCitizen(bsn: string, caseIdColumn = 'c.id') {
  return sql<boolean>`${sql.ref(caseIdColumn)} in (
    select id from cases where bsn = ${bsn}
    union all
    select case_id from case_parties where bsn = ${bsn})`
}

/** Adds people as parties to a case, in the caller's transaction; adding someone twice is a no-op. */
export async function addCaseParties(
  trx: Executor,
  caseId: string,
  bsns: readonly string[],
  role: CasePartyRole,
  now: Date,
): Promise<void> {
  if (bsns.length === 0) return
  await trx
    .insertInto('case_parties')
    .values(bsns.map((bsn) => ({ case_id: caseId, bsn, role, added_at: now })))
    .onConflict((oc) => oc.columns(['case_id', 'bsn']).doNothing())
    .execute()
}
