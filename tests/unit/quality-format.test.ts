import { createInstance } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  formatDays,
  formatPercent,
  formatPeriod,
  formatQuarterMonths,
  type Translate,
} from '~/components/quality-format'
import { parsePeriod } from '~/domain/quality'
import { i18nConfig } from '~/i18n'

const t: Record<'nl' | 'en', Translate> = { nl: (k) => k, en: (k) => k }
beforeAll(async () => {
  for (const lng of ['nl', 'en'] as const) {
    const instance = createInstance()
    await instance.init({ ...i18nConfig, lng })
    t[lng] = instance.t as unknown as Translate
  }
})

describe('formatting the quality figures for the reader', () => {
  it('writes percentages the Dutch and the English way', () => {
    expect(formatPercent(97.9, 'nl')).toBe('97,9%')
    expect(formatPercent(97.9, 'en')).toBe('97.9%')
    expect(formatPercent(100, 'nl')).toBe('100%')
  })

  it('writes a lead time in days, one or many', () => {
    expect(formatDays(24.5, 'nl', t.nl)).toBe('24,5 dagen')
    expect(formatDays(1, 'nl', t.nl)).toBe('1 dag')
    expect(formatDays(24.5, 'en', t.en)).toBe('24.5 days')
  })

  it('names a month and a quarter, and the months a quarter spans', () => {
    expect(formatPeriod(parsePeriod('2026-03')!, 'nl', t.nl)).toBe('maart 2026')
    expect(formatPeriod(parsePeriod('2026-03')!, 'en', t.en)).toBe('March 2026')
    expect(formatPeriod(parsePeriod('2026-Q2')!, 'nl', t.nl)).toBe('2e kwartaal 2026')
    expect(formatPeriod(parsePeriod('2026-Q3')!, 'en', t.en)).toBe('3rd quarter of 2026')
    expect(formatQuarterMonths(parsePeriod('2026-Q1')!, 'nl', t.nl)).toBe('januari tot en met maart 2026')
    expect(formatQuarterMonths(parsePeriod('2026-Q1')!, 'en', t.en)).toBe('January to March 2026')
  })
})
