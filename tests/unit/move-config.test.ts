import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'

/** MOVE_RESIDENTS_WARNING (README: Configuration): parsed and checked at start, like every setting. */
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
