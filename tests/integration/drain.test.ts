import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/process'

/**
 * Stopping under load (server/drain.ts): the production server, loaded by autocannon over 50
 * keep-alive connections and by a few clients of our own that notice a request cut off in
 * flight, is sent SIGTERM. It must exit within 2 s, /readyz must answer 503 from the first
 * moment, no connection is reset and no request goes unanswered, and a normal stop writes no
 * error line.
 */
let server: ServerProcess

beforeAll(async () => {
  // Its own embedded PostgreSQL, as `npm run serve` runs: the whole stop is measured.
  const shared = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  try {
    server = await startServerProcess({ LOG_LEVEL: 'info' }, { capture: true })
  } finally {
    process.env.DATABASE_URL = shared
  }
})
afterAll(() => server?.stop())

/**
 * A server that has been running a while has its data files mostly written out (PostgreSQL
 * checkpoints every few minutes); one just seeded has not, and its PostgreSQL would spend the
 * stop writing the seed. Checkpoint first, so the stop measured is the server's own.
 */
async function checkpoint() {
  const cluster = path.join(server.dataDir, 'postgres')
  const port = readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[3]
  const password = readFileSync(`${cluster}.password`, 'utf8').trim()
  const client = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
  })
  await client.connect()
  await client.query('checkpoint')
  await client.end()
}

const RESETS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])

/** A client that sends requests one after another on a keep-alive connection. */
function keepAliveClient(agent: http.Agent, port: number, stopped: () => boolean) {
  const tally = { answered: 0, refused: 0, resets: 0, other: [] as string[] }
  const once = () =>
    new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        res.resume()
        res.on('end', () => {
          tally.answered++
          resolve()
        })
        res.on('error', (err: NodeJS.ErrnoException) => {
          tally.resets++
          tally.other.push(`response: ${err.code ?? err.message}`)
          resolve()
        })
      })
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED') tally.refused++
        else if (RESETS.has(err.code ?? '') || err.message === 'socket hang up') tally.resets++
        else tally.other.push(err.code ?? err.message)
        resolve()
      })
    })
  const done = (async () => {
    while (!stopped() && tally.refused === 0) await once()
  })()
  return { tally, done }
}

function getOn(agent: http.Agent, port: number, path: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }))
      })
      .on('error', reject)
  })
}

describe('stopping under load', () => {
  it('fails readiness at once, finishes what is in flight, resets nothing and exits within 2 s', async () => {
    const port = server.port
    // A monitor on a keep-alive connection of its own, as a load balancer's health check.
    await checkpoint()
    const monitor = new http.Agent({ keepAlive: true, maxSockets: 1 })
    let stopped = false
    expect((await getOn(monitor, port, '/readyz')).status).toBe(200)

    // Warm up first: a server still compiling its first pages accepts new connections slowly,
    // and a connection still waiting to be accepted when it stops listening is reset by the OS.
    await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 10, amount: 100 })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 5 })
    const clients = Array.from({ length: 5 }, () => keepAliveClient(agent, port, () => stopped))
    // 50 keep-alive connections as fast as they are answered (on a cheap address, so that the
    // time to stop is the server's, not the time to render 50 pages on a shared machine), and
    // the clients of our own on the home page.
    const load = autocannon({ url: `http://127.0.0.1:${port}/healthz`, connections: 50, duration: 20 })
    // Under load from the start: every one of the 50 connections answered at least once (so none
    // is still waiting in the listening socket's queue, which the OS resets when it closes).
    const answered = new Set<unknown>()
    load.on('response', (client: unknown) => answered.add(client))
    const autocannonErrors: string[] = []
    load.on('reqError', (err: NodeJS.ErrnoException) => autocannonErrors.push(err.code ?? err.message))

    const loadStart = Date.now()
    while (answered.size < 50 && Date.now() - loadStart < 15_000) await new Promise((r) => setTimeout(r, 50))
    expect(answered.size).toBe(50)
    await new Promise((r) => setTimeout(r, 1000))
    const linesBefore = server.output.length
    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    // The health check on its open connection: 503 from the first moment, and the connection closes.
    while (!server.output.slice(linesBefore).some((l) => l.includes('"shutting down"'))) {
      await new Promise((r) => setTimeout(r, 5))
    }
    const readiness = await getOn(monitor, port, '/readyz')
    await server.exited
    const exitMs = Date.now() - signalledAt
    stopped = true
    ;(load as unknown as { stop(): void }).stop()
    const result = await load
    await Promise.all(clients.map((c) => c.done))

    expect(readiness.status).toBe(503)
    expect(JSON.parse(readiness.body)).toEqual({ status: 'stopping' })
    expect(readiness.connection).toBe('close')
    expect(server.child.exitCode).toBe(0)

    const own = clients.map((c) => c.tally)
    const ownResets = own.reduce((n, t) => n + t.resets, 0)
    const acResets = autocannonErrors.filter((code) => RESETS.has(code) || code === 'socket hang up').length
    const stopLines = server.output.slice(linesBefore)
    const errorLines = stopLines.filter((l) => {
      try {
        return (JSON.parse(l) as { level?: number }).level! >= 50
      } catch {
        return true // anything not a log line: a stack trace printed raw
      }
    })
    console.log(
      `drain: exit ${exitMs} ms after SIGTERM under 50 keep-alive connections (${result.requests.total} requests, ` +
        `${own.reduce((n, t) => n + t.answered, 0)} by the own clients); resets: autocannon ${acResets}, own ${ownResets}; ` +
        `other autocannon errors: ${[...new Set(autocannonErrors)].join(', ') || 'none'}`,
    )
    expect(exitMs).toBeLessThan(2000)
    expect(ownResets).toBe(0)
    expect(own.flatMap((t) => t.other)).toEqual([])
    expect(acResets).toBe(0)
    expect(result.timeouts).toBe(0)
    expect(result.non2xx).toBe(0)
    expect(errorLines).toEqual([])
  }, 60_000)
})
