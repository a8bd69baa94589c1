import type { Runner } from 'graphile-worker'
import type { Logger } from 'pino'

export interface JobRunner {
  stop(): Promise<void>
  endPool(): Promise<void>
}

/**
 * Keeps the job runner running through database faults. graphile-worker 0.16 retries a failed
 * job fetch for ever, but a worker that cannot record a job's result (its connection dropped
 * just then) stops for good and is not replaced: after a few faults no job runs any more until
 * the process restarts. So when a worker stops on a fatal error, this stops the runner and starts
 * a new one (jobs are safe in the queue meanwhile; an unfinished one is retried).
 */
export async function superviseJobRunner(
  start: () => Promise<Runner & JobRunner>,
  logger: Logger,
  { retryMs = 2_000 }: { retryMs?: number } = {},
): Promise<JobRunner> {
  let stopping = false
  let restarting: Promise<void> | null = null
  let current = await start()

  const watch = (runner: Runner) =>
    runner.events.on('worker:fatalError', () => {
      if (!stopping && !restarting) restarting = restart().finally(() => (restarting = null))
    })

  async function restart() {
    logger.warn({ component: 'worker' }, 'a job worker stopped on a database error: restarting the job runner')
    const old = current
    await old.stop().catch(() => {})
    await old.endPool().catch(() => {})
    while (!stopping) {
      try {
        current = await start()
        watch(current)
        logger.info({ component: 'worker' }, 'job runner restarted')
        return
      } catch (err) {
        logger.warn({ component: 'worker', err }, 'job runner could not start yet; trying again')
        await new Promise((resolve) => setTimeout(resolve, retryMs))
      }
    }
  }

  watch(current)
  return {
    async stop() {
      stopping = true
      await restarting
      // After a failed restart `current` is the runner already stopped: nothing more to stop.
      await current.stop().catch(() => {})
    },
    endPool: () => current.endPool().catch(() => {}),
  }
}
