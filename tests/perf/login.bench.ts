/**
 * The whole DigiD login round trip, scripted over HTTP against the production server
 * with the mock DigiD: /inloggen → provider → login form → provider → callback (code exchange
 * with private_key_jwt, ID token checks, new session) → the landing page /mijn.
 *
 * Server-side time is the sum of the server's own request durations (its request log), leaving
 * out the provider calls the callback makes to the same process (token endpoint, JWKS,
 * discovery), which are inside the callback's time already. Client-side time is wall time.
 *
 * Run:  npm run build && npx tsx tests/perf/login.bench.ts   (LOGINS=100 by default)
 */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { freePort } from '../../db/embedded'
import { browse, CookieJar, formAction } from '../support/login'

const LOGINS = Number(process.env.LOGINS ?? 100)
const WARMUP = 5
const JAN = '999993653'

if (!existsSync('build/index.js')) {
  console.error('no build: run `npm run build` first')
  process.exit(1)
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-login-bench-'))
chmodSync(dataDir, 0o755)
const port = await freePort()
const baseUrl = `http://localhost:${port}`
const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    MOCK_IDP_ALLOW_IN_PRODUCTION: 'true',
    LOG_LEVEL: 'info',
    PORT: String(port),
    BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    LOGIN_RATE_BURST: '100000', // one address logs in many times on purpose
  },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
const requests: Array<{ method: string; path: string; status: number; ms: number }> = []
createInterface({ input: child.stdout! }).on('line', (line) => {
  try {
    const entry = JSON.parse(line) as { msg?: string; method: string; path: string; status: number; ms: number }
    if (entry.msg === 'request') requests.push(entry)
  } catch {
    // not a log line
  }
})

async function ready() {
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become ready in 120 s')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** One login by a fresh browser, to the landing page. */
async function login(): Promise<number> {
  const t0 = performance.now()
  const jar = new CookieJar()
  const page = await browse(jar, `${baseUrl}/inloggen`)
  const landed = await browse(jar, formAction(page.body, page.url), {
    method: 'POST',
    body: new URLSearchParams({ action: 'login', method: 'bsn', bsn: JAN, level: 'midden' }),
  })
  if (landed.url.pathname !== '/mijn' || landed.response.status !== 200)
    throw new Error(`login failed at ${landed.url.pathname}`)
  return performance.now() - t0
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

try {
  await ready()
  for (let i = 0; i < WARMUP; i++) await login() // discovery, JWKS, JIT
  await new Promise((r) => setTimeout(r, 200))
  const first = requests.length
  const wall: number[] = []
  for (let i = 0; i < LOGINS; i++) wall.push(await login())
  await new Promise((r) => setTimeout(r, 500)) // the last log lines

  // Split the request log into logins: each starts with GET /inloggen.
  // (The request log names paths inside a mounted provider without its prefix: /token, /auth.)
  const nested = /^(\/mock-idp\/\w+)?\/(token|jwks|\.well-known\/)/
  const perLogin: Array<{ total: number; toSession: number; callback: number }> = []
  let current: typeof requests = []
  const flush = () => {
    if (!current.length) return
    const own = current.filter((r) => !nested.test(r.path))
    const landing = own.filter((r) => r.path === '/mijn').reduce((a, r) => a + r.ms, 0)
    const total = own.reduce((a, r) => a + r.ms, 0)
    perLogin.push({
      total,
      toSession: total - landing,
      callback: own.filter((r) => r.path === '/inloggen/callback').reduce((a, r) => a + r.ms, 0),
    })
    current = []
  }
  for (const r of requests.slice(first)) {
    if (r.path === '/inloggen' && r.method === 'GET') flush()
    current.push(r)
  }
  flush()
  const perLoginRequests = requests.slice(first).filter((r) => !nested.test(r.path)).length / LOGINS

  console.log(
    `DigiD login round trip, ${LOGINS} logins (after ${WARMUP} warm-up), mock DigiD in the same process, embedded PostgreSQL`,
  )
  console.log(`  browser requests per login: ${perLoginRequests}`)
  console.log(
    `  server-side, up to the session (6 requests):  median ${fmt(median(perLogin.map((p) => p.toSession)))}, p95 ${fmt(
      pct(
        perLogin.map((p) => p.toSession),
        95,
      ),
    )}`,
  )
  console.log(
    `  server-side, including the landing page /mijn: median ${fmt(median(perLogin.map((p) => p.total)))}, p95 ${fmt(
      pct(
        perLogin.map((p) => p.total),
        95,
      ),
    )}`,
  )
  console.log(
    `  of which the callback (code exchange + checks + session): median ${fmt(median(perLogin.map((p) => p.callback)))}`,
  )
  console.log(`  client wall time, including the landing page: median ${fmt(median(wall))}, p95 ${fmt(pct(wall, 95))}`)
  // Where the time goes: median per step (paths with their random ids folded).
  const steps = new Map<string, number[]>()
  for (const r of requests.slice(first)) {
    const step = `${r.method} ${r.path.replace(/\/(interaction|auth)\/[\w-]+$/, '/$1/:uid')}`
    steps.set(step, [...(steps.get(step) ?? []), r.ms])
  }
  for (const [step, ms] of steps) console.log(`    ${step.padEnd(44)} median ${fmt(median(ms))}`)
} finally {
  child.kill('SIGTERM')
  await exited
  rmSync(dataDir, { recursive: true, force: true })
}
