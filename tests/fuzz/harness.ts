import { appendFileSync } from 'node:fs'
import { sql } from 'kysely'
import { inject } from 'vitest'
import { verifyAuditChain } from '~/services/audit.server'
import type { DB } from '../../db/client'

/**
 * The fuzz suite's rules (README: Tests): every input is one HTTP request, sent one after another;
 * after each the server must have answered below 500 (no reset, no hang), and when it refused the
 * input (4xx) no table may have changed — no row added, changed or removed. At the end of each
 * file the audit log's hash chain must be intact.
 *
 * FUZZ_INPUTS: inputs in all (default 2,000: `npm test`; `npm run fuzz` sends 12,000), shared
 * by the files by weight. FUZZ_SEED: the seed (default: a new one each run, printed by
 * tests/fuzz/global-setup.ts, so a failure can be replayed with FUZZ_SEED=…).
 */
export const TOTAL_INPUTS = Number(process.env.FUZZ_INPUTS ?? 2000)
export const SEED = inject('fuzzSeed')

/** This file's share of the inputs. */
export const inputsFor = (weight: number) => Math.max(50, Math.round(TOTAL_INPUTS * weight))

/**
 * Tables that change on their own while a page is only read: sessions (last seen), the audit
 * log (every view of personal data is audited, also of a page shown again after a refusal; its
 * chain is checked instead), sign-in state and the mock providers' store, Kysely's own, and
 * the counters of refused API tokens (a wrong token is counted by design: README, Back-office API).
 */
const VOLATILE = new Set([
  'sessions',
  'audit_log',
  'login_requests',
  'mock_idp_store',
  'kysely_migration',
  'kysely_migration_lock',
  'rate_limits',
])

export type Snapshot = Map<string, string>

let tableNames: Promise<string[]> | undefined

/** Every table of the schema (tables added later included): its row count and newest row version. */
export async function snapshot(db: DB): Promise<Snapshot> {
  tableNames ??= sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
    .execute(db)
    .then(({ rows }) => rows.map((r) => r.name).filter((name) => !VOLATILE.has(name)))
  const tables = await tableNames
  const parts = tables.map(
    (t) =>
      sql`select ${t}::text as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as state from ${sql.table(t)}`,
  )
  const { rows } = await sql<{ name: string; state: string }>`${sql.join(parts, sql` union all `)}`.execute(db)
  return new Map(rows.map((r) => [r.name, r.state]))
}

export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t))
}

export interface Outcome {
  status: number | 'reset' | 'timeout'
  detail?: string
}

/** Sends one request; a reset or a hang is an outcome too, not an exception. */
export async function send(
  url: string,
  init: RequestInit,
): Promise<Outcome & { body: string; location: string | null }> {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) })
    const body = await res.text()
    return { status: res.status, body, location: res.headers.get('location') }
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string }
    if (e.name === 'TimeoutError') return { status: 'timeout', body: '', location: null }
    return { status: 'reset', detail: e.cause?.code ?? e.message, body: '', location: null }
  }
}

export interface Tally {
  file: string
  inputs: number
  statuses: Record<string, number>
  serverErrors: string[]
  partialWrites: string[]
  targets: Set<string>
}

export function tally(file: string): Tally {
  return { file, inputs: 0, statuses: {}, serverErrors: [], partialWrites: [], targets: new Set() }
}

/**
 * Checks one answered input against the rules and counts it. Returns a failure description, or
 * null when the input was handled as it must be.
 */
export async function judge(
  t: Tally,
  db: DB,
  before: Snapshot,
  target: string,
  described: string,
  outcome: Outcome,
): Promise<{ failure: string | null; after: Snapshot }> {
  t.inputs++
  t.targets.add(target)
  t.statuses[String(outcome.status)] = (t.statuses[String(outcome.status)] ?? 0) + 1
  const after = await snapshot(db)
  if (typeof outcome.status !== 'number' || outcome.status >= 500) {
    const failure = `${target}: ${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ''} for ${described}`
    t.serverErrors.push(failure)
    return { failure, after }
  }
  if (outcome.status >= 400) {
    const changed = changedTables(before, after)
    if (changed.length) {
      const failure = `${target}: ${outcome.status} but ${changed.join(', ')} changed, for ${described}`
      t.partialWrites.push(failure)
      return { failure, after }
    }
  }
  return { failure: null, after }
}

export async function expectAuditChainIntact(db: DB): Promise<void> {
  const check = await verifyAuditChain(db)
  if (!check.ok) throw new Error(`audit chain broken: ${JSON.stringify(check)}`)
}

/**
 * Routes whose own checks let an input error through to the server's safety net (a schema's
 * parse that throws, a value PostgreSQL refuses; server/database-faults.ts answers those 400):
 * not a failure, but a route to give its own field message.
 */
function escapedByRoute(logs: Array<Record<string, unknown>>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const line of logs) {
    if (line.event === 'input_error_escaped') counts[String(line.route)] = (counts[String(line.route)] ?? 0) + 1
  }
  return counts
}

/** One line per file for the run's summary (tests/fuzz/global-setup.ts adds them up). */
export function report(t: Tally, logs: Array<Record<string, unknown>> = []) {
  const line = {
    file: t.file,
    seed: SEED,
    inputs: t.inputs,
    targets: t.targets.size,
    statuses: t.statuses,
    serverErrors: t.serverErrors.length,
    partialWrites: t.partialWrites.length,
  }
  appendFileSync(inject('fuzzResults'), `${JSON.stringify(line)}\n`)
  console.log(
    `fuzz ${t.file}: ${t.inputs} inputs to ${t.targets.size} targets (seed ${SEED}); 5xx/resets: ${t.serverErrors.length}; ` +
      `partial writes: ${t.partialWrites.length}; statuses ${JSON.stringify(t.statuses)}; ` +
      `input errors answered by the safety net: ${JSON.stringify(escapedByRoute(logs))}`,
  )
}

/** Shortens a value for a failure message: enough to recognise, never a megabyte. */
export function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text
}
