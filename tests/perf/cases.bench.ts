/**
 * Cases benchmark, against the production build that `npm run build` made, started
 * here as `npm run serve` would (its own DATA_DIR, so its own embedded PostgreSQL, a free port):
 *
 * 1. Events per second accepted by POST /api/v1/notifications: autocannon, 16 connections,
 *    30 s. Each connection plays case after case: received → step reached → extended →
 *    decided → closed, every event new (unique ids), so each is validated, written with its
 *    projection (and its letters) in its own transaction. The rate limit is lifted for the run.
 * 2. Latency of /mijn/zaken and of a case page for a citizen with 200 cases (p50/p95), with
 *    1 connection (a single visitor) and with 16 (under load), 15 s each.
 *
 * Run:  npm run build && npx tsx tests/perf/cases.bench.ts
 * Options (env): BENCH_API_SECONDS (30), BENCH_PAGE_SECONDS (15), BENCH_CONNECTIONS (16).
 */
import os from 'node:os'
import autocannon from 'autocannon'
import { todayIn } from '../../app/domain/local-date'
import { DEMO_SOURCE } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { cloudEvent } from '../support/http'
import { loginAsCitizen } from '../support/login'
import { startServerProcess } from '../support/process'

const API_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30)
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 15)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const LOAD_BSN = personaByKey('thomas').bsn // the API load lands on him
const READER = personaByKey('lisa') // one closed demo case (server/seed/suggestions.ts); she gets 200 more

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const ms = (n: number) => `${n.toFixed(1)} ms`

const event = (type: string, subject: string, data: Record<string, unknown>) =>
  JSON.stringify(cloudEvent(type, subject, data, { source: 'urn:bench' }))

async function run(options: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = []
  const instance = autocannon(options)
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  )
  const result = await instance
  latencies.sort((a, b) => a - b)
  return { result, latencies }
}

const server = await startServerProcess({
  API_RATE_LIMIT_PER_SECOND: '1000000',
  API_RATE_LIMIT_BURST: '1000000',
  SERVER_LOG_LEVEL: 'warn',
})
const headers = { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' }
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB; node ${process.version}`,
  )

  // 1. Events accepted per second.
  let counter = 0
  const lifecycle: autocannon.Request[] = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        context.subject = `BENCH-${process.pid}-${++counter}`
        return {
          ...req,
          body: event('ontvangen', context.subject as string, {
            caseType: 'omgevingsvergunning',
            bsn: LOAD_BSN,
            description: 'Benchmark',
            channel: 'email',
            receivedOn: todayIn(new Date()),
          }),
        }
      },
    },
    {
      method: 'POST',
      setupRequest: (req, c) => ({ ...req, body: event('stap-bereikt', c.subject as string, { step: 'beoordeling' }) }),
    },
    {
      method: 'POST',
      setupRequest: (req, c) => ({ ...req, body: event('verdaagd', c.subject as string, { reason: 'Benchmark' }) }),
    },
    {
      method: 'POST',
      setupRequest: (req, c) => ({
        ...req,
        body: event('besloten', c.subject as string, { outcome: 'granted', reasons: 'Past in de regels' }),
      }),
    },
    { method: 'POST', setupRequest: (req, c) => ({ ...req, body: event('gesloten', c.subject as string, {}) }) },
  ]
  const api = await run({
    url: `${server.baseUrl}/api/v1/notifications`,
    connections: CONNECTIONS,
    duration: API_SECONDS,
    headers,
    requests: lifecycle,
  })
  const accepted = Number(api.result.statusCodeStats?.['202']?.count ?? 0)
  const refused = api.result.non2xx
  console.log(`\nPOST /api/v1/notifications — ${CONNECTIONS} connections, ${api.result.duration.toFixed(1)} s`)
  console.log(
    `  accepted (202): ${accepted} events = ${(accepted / api.result.duration).toFixed(0)} events/s; refused: ${refused}; errors: ${api.result.errors}`,
  )
  console.log(
    `  latency p50 ${ms(percentile(api.latencies, 50))}, p95 ${ms(percentile(api.latencies, 95))}, p99 ${ms(percentile(api.latencies, 99))}`,
  )

  // 2. A citizen with 200 cases, in all states.
  const caseRefs: string[] = []
  const respondBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
  for (let i = 0; i < 200; i++) {
    const subject = `READER-${i}`
    const post = (body: string) => fetch(`${server.baseUrl}/api/v1/notifications`, { method: 'POST', headers, body })
    const res = await post(
      event('ontvangen', subject, {
        caseType: ['omgevingsvergunning', 'wmo', 'subsidie', 'bijstand'][i % 4],
        bsn: READER.bsn,
        description: `Aanvraag ${i}`,
        channel: 'internet',
        receivedOn: todayIn(new Date()),
      }),
    )
    if (res.status !== 202) throw new Error(`seeding the reader's cases: ${res.status} ${await res.text()}`)
    caseRefs.push(((await res.json()) as { reference: string }).reference)
    if (i % 4 === 1) await post(event('opgeschort', subject, { information: 'Een bewijsstuk', respondBy }))
    if (i % 4 === 2) await post(event('verdaagd', subject, { reason: 'Drukte' }))
    if (i % 4 === 3) {
      await post(event('besloten', subject, { outcome: 'granted', reasons: 'Past in de regels' }))
      if (i % 8 === 7) await post(event('gesloten', subject, {}))
    }
  }
  const cookie = await loginAsCitizen(server.baseUrl, READER.bsn)
  const listHtml = await (await fetch(`${server.baseUrl}/mijn/zaken`, { headers: { cookie } })).text()
  const caseId = /href="\/mijn\/zaken\/([0-9a-f-]{36})"/.exec(listHtml)?.[1]
  if (!caseId) throw new Error('no case link on /mijn/zaken: not logged in?')
  for (const [name, path] of [
    ['/mijn/zaken (200 cases)', '/mijn/zaken'],
    ['/mijn/zaken/:caseId', `/mijn/zaken/${caseId}`],
  ] as const) {
    for (const connections of [1, CONNECTIONS]) {
      const page = await run({
        url: `${server.baseUrl}${path}`,
        connections,
        duration: PAGE_SECONDS,
        headers: { cookie },
      })
      const ok = Number(page.result.statusCodeStats?.['200']?.count ?? 0)
      console.log(
        `\nGET ${name} — ${connections} connection(s), ${page.result.duration.toFixed(1)} s: ${ok} × 200, ${page.result.non2xx} other`,
      )
      console.log(
        `  latency p50 ${ms(percentile(page.latencies, 50))}, p95 ${ms(percentile(page.latencies, 95))}; ${(ok / page.result.duration).toFixed(0)} pages/s`,
      )
    }
  }
} finally {
  await server.stop()
}
