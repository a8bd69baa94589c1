import { describe, expect, it } from 'vitest'
import {
  formatHouseNumber,
  formatPostcode,
  houseNumberCandidates,
  parseHouseNumber,
  parsePostcode,
} from '~/domain/postcode'

describe('postcode', () => {
  it.each([
    ['9712HA', '9712HA'],
    ['9712 HA', '9712HA'],
    ['9712 ha', '9712HA'],
    ['  9712   hA ', '9712HA'],
    ['1000AA', '1000AA'],
    ['9999ZZ', '9999ZZ'],
  ])('normalises %j to %s', (input, expected) => {
    expect(parsePostcode(input)).toEqual({ ok: true, value: expected })
  })

  it('refuses an empty postcode as required', () => {
    expect(parsePostcode('  ')).toEqual({ ok: false, error: 'required' })
  })

  it('refuses a postcode starting with 0: PostNL never issued 0xxx', () => {
    expect(parsePostcode('0123AB')).toEqual({ ok: false, error: 'starts_with_zero' })
    expect(parsePostcode('0999 ZZ')).toEqual({ ok: false, error: 'starts_with_zero' })
  })

  it.each(['SA', 'SD', 'SS', 'sa'])('refuses the unused letter pair %s', (letters) => {
    expect(parsePostcode(`9712${letters}`)).toEqual({ ok: false, error: 'unused_letters' })
  })

  it.each(['971HA', '97123HA', '9712H', '9712HAA', '9712-HA', 'HA9712', '9712 H A', '９７１２HA', '9712ÄB'])(
    'refuses the malformed %j',
    (input) => {
      expect(parsePostcode(input)).toEqual({ ok: false, error: 'format' })
    },
  )

  it('writes a postcode with a space between digits and letters', () => {
    expect(formatPostcode('9712HA')).toBe('9712 HA')
    expect(formatPostcode('odd')).toBe('odd')
  })
})

describe('house number', () => {
  it('reads a plain number', () => {
    expect(parseHouseNumber('12')).toEqual({ ok: true, value: { number: 12, letter: null, addition: null } })
    expect(parseHouseNumber(' 7 ', '  ')).toEqual({ ok: true, value: { number: 7, letter: null, addition: null } })
  })

  it('reads a house letter from either field, in capitals', () => {
    expect(parseHouseNumber('23A')).toEqual({ ok: true, value: { number: 23, letter: 'A', addition: null } })
    expect(parseHouseNumber('23', 'b')).toEqual({ ok: true, value: { number: 23, letter: 'B', addition: null } })
    expect(parseHouseNumber('23 a')).toEqual({ ok: true, value: { number: 23, letter: 'A', addition: null } })
  })

  it('reads an addition ("17-1", "17 1", "bis")', () => {
    expect(parseHouseNumber('17-1')).toEqual({ ok: true, value: { number: 17, letter: null, addition: '1' } })
    expect(parseHouseNumber('17 1')).toEqual({ ok: true, value: { number: 17, letter: null, addition: '1' } })
    expect(parseHouseNumber('17', '2')).toEqual({ ok: true, value: { number: 17, letter: null, addition: '2' } })
    expect(parseHouseNumber('4', 'bis')).toEqual({ ok: true, value: { number: 4, letter: null, addition: 'BIS' } })
  })

  it('reads a letter followed by a numeric addition ("23A-2", "23", "A2")', () => {
    expect(parseHouseNumber('23A-2')).toEqual({ ok: true, value: { number: 23, letter: 'A', addition: '2' } })
    expect(parseHouseNumber('23', 'A2')).toEqual({ ok: true, value: { number: 23, letter: 'A', addition: '2' } })
  })

  it('requires a number and keeps it between 1 and 99999', () => {
    expect(parseHouseNumber('')).toEqual({ ok: false, error: 'required' })
    expect(parseHouseNumber('0')).toEqual({ ok: false, error: 'out_of_range' })
    expect(parseHouseNumber('1')).toMatchObject({ ok: true })
    expect(parseHouseNumber('99999')).toMatchObject({ ok: true })
    expect(parseHouseNumber('100000')).toEqual({ ok: false, error: 'out_of_range' })
  })

  it('refuses text where the number should be, and an addition of more than four characters', () => {
    expect(parseHouseNumber('twaalf')).toEqual({ ok: false, error: 'format' })
    expect(parseHouseNumber('-3')).toEqual({ ok: false, error: 'format' })
    expect(parseHouseNumber('12', 'hoog!')).toEqual({ ok: false, error: 'addition_format' })
    expect(parseHouseNumber('12', 'abcde')).toEqual({ ok: false, error: 'addition_format' })
  })

  it('also tries a lone letter as an addition, after the letter', () => {
    expect(houseNumberCandidates({ number: 5, letter: 'A', addition: null })).toEqual([
      { number: 5, letter: 'A', addition: null },
      { number: 5, letter: null, addition: 'A' },
    ])
    expect(houseNumberCandidates({ number: 5, letter: null, addition: '1' })).toHaveLength(1)
  })

  it('writes the number as in an address line', () => {
    expect(formatHouseNumber({ number: 23, letter: 'A', addition: null })).toBe('23A')
    expect(formatHouseNumber({ number: 17, letter: null, addition: '1' })).toBe('17-1')
    expect(formatHouseNumber({ number: 23, letter: 'A', addition: '2' })).toBe('23A-2')
  })
})
