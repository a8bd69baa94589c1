import { describe, expect, it } from 'vitest'
import authEn from '~/locales/en/auth.json'
import authNl from '~/locales/nl/auth.json'
import { mockIdpResources } from '../../server/mock-idp/i18n'

/** Every text of sign-in exists in Dutch and in English, under the same keys. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function emptyValues(value: unknown, prefix = ''): string[] {
  return keys(value, prefix).filter((k) => {
    const v = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], value)
    return typeof v !== 'string' || v.trim() === ''
  })
}

describe('the sign-in texts', () => {
  it('has the same keys in Dutch and English for the portal (auth namespace)', () => {
    expect(keys(authEn).sort()).toEqual(keys(authNl).sort())
    expect(emptyValues(authNl)).toEqual([])
    expect(emptyValues(authEn)).toEqual([])
  })

  it('has the same keys in Dutch and English for the mock providers', () => {
    expect(keys(mockIdpResources.en).sort()).toEqual(keys(mockIdpResources.nl).sort())
    expect(emptyValues(mockIdpResources.nl)).toEqual([])
    expect(emptyValues(mockIdpResources.en)).toEqual([])
  })
})
