import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { startServerProcess, type ServerProcess } from '../support/process'

/**
 * Fault injection (README: Operations): the production server, with its embedded PostgreSQL,
 * under a steady load of page views and back-office events, while every app connection is
 * terminated twice and then PostgreSQL itself is stopped and started again on the same port
 * and data directory. The process must live through it; users get 503 (with Retry-After) while
 * the database is away and 200 again after; every event a back office sent — and resent after a
 * 503 or a dropped connection, as the API asks — is stored exactly once.
 */
const jan = personaByKey('jan')
let server: ServerProcess
let cookie: string
let restarted: ChildProcess | undefined

const clusterDir = () => path.join(server.dataDir, 'postgres')
/** The running postmaster, from its pid file: pid and port. */
function postmaster() {
  const lines = readFileSync(path.join(clusterDir(), 'postmaster.pid'), 'utf8').split('\n')
  return { pid: Number(lines[0]), port: Number(lines[3]) }
}
function adminUrl(port: number) {
  const password = readFileSync(`${clusterDir()}.password`, 'utf8').trim()
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`
}

async function terminateAppConnections(port: number): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl(port) })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select pg_terminate_backend(pid) as done from pg_stat_activity
        where datname = 'mijnstad' and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    )
    return rows.filter((r) => r.done).length
  } finally {
    await client.end()
  }
}

/** Stops PostgreSQL (fast shutdown: SIGINT), waits for it to be gone. */
async function stopPostgres(pid: number) {
  process.kill(pid, 'SIGINT')
  for (;;) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Starts PostgreSQL again exactly as it ran (postmaster.opts holds its command line), as the
 * user that owns the cluster, and waits until it accepts connections.
 */
async function startPostgres(opts: string): Promise<ChildProcess> {
  const [binary, ...args] = [...opts.trim().matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2])
  const { uid, gid } = statSync(clusterDir())
  const child = spawn(binary, args, { uid, gid, stdio: ['ignore', 'ignore', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('database system is ready to accept connections')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`postgres exited with ${code}`)))
  })
  child.stderr?.resume()
  return child
}

beforeAll(async () => {
  // Its own embedded PostgreSQL, to stop and start: not this file's database on the shared one.
  const shared = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  try {
    server = await startServerProcess({ LOG_LEVEL: 'warn', WORKER_POLL_INTERVAL_MS: '500' }, { capture: true })
  } finally {
    process.env.DATABASE_URL = shared
  }
  cookie = await loginAsCitizen(server.baseUrl, jan.bsn)
})

afterAll(async () => {
  await server?.stop()
  if (restarted && restarted.exitCode === null) {
    restarted.kill('SIGINT')
    await new Promise((r) => restarted!.once('exit', r))
  }
})

interface Sample {
  at: number
  status: number | string
  retryAfter: string | null
}

describe('when the database goes away under load', () => {
  it('lives, answers 503 and then 200 again, and stores every accepted event exactly once', async () => {
    const t0 = Date.now()
    let stop = false
    const pages: Sample[] = []
    const ready: Sample[] = []
    const events = new Map<string, { accepted: boolean; attempts: number; answers: Array<number | string> }>()

    async function viewPages() {
      while (!stop) {
        const at = Date.now() - t0
        try {
          const res = await fetch(`${server.baseUrl}/mijn`, { headers: { cookie }, redirect: 'manual' })
          await res.arrayBuffer()
          pages.push({ at, status: res.status, retryAfter: res.headers.get('retry-after') })
        } catch (err) {
          pages.push({ at, status: (err as { cause?: { code?: string } }).cause?.code ?? 'network', retryAfter: null })
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    async function pollReady() {
      while (!stop) {
        const at = Date.now() - t0
        const res = await fetch(`${server.baseUrl}/readyz`).catch(() => null)
        ready.push({ at, status: res?.status ?? 'network', retryAfter: null })
        await res?.arrayBuffer()
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    /** A back office: sends events one by one, each again until it is accepted (202). */
    async function sendEvents(worker: number) {
      while (!stop) {
        const id = randomUUID()
        const record = { accepted: false, attempts: 0, answers: [] as Array<number | string> }
        events.set(id, record)
        const body = JSON.stringify({
          specversion: '1.0',
          id,
          source: 'urn:test:faults',
          type: 'nl.groningen.zaak.ontvangen',
          subject: `FAULT-${worker}-${id}`,
          time: new Date().toISOString(),
          data: {
            caseType: 'parkeervergunning',
            bsn: jan.bsn,
            description: 'Parkeervergunning (storingstest)',
            channel: 'internet',
            receivedOn: new Date().toISOString().slice(0, 10),
          },
        })
        // Resend until accepted, even after the load stops: a back office does not give up.
        while (!record.accepted && record.attempts < 200) {
          record.attempts++
          try {
            const res = await fetch(`${server.baseUrl}/api/v1/notifications`, {
              method: 'POST',
              headers: { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' },
              body,
            })
            await res.arrayBuffer()
            record.answers.push(res.status)
            if (res.status === 202) record.accepted = true
            else await new Promise((r) => setTimeout(r, 200))
          } catch (err) {
            record.answers.push((err as { cause?: { code?: string } }).cause?.code ?? 'network')
            await new Promise((r) => setTimeout(r, 200))
          }
        }
      }
    }

    const load = Promise.all([viewPages(), viewPages(), pollReady(), sendEvents(1), sendEvents(2), sendEvents(3)])
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

    await sleep(1500)
    const { pid, port } = postmaster()
    const terminated = [await terminateAppConnections(port)]
    await sleep(1000)
    terminated.push(await terminateAppConnections(port))
    await sleep(1000)
    const opts = readFileSync(path.join(clusterDir(), 'postmaster.opts'), 'utf8')
    const downAt = Date.now() - t0
    await stopPostgres(pid)
    await sleep(2000) // away for a while: requests keep coming
    restarted = await startPostgres(opts)
    const upAt = Date.now() - t0
    await sleep(5000)
    stop = true
    await load

    // The process lived through it all.
    expect(server.child.exitCode).toBeNull()
    expect(server.child.signalCode).toBeNull()
    expect(terminated.every((n) => n > 0)).toBe(true)

    // Users: 503 with Retry-After while it was away, never 500, and 200 again after.
    const statuses = new Set(pages.map((p) => p.status))
    expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([])
    const unavailable = pages.filter((p) => p.status === 503)
    expect(unavailable.length).toBeGreaterThan(0)
    expect(unavailable.every((p) => p.retryAfter === '30')).toBe(true)
    expect(pages.some((p) => p.status === 503 && p.at > downAt && p.at < upAt)).toBe(true)
    const firstOkAfter = pages.find((p) => p.at > upAt && p.status === 200)
    expect(firstOkAfter).toBeDefined()
    expect(pages.filter((p) => p.at > firstOkAfter!.at).every((p) => p.status === 200)).toBe(true)
    const recoveryMs = firstOkAfter!.at - upAt
    expect(recoveryMs).toBeLessThan(5000)

    // Readiness followed the database.
    expect(ready.some((r) => r.at > downAt && r.at < upAt && r.status === 503)).toBe(true)
    expect(ready.at(-1)?.status).toBe(200)

    // Every event was accepted in the end, and stored exactly once.
    const ids = [...events.keys()]
    expect([...events.values()].every((e) => e.accepted)).toBe(true)
    const client = new pg.Client({ connectionString: adminUrl(postmaster().port).replace(/\/postgres$/, '/mijnstad') })
    await client.connect()
    const { rows } = await client.query(
      `select source_event_id, count(*)::int as n from case_events where source_event_id = any($1) group by 1`,
      [ids],
    )
    // The jobs run again too: the e-mail notice of a letter written after it all goes out.
    const { rows: latest } = await client.query(
      `select l.id from letters l join case_events e on e.id = l.event_id
        where e.source_event_id = any($1) order by l.created_at desc limit 1`,
      [ids],
    )
    let notified = false
    for (let i = 0; i < 100 && !notified; i++) {
      const { rows: letter } = await client.query('select notified_at from letters where id = $1', [latest[0].id])
      notified = letter[0].notified_at !== null
      if (!notified) await sleep(200)
    }
    await client.end()
    expect(notified).toBe(true)
    const stored = new Map(rows.map((r) => [r.source_event_id as string, r.n as number]))
    const lost = ids.filter((id) => !stored.has(id))
    const doubled = ids.filter((id) => (stored.get(id) ?? 0) > 1)
    const answered503 = [...events.values()].flatMap((e) => e.answers).filter((a) => a === 503).length
    const resent = [...events.values()].filter((e) => e.attempts > 1).length

    console.log(
      `fault injection: ${pages.length} page views (${unavailable.length} answered 503), ${ids.length} events ` +
        `(${answered503} answers 503, ${resent} resent), lost ${lost.length}, doubled ${doubled.length}; ` +
        `terminated ${terminated.join(' + ')} connections; database away ${upAt - downAt} ms; ` +
        `pages back ${recoveryMs} ms after it was up`,
    )
    expect(lost).toEqual([])
    expect(doubled).toEqual([])
    expect(server.output.filter((l) => /Unhandled 'error' event|uncaughtException/.test(l))).toEqual([])
  }, 90_000)
})
