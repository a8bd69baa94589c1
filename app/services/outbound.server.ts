/**
 * Outbound events: a change is passed on once, and every department that subscribed then has it (README, "Back-office API").
 *
 * A change that other registrations need (an address changed, a correction accepted) calls
 * `enqueueOutboundEvent` inside its own transaction. That writes one `outbound_events` row per
 * active subscriber of the event type and one graphile-worker job per row (the outbox: no change
 * without its events, no event without its change). The job `outbound_deliver` POSTs the event as
 * a CloudEvent (JSON, NL GOV profile) signed with the subscriber's secret. A subscriber that is
 * down or answers other than 2xx makes the job fail; graphile-worker retries it with its
 * exponential back-off (exp(min(attempts, 10)) seconds: ~3 s, 7 s, 20 s, … up to ~6 h) until
 * MAX_DELIVERY_ATTEMPTS. The row keeps the delivery state for the caseworker screens.
 *
 * Payloads carry only what a receiver needs to act: whose record changed (the BSN, which is how
 * every municipal system keys a person) and the new value by its register id. No names, no old
 * address, no birth data. A BSN never goes in a log line or an error message written here.
 */
import type { Executor } from '../../db/client'
import { createHmac, randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema'
import { getDb } from '../../db/instance'
import { settings } from '~/context.server'

export const EVENT_TYPES = {
  /** Wet BRP art. 2.39: an approved move changed a person's address in the BRP. */
  addressChanged: 'nl.groningen.mijnstad.brp.address-changed',
  /** Wet BRP art. 2.58: an accepted correction changed a person's BRP data. */
  personCorrected: 'nl.groningen.mijnstad.brp.person-corrected',
} as const
export type OutboundEventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES]

export const DELIVER_TASK = 'outbound_deliver'
export const MAX_DELIVERY_ATTEMPTS = 20
const DELIVERY_TIMEOUT_MS = 10_000

export interface OutboundEventInput {
  type: OutboundEventType
  /** The CloudEvents data: only what the receivers need. */
  data: Record<string, unknown>
  /** What the event is about, without personal data (a register id, a case reference). */
  subject: string
  caseId?: string | null
  occurredAt: Date
}

/**
 * Adds a graphile-worker job in the caller's transaction (graphile-worker's own SQL API, so the
 * job commits or rolls back with the change). job_key makes a repeat of the same row a no-op.
 */
export async function addJob(
  trx: Executor,
  task: string,
  payload: Record<string, unknown>,
  options: { maxAttempts?: number; jobKey?: string; runAt?: Date } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
      ${task}::text,
      ${JSON.stringify(payload)}::json,
      run_at := ${options.runAt ?? null}::timestamptz,
      max_attempts := ${options.maxAttempts ?? null}::int,
      job_key := ${options.jobKey ?? null}::text
    )`.execute(trx)
}

/**
 * Records the event for every active subscriber of its type and enqueues one delivery job each.
 * Call inside the transaction of the change. Returns the number of deliveries enqueued.
 */
export async function enqueueOutboundEvent(trx: Transaction<Database>, input: OutboundEventInput): Promise<number> {
  const subscribers = await trx
    .selectFrom('subscriptions')
    .select(['id'])
    .where('active', '=', true)
    .where(sql<boolean>`${input.type} = any(event_types)`)
    .orderBy('id')
    .execute()
  if (subscribers.length === 0) return 0
  const eventId = randomUUID()
  const payload = { subject: input.subject, time: input.occurredAt.toISOString(), data: input.data }
  const rows = await trx
    .insertInto('outbound_events')
    .values(
      subscribers.map((s) => ({
        event_id: eventId,
        event_type: input.type,
        subscription_id: s.id,
        payload: JSON.stringify(payload),
        case_id: input.caseId ?? null,
        next_attempt_at: new Date(),
      })),
    )
    .returning('id')
    .execute()
  for (const row of rows) {
    await addJob(
      trx,
      DELIVER_TASK,
      { outboundEventId: row.id },
      { maxAttempts: MAX_DELIVERY_ATTEMPTS, jobKey: `outbound:${row.id}` },
    )
  }
  return rows.length
}

/** graphile-worker's back-off after the n-th failed attempt: exp(min(n, 10)) seconds. */
export function retryDelayMs(attempts: number): number {
  return Math.round(Math.exp(Math.min(attempts, 10)) * 1000)
}

/** The CloudEvents envelope (JSON structured mode, NL GOV profile): id, source, type, subject, time, data. */
export function cloudEvent(
  row: { event_id: string; event_type: string; payload: Record<string, unknown> },
  source: string,
) {
  const payload = row.payload as { subject?: string; time?: string; data?: unknown }
  return {
    specversion: '1.0',
    id: row.event_id,
    source,
    type: row.event_type,
    subject: payload.subject,
    time: payload.time,
    datacontenttype: 'application/json',
    data: payload.data ?? {},
  }
}

/** HMAC-SHA256 over the exact body, hex: the receiver recomputes it with the shared secret. */
export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export type DeliveryResult = 'delivered' | 'already_delivered' | 'not_found' | 'inactive'

export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly finalAttempt: boolean,
  ) {
    super(message)
    this.name = 'DeliveryFailed'
  }
}

export interface DeliveryOptions {
  db?: Kysely<Database>
  fetch?: typeof fetch
  now?: () => Date
  /** the attempt number graphile-worker is on (1-based) and its limit, to mark the last one */
  attempt?: number
  maxAttempts?: number
  source?: string
}

/**
 * One delivery attempt of one outbound event row. Success (2xx) marks it delivered. Any other
 * answer, a time-out or a refused connection records the error and throws `DeliveryFailed`, so
 * that graphile-worker retries the job later; on the last attempt the row is marked failed.
 */
export async function deliverOutboundEvent(
  outboundEventId: string,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const db = options.db ?? getDb()
  const now = options.now ?? (() => new Date())
  const doFetch = options.fetch ?? fetch
  const row = await db
    .selectFrom('outbound_events as o')
    .innerJoin('subscriptions as s', 's.id', 'o.subscription_id')
    .select([
      'o.id',
      'o.event_id',
      'o.event_type',
      'o.payload',
      'o.status',
      'o.attempts',
      's.endpoint_url',
      's.secret',
      's.active',
    ])
    .where('o.id', '=', outboundEventId)
    .executeTakeFirst()
  if (!row) return 'not_found'
  if (row.status === 'delivered') return 'already_delivered'
  if (!row.active) return 'inactive'

  const source = options.source ?? settings().eventSource
  const body = JSON.stringify(cloudEvent(row, source))
  let problem: string
  try {
    const res = await doFetch(row.endpoint_url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'x-mijnstad-signature': `sha256=${signBody(body, row.secret)}`,
        'x-mijnstad-delivery': row.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
    // Read and drop the body: the connection can be reused, and nothing of it is stored.
    await res.arrayBuffer().catch(() => undefined)
    if (res.ok) {
      await db
        .updateTable('outbound_events')
        .set({
          status: 'delivered',
          delivered_at: now(),
          attempts: sql`attempts + 1`,
          next_attempt_at: null,
          last_error: null,
        })
        .where('id', '=', row.id)
        .execute()
      return 'delivered'
    }
    problem = `HTTP ${res.status}`
  } catch (error) {
    problem = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown error'
  }
  const attempts = row.attempts + 1
  const finalAttempt = (options.attempt ?? attempts) >= (options.maxAttempts ?? MAX_DELIVERY_ATTEMPTS)
  await db
    .updateTable('outbound_events')
    .set({
      attempts,
      last_error: problem,
      status: finalAttempt ? 'failed' : 'pending',
      next_attempt_at: finalAttempt ? null : new Date(now().getTime() + retryDelayMs(options.attempt ?? attempts)),
    })
    .where('id', '=', row.id)
    .execute()
  throw new DeliveryFailed(`delivery ${row.id} to subscriber failed: ${problem}`, finalAttempt)
}

const DeliverPayload = z.object({ outboundEventId: z.string().uuid() })

/** The graphile-worker task: one delivery attempt per run; a throw means "retry later". */
export async function outboundDeliverTask(
  payload: unknown,
  helpers: { job: { attempts: number; max_attempts: number } },
): Promise<void> {
  const { outboundEventId } = DeliverPayload.parse(payload)
  await deliverOutboundEvent(outboundEventId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts })
}

export interface DeliveryView {
  subscriber: string
  eventType: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  nextAttemptAt: Date | null
  deliveredAt: Date | null
  lastError: string | null
}

/** The delivery state of the events a case caused, for the caseworker screens. */
export async function listDeliveriesForCase(caseId: string, db: Executor = getDb()): Promise<DeliveryView[]> {
  const rows = await db
    .selectFrom('outbound_events as o')
    .innerJoin('subscriptions as s', 's.id', 'o.subscription_id')
    .select([
      's.name',
      'o.event_type',
      'o.status',
      'o.attempts',
      'o.next_attempt_at',
      'o.delivered_at',
      'o.last_error',
      'o.created_at',
    ])
    .where('o.case_id', '=', caseId)
    .orderBy('o.created_at')
    .orderBy('s.name')
    .execute()
  return rows.map((r) => ({
    subscriber: r.name,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    lastError: r.last_error,
  }))
}
