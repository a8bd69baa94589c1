/**
 * Letters benchmark.
 *
 * 1. PDF rendering of the acknowledgement, in process: the first render (font files read and
 *    parsed) and then N=200 renders one after another, p50/p95; plus the size of the PDF.
 * 2. Letters written per second during event intake: the production server (`npm run serve`
 *    after `npm run build`) on a PostgreSQL of this script, so the letters can be counted;
 *    autocannon posts `ontvangen` events to /api/v1/notifications (16 connections, 20 s). Each
 *    event writes its case, its acknowledgement and the e-mail job in one transaction, while the
 *    in-process worker sends the notices (to .eml files) at the same time.
 *
 * Run:  npm run build && npx tsx tests/perf/letters.bench.ts
 * Options (env): BENCH_PDF_RUNS (200), BENCH_INTAKE_SECONDS (20), BENCH_CONNECTIONS (16),
 * BENCH_WORKER_IN_PROCESS (true; false measures intake without the e-mail worker beside it).
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { lettersForEvent } from '../../app/domain/letters-for-event'
import { todayIn } from '../../app/domain/local-date'
import { renderLetterPdf } from '~/services/letters/pdf.server'
import { createDb } from '../../db/client'
import { migrateToLatest } from '../../db/migrate'
import { openDatabase } from '../../db/runtime'
import { DEMO_SOURCE } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { events, letterContext } from '../support/letters'
import { startServerProcess } from '../support/process'

const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 200)
const INTAKE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const WORKER_IN_PROCESS = process.env.BENCH_WORKER_IN_PROCESS ?? 'true'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB; node ${process.version}`,
)

// --- 1. PDF rendering -----------------------------------------------------------------------------

const [composed] = lettersForEvent(
  letterContext({
    history: [events.received('2026-03-03')],
    letterDate: '2026-03-03',
    subject: 'Dakkapel aan de achterkant',
  }),
)
const letter = {
  ...composed,
  id: randomUUID(),
  caseId: randomUUID(),
  reference: 'Z-2026-000123',
  letterDate: '2026-03-03',
}
let t = performance.now()
const first = await renderLetterPdf(letter)
const cold = performance.now() - t
const times: number[] = []
for (let i = 0; i < PDF_RUNS; i++) {
  t = performance.now()
  await renderLetterPdf(letter)
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
console.log(`\nPDF of the acknowledgement (${PDF_RUNS} renders, one after another)`)
console.log(`  first render (fonts read and parsed): ${cold.toFixed(1)} ms`)
console.log(
  `  p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
)
console.log(`  size: ${first.length} bytes (${(first.length / 1024).toFixed(1)} KiB), fonts embedded as subsets`)

// --- 2. letters written during event intake ---------------------------------------------------------

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mijnstad-letters-bench-'))
chmodSync(dataDir, 0o755)
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir })
const db = createDb(database.url, { max: 2 })
try {
  await migrateToLatest(db)
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    API_RATE_LIMIT_PER_SECOND: '1000000',
    API_RATE_LIMIT_BURST: '1000000',
    WORKER_IN_PROCESS: WORKER_IN_PROCESS,
  })
  try {
    const bsn = personaByKey('thomas').bsn // digital, verified e-mail: a letter and a notice job per event
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from letters`.execute(db)).rows[0].n
    const before = await count()
    let counter = 0
    const result = await autocannon({
      url: `${server.baseUrl}/api/v1/notifications`,
      connections: CONNECTIONS,
      duration: INTAKE_SECONDS,
      headers: { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' },
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              specversion: '1.0',
              id: randomUUID(),
              source: 'urn:bench',
              type: 'nl.groningen.zaak.ontvangen',
              subject: `LETTERS-${process.pid}-${++counter}`,
              time: new Date().toISOString(),
              datacontenttype: 'application/json',
              data: {
                caseType: 'omgevingsvergunning',
                bsn,
                description: 'Benchmark',
                channel: 'email',
                receivedOn: todayIn(new Date()),
              },
            }),
          }),
        },
      ],
    })
    const written = (await count()) - before
    const accepted = Number(result.statusCodeStats?.['202']?.count ?? 0)
    const jobs = (await sql<{ n: number }>`select count(*)::int as n from graphile_worker._private_jobs`.execute(db))
      .rows[0].n
    console.log(
      `\nEvent intake: POST /api/v1/notifications, ${CONNECTIONS} connections, ${result.duration.toFixed(1)} s, worker in process: ${WORKER_IN_PROCESS}`,
    )
    console.log(
      `  events accepted: ${accepted} (${(accepted / result.duration).toFixed(0)}/s), other answers: ${result.non2xx}, errors: ${result.errors}`,
    )
    console.log(
      `  letters written: ${written} (${(written / result.duration).toFixed(0)} letters/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    )
    console.log(
      `  notice jobs queued at the end: ${jobs}${WORKER_IN_PROCESS === 'true' ? ' (the in-process worker sends them meanwhile)' : ''}`,
    )
  } finally {
    await server.stop()
  }
} finally {
  await db.destroy()
  await database.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
