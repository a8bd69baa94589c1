/**
 * Background jobs on graphile-worker (README: Architecture): the task list, and starting and stopping a
 * runner. By default the web process runs the jobs itself (server/index.ts); with
 * WORKER_IN_PROCESS=false they run in separate processes (`npm run worker`, server/worker.ts).
 *
 * Jobs are enqueued with SQL in the transaction of the change that causes them (see
 * `enqueueLetterNotice`): outbox semantics without an outbox table of our own.
 *
 * Retries: a task that throws is retried by graphile-worker with exponential back-off
 * (about exp(attempt) seconds: 3 s, 7 s, 20 s, … capped near 6 h), up to `max_attempts` (25 for a
 * letter notice: days of retrying). The letter itself is already written and readable online
 * meanwhile; only the e-mail that points to it waits.
 */
import { createPool } from '../../db/client'
import {
  Logger,
  parseCronItems,
  run,
  runMigrations,
  type CronItem,
  type LogLevel,
  type Runner,
  type TaskList,
} from 'graphile-worker'
import { z } from 'zod'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { letterNoticeMail } from '~/domain/letters-notice'
import { LETTER_NOTICE_TASK, letterNoticeRecipient, markLetterNotified } from '~/services/letters/notices.server'
import { MUNICIPALITY } from '~/services/letters/stored.server'
import type { Mailer } from '~/services/mail.server'
import { EMAIL_CONFIRMATION_TASK, emailConfirmationTask } from '~/services/requests/contact-details.server'
import { DELIVER_TASK, outboundDeliverTask } from '~/services/outbound.server'
import { moveEffectCronItems, moveEffectTasks } from '~/services/requests/move-effect.server'
import { purgeExpiredRateLimits } from '~/services/auth/bad-tokens.server'
import { purgeExpiredDrafts } from '~/services/requests/drafts.server'
import { MESSAGE_NOTICE_TASK, messageNoticeTask } from '~/services/messages/notice.server'
import { QUESTION_MAIL_TASK, questionMailTask } from '~/services/questions/question-mail.server'
import { PAYMENTS_REFRESH_TASK, paymentsRefreshTask } from '~/services/payments/jobs.server'
import type { PaymentProvider } from '~/services/payments/mollie.server'

/**
 * Housekeeping, hourly: drafts past their lifetime (app/domain/drafts.ts) go, with their files,
 * and so do expired rate-limit counters. graphile-worker's cron runs it once per hour across
 * all runners (its `known_crontabs` table), and not again for hours missed while nothing ran.
 */
export const PURGE_TASK = 'purge_expired'
export const CRON_ITEMS: CronItem[] = [
  { task: PURGE_TASK, match: '17 * * * *', identifier: PURGE_TASK, options: { backfillPeriod: 0 } },
  // Payments open past their expiry, whose webhook never came (payments/refresh.server.ts).
  {
    task: PAYMENTS_REFRESH_TASK,
    match: '*/5 * * * *',
    identifier: PAYMENTS_REFRESH_TASK,
    options: { backfillPeriod: 0 },
  },
]

export interface JobLogger {
  debug(obj: object, msg: string): void
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** graphile-worker's log lines into ours (pino scrubs anything that looks like a BSN). */
export function workerLogger(logger: JobLogger): Logger {
  return new Logger((scope) => (level: LogLevel, message: string, meta?: unknown) => {
    const fields = {
      component: 'worker',
      task: scope.taskIdentifier,
      jobId: scope.jobId,
      ...(meta && typeof meta === 'object' ? { meta } : {}),
    }
    switch (level) {
      case 'error':
        // A connection the database itself ended (57P01: it is shutting down, ours at the end of
        // a drain included, or an administrator ended it) is a warning: the pool replaces the
        // connection and the supervisor (server/job-supervisor.ts) the runner if need be.
        return terminatedByServer(meta) ? logger.warn(fields, message) : logger.error(fields, message)
      case 'warning':
        return logger.warn(fields, message)
      case 'info':
        return logger.info(fields, message)
      default:
        return logger.debug(fields, message)
    }
  })
}

/** graphile-worker's meta of a client error: `{ error }` with PostgreSQL's SQLSTATE as `code`. */
function terminatedByServer(meta: unknown): boolean {
  const error = meta && typeof meta === 'object' ? (meta as { error?: { code?: unknown } }).error : undefined
  return error?.code === '57P01'
}

const letterNoticePayload = z.object({ letterId: z.string().uuid() })

export interface TaskDependencies {
  mailer: Mailer
  /** The portal's public address, for the link in the mail. */
  baseUrl: string
  db?: DB
  /** The clock for the tasks that depend on the day (a move taking effect); tests fix it. */
  now?: () => Date
  /** The payment provider; default the settings' (PAYMENTS_API_URL, PAYMENTS_API_KEY). */
  paymentProvider?: PaymentProvider
}

/** Every task the portal runs, by identifier. */
export function createTaskList({ mailer, baseUrl, db, now, paymentProvider }: TaskDependencies): TaskList {
  return {
    /**
     * The e-mail that a letter is waiting. Neutral: no name, no reference, no subject.
     * Looks the address up now, not when the job was queued, so a changed address is used.
     */
    [LETTER_NOTICE_TASK]: async (payload, helpers) => {
      const { letterId } = letterNoticePayload.parse(payload)
      const database = db ?? getDb()
      const recipient = await letterNoticeRecipient(letterId, database)
      if (!recipient || recipient.alreadyNotified) {
        helpers.logger.info(
          recipient ? 'letter notice already sent' : 'letter notice not needed (no verified e-mail or paper delivery)',
        )
        return
      }
      const mail = letterNoticeMail(
        recipient.language,
        `${baseUrl.replace(/\/$/, '')}/mijn/brieven`,
        MUNICIPALITY.name[recipient.language],
      )
      await mailer.send({ to: recipient.email, ...mail })
      await markLetterNotified(letterId, database)
    },
    /** "Address changed" / "person corrected" to one subscriber ; a throw means retry with back-off. */
    [DELIVER_TASK]: (payload, helpers) => outboundDeliverTask(payload, helpers),
    /** The link that confirms a changed e-mail address. */
    [EMAIL_CONFIRMATION_TASK]: emailConfirmationTask({ mailer, baseUrl, db }),
    /** The neutral e-mail that a caseworker wrote a message on a case. */
    [MESSAGE_NOTICE_TASK]: messageNoticeTask({ mailer, baseUrl, db }),
    /** A question's acknowledgement or answer by e-mail, or the neutral notice of the portal channel. */
    [QUESTION_MAIL_TASK]: questionMailTask({ mailer, baseUrl, db }),
    /** A move taking effect on its date, and the daily sweep for any missed (move-effect.server.ts). */
    ...moveEffectTasks({ db, now }),
    /** Payments open past their expiry: asked again (CRON_ITEMS). */
    [PAYMENTS_REFRESH_TASK]: paymentsRefreshTask({ db, now, provider: paymentProvider }),
    /** Expired drafts and rate-limit counters (CRON_ITEMS). */
    [PURGE_TASK]: async (_payload, helpers) => {
      const now = new Date()
      const drafts = await purgeExpiredDrafts({ now, db: db ?? getDb() })
      const counters = await purgeExpiredRateLimits(now, db ?? getDb())
      helpers.logger.info(`purged expired drafts ${JSON.stringify(drafts)} and ${counters} rate-limit counters`)
    },
  }
}

/**
 * graphile-worker's own schema migrations. Migration 0004 installs the schema with ours; this
 * adds whatever a newer graphile-worker brings, and is a no-op otherwise.
 */
export async function migrateJobQueue(connectionString: string, logger?: JobLogger): Promise<void> {
  await runMigrations({ connectionString, ...(logger ? { logger: workerLogger(logger) } : {}) })
}

export interface RunnerOptions {
  connectionString: string
  taskList: TaskList
  concurrency: number
  pollInterval: number
  logger?: JobLogger
}

/**
 * Starts a runner that polls for jobs (and listens for new ones); `stop()` it at shutdown.
 * The runner gets a pool of our own making (createPool: with an error handler), and ending it is
 * ours too: when PostgreSQL stops after the runner, a dropped idle connection must not crash
 * the process with an unhandled 'error' event.
 */
export async function startJobRunner({
  connectionString,
  taskList,
  concurrency,
  pollInterval,
  logger,
}: RunnerOptions): Promise<Runner & { endPool(): Promise<void> }> {
  const pgPool = createPool(connectionString, { max: concurrency + 2, applicationName: 'mijn-stad-worker' })
  const runner = await run({
    pgPool,
    taskList,
    concurrency,
    pollInterval,
    // The process owns its signals: the server's shutdown stops the runner itself.
    noHandleSignals: true,
    // The schedule is in code, not in a crontab file graphile-worker would look for.
    parsedCronItems: [...moveEffectCronItems(), ...parseCronItems(CRON_ITEMS.filter((item) => item.task in taskList))],
    ...(logger ? { logger: workerLogger(logger) } : {}),
  })
  return Object.assign(runner, { endPool: () => pgPool.end() })
}
