/**
 * "Wie heeft u aan de lijn?" — support staff find a citizen (issue 7): by BSN, by name and birth
 * date, or by postcode and house number. Every search is audited with the kind of criteria, never
 * the BSN typed (it is the subject of nothing yet, and the log line must not carry it).
 *
 * A result is chosen by an opaque token, not by BSN: the BSN sealed with AES-256-GCM under a key
 * derived from the employee's session (its id hash, which only the database and this server
 * know). So the page's HTML and the next POST carry no BSN, a token works only in the session
 * that got it, and any app instance can open it (no server memory).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { recordAudit } from './audit.server'
import type { StaffUser } from './auth.server'
import { createTokenBucket } from './token-bucket.server'

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

/** DESIGN.md §5: rate limits on staff search. Per employee, in-process (see token-bucket.server.ts). */
const searchLimiter = createTokenBucket({ ratePerSecond: 0.5, burst: 30 })

function keyOf(sessionId: string): Buffer {
  return createHash('sha256').update(`mijn-stad:citizen-choice:${sessionId}`).digest()
}

export function sealChoice(sessionId: string, bsn: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionId), iv)
  const sealed = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The BSN in a token this session sealed; null for anything else (another session's, altered). */
export function openChoice(sessionId: string, token: string): string | null {
  try {
    const raw = Buffer.from(token, 'base64url')
    if (raw.length < 29 || raw.length > 64) return null
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionId), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    const bsn = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    return /^\d{9}$/.test(bsn) ? bsn : null
  } catch {
    return null
  }
}

function fullName(p: { given_names: string; name_prefix: string | null; surname: string }): string {
  return [p.given_names, p.name_prefix, p.surname].filter(Boolean).join(' ')
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
  db: DB = getDb(),
): Promise<SearchOutcome> {
  if (!staff.roles.includes('support')) return { ok: false, code: 'forbidden' }
  if (searchLimiter.take(staff.employeeId) > 0) return { ok: false, code: 'rateLimited' }
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
      name: fullName(r),
      birthDate: r.birth_date,
      address: addressLine(r),
    })),
  }
}

/** The person behind a chosen token, for the start form; null when the token is not this session's. */
export async function chosenCitizen(
  staff: StaffUser,
  choice: string,
  db: DB = getDb(),
): Promise<{ bsn: string; result: CitizenSearchResult } | null> {
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
  return {
    bsn,
    result: {
      choice,
      name: fullName(r),
      birthDate: r.birth_date,
      address: addressLine(r),
    },
  }
}
