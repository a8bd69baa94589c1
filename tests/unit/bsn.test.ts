import { isValidBsn, maskBsn, normaliseBsn } from '~/domain/bsn'

describe('isValidBsn (eleven test, weights 9..2 and -1)', () => {
  it.each(['999993653', '999999990', '999990019', '111222333', '123456782'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true)
  })

  it('refuses a number whose sum is 0 although 0 is divisible by 11 (000000000, 000000012)', () => {
    expect(isValidBsn('000000000')).toBe(false)
    expect(isValidBsn('000000012')).toBe(false)
  })

  it('weighs the last digit -1, not +1 as the bank-account test does (123456789 passes only with +1)', () => {
    // 9+16+21+24+25+24+21+16 = 156; 156 + 9 = 165 = 15 × 11, but 156 - 9 = 147 is not divisible.
    expect(isValidBsn('123456789')).toBe(false)
    // 999993653: 355 - 3 = 352 = 32 × 11, while 355 + 3 = 358 is not.
    expect(isValidBsn('999993653')).toBe(true)
  })

  it('catches a single mistyped digit and a swap of two neighbouring digits', () => {
    expect(isValidBsn('999993654')).toBe(false)
    expect(isValidBsn('999993563')).toBe(false)
  })

  it('refuses anything that is not exactly 9 digits: 8 or 10 digits, letters, spaces', () => {
    for (const bad of [
      '99999365',
      '9999936530',
      '99999365a',
      'abcdefghi',
      ' 999993653',
      '9999 93653',
      '',
      '99999.3653',
    ]) {
      expect(isValidBsn(bad)).toBe(false)
    }
  })

  it('refuses non-ASCII digits (Arabic-Indic ٩) that a loose \\d test might let through', () => {
    expect(isValidBsn('٩٩٩٩٩٣٦٥٣')).toBe(false)
  })
})

describe('normaliseBsn', () => {
  it('strips spaces, dots and hyphens the way people type a BSN', () => {
    expect(normaliseBsn('9999 93 653')).toBe('999993653')
    expect(normaliseBsn('9999.93.653')).toBe('999993653')
    expect(normaliseBsn(' 999-993-653\t')).toBe('999993653')
    expect(normaliseBsn('999993653')).toBe('999993653')
  })

  it('returns null when the cleaned input is not a valid BSN', () => {
    expect(normaliseBsn('123 456 789')).toBeNull()
    expect(normaliseBsn('000.000.012')).toBeNull()
    expect(normaliseBsn('BSN 999993653')).toBeNull()
    expect(normaliseBsn('')).toBeNull()
  })

  it('does not pad an 8-digit input with a leading zero (a dropped digit could name someone else)', () => {
    expect(isValidBsn('012345672')).toBe(true)
    expect(normaliseBsn('12345672')).toBeNull()
  })
})

describe('maskBsn', () => {
  it('shows only the last four digits', () => {
    expect(maskBsn('999993653')).toBe('*****3653')
  })

  it('hides a short value completely rather than showing most of it', () => {
    expect(maskBsn('3653')).toBe('****')
    expect(maskBsn('')).toBe('')
  })
})
