import type http from 'node:http'
import net from 'node:net'
import type { Express, NextFunction, Request, Response } from 'express'

/**
 * Stopping without dropping anyone (README: Operations). On SIGTERM:
 * 1. `/readyz` answers 503 at once, so a load balancer stops sending new work here;
 * 2. the server stops accepting connections; every response from then on says
 *    `Connection: close`, and the connection closes after it — the client opens its next one
 *    elsewhere instead of finding this one cut under it;
 * 3. a keep-alive connection with no request in flight gets a short grace (a request may be on
 *    its way, under load it usually is) and is then closed; requests in flight finish;
 * 4. when the last connection is gone the caller stops the jobs and the database.
 * Cutting idle keep-alive connections at once (what http.Server#close does) resets exactly the
 * requests that were already sent and not yet read, which under load is many of them.
 */
const draining = new WeakSet<object>()

export function isDraining(app: Express): boolean {
  return draining.has(app)
}

/** While draining, every response closes its connection. */
export function drainingResponses(req: Request, res: Response, next: NextFunction) {
  if (draining.has(req.app)) res.setHeader('Connection', 'close')
  next()
}

/** Readiness: not while stopping, and only when the database answers (within 2 s). */
export function readiness(databaseAnswers: () => Promise<unknown>) {
  return async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store')
    if (draining.has(req.app)) return void res.status(503).json({ status: 'stopping' })
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        databaseAnswers(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database check timed out')), 2_000)
        }),
      ])
      res.json({ status: 'ready', database: 'up' })
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' })
    } finally {
      clearTimeout(timer)
    }
  }
}

export interface Drainer {
  /** Resolves when every connection is closed: in-flight requests finished, idle ones closed. */
  drain(): Promise<void>
}

export function trackConnections(
  server: http.Server,
  app: Express,
  { graceMs = 500, timeoutMs }: { graceMs?: number; timeoutMs: number },
): Drainer {
  const inFlight = new Map<net.Socket, Set<http.ServerResponse>>()
  let stopping = false
  let graceOver = false

  const closeIfIdle = (socket: net.Socket) => {
    if (graceOver && inFlight.get(socket)?.size === 0) socket.end()
  }
  server.on('connection', (socket: net.Socket) => {
    inFlight.set(socket, new Set())
    socket.once('close', () => inFlight.delete(socket))
  })
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const responses = inFlight.get(req.socket)
    if (!responses) return
    responses.add(res)
    res.once('close', () => {
      responses.delete(res)
      if (stopping) closeIfIdle(req.socket)
    })
  })

  return {
    drain: () =>
      new Promise<void>((resolve) => {
        stopping = true
        draining.add(app)
        for (const responses of inFlight.values()) {
          for (const res of responses) if (!res.headersSent) res.setHeader('Connection', 'close')
        }
        const force = setTimeout(() => {
          for (const socket of inFlight.keys()) socket.destroy()
        }, timeoutMs)
        force.unref()
        // net.Server#close: stop listening, keep the open connections (see above).
        net.Server.prototype.close.call(server, () => {
          clearTimeout(force)
          resolve()
        })
        setTimeout(() => {
          graceOver = true
          for (const socket of inFlight.keys()) closeIfIdle(socket)
        }, graceMs).unref()
      }),
  }
}
