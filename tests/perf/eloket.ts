/**
 * `npm run bench:eloket`: the time from **Verzenden** on the check page to the case page, as
 * the server answers it: the POST that sends the application (one transaction: the case, the
 * answers' PDF, the acknowledgement letter, the audit entry) and its redirect to the
 * acknowledgement page, then the case page — BENCH_RUNS (50) Wmo requests, one after another,
 * each filled in page by page first (not timed). Against the production build served as
 * `npm run serve` would (a child process on a free port, its own embedded PostgreSQL with the
 * demo data, in a temporary folder thrown away at the end). Build first (`npm run build`).
 */
import os from 'node:os'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { multipart, portalClient } from '../support/http'
import { startServerProcess } from '../support/process'

const RUNS = Number(process.env.BENCH_RUNS ?? 50)

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const server = await startServerProcess({ SERVER_LOG_LEVEL: 'warn' }, { capture: true })
let failed = false
try {
  const { get, post } = portalClient(() => server.baseUrl)
  const cookie = await loginAsCitizen(server.baseUrl, personaByKey('fatima').bsn, 'midden')
  const expect = (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status}, expected ${status}`)
    return new URL(res.headers.get('location') ?? '/', server.baseUrl).pathname
  }
  const send: number[] = []
  const toCase: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = expect(await post('/mijn/aanvragen/wmo', cookie, {}), 302, 'start')
    const base = started.split('/').slice(0, 5).join('/')
    expect(await post(`${base}/hulp`, cookie, { helpWith: ['household'] }), 302, 'hulp')
    expect(
      await post(`${base}/situatie`, cookie, { description: `Run ${run}: stofzuigen lukt niet.` }),
      302,
      'situatie',
    )
    expect(await post(`${base}/mantelzorg`, cookie, { informalCare: 'no' }), 302, 'mantelzorg')
    expect(await post(`${base}/documenten`, cookie, multipart({})), 302, 'documenten')

    const t0 = performance.now()
    const sent = expect(await post(`${base}/controleren`, cookie, {}), 302, 'verzenden')
    const done = await get(sent, cookie)
    const html = await done.text()
    const t1 = performance.now()
    const caseHref = /href="(\/mijn\/zaken\/[0-9a-f-]{36})"/.exec(html)?.[1]
    if (done.status !== 200 || !caseHref) throw new Error(`verstuurd: ${done.status}`)
    const casePage = await get(caseHref, cookie)
    await casePage.arrayBuffer()
    const t2 = performance.now()
    if (casePage.status !== 200) throw new Error(`case page: ${casePage.status}`)
    send.push(t1 - t0)
    toCase.push(t2 - t0)
  }
  send.sort((a, b) => a - b)
  toCase.sort((a, b) => a - b)
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; ${RUNS} runs`)
  console.log('                                          p50 ms  p90 ms  max ms')
  for (const [label, times] of [
    ['Verzenden → acknowledgement page', send],
    ['Verzenden → case page', toCase],
  ] as const)
    console.log(
      `${label.padEnd(40)} ${percentile(times, 50).toFixed(1).padStart(7)} ${percentile(times, 90).toFixed(1).padStart(7)} ${times.at(-1)!.toFixed(1).padStart(7)}`,
    )
} catch (error) {
  failed = true
  console.error(error)
  console.error(server.output.slice(-20).join('\n'))
} finally {
  await server.stop()
}
if (failed) process.exitCode = 1
