import { describe, expect, it } from 'vitest'
import { findUnsafeText, hasUnsafeCharacters, withoutUnsafeCharacters } from '~/domain/text-input'

describe('characters no field may hold', () => {
  it('finds NUL and lone surrogates, and nothing in ordinary text of any script', () => {
    expect(hasUnsafeCharacters('a\u0000b')).toBe(true)
    expect(hasUnsafeCharacters('\ud800')).toBe(true) // a high surrogate alone
    expect(hasUnsafeCharacters('x\udc00')).toBe(true) // a low surrogate alone
    expect(hasUnsafeCharacters('\udc00\ud800')).toBe(true) // the wrong way round
    for (const ok of ['', 'Jansen', "O'Connor", 'Ĳsselmeer – één', '中文', '🏠 verhuizing', 'tab\tand\nnewline']) {
      expect(hasUnsafeCharacters(ok)).toBe(false)
    }
  })

  it('takes them out and leaves the rest, pairs of surrogates (an emoji) included', () => {
    expect(withoutUnsafeCharacters('Jan\u0000sen\ud800 🏠')).toBe('Jansen 🏠')
  })

  it('names the first field of a JSON value that holds one, by its path', () => {
    expect(findUnsafeText({ id: 'x', data: { note: 'ok', list: ['a', 'b\u0000'] } })).toBe('data.list.1')
    expect(findUnsafeText({ data: { ['bad\ud800key']: 1 } })).toBe('data.badkey')
    expect(findUnsafeText('\u0000')).toBe('(body)')
    expect(findUnsafeText({ id: 'x', n: 1, t: true, z: null })).toBeNull()
  })
})
