import { describe, expect, it } from 'vitest'
import {
  isPeriodComplete,
  judge,
  lastCompletedQuarter,
  parsePeriod,
  percentShown,
  periodContaining,
  periodsUpTo,
  shiftPeriod,
  targetFor,
  type NormTarget,
} from '~/domain/quality'
import { toCsv } from '~/domain/quality-csv'

describe('reporting periods', () => {
  it('reads a quarter and a month from their keys', () => {
    expect(parsePeriod('2026-Q1')).toEqual({ grain: 'quarter', key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' })
    expect(parsePeriod('2024-02')).toEqual({ grain: 'month', key: '2024-02', from: '2024-02-01', to: '2024-02-29' })
    expect(parsePeriod('2026-Q4')?.to).toBe('2026-12-31')
  })

  it('refuses anything else', () => {
    for (const key of [
      '2026-Q5',
      '2026-Q0',
      '2026-13',
      '2026-00',
      '2026-1',
      '26-Q1',
      '1999-Q1',
      '2026-q1',
      ' 2026-Q1',
      '',
    ]) {
      expect(parsePeriod(key)).toBeNull()
    }
  })

  it('finds the period a date falls in and steps back and forth over year ends', () => {
    expect(periodContaining('2026-05-31', 'quarter').key).toBe('2026-Q2')
    expect(periodContaining('2026-05-31', 'month').key).toBe('2026-05')
    expect(shiftPeriod(parsePeriod('2026-Q1')!, 1).key).toBe('2025-Q4')
    expect(shiftPeriod(parsePeriod('2026-01')!, 1).key).toBe('2025-12')
    expect(shiftPeriod(parsePeriod('2025-12')!, -1).key).toBe('2026-01')
    expect(periodsUpTo(parsePeriod('2026-Q1')!, 3).map((p) => p.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1'])
  })

  it('reports the last quarter that has ended: on 1 April that is the first quarter, on 31 March the fourth of last year', () => {
    expect(lastCompletedQuarter('2026-04-01').key).toBe('2026-Q1')
    expect(lastCompletedQuarter('2026-03-31').key).toBe('2025-Q4')
  })

  it('calls a period complete only after its last day', () => {
    const march = parsePeriod('2026-03')!
    expect(isPeriodComplete(march, '2026-03-31')).toBe(false)
    expect(isPeriodComplete(march, '2026-04-01')).toBe(true)
  })
})

describe('judging a share against its target', () => {
  it('meets 98 % with 49 of 50 and misses it with 48 of 49 (97.96 %)', () => {
    expect(judge({ inTime: 49, settled: 50 }, 98)).toBe('met')
    expect(judge({ inTime: 48, settled: 49 }, 98)).toBe('missed')
  })

  it('meets 100 % only with every case in time', () => {
    expect(judge({ inTime: 1000, settled: 1000 }, 100)).toBe('met')
    expect(judge({ inTime: 999, settled: 1000 }, 100)).toBe('missed')
  })

  it('says so when there is nothing to judge or no target', () => {
    expect(judge({ inTime: 0, settled: 0 }, 98)).toBe('no_cases')
    expect(judge({ inTime: 3, settled: 4 }, null)).toBe('no_target')
  })

  it('shows one decimal, rounded down, so a missed target never looks met', () => {
    expect(percentShown({ inTime: 48, settled: 49 })).toBe(97.9) // 97.959…
    expect(percentShown({ inTime: 5, settled: 7 })).toBe(71.4) // 71.428…
    expect(percentShown({ inTime: 2, settled: 3 })).toBe(66.6) // 66.666…
    expect(percentShown({ inTime: 7, settled: 7 })).toBe(100)
    expect(percentShown({ inTime: 0, settled: 0 })).toBeNull()
  })
})

describe('the target that applies', () => {
  const norms: NormTarget[] = [
    { measure: 'acknowledgement', channel: 'email', targetPercent: 98 },
    { measure: 'acknowledgement', channel: 'post', targetPercent: 98 },
    { measure: 'answer', channel: 'email', targetPercent: 95 },
    { measure: 'answer', channel: 'post', targetPercent: 100 },
    { measure: 'decision', channel: null, targetPercent: 100 },
  ]

  it("takes the channel's own norm", () => {
    expect(targetFor(norms, 'answer', 'email')).toMatchObject({ targetPercent: 95, measure: 'answer' })
    expect(targetFor(norms, 'acknowledgement', 'post')).toMatchObject({ targetPercent: 98 })
  })

  it('falls back to the decision term for answering where the charter names no channel norm, and for totals', () => {
    expect(targetFor(norms, 'answer', 'counter')).toMatchObject({ targetPercent: 100, measure: 'decision' })
    expect(targetFor(norms, 'answer', null)).toMatchObject({ targetPercent: 100, measure: 'decision' })
  })

  it('invents no acknowledgement target for a channel where the charter has none', () => {
    expect(targetFor(norms, 'acknowledgement', 'phone')).toBeNull()
  })

  it("takes the charter's one acknowledgement target across channels, and none when the channels differ", () => {
    expect(targetFor(norms, 'acknowledgement', null)).toMatchObject({ targetPercent: 98, channel: null })
    expect(
      targetFor(
        [...norms, { measure: 'acknowledgement', channel: 'internet', targetPercent: 90 }],
        'acknowledgement',
        null,
      ),
    ).toBeNull()
  })
})

describe('CSV', () => {
  it('writes RFC 4180: commas, CRLF, quotes doubled where needed', () => {
    expect(
      toCsv([
        ['period', 'name', 'n'],
        ['2026-Q1', 'Correctie, BRP', 3],
        ['2026-Q1', 'Zeg "ja"', null],
      ]),
    ).toBe('period,name,n\r\n2026-Q1,"Correctie, BRP",3\r\n2026-Q1,"Zeg ""ja""",\r\n')
  })

  it('defuses a text that a spreadsheet would run as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@a', 'ok']])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@a,ok\r\n`)
    expect(toCsv([[-2.5]])).toBe('-2.5\r\n')
  })
})
