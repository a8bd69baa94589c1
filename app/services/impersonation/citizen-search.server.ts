/**
 * "Wie heeft u aan de lijn?" — support staff find a citizen to look along with: by BSN, by name and birth
 * date, or by postcode and house number. Every search is audited with the kind of criteria, never
 * the BSN typed (it is the subject of nothing yet, and the log line must not carry it).
 *
 * A result is chosen by an opaque token, not by BSN: the BSN sealed with the server secret
 * (sealed-token.server.ts), bound to the employee's session and valid for CHOICE_MINUTES. So the
 * page's HTML and the next POST carry no BSN, nobody can make a token for a BSN of their own
 * choosing (the key is not derived from anything the employee holds), a token works only in
 * the session that got it, and any app instance can open it (no server memory). Choosing a
 * result shows name, birth date and address: that is audited as a view of the person's data.
 */
import { SEARCH_ROLES } from '~/domain/staff-areas'
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { recordAudit } from '../audit.server'
import { settings } from '~/context.server'
import type { StaffUser } from '../auth/user.server'
import { openToken, sealToken, type SealOptions } from '../auth/sealed-token.server'
import { createTokenBucket } from '../auth/token-bucket.server'
import { personNameOf } from '~/domain/person-name'

export type SearchCriteria =
  | { kind: 'bsn'; bsn: string }
  | { kind: 'name'; surname: string; birthDate: string }
  | { kind: 'address'; postcode: string; houseNumber: number }

export interface CitizenSearchResult {
  /** opaque, session-bound; POSTed back to choose this person */
  choice: string
  name: string
  birthDate: string
  address: string | null
}

export type SearchOutcome =
  { ok: true; results: CitizenSearchResult[] } | { ok: false; code: 'forbidden' | 'rateLimited' }

const MAX_RESULTS = 20
/** Who may search: support staff (to look along) and the contact centre (for the klantbeeld). */
/** How long a chosen result stays usable: a phone call, not a working day. */
export const CHOICE_MINUTES = 10

/** Rate limits on staff search (README: Decisions). Per employee, in-process (see auth/token-bucket.server.ts). */
const searchLimiter = createTokenBucket({ ratePerSecond: 0.5, burst: 30 })

/** One budget per employee for every staff search (this page and the search on every staff page). */
export function takeSearchToken(employeeId: string): boolean {
  return searchLimiter.take(employeeId) === 0
}

const choiceSeal = (sessionId: string): SealOptions => ({
  secret: settings().appSecret,
  purpose: 'citizen-choice',
  holder: sessionId,
})

export function sealChoice(sessionId: string, bsn: string, { now = new Date() }: { now?: Date } = {}): string {
  return sealToken(choiceSeal(sessionId), bsn, new Date(now.getTime() + CHOICE_MINUTES * 60_000))
}

/** The BSN in a token sealed for this session and not expired; null for anything else. */
export function openChoice(sessionId: string, token: string, { now = new Date() }: { now?: Date } = {}): string | null {
  const opened = openToken(choiceSeal(sessionId), token, now)
  return opened.ok && /^\d{9}$/.test(opened.value) ? opened.value : null
}

interface AddressColumns {
  street: string | null
  house_number: number | null
  house_letter: string | null
  house_number_addition: string | null
  postcode: string | null
  city: string | null
}

function addressLine(r: AddressColumns): string | null {
  if (!r.street || r.house_number === null || !r.postcode || !r.city) return null
  const number = `${r.house_number}${r.house_letter ?? ''}${r.house_number_addition ? `-${r.house_number_addition}` : ''}`
  return `${r.street} ${number}, ${r.postcode.slice(0, 4)} ${r.postcode.slice(4)} ${r.city}`
}

export async function searchCitizens(
  staff: StaffUser,
  criteria: SearchCriteria,
  { db = getDb() }: { db?: DB } = {},
): Promise<SearchOutcome> {
  if (!SEARCH_ROLES.some((r) => staff.roles.includes(r))) return { ok: false, code: 'forbidden' }
  if (!takeSearchToken(staff.employeeId)) return { ok: false, code: 'rateLimited' }
  let query = db
    .selectFrom('persons as p')
    .leftJoin('addresses as a', 'a.id', 'p.address_id')
    .select([
      'p.bsn',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      'p.birth_date',
      'a.street',
      'a.house_number',
      'a.house_letter',
      'a.house_number_addition',
      'a.postcode',
      'a.city',
    ])
  if (criteria.kind === 'bsn') query = query.where('p.bsn', '=', criteria.bsn)
  else if (criteria.kind === 'name') {
    // The surname as people say it: without "van der" and regardless of case.
    query = query
      .where(
        sql<boolean>`lower(p.surname) = lower(${criteria.surname}) or lower(concat_ws(' ', p.name_prefix, p.surname)) = lower(${criteria.surname})`,
      )
      .where('p.birth_date', '=', criteria.birthDate)
  } else query = query.where('a.postcode', '=', criteria.postcode).where('a.house_number', '=', criteria.houseNumber)
  const rows = await query.orderBy('p.surname').orderBy('p.birth_date').limit(MAX_RESULTS).execute()
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: staff.employeeId,
    action: 'staff.search',
    details: { criteria: criteria.kind, results: rows.length },
  })
  return {
    ok: true,
    results: rows.map((r) => ({
      choice: sealChoice(staff.sessionId, r.bsn),
      name: personNameOf(r),
      birthDate: r.birth_date,
      address: addressLine(r),
    })),
  }
}

/**
 * The person behind a chosen token, for the start form; null when the token is not this
 * session's, has expired or was altered — then nothing is shown and nothing is audited.
 * `audit`: this shows the person's name, birth date and address to the employee, which the
 * person's "who viewed my data" lists (the start form's own re-posts are covered by the start).
 */
export async function chosenCitizen(
  staff: StaffUser,
  choice: string,
  { audit, db = getDb() }: { audit: boolean; db?: DB },
): Promise<{ bsn: string; result: CitizenSearchResult } | null> {
  if (!SEARCH_ROLES.some((r) => staff.roles.includes(r))) return null
  const bsn = openChoice(staff.sessionId, choice)
  if (!bsn) return null
  const r = await db
    .selectFrom('persons as p')
    .leftJoin('addresses as a', 'a.id', 'p.address_id')
    .select([
      'p.given_names',
      'p.name_prefix',
      'p.surname',
      'p.birth_date',
      'a.street',
      'a.house_number',
      'a.house_letter',
      'a.house_number_addition',
      'a.postcode',
      'a.city',
    ])
    .where('p.bsn', '=', bsn)
    .executeTakeFirst()
  if (!r) return null
  if (audit) {
    await recordAudit(db, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'staff.citizen_chosen',
      subjectBsn: bsn,
      details: { shown: ['name', 'birthDate', 'address'] },
    })
  }
  return {
    bsn,
    result: {
      choice,
      name: personNameOf(r),
      birthDate: r.birth_date,
      address: addressLine(r),
    },
  }
}
