/**
 * Quality dashboard benchmark: how long /medewerker/kwaliteit takes to load, on the
 * demo data and on a generated set of 1,000,000 cases, against the production build that
 * `npm run build` made, started here as `npm run serve` would (free port, own data).
 *
 * 1. Demo data: the server with a DATA_DIR of its own (so its own embedded PostgreSQL, seeded
 *    with the demo cases). A manager logs in through the mock staff SSO.
 * 2. 1,000,000 cases: a throwaway embedded PostgreSQL in a temp dir, migrated and seeded with
 *    the registers and personas, then filled by ONE SQL statement (`GENERATE` below): an
 *    `insert into cases … select … from generate_series(1, N)` whose RETURNING feeds, in the
 *    same statement (data-modifying CTEs), the inserts of each case's events (received, and by
 *    a fixed pattern of i: suspended + resumed, extended, decided, closed) and of its
 *    acknowledgement letter. Receipt dates are spread evenly over the 5 years up to today;
 *    about 3 % are registered late, 3 % acknowledged late and 1 % never, 10 % suspended for a
 *    week, 8 % of the extendable ones extended, about 8 % decided late and 0.5 % of the old
 *    ones left open past their date. The server then runs against it (DATABASE_URL).
 *
 * Each page is loaded with autocannon: 1 connection (one manager) and several at once; p50/p95
 * latency and pages per second. On the big set the SQL of the dashboard is also timed on its
 * own, in-process.
 *
 * Run:  npm run build && npx tsx tests/perf/quality.bench.ts
 * Options (env): BENCH_CASES (1000000), BENCH_SECONDS (10), BENCH_CONNECTIONS (8) for the demo
 *   data, BENCH_BIG_SECONDS (20), BENCH_BIG_CONNECTIONS (4) for the big set,
 *   BENCH_SKIP_DEMO=1, BENCH_SKIP_BIG=1, BENCH_SKIP_PAGES=1 (only the SQL timings on the big set).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { todayIn } from '../../app/domain/local-date'
import { lastCompletedQuarter, periodContaining, periodsUpTo } from '../../app/domain/quality'
import { casesAtRisk } from '../../app/services/quality/cases-at-risk.server'
import { measureQuality } from '../../app/services/quality/measures.server'
import { createDb } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded'
import { migrateToLatest } from '../../db/migrate'
import { seedPersonas, seedRegisters } from '../../db/seed'
import { loginAsStaff } from '../support/login'
import { startServerProcess, type ServerProcess } from '../support/process'

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8)
const BIG_SECONDS = Number(process.env.BENCH_BIG_SECONDS ?? 20)
const BIG_CONNECTIONS = Number(process.env.BENCH_BIG_CONNECTIONS ?? 4)
const MANAGER = 'E3001'

const ms = (n: number) => `${n.toFixed(1)} ms`

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

interface LoadOptions {
  connections: number[]
  seconds: number
}

async function load(
  server: ServerProcess,
  cookie: string,
  label: string,
  pathname: string,
  { connections: counts, seconds }: LoadOptions,
) {
  // One request first: it must be the page, not a login redirect.
  const first = await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie }, redirect: 'manual' })
  if (first.status !== 200) throw new Error(`${pathname}: ${first.status}, expected 200`)
  await first.arrayBuffer()
  for (const connections of counts) {
    const latencies: number[] = []
    // A slow page must count as slow, not as an error: autocannon's own timeout is 10 s.
    const instance = autocannon({
      url: `${server.baseUrl}${pathname}`,
      connections,
      duration: seconds,
      timeout: 120,
      headers: { cookie },
    })
    instance.on('response', (_c: unknown, _s: number, _b: number, time: number) => latencies.push(time))
    const result = await instance
    latencies.sort((a, b) => a - b)
    const ok = Number(result.statusCodeStats?.['200']?.count ?? 0)
    console.log(
      `  ${label.padEnd(44)} ${String(connections).padStart(2)} conn: p50 ${ms(percentile(latencies, 50)).padStart(9)}, ` +
        `p95 ${ms(percentile(latencies, 95)).padStart(9)}, ${(ok / result.duration).toFixed(1).padStart(6)} pages/s` +
        (result.non2xx ? `, ${result.non2xx} non-2xx` : ''),
    )
  }
}

async function pages(server: ServerProcess, today: string, options: LoadOptions) {
  const cookie = await loginAsStaff(server.baseUrl, MANAGER)
  const last = lastCompletedQuarter(today).key
  const month = periodContaining(today, 'month').key
  await load(server, cookie, '/medewerker/kwaliteit (this quarter + 4 before)', '/medewerker/kwaliteit', options)
  await load(server, cookie, `/medewerker/kwaliteit?period=${last}`, `/medewerker/kwaliteit?period=${last}`, options)
  await load(
    server,
    cookie,
    `/medewerker/kwaliteit?period=${month} (+ 5 months)`,
    `/medewerker/kwaliteit?period=${month}`,
    options,
  )
  await load(
    server,
    cookie,
    `/medewerker/kwaliteit.csv?period=${last}`,
    `/medewerker/kwaliteit.csv?period=${last}`,
    options,
  )
  await load(server, '', '/kwaliteitshandvest (public, last quarter)', '/kwaliteitshandvest', options)
  // The caseworker's start page with their cases at risk; E1001 is the contact of 3 of the 7 case types.
  await load(
    server,
    await loginAsStaff(server.baseUrl, 'E1001'),
    '/medewerker (caseworker: cases at risk)',
    '/medewerker',
    options,
  )
}

/**
 * The one statement that makes the big set. `p` holds the parameters; `g` derives each case's
 * facts from i alone (so the set is the same every run); the CTEs insert the cases, then their
 * events, then the acknowledgement letters, chained by RETURNING.
 */
export function generate(n: number, today: string) {
  return sql`
    with
    p as (
      select ${today}::date as today, ${today}::date - 1826 as first_day,
             (select array_agg(bsn order by bsn) from persons) as people
    ),
    types as (
      select row_number() over (order by code) - 1 as k, code, default_contact_id,
             lead_time_amount * case when lead_time_unit = 'weeks' then 7 else 1 end as lead_days,
             coalesce(extension_amount * case when extension_unit = 'weeks' then 7 else 1 end, 0) as ext_days
      from case_types
    ),
    g as (
      select i, t.code, t.default_contact_id, t.lead_days, t.ext_days,
             p.people[1 + (i % array_length(p.people, 1))::int] as bsn,
             p.first_day + (i::bigint * 1826 / ${n})::int as received_on,
             case when (i * 7919) % 100 < 45 then 'internet' when (i * 7919) % 100 < 65 then 'email'
                  when (i * 7919) % 100 < 80 then 'post' when (i * 7919) % 100 < 92 then 'counter' else 'phone' end as channel,
             (case when i % 33 = 0 then 3 + i % 8 else 0 end)::int as registered_after,
             (case when i % 100 = 7 then null when i % 31 = 0 then 6 + i % 7 else i % 5 end)::int as ack_after,
             i % 10 = 3 as suspends,
             t.ext_days > 0 and i % 12 = 5 and i % 33 <> 0 as extends,
             -- decided after 30 %…115 % of the term: about 8 % late; 0.5 % of the old ones never
             (t.lead_days * (30 + (i * 104729) % 86) / 100)::int as decided_after,
             i % 200 = 11 as never_decided,
             p.today
      from generate_series(1, ${n}::bigint) as i
      cross join p
      join types t on t.k = i % (select count(*) from types)
    ),
    d as (
      select g.*,
             received_on + registered_after as registered_on,
             received_on + registered_after + 3 as suspended_on,
             received_on + registered_after + 10 as resumed_on,
             -- after a suspension has ended (an extension while one runs is left out), and well
             -- inside the shortest term (14 days)
             received_on + registered_after + case when i % 10 = 3 then 11 else 4 end as extended_on,
             greatest(received_on + decided_after, received_on + registered_after + 12) as decide_on
      from g
    ),
    plan as (
      select d.*,
             not never_decided and decide_on < today as decided,
             not never_decided and decide_on + 1 < today and i % 5 <> 0 as closed
      from d
    ),
    c as (
      insert into cases (reference, case_type_code, bsn, subject, channel, received_on, contact_employee_id, source, status,
                         current_step, ack_due_on, decision_due_on, extended, outcome, decided_on, closed_on, last_event_seq)
      select 'B-' || lpad(i::text, 8, '0'), code, bsn, 'Benchmark ' || i, channel, received_on, default_contact_id, 'bench',
             case when closed then 'closed' when decided then 'decided' else 'open' end,
             case when decided then 'besluit' else 'ontvangen' end,
             received_on + 7,
             received_on + lead_days + case when extends then ext_days else 0 end + case when suspends then 7 else 0 end,
             extends, case when decided then 'granted' end,
             case when decided then decide_on end, case when closed then decide_on + 1 end,
             1 + case when suspends then 2 else 0 end + case when extends then 1 else 0 end + decided::int + closed::int
      from plan
      returning id, reference, bsn, received_on
    ),
    e as (
      insert into case_events (case_id, seq, type, payload, occurred_at, actor, source, source_event_id)
      select c.id, row_number() over (partition by c.id order by ev.on_date, ev.ord), ev.type, ev.payload,
             (ev.on_date + time '12:00') at time zone 'Europe/Amsterdam', 'system:bench', 'bench', c.reference || ':' || ev.ord
      from c
      join plan on 'B-' || lpad(plan.i::text, 8, '0') = c.reference
      cross join lateral (
        values
          (1, 'received', plan.registered_on, jsonb_build_object('receivedOn', plan.received_on, 'channel', plan.channel)),
          (2, case when plan.suspends then 'suspended' end, plan.suspended_on,
              jsonb_build_object('information', 'Een bewijsstuk', 'respondBy', plan.suspended_on + 14)),
          (3, case when plan.suspends then 'resumed' end, plan.resumed_on, '{}'::jsonb),
          (4, case when plan.extends then 'extended' end, plan.extended_on, jsonb_build_object('reason', 'Benchmark')),
          (5, case when plan.decided then 'decided' end, plan.decide_on, jsonb_build_object('outcome', 'granted')),
          (6, case when plan.closed then 'closed' end, plan.decide_on + 1, '{}'::jsonb)
      ) as ev(ord, type, on_date, payload)
      where ev.type is not null
      returning id, case_id, type
    )
    insert into letters (case_id, event_id, bsn, template_code, template_version, language, title, content, letter_date, delivery, created_at)
    select c.id, e.id, c.bsn, 'acknowledgement', 1, 'nl', 'Ontvangstbevestiging', '{}'::jsonb,
           plan.registered_on + plan.ack_after, 'digital', plan.registered_on + plan.ack_after
    from e
    join c on c.id = e.case_id
    join plan on 'B-' || lpad(plan.i::text, 8, '0') = c.reference
    where e.type = 'received' and plan.ack_after is not null
  `
}

async function main() {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB; node ${process.version}`,
  )
  const today = todayIn(new Date())

  if (!process.env.BENCH_SKIP_DEMO) {
    console.log('\n1. Demo data')
    const server = await startServerProcess()
    try {
      await pages(server, today, { connections: [1, CONNECTIONS], seconds: SECONDS })
    } finally {
      await server.stop()
    }
  }

  if (!process.env.BENCH_SKIP_BIG) {
    console.log(`\n2. ${CASES.toLocaleString('en')} generated cases`)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mijnstad-bench-quality-'))
    chmodSync(dir, 0o755) // the cluster runs as the postgres user, who must reach it
    const pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), { database: 'postgres' })
    const db = createDb(pg.url, { max: 4 })
    let server: ServerProcess | undefined
    try {
      await migrateToLatest(db)
      await seedRegisters(db)
      await seedPersonas(db)
      let t0 = performance.now()
      await generate(CASES, today).execute(db)
      const counted = await sql<{ cases: number; events: number; letters: number }>`
        select (select count(*) from cases)::int as cases, (select count(*) from case_events)::int as events,
               (select count(*) from letters)::int as letters`.execute(db)
      console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, counted.rows[0])
      t0 = performance.now()
      await sql`vacuum analyze`.execute(db)
      console.log(`  vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`)

      // The dashboard's SQL on its own, in-process (median of 5 runs after one warm-up).
      const quarter = periodContaining(today, 'quarter')
      const trend = periodsUpTo(quarter, 5)
      const time = async (label: string, run: () => Promise<unknown>) => {
        await run()
        const runs: number[] = []
        for (let i = 0; i < 5; i++) {
          const start = performance.now()
          await run()
          runs.push(performance.now() - start)
        }
        runs.sort((a, b) => a - b)
        console.log(`  SQL ${label.padEnd(52)} median ${ms(runs[2])}`)
      }
      await time('measureQuality, 1 quarter', () =>
        measureQuality(
          { from: quarter.from, to: quarter.to, grain: 'quarter', today, extraNonWorkingDays: [] },
          { db },
        ),
      )
      await time('measureQuality, 5 quarters (the dashboard)', () =>
        measureQuality(
          {
            from: trend[0].from,
            to: quarter.to,
            grain: 'quarter',
            today,
            extraNonWorkingDays: [],
            detailFor: quarter.from,
          },
          { db },
        ),
      )
      await time('casesAtRisk, one caseworker (E1001)', () =>
        casesAtRisk({ withinWorkingDays: 5, contactEmployeeId: 'E1001' }, { today, extraNonWorkingDays: [], db }),
      )
      await time('casesAtRisk, everyone', () =>
        casesAtRisk({ withinWorkingDays: 5 }, { today, extraNonWorkingDays: [], db }),
      )
      if (!process.env.BENCH_SKIP_PAGES) {
        server = await startServerProcess({ DATABASE_URL: pg.url, SEED_DEMO_DATA: 'false' })
        // Fewer connections at once: with two CPUs, eight 2-second queries queue for 8 s each.
        await pages(server, today, { connections: [1, BIG_CONNECTIONS], seconds: BIG_SECONDS })
      }
    } finally {
      await server?.stop()
      await db.destroy()
      await pg.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

// Run when started as a script (not when a scratch tool imports `generate`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
