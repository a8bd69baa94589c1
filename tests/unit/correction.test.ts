import { describe, expect, it } from 'vitest'
import {
  dateFromDutchInput,
  detectEvidenceType,
  evidenceError,
  MAX_EVIDENCE_BYTES,
  safeFileName,
  validateCorrection,
  type CorrectableField,
} from '~/domain/correction'

const today = '2026-11-28'
const register: Record<CorrectableField, string | null> = {
  given_names: 'Fatima',
  name_prefix: null,
  surname: 'el Amrani',
  birth_date: '1988-11-02',
  birth_place: 'Rotterdam',
  birth_country: 'Nederland',
  nationality: 'Nederlandse',
}
const current = (f: CorrectableField) => register[f]
const explanation = 'Mijn achternaam staat verkeerd gespeld.'

describe('a correction request (Wet BRP art. 2.58)', () => {
  it('accepts a data item, a new value and an explanation, trimmed', () => {
    expect(
      validateCorrection(
        { field: 'surname', proposedValue: '  El  Amrani ', explanation: ` ${explanation} ` },
        current,
        today,
      ),
    ).toEqual({
      ok: true,
      value: { field: 'surname', proposedValue: 'El Amrani', explanation },
    })
  })

  it('needs the data item to be one that can be corrected', () => {
    for (const field of ['', 'bsn', 'address_id', 'gender']) {
      expect(validateCorrection({ field, proposedValue: 'x', explanation }, current, today)).toEqual({
        ok: false,
        errors: [{ field: 'field', error: 'required' }],
      })
    }
  })

  it('needs a new value, except to remove a voorvoegsel the register has', () => {
    expect(validateCorrection({ field: 'surname', proposedValue: '  ', explanation }, current, today)).toEqual({
      ok: false,
      errors: [{ field: 'proposedValue', error: 'required' }],
    })
    expect(validateCorrection({ field: 'name_prefix', proposedValue: '', explanation }, current, today)).toEqual({
      ok: false,
      errors: [{ field: 'proposedValue', error: 'required' }],
    })
    const withPrefix = (f: CorrectableField) => (f === 'name_prefix' ? 'de' : null)
    expect(
      validateCorrection({ field: 'name_prefix', proposedValue: '', explanation }, withPrefix, today),
    ).toMatchObject({ ok: true, value: { proposedValue: '' } })
  })

  it('refuses a new value equal to what the register holds, but accepts a change of capitals', () => {
    expect(validateCorrection({ field: 'surname', proposedValue: 'el Amrani', explanation }, current, today)).toEqual({
      ok: false,
      errors: [{ field: 'proposedValue', error: 'same_as_current' }],
    })
    expect(
      validateCorrection({ field: 'surname', proposedValue: 'El Amrani', explanation }, current, today),
    ).toMatchObject({ ok: true })
  })

  it('needs a real birth date, not in the future (today is allowed)', () => {
    expect(
      validateCorrection({ field: 'birth_date', proposedValue: '1988-02-30', explanation }, current, today),
    ).toEqual({ ok: false, errors: [{ field: 'proposedValue', error: 'invalid_date' }] })
    expect(
      validateCorrection({ field: 'birth_date', proposedValue: '2 november', explanation }, current, today),
    ).toEqual({ ok: false, errors: [{ field: 'proposedValue', error: 'invalid_date' }] })
    expect(
      validateCorrection({ field: 'birth_date', proposedValue: '2026-11-29', explanation }, current, today),
    ).toEqual({ ok: false, errors: [{ field: 'proposedValue', error: 'future_date' }] })
    expect(
      validateCorrection({ field: 'birth_date', proposedValue: '2026-11-28', explanation }, current, today),
    ).toMatchObject({ ok: true })
  })

  it('refuses markup and control characters in a name and values over 200 characters', () => {
    expect(
      validateCorrection({ field: 'given_names', proposedValue: '<script>', explanation }, current, today),
    ).toEqual({ ok: false, errors: [{ field: 'proposedValue', error: 'invalid_characters' }] })
    expect(
      validateCorrection({ field: 'given_names', proposedValue: 'a'.repeat(201), explanation }, current, today),
    ).toEqual({ ok: false, errors: [{ field: 'proposedValue', error: 'too_long' }] })
    expect(
      validateCorrection({ field: 'given_names', proposedValue: "Zoë-Anne O'Neil", explanation }, current, today),
    ).toMatchObject({ ok: true })
  })

  it('needs an explanation of 10 to 2000 characters', () => {
    const check = (e: string) =>
      validateCorrection({ field: 'surname', proposedValue: 'El Amrani', explanation: e }, current, today)
    expect(check('   ')).toEqual({ ok: false, errors: [{ field: 'explanation', error: 'required' }] })
    expect(check('123456789')).toEqual({ ok: false, errors: [{ field: 'explanation', error: 'too_short' }] })
    expect(check('1234567890')).toMatchObject({ ok: true })
    expect(check('x'.repeat(2000))).toMatchObject({ ok: true })
    expect(check('x'.repeat(2001))).toEqual({ ok: false, errors: [{ field: 'explanation', error: 'too_long' }] })
  })

  it('reports every problem at once', () => {
    expect(validateCorrection({ field: 'surname', proposedValue: '', explanation: '' }, current, today)).toEqual({
      ok: false,
      errors: [
        { field: 'proposedValue', error: 'required' },
        { field: 'explanation', error: 'required' },
      ],
    })
  })
})

describe('a date typed day first', () => {
  it.each([
    ['2-11-1988', '1988-11-02'],
    ['02/11/1988', '1988-11-02'],
    ['2 11 1988', '1988-11-02'],
    ['2.11.1988', '1988-11-02'],
    ['1988-11-02', '1988-11-02'],
  ])('reads %j as %s', (input, expected) => {
    expect(dateFromDutchInput(input)).toBe(expected)
  })
  it.each(['30-02-1988', '11-1988', '1988/11/02', 'twee november'])('refuses %j', (input) => {
    expect(dateFromDutchInput(input)).toBeNull()
  })
  it('stores a corrected birth date as a calendar date', () => {
    expect(
      validateCorrection({ field: 'birth_date', proposedValue: '3-11-1988', explanation }, current, today),
    ).toMatchObject({ ok: true, value: { proposedValue: '1988-11-03' } })
  })
})

describe('evidence: the type by content, not by name', () => {
  const bytes = (...b: number[]) => new Uint8Array(b)
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(detectEvidenceType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf')
    expect(detectEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg')
    expect(detectEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png')
  })

  it('refuses anything else, also when it is short or nearly right', () => {
    expect(detectEvidenceType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull() // a Windows program
    expect(detectEvidenceType(new TextEncoder().encode('GIF89a'))).toBeNull()
    expect(detectEvidenceType(new TextEncoder().encode('%PDF'))).toBeNull()
    expect(detectEvidenceType(bytes(0xff, 0xd8))).toBeNull()
    expect(detectEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull()
    expect(detectEvidenceType(bytes())).toBeNull()
  })

  it('takes every upload’s limit and names every upload refusal under its own key', () => {
    // The limits and the checks themselves are every upload's: tests/unit/upload-content.test.ts.
    expect(MAX_EVIDENCE_BYTES).toBe(10 * 1024 * 1024)
    expect(evidenceError('file_empty')).toBe('empty')
    expect(evidenceError('file_too_large')).toBe('too_large')
    expect(evidenceError('file_wrong_type')).toBe('wrong_type')
    expect(evidenceError('file_unsafe')).toBe('unsafe')
  })

  it('makes a file name safe to show, with the extension of the real type', () => {
    expect(safeFileName('akte "geboorte".exe', 'application/pdf')).toBe('akte geboorte.pdf')
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png')
    expect(safeFileName('', 'image/jpeg')).toBe('bewijsstuk.jpg')
  })
})
