import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'

/** Settings (README: Configuration) are parsed and checked once at start, by server/config.ts. */
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars })
describe('MOVE_RESIDENTS_WARNING', () => {
  it('defaults to 6 people at the new address after a move', () => {
    expect(loadConfig(env()).MOVE_RESIDENTS_WARNING).toBe(6)
  })

  it('takes a whole number from 1 to 100', () => {
    expect(loadConfig(env({ MOVE_RESIDENTS_WARNING: '4' })).MOVE_RESIDENTS_WARNING).toBe(4)
    expect(loadConfig(env({ MOVE_RESIDENTS_WARNING: '100' })).MOVE_RESIDENTS_WARNING).toBe(100)
  })

  it.each(['0', '-1', '2.5', 'veel', '101'])('stops the server with a message naming it for %j', (value) => {
    expect(() => loadConfig(env({ MOVE_RESIDENTS_WARNING: value }))).toThrow(/MOVE_RESIDENTS_WARNING/)
  })
})

/** HOLIDAYS_BY_DECREE (Atw art. 3(3)): a mistyped day stops the start, not a term counted wrong later. */
describe('HOLIDAYS_BY_DECREE', () => {
  it('is empty by default and takes comma-separated calendar dates, spaces allowed', () => {
    expect(loadConfig(env()).HOLIDAYS_BY_DECREE).toEqual([])
    expect(loadConfig(env({ HOLIDAYS_BY_DECREE: '2026-05-15, 2027-05-07' })).HOLIDAYS_BY_DECREE).toEqual([
      '2026-05-15',
      '2027-05-07',
    ])
  })

  it.each(['2026-02-30', '2026-13-01', '15-05-2026', '2026-05-15,morgen', '2026-5-15'])(
    'stops the start naming the variable and the bad value for %j',
    (value) => {
      const bad = value.split(',').find((d) => d !== '2026-05-15')!
      expect(() => loadConfig(env({ HOLIDAYS_BY_DECREE: value }))).toThrow(
        new RegExp(`HOLIDAYS_BY_DECREE: "${bad}" is not a calendar date`),
      )
    },
  )
})

describe('the settings of viewing as a citizen and of the API', () => {
  it('IMPERSONATION_MAX_LEVEL is a DigiD level, Midden by default', () => {
    expect(loadConfig(env()).IMPERSONATION_MAX_LEVEL).toBe('midden')
    expect(loadConfig(env({ IMPERSONATION_MAX_LEVEL: 'substantieel' })).IMPERSONATION_MAX_LEVEL).toBe('substantieel')
    expect(() => loadConfig(env({ IMPERSONATION_MAX_LEVEL: 'middel' }))).toThrow(/IMPERSONATION_MAX_LEVEL/)
  })

  it('AUDIT_SHOW_STAFF_NAMES is a yes or no, yes by default', () => {
    expect(loadConfig(env()).AUDIT_SHOW_STAFF_NAMES).toBe(true)
    expect(loadConfig(env({ AUDIT_SHOW_STAFF_NAMES: 'false' })).AUDIT_SHOW_STAFF_NAMES).toBe(false)
    expect(() => loadConfig(env({ AUDIT_SHOW_STAFF_NAMES: 'nee' }))).toThrow(/AUDIT_SHOW_STAFF_NAMES/)
  })

  it('API_RATE_LIMIT_* are positive numbers', () => {
    const c = loadConfig(env())
    expect([c.API_RATE_LIMIT_PER_SECOND, c.API_RATE_LIMIT_BURST]).toEqual([50, 200])
    expect(() => loadConfig(env({ API_RATE_LIMIT_BURST: '0' }))).toThrow(/API_RATE_LIMIT_BURST/)
    expect(() => loadConfig(env({ API_RATE_LIMIT_PER_SECOND: 'snel' }))).toThrow(/API_RATE_LIMIT_PER_SECOND/)
  })

  it('DATABASE_POOL_MAX is a positive whole number', () => {
    expect(loadConfig(env()).DATABASE_POOL_MAX).toBe(10)
    expect(() => loadConfig(env({ DATABASE_POOL_MAX: '0' }))).toThrow(/DATABASE_POOL_MAX/)
  })
})
