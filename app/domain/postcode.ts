/**
 * Dutch postcodes and house numbers as the BAG (Wet basisregistratie adressen en gebouwen)
 * records them: a "nummeraanduiding" is postcode + huisnummer + optional huisletter + optional
 * huisnummertoevoeging (BAG catalogue, objecttype Nummeraanduiding).
 *
 * - Postcode: four digits, the first not 0 (PostNL never issued 0xxx), then two capital letters.
 *   The letter pairs SA, SD and SS are not used (PostNL). People type "9712 ha", "9712HA" or
 *   " 9712  HA "; the register holds "9712HA".
 * - Huisnummer: a whole number 1–99999.
 * - Huisletter: one letter A–Z.
 * - Huisnummertoevoeging: up to four letters or digits ("1", "2", "bis", "A2" is letter + addition).
 */

export type PostcodeError = 'required' | 'format' | 'starts_with_zero' | 'unused_letters'

export type Parsed<T, E extends string> = { ok: true; value: T } | { ok: false; error: E }

const POSTCODE_INPUT = /^([0-9]{4})\s*([A-Za-z]{2})$/
const UNUSED_LETTER_PAIRS = new Set(['SA', 'SD', 'SS'])

/** Normalises a typed postcode to '1234AB', or says what is wrong with it. */
export function parsePostcode(input: string): Parsed<string, PostcodeError> {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, error: 'required' }
  const match = POSTCODE_INPUT.exec(trimmed)
  if (!match) return { ok: false, error: 'format' }
  const [, digits, letters] = match
  if (digits.startsWith('0')) return { ok: false, error: 'starts_with_zero' }
  const upper = letters.toUpperCase()
  if (UNUSED_LETTER_PAIRS.has(upper)) return { ok: false, error: 'unused_letters' }
  return { ok: true, value: `${digits}${upper}` }
}

/** '9712HA' → '9712 HA', the way it is written on letters and screens. */
export function formatPostcode(postcode: string): string {
  return /^[0-9]{4}[A-Z]{2}$/.test(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode
}

export interface HouseNumber {
  number: number
  letter: string | null
  addition: string | null
}

export type HouseNumberError = 'required' | 'format' | 'out_of_range' | 'addition_format'

export const MAX_HOUSE_NUMBER = 99_999

/**
 * Parses the house number field and the optional "huisletter of toevoeging" field. The number
 * field may carry the rest too, as people type it: "23A", "17-1", "17 1", "23 A 2".
 * In the extra part a single leading letter is the huisletter, what follows is the addition:
 * "A" → letter A; "1" → addition 1; "A2" → letter A, addition 2; "bis" → addition BIS.
 */
export function parseHouseNumber(numberInput: string, extraInput = ''): Parsed<HouseNumber, HouseNumberError> {
  const numberText = numberInput.trim()
  if (numberText === '') return { ok: false, error: 'required' }
  const match = /^([0-9]+)\s*[-\s]?\s*(.*)$/.exec(numberText)
  if (!match) return { ok: false, error: 'format' }
  const number = Number(match[1])
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_HOUSE_NUMBER)
    return { ok: false, error: 'out_of_range' }
  const extra = `${match[2]} ${extraInput}`.trim().replace(/^[-\s]+/, '')
  if (extra === '') return { ok: true, value: { number, letter: null, addition: null } }
  const parts = /^([A-Za-z])(?:[\s-]*([A-Za-z0-9]{1,4}))?$/.exec(extra)
  if (parts && (parts[2] === undefined || /^[0-9]/.test(parts[2]))) {
    // "A", "A2", "A 2", "A-2": a house letter, perhaps with a numeric addition.
    return { ok: true, value: { number, letter: parts[1].toUpperCase(), addition: parts[2]?.toUpperCase() ?? null } }
  }
  const addition = extra.replace(/[\s-]+/g, '')
  if (!/^[A-Za-z0-9]{1,4}$/.test(addition)) return { ok: false, error: 'addition_format' }
  return { ok: true, value: { number, letter: null, addition: addition.toUpperCase() } }
}

/**
 * The ways the register may hold what was typed: "17 A" is house letter A in most buildings,
 * but a few register "A" as the addition. Most likely first.
 */
export function houseNumberCandidates(h: HouseNumber): HouseNumber[] {
  const candidates = [h]
  if (h.letter && h.addition === null) candidates.push({ number: h.number, letter: null, addition: h.letter })
  return candidates
}

/** "23A", "17-1", "23A-2": the number as written in an address line. */
export function formatHouseNumber(h: { number: number; letter: string | null; addition: string | null }): string {
  return `${h.number}${h.letter ?? ''}${h.addition ? `-${h.addition}` : ''}`
}
