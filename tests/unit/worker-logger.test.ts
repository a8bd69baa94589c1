import { describe, expect, it } from 'vitest'
import { workerLogger, type JobLogger } from '~/services/jobs.server'

/**
 * graphile-worker's log lines in ours: a connection the database ended itself (57P01, as at the
 * end of every drain, when the server stops its own database) is a warning, every other client
 * error an error.
 */
function capture() {
  const lines: Array<{ level: string; msg: string }> = []
  const at = (level: string) => (_obj: object, msg: string) => void lines.push({ level, msg })
  const logger: JobLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  return { lines, logger: workerLogger(logger) }
}

describe('the job runner log', () => {
  it('logs a connection ended by the database (57P01) as a warning', () => {
    const { lines, logger } = capture()
    logger.error('PostgreSQL active client generated error: terminating connection due to administrator command', {
      error: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    })
    expect(lines).toEqual([{ level: 'warn', msg: expect.stringContaining('terminating connection') }])
  })

  it('keeps every other client error an error', () => {
    const { lines, logger } = capture()
    logger.error('PostgreSQL active client generated error: connection reset', {
      error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    })
    logger.error('Failed task 7 (send-question-mail) with error boom')
    expect(lines.map((l) => l.level)).toEqual(['error', 'error'])
  })
})
