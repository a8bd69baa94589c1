/**
 * `npm run bench`: requests per second and latency (p50, p99) of the pages a visitor opens most,
 * against the production build, served as `npm run serve` would: a child process on a free
 * port with a DATA_DIR of its own (so its own embedded PostgreSQL, migrated and seeded with the
 * demo data). Builds first when there is no build or the sources are newer than it.
 *
 * Pages: the home page and the public charter without a session; as Jan (demo persona, DigiD
 * Midden) Mijn overzicht, Mijn zaken, his first case, Mijn brieven, his first letter and its
 * PDF, and Mijn gegevens. Each for BENCH_SECONDS (5) with BENCH_CONNECTIONS (10) connections:
 * about a minute and a half in all, start-up included. The deeper benchmarks (1,000,000 cases,
 * the API's events per second, start-up, login) are the other files in this folder.
 *
 * Options (env): BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_BUILD=0 (never build).
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { personaByKey } from '../../db/seed/personas'
import { portalClient } from '../support/http'
import { loginAsCitizen } from '../support/login'
import { startServerProcess } from '../support/process'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const BUILD = 'build/index.js'

/** The newest modification time under `dir`, in ms (0 when it does not exist). */
function newestUnder(dir: string): number {
  let newest = 0
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return 0
  }
  for (const name of entries) {
    const file = path.join(dir, name)
    const stat = statSync(file)
    newest = Math.max(newest, stat.isDirectory() ? newestUnder(file) : stat.mtimeMs)
  }
  return newest
}

function buildIfNeeded() {
  if (process.env.BENCH_BUILD === '0') return
  let built = 0
  try {
    built = statSync(BUILD).mtimeMs
  } catch {
    // no build yet
  }
  const sources = Math.max(newestUnder('app'), newestUnder('styles'))
  if (built > sources) return
  console.log(built ? 'The sources are newer than the build: npm run build' : 'No build yet: npm run build')
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
}

interface Row {
  page: string
  ok: number
  other: number
  perSecond: number
  p50: number
  p99: number
}

async function measure(page: string, url: string, cookie?: string): Promise<Row> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  })
  const ok = Number(result.statusCodeStats?.['200']?.count ?? 0)
  return {
    page,
    ok,
    other: result.non2xx + result.errors + result.timeouts,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}

/** The first link on `html` to a path like `prefix/<uuid>`; fails loudly when there is none. */
function firstLink(html: string, prefix: string): string {
  const id = new RegExp(`href="${prefix}/([0-9a-f-]{36})"`).exec(html)?.[1]
  if (!id) throw new Error(`no link to ${prefix}/… on the page: not logged in, or no demo data?`)
  return `${prefix}/${id}`
}

function printTable(rows: Row[]) {
  const header = ['page', 'req/s', 'p50 ms', 'p99 ms', '200', 'other']
  const lines = rows.map((r) => [
    r.page,
    r.perSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.ok),
    String(r.other),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const line of lines) console.log(format(line))
}

buildIfNeeded()
const started = Date.now()
// The server's output is kept, and shown only when the run fails: its stop logs the database's
// shutdown, which is no news here.
const server = await startServerProcess({ SERVER_LOG_LEVEL: 'warn' }, { capture: true })
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; server ready in ${server.startupMs} ms`,
  )
  console.log(`each page: ${SECONDS} s, ${CONNECTIONS} connections`)
  const cookie = await loginAsCitizen(server.baseUrl, personaByKey('jan').bsn, 'midden')
  const { get } = portalClient(() => server.baseUrl)
  const casePage = firstLink(await (await get('/mijn/zaken', cookie)).text(), '/mijn/zaken')
  const letterPage = firstLink(await (await get('/mijn/brieven', cookie)).text(), '/mijn/brieven')
  const pdf = /href="(\/mijn\/brieven\/[0-9a-f-]{36}[^"]*pdf[^"]*)"/.exec(
    await (await get(letterPage, cookie)).text(),
  )?.[1]
  if (!pdf) throw new Error(`no PDF link on ${letterPage}`)

  const pages: Array<[string, string, string?]> = [
    ['/', '/'],
    ['/kwaliteitshandvest', '/kwaliteitshandvest'],
    ['/mijn', '/mijn', cookie],
    ['/mijn/zaken', '/mijn/zaken', cookie],
    ['/mijn/zaken/:caseId', casePage, cookie],
    ['/mijn/brieven', '/mijn/brieven', cookie],
    ['/mijn/brieven/:letterId', letterPage, cookie],
    ['letter PDF', pdf.replace(/&amp;/g, '&'), cookie],
    ['/mijn/gegevens', '/mijn/gegevens', cookie],
  ]
  const rows: Row[] = []
  for (const [name, pagePath, pageCookie] of pages) {
    rows.push(await measure(name, `${server.baseUrl}${pagePath}`, pageCookie))
  }
  printTable(rows)
  console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all`)
  // A page that answered anything but 200 was not measured: say so, and fail the run.
  const failed = rows.filter((r) => r.other > 0 || r.ok === 0)
  if (failed.length) {
    console.error(`not every answer was 200: ${failed.map((r) => r.page).join(', ')}`)
    console.error(server.output.slice(-40).join('\n'))
    process.exitCode = 1
  }
} catch (error) {
  console.error(server.output.slice(-40).join('\n'))
  throw error
} finally {
  await server.stop()
}
