import { describe, expect, it } from 'vitest'
import { mayEchoQuery, parseStaffQuery } from '~/domain/staff-search'

describe('what an employee typed in the staff search', () => {
  it('reads a case number however it is typed, padded to six digits', () => {
    for (const typed of ['Z-2026-000123', 'z-2026-000123', 'Z2026000123', 'z 2026 123', ' Z-2026-123 ']) {
      expect(parseStaffQuery(typed)).toEqual({ ok: true, query: { kind: 'caseReference', reference: 'Z-2026-000123' } })
    }
  })

  it('refuses half a case number, saying so', () => {
    expect(parseStaffQuery('Z-2026')).toEqual({ ok: false, problem: 'referenceInvalid' })
    expect(parseStaffQuery('Z-2026-1234567')).toEqual({ ok: false, problem: 'referenceInvalid' })
  })

  it('reads a BSN with the spaces and dots people type, and checks the eleven test', () => {
    expect(parseStaffQuery('9999 93 653')).toEqual({ ok: true, query: { kind: 'bsn', bsn: '999993653' } })
    expect(parseStaffQuery('999.993.653')).toEqual({ ok: true, query: { kind: 'bsn', bsn: '999993653' } })
    expect(parseStaffQuery('123456789')).toEqual({ ok: false, problem: 'bsnInvalid' })
    expect(parseStaffQuery('12345')).toEqual({ ok: false, problem: 'bsnInvalid' })
    // Nine zeros give a sum of 0, which the eleven test refuses.
    expect(parseStaffQuery('000000000')).toEqual({ ok: false, problem: 'bsnInvalid' })
  })

  it('reads a name as words, accents and apostrophes included', () => {
    expect(parseStaffQuery('van der  Berg')).toEqual({
      ok: true,
      query: { kind: 'name', words: ['van', 'der', 'Berg'] },
    })
    expect(parseStaffQuery("O'Connor")).toEqual({ ok: true, query: { kind: 'name', words: ["O'Connor"] } })
    expect(parseStaffQuery('Müller-Lüdenscheidt')).toEqual({
      ok: true,
      query: { kind: 'name', words: ['Müller-Lüdenscheidt'] },
    })
  })

  it('asks for more than one letter, refuses nothing typed and very long input', () => {
    expect(parseStaffQuery('J')).toEqual({ ok: false, problem: 'tooShort' })
    expect(parseStaffQuery('   ')).toEqual({ ok: false, problem: 'empty' })
    expect(parseStaffQuery('a'.repeat(101))).toEqual({ ok: false, problem: 'tooLong' })
  })

  it('does not guess at a mix of letters and digits, or at markup', () => {
    expect(parseStaffQuery('Jansen 999993653')).toEqual({ ok: false, problem: 'unclear' })
    expect(parseStaffQuery('<script>')).toEqual({ ok: false, problem: 'unclear' })
    expect(parseStaffQuery("%' or 1=1 --")).toEqual({ ok: false, problem: 'unclear' })
  })

  it('shows a name or a case number again in the field, never digits that may be a BSN', () => {
    expect(mayEchoQuery('Jansen')).toBe(true)
    expect(mayEchoQuery('Z-2026-000123')).toBe(true)
    expect(mayEchoQuery('999993653')).toBe(false)
    expect(mayEchoQuery('12345678')).toBe(false)
    expect(mayEchoQuery('Jansen 999993653')).toBe(false)
  })
})
