import { isValidBsn } from './bsn'

/**
 * What an employee typed in the search on every staff page, understood: a case number
 * (Z-2026-000123, also typed as z2026123 or "Z 2026 123"), a BSN (9 digits, with the spaces or
 * dots people type, passing the eleven test) or a name (words of at least two letters in all).
 */
export type StaffSearchQuery =
  { kind: 'caseReference'; reference: string } | { kind: 'bsn'; bsn: string } | { kind: 'name'; words: string[] }

export type StaffQueryProblem = 'empty' | 'tooLong' | 'tooShort' | 'bsnInvalid' | 'referenceInvalid' | 'unclear'

export const STAFF_QUERY_MAX = 100

const REFERENCE = /^z[\s-]*(\d{4})[\s-]*(\d{1,6})$/i
const LOOKS_LIKE_REFERENCE = /^z[\s-]*\d/i
const BSN_LIKE = /^[\d\s.-]+$/
const NAME = /^[\p{L}\p{M}' .-]+$/u

export function parseStaffQuery(
  input: string,
): { ok: true; query: StaffSearchQuery } | { ok: false; problem: StaffQueryProblem } {
  const q = input.trim().replace(/\s+/g, ' ')
  if (!q) return { ok: false, problem: 'empty' }
  if (q.length > STAFF_QUERY_MAX) return { ok: false, problem: 'tooLong' }
  const reference = REFERENCE.exec(q)
  if (reference)
    return {
      ok: true,
      query: { kind: 'caseReference', reference: `Z-${reference[1]}-${reference[2].padStart(6, '0')}` },
    }
  if (LOOKS_LIKE_REFERENCE.test(q)) return { ok: false, problem: 'referenceInvalid' }
  if (BSN_LIKE.test(q)) {
    const digits = q.replace(/[\s.-]/g, '')
    return isValidBsn(digits) ? { ok: true, query: { kind: 'bsn', bsn: digits } } : { ok: false, problem: 'bsnInvalid' }
  }
  if (!NAME.test(q)) return { ok: false, problem: 'unclear' }
  const words = q
    .split(' ')
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter(Boolean)
  if (words.join('').replace(/[^\p{L}]/gu, '').length < 2) return { ok: false, problem: 'tooShort' }
  return { ok: true, query: { kind: 'name', words } }
}

/**
 * Whether the query may be shown again in the search field: a name or a case number, never a
 * BSN — nor any other digits, which may be a mistyped one.
 */
export function mayEchoQuery(input: string): boolean {
  const q = input.trim().replace(/\s+/g, ' ')
  return !/\d/.test(q) || REFERENCE.test(q)
}
