import { describe, expect, it } from 'vitest'
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '~/domain/return-path'

/** How a browser reads a Location header on our page: the origin it ends up on. */
const landsOn = (location: string) => new URL(location, 'https://mijnstad.groningen.example/mijn').origin

describe('safeReturnPath: a path on this site, never another site', () => {
  it.each([
    ['/mijn', '/mijn'],
    ['/mijn/zaken?x=1', '/mijn/zaken?x=1'],
    ['/mijn/zaken?q=a b', '/mijn/zaken?q=a%20b'],
    ['/kwaliteitshandvest#normen', '/kwaliteitshandvest#normen'],
    ['/mijn/./zaken', '/mijn/zaken'],
    ['/mijn/brieven/../zaken', '/mijn/zaken'],
    ['/../mijn', '/mijn'],
    ['/mijn/%2e%2e/medewerker', '/medewerker'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // one encoded segment: stays on this site
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/mijn?terug=//evil.example', '/mijn?terug=//evil.example'], // a query is not an address
    ['/https:evil.example', '/https:evil.example'],
  ])('keeps %j as %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected)
    expect(landsOn(safeReturnPath(input))).toBe('https://mijnstad.groningen.example')
  })

  it.each([
    // what the attacker found: a path that normalises to //evil.example
    '/.//evil.example',
    '/././/evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example',
    '/a/.%2e//evil.example',
    '/mijn/../..//evil.example/x',
    // protocol-relative and absolute
    '//evil.example',
    '//evil.example/mijn',
    '///evil.example',
    'https://evil.example',
    'https:evil.example',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    // backslashes: browsers read them as slashes
    '/\\evil.example',
    '\\/evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/mijn\\..\\\\evil.example',
    // tabs, newlines and other control characters: browsers drop or refuse them
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/mijn\u0000',
    '/mijn\u007f',
    '/mijn\r\nSet-Cookie: x=1',
  ])('refuses %j', (input) => {
    expect(safeReturnPath(input)).toBe('/')
  })

  it('refuses what is not a string, and uses the fallback given', () => {
    for (const value of [undefined, null, 42, ['/mijn'], { pathname: '/mijn' }]) expect(safeReturnPath(value)).toBe('/')
    expect(safeReturnPath('//evil.example', '/mijn')).toBe('/mijn')
  })

  it(`refuses a path longer than ${MAX_RETURN_PATH_LENGTH} characters, before or after resolving`, () => {
    const longest = `/mijn?q=${'a'.repeat(MAX_RETURN_PATH_LENGTH - 8)}`
    expect(longest).toHaveLength(MAX_RETURN_PATH_LENGTH)
    expect(safeReturnPath(longest)).toBe(longest)
    expect(safeReturnPath(`${longest}a`)).toBe('/')
    // spaces become %20 when resolved: three times as long
    expect(safeReturnPath(`/mijn?q=${' '.repeat(1000)}x`)).toBe('/')
    expect(safeReturnPath(`/${'a/'.repeat(100_000)}`)).toBe('/')
  })

  it('never returns anything a browser would take to another origin (each refusal double-checked)', () => {
    const tricky = [
      '/.//evil.example',
      '/%2e//evil.example',
      '/a/..//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https:evil.example',
      '/%2e%2e//evil.example',
      '/.%2E/%2E//evil.example',
    ]
    for (const input of tricky) expect(landsOn(safeReturnPath(input))).toBe('https://mijnstad.groningen.example')
  })
})
