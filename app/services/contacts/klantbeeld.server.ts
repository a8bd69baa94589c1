/**
 * The klantbeeld: a citizen's contact history as staff see it — everything the citizen sees,
 * plus the internal hand-overs and notes and which employee did what. For the contact centre
 * (`kcc`) and support staff (`support`), reached from the citizen search or from a question;
 * for a caseworker only from a case they handle, or a question handed over to their department.
 *
 * The citizen is never named by BSN in a URL: the search hands over a sealed, session-bound
 * token (auth/sealed-token.server.ts), a question or case by its id. Every view is audited
 * (`contact_history.viewed`, with the citizen as subject), so it shows in their "Wie heeft mijn
 * gegevens bekeken". A foreign, unknown or malformed id answers `notFound`, like a missing one.
 */
import { KLANTBEELD_ROLES } from '~/domain/staff-areas'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { isUuid } from '~/domain/ids'
import { personNameOf } from '~/domain/person-name'
import { settings } from '~/context.server'
import { recordAudit } from '../audit.server'
import type { StaffUser } from '../auth/user.server'
import { openToken, sealToken, type SealOptions } from '../auth/sealed-token.server'
import { mayHandleCase } from '../cases/scope.server'
import { openChoice } from '../impersonation/citizen-search.server'
import { readContactHistory, type ContactPage, type ContactQuery } from './history.server'

/** Who may see any citizen's klantbeeld. */
/** How long a klantbeeld link from the search stays usable: a conversation, not a day. */
const KLANTBEELD_MINUTES = 60

export type KlantbeeldTarget =
  { via: 'search'; token: string } | { via: 'question'; questionId: string } | { via: 'case'; caseId: string }

export type KlantbeeldOutcome =
  | { ok: true; name: string; page: ContactPage; via: KlantbeeldTarget['via']; reference: string | null }
  | { ok: false; code: 'notFound' }

const mayAlwaysView = (staff: StaffUser) => KLANTBEELD_ROLES.some((r) => staff.roles.includes(r))

const klantbeeldSeal = (sessionId: string): SealOptions => ({
  secret: settings().appSecret,
  purpose: 'contact-history',
  holder: sessionId,
})

/**
 * From a search result's choice (impersonation/citizen-search.server.ts) to a token for the
 * klantbeeld's address; null when the choice is not this session's or has expired.
 */
export function klantbeeldTokenFor(
  staff: StaffUser,
  choice: string,
  { now = new Date() }: { now?: Date } = {},
): string | null {
  if (!mayAlwaysView(staff)) return null
  const bsn = openChoice(staff.sessionId, choice, { now })
  if (!bsn) return null
  return sealToken(klantbeeldSeal(staff.sessionId), bsn, new Date(now.getTime() + KLANTBEELD_MINUTES * 60_000))
}

interface Resolved {
  bsn: string
  resource: string | null
  reason: string | null
  reference: string | null
}

async function resolve(staff: StaffUser, target: KlantbeeldTarget, db: DB, now: Date): Promise<Resolved | null> {
  if (target.via === 'search') {
    if (!mayAlwaysView(staff)) return null
    const opened = openToken(klantbeeldSeal(staff.sessionId), target.token, now)
    return opened.ok && /^\d{9}$/.test(opened.value)
      ? { bsn: opened.value, resource: null, reason: null, reference: null }
      : null
  }
  if (target.via === 'question') {
    if (!isUuid(target.questionId)) return null
    const q = await db
      .selectFrom('questions')
      .select(['bsn', 'reference', 'department'])
      .where('id', '=', target.questionId)
      .executeTakeFirst()
    if (!q?.bsn) return null
    if (!mayAlwaysView(staff)) {
      // A caseworker: only a question handed over to their own department.
      const me = await db
        .selectFrom('employees')
        .select('department')
        .where('id', '=', staff.employeeId)
        .executeTakeFirst()
      if (!staff.roles.includes('caseworker') || !me || q.department !== me.department) return null
    }
    return { bsn: q.bsn, resource: `question:${q.reference}`, reason: q.reference, reference: q.reference }
  }
  if (!isUuid(target.caseId)) return null
  const c = await db.selectFrom('cases').select(['bsn', 'reference']).where('id', '=', target.caseId).executeTakeFirst()
  if (!c) return null
  if (
    !mayAlwaysView(staff) &&
    !(staff.roles.includes('caseworker') && (await mayHandleCase(staff.employeeId, target.caseId, db)))
  )
    return null
  // The case reference in the resource: "Wie heeft mijn gegevens bekeken" names the case.
  return { bsn: c.bsn, resource: `case:${c.reference}`, reason: null, reference: c.reference }
}

/** One page of the klantbeeld, audited; `notFound` for anything this employee may not see. */
export async function viewKlantbeeld(
  staff: StaffUser,
  target: KlantbeeldTarget,
  query: ContactQuery,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<KlantbeeldOutcome> {
  const found = await resolve(staff, target, db, now)
  if (!found) return { ok: false, code: 'notFound' }
  const person = await db
    .selectFrom('persons')
    .select(['given_names', 'name_prefix', 'surname'])
    .where('bsn', '=', found.bsn)
    .executeTakeFirst()
  if (!person) return { ok: false, code: 'notFound' }
  const page = await readContactHistory(found.bsn, query, { viewer: 'staff', db })
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: staff.employeeId,
    action: 'contact_history.viewed',
    subjectBsn: found.bsn,
    resource: found.resource,
    reason: found.reason,
    details: { via: target.via, filter: query.filter, period: query.period, page: query.after ? 'next' : 'first' },
  })
  return { ok: true, name: personNameOf(person), page, via: target.via, reference: found.reference }
}
