import { describe, expect, it } from 'vitest'
import { isValidBsn } from '~/domain/bsn'
import { demoAddress, demoAddresses } from '../../db/seed/addresses'
import { caseTypes } from '../../db/seed/case-types'
import { personas, relations, UNKNOWN_VALID_BSN } from '../../db/seed/personas'
import { employees } from '../../db/seed/staff'

const TODAY = '2026-11-28'
const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = on.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

describe('demo personas', () => {
  it('are at least 8 people with distinct, valid test BSNs', () => {
    expect(personas.length).toBeGreaterThanOrEqual(8)
    expect(new Set(personas.map((p) => p.bsn)).size).toBe(personas.length)
    for (const p of personas) expect(isValidBsn(p.bsn), p.key).toBe(true)
  })

  it('keeps one valid BSN free for the "no person in the register" case', () => {
    expect(isValidBsn(UNKNOWN_VALID_BSN)).toBe(true)
    expect(personas.some((p) => p.bsn === UNKNOWN_VALID_BSN)).toBe(false)
  })

  it('covers the lives the demo must show', () => {
    const bsnOf = (key: string) => personas.find((p) => p.key === key)!.bsn
    const children = (bsn: string) => relations.filter(([a, , kind]) => a === bsn && kind === 'child').map(([, b]) => b)
    const byBsn = new Map(personas.map((p) => [p.bsn, p]))
    // a couple with children under 16
    expect(relations.some(([a, b, kind]) => a === bsnOf('fatima') && b === bsnOf('pieter') && kind === 'partner')).toBe(
      true,
    )
    expect(children(bsnOf('fatima')).filter((c) => ageOn(byBsn.get(c)!.birth_date, TODAY) < 16)).toHaveLength(2)
    // an adult child living at home
    const thomas = byBsn.get(bsnOf('thomas'))!
    expect(ageOn(thomas.birth_date, TODAY)).toBeGreaterThanOrEqual(18)
    expect(thomas.address).toEqual(byBsn.get(bsnOf('anneke'))!.address)
    // no e-mail, letters on paper; English-speaking; address in research; single
    expect(
      personas.some((p) => p.email === null && p.letter_channel === 'paper' && ageOn(p.birth_date, TODAY) >= 18),
    ).toBe(true)
    expect(personas.some((p) => p.language === 'en')).toBe(true)
    expect(personas.some((p) => p.address_in_research)).toBe(true)
    expect(relations.some(([a]) => a === bsnOf('jan'))).toBe(false)
  })

  it('all live at addresses that exist in the register', () => {
    const rows = demoAddresses()
    for (const p of personas) {
      expect(() =>
        demoAddress(rows, p.address.street, p.address.number, p.address.letter ?? null, p.address.addition ?? null),
      ).not.toThrow()
    }
  })
})

describe('the demo address register', () => {
  const rows = demoAddresses()
  it('has at least 500 addresses over at least 20 streets, all in Groningen with 97xx postcodes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(500)
    expect(new Set(rows.map((r) => r.street)).size).toBeGreaterThanOrEqual(20)
    for (const r of rows) {
      expect(r.postcode).toMatch(/^97\d{2}[A-Z]{2}$/)
      expect(r.city).toBe('Groningen')
      expect(r.id).toMatch(/^\d{16}$/)
    }
  })
  it('has each address once (postcode, number, letter, addition) and unique ids', () => {
    const key = (r: (typeof rows)[number]) =>
      [r.postcode, r.house_number, r.house_letter ?? '', r.house_number_addition ?? ''].join('|')
    expect(new Set(rows.map(key)).size).toBe(rows.length)
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
  })
  it('is the same on every run (deterministic)', () => {
    expect(demoAddresses()).toEqual(rows)
  })
})

describe('the service catalogue', () => {
  it('has the case types the seed and the e-loket name, and the objection to their decisions, each ending in a final step', () => {
    expect(caseTypes.map((c) => c.code).sort()).toEqual(
      [
        'afval',
        'bezwaar',
        'bijstand',
        'bijzondere_bijstand',
        'brp_correctie',
        'omgevingsvergunning',
        'parkeervergunning',
        'subsidie',
        'uittreksel_brp',
        'verhuizing',
        'wmo',
      ].sort(),
    )
    for (const c of caseTypes) {
      expect(c.steps[0].code, c.code).toBe('ontvangen')
      expect(c.steps.at(-1)!.final, c.code).toBe(true)
      expect(
        c.steps.filter((s) => s.final),
        c.code,
      ).toHaveLength(1)
      expect(new Set(c.steps.map((s) => s.code)).size).toBe(c.steps.length)
    }
  })
  it('decides an objection within 6 weeks, extendable once by 6 (Awb 7:10(1) and (3))', () => {
    const objection = caseTypes.find((c) => c.code === 'bezwaar')!
    expect([objection.lead_time_amount, objection.lead_time_unit]).toEqual([6, 'weeks'])
    expect([objection.extension_amount, objection.extension_unit]).toEqual([6, 'weeks'])
  })
  it('names a contact person for every case type from the staff list', () => {
    const ids = new Set(employees.map((e) => e.id))
    for (const c of caseTypes) expect(ids.has(c.default_contact_id!), c.code).toBe(true)
  })
})
