import path from 'node:path'
import { createTaskList, migrateJobQueue, startJobRunner } from '../app/services/jobs.server'
import { createMailer } from '../app/services/mail.server'
import { closeDb, configureDb } from '../db/instance'
import { loadConfig } from './config'
import { superviseJobRunner } from './job-supervisor'
import { createLogger } from './logger'

/**
 * `npm run worker`: the background jobs (e-mail notices of new letters) in a process of their
 * own, to scale them apart from the web processes (README: Architecture: N app instances, M workers).
 * Start the web processes with WORKER_IN_PROCESS=false then. Needs DATABASE_URL: the embedded
 * PostgreSQL belongs to the one web process that started it.
 * SIGINT/SIGTERM: finish the running jobs, then stop.
 */
const config = loadConfig()
const logger = createLogger(config.LOG_LEVEL).child({ process: 'worker' })
if (!config.DATABASE_URL) {
  logger.fatal('DATABASE_URL is not set: a separate worker needs the same database as the web processes')
  process.exit(2)
}
configureDb(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX })

await migrateJobQueue(config.DATABASE_URL, logger)
const mailer = createMailer({
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  mailDir: path.join(config.dataDir, 'mail'),
})
const taskList = createTaskList({ mailer, baseUrl: config.baseUrl })
const databaseUrl = config.DATABASE_URL
// Restarted after a database fault stops one of its workers (server/job-supervisor.ts).
const runner = await superviseJobRunner(
  () =>
    startJobRunner({
      connectionString: databaseUrl,
      taskList,
      concurrency: config.WORKER_CONCURRENCY,
      pollInterval: config.WORKER_POLL_INTERVAL_MS,
      logger,
    }),
  logger,
)
logger.info({ mail: mailer.kind, concurrency: config.WORKER_CONCURRENCY }, 'worker started')

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'worker stopping')
  await runner.stop()
  await runner.endPool()
  mailer.close()
  await closeDb()
  logger.info('worker stopped')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
