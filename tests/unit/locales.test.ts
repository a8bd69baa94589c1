import { describe, expect, it } from 'vitest'
import { resources } from '~/locales'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value]
  return Object.values(value).flatMap(leaves)
}

describe('translations', () => {
  const namespaces = Object.keys(resources.nl) as Array<keyof typeof resources.nl>

  it('has the same namespaces in Dutch and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual([...namespaces].sort())
  })

  for (const ns of namespaces) {
    it(`has every key of namespace "${ns}" in both languages`, () => {
      expect(keys(resources.en[ns]).sort()).toEqual(keys(resources.nl[ns]).sort())
    })

    it(`has no empty text in namespace "${ns}"`, () => {
      for (const lang of ['nl', 'en'] as const) {
        for (const text of leaves(resources[lang][ns])) {
          expect(typeof text === 'string' && text.trim().length > 0).toBe(true)
        }
      }
    })
  }
})
