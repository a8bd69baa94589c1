/**
 * `npm run bench:documents`: download throughput of one 10 MB document under 16 connections,
 * against the production build served as `npm run serve` would (a child process on a free port,
 * its own DATA_DIR: its own embedded PostgreSQL, migrated and seeded with the demo data).
 *
 * A back office adds a 10 MB PDF (the largest a document may be) to Jan's first case through
 * POST /api/v1/cases/{reference}/documents; then autocannon downloads it for BENCH_SECONDS (10)
 * with BENCH_CONNECTIONS (16) connections, as Jan (/mijn/zaken/:caseId/documenten/:id) and as a
 * manager (/medewerker/…, which writes an audit row per download). Every download reads the
 * bytes from PostgreSQL and checks their SHA-256 before sending them.
 *
 * Options (env): BENCH_SECONDS, BENCH_CONNECTIONS. Build first (`npm run build`).
 */
import os from 'node:os'
import autocannon from 'autocannon'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'
import { MAX_UPLOAD_FILE_BYTES } from '../../app/domain/uploads'
import { portalClient } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startServerProcess } from '../support/process'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)

/** A PDF of exactly MAX_UPLOAD_FILE_BYTES: a header, then spaces (PDF comments allow them). */
function tenMegabytePdf(): Buffer {
  const bytes = Buffer.alloc(MAX_UPLOAD_FILE_BYTES, 0x20)
  bytes.write('%PDF-1.4\n%')
  return bytes
}

const server = await startServerProcess({ SERVER_LOG_LEVEL: 'warn' }, { capture: true })
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; server ready in ${server.startupMs} ms`,
  )
  const cookie = await loginAsCitizen(server.baseUrl, personaByKey('jan').bsn, 'basis')
  const { get } = portalClient(() => server.baseUrl)
  const caseId = /href="\/mijn\/zaken\/([0-9a-f-]{36})"/.exec(await (await get('/mijn/zaken', cookie)).text())?.[1]
  if (!caseId) throw new Error('Jan has no case: no demo data?')
  const reference = /Z-\d{4}-\d{6}/.exec(await (await get(`/mijn/zaken/${caseId}`, cookie)).text())?.[0]
  if (!reference) throw new Error('no reference on the case page')

  const file = tenMegabytePdf()
  const form = new FormData()
  form.append('title', 'Bouwtekening (10 MB)')
  form.append('kind', 'attachment')
  form.append('documentId', `bench-${Date.now()}`)
  form.append('file', new Blob([new Uint8Array(file)]), 'tekening.pdf')
  const added = await fetch(`${server.baseUrl}/api/v1/cases/${reference}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SOURCE.token}` },
    body: form,
  })
  if (added.status !== 201) throw new Error(`adding the document answered ${added.status}: ${await added.text()}`)
  const { id } = (await added.json()) as { id: string }
  const manager = await loginAsStaff(server.baseUrl, 'E3001')

  console.log(`one document of ${file.byteLength} bytes; each run: ${SECONDS} s, ${CONNECTIONS} connections\n`)
  console.log('download                    req/s    MB/s  p50 ms  p99 ms   200  other')
  let failed = false
  for (const [name, url, who] of [
    ['citizen /mijn/…', `${server.baseUrl}/mijn/zaken/${caseId}/documenten/${id}`, cookie],
    ['manager /medewerker/… +audit', `${server.baseUrl}/medewerker/zaken/${caseId}/documenten/${id}`, manager],
  ] as const) {
    // A 10 MB answer under load can take longer than autocannon's 10 s default: that is a slow answer, not a lost one.
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 60,
      headers: { cookie: who },
    })
    const ok = Number(result.statusCodeStats?.['200']?.count ?? 0)
    const other = result.non2xx + result.errors + result.timeouts
    failed ||= other > 0 || ok === 0
    console.log(
      [
        name.padEnd(26),
        (ok / result.duration).toFixed(1).padStart(7),
        (result.throughput.average / 1024 / 1024).toFixed(0).padStart(7),
        result.latency.p50.toFixed(0).padStart(7),
        result.latency.p99.toFixed(0).padStart(7),
        String(ok).padStart(5),
        String(other).padStart(6),
      ].join(' '),
    )
  }
  if (failed) {
    console.error('not every answer was 200')
    console.error(server.output.slice(-40).join('\n'))
    process.exitCode = 1
  }
} catch (error) {
  console.error(server.output.slice(-40).join('\n'))
  throw error
} finally {
  await server.stop()
}
