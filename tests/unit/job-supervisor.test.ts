import { EventEmitter } from 'node:events'
import { Writable } from 'node:stream'
import type { Runner } from 'graphile-worker'
import { describe, expect, it } from 'vitest'
import { superviseJobRunner, type JobRunner } from '../../server/job-supervisor'
import { createLogger } from '../../server/logger'

/** A stand-in for graphile-worker's runner: its events, and whether it was stopped. */
function fakeRunner() {
  const runner = { events: new EventEmitter(), stopped: false, poolEnded: false }
  return Object.assign(runner, {
    stop: async () => {
      runner.stopped = true
    },
    endPool: async () => {
      runner.poolEnded = true
    },
  })
}
type Fake = ReturnType<typeof fakeRunner>

const quiet = createLogger(
  'silent',
  new Writable({
    write: (_c, _e, done) => done(),
  }),
)

describe('keeping the job runner running', () => {
  it('starts a new runner when a worker stops on a fatal error, and stops the old one with its pool', async () => {
    const started: Fake[] = []
    const start = async () => {
      const runner = fakeRunner()
      started.push(runner)
      return runner as unknown as Runner & JobRunner
    }
    const supervised = await superviseJobRunner(start, quiet, { retryMs: 1 })
    expect(started).toHaveLength(1)
    started[0].events.emit('worker:fatalError', { error: new Error('Connection terminated unexpectedly') })
    await expect.poll(() => started.length).toBe(2)
    expect(started[0]).toMatchObject({ stopped: true, poolEnded: true })
    expect(started[1].stopped).toBe(false)
    // The new one is watched too.
    started[1].events.emit('worker:fatalError', {})
    await expect.poll(() => started.length).toBe(3)
    await supervised.stop()
    await supervised.endPool()
    expect(started[2]).toMatchObject({ stopped: true, poolEnded: true })
  })

  it('keeps trying to start while the database is away, and gives up when stopped', async () => {
    let attempts = 0
    const first = fakeRunner()
    const start = async () => {
      attempts++
      if (attempts === 1) return first as unknown as Runner & JobRunner
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    }
    const supervised = await superviseJobRunner(start, quiet, { retryMs: 5 })
    first.events.emit('worker:fatalError', {})
    await expect.poll(() => attempts).toBeGreaterThan(3)
    await supervised.stop()
    const after = attempts
    await new Promise((r) => setTimeout(r, 30))
    expect(attempts).toBe(after)
  })

  it('does not restart a runner that is being stopped', async () => {
    const started: Fake[] = []
    const supervised = await superviseJobRunner(
      async () => {
        const runner = fakeRunner()
        started.push(runner)
        return runner as unknown as Runner & JobRunner
      },
      quiet,
      { retryMs: 1 },
    )
    await supervised.stop()
    started[0].events.emit('worker:fatalError', {})
    await new Promise((r) => setTimeout(r, 20))
    expect(started).toHaveLength(1)
  })
})
