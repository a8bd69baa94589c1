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
/** Connections closed while draining, still read (and what arrives dropped) until the client closes. */
const lingering = new WeakSet<net.Socket>()
const LINGER_MS = 1_000

/**
 * Closes a connection the way Apache's "lingering close" does: send FIN after the last answer,
 * but keep reading until the client closes its side. A client that sends one more request
 * before it has seen the FIN (load generators do; browsers honour Connection: close) would
 * otherwise meet a closed socket, which the OS answers with a reset.
 */
function lingeringClose(socket: net.Socket) {
  if (lingering.has(socket) || socket.destroyed) return
  lingering.add(socket)
  socket.end()
  const timer = setTimeout(() => socket.destroy(), LINGER_MS)
  timer.unref()
  socket.once('end', () => {
    clearTimeout(timer)
    socket.destroy()
  })
  socket.resume()
}

/**
 * While draining, every response closes its connection; a request that still arrives on a
 * connection already closed after its last answer is not served (its client was told to go).
 */
export function drainingResponses(req: Request, res: Response, next: NextFunction) {
  if (lingering.has(req.socket)) return
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

interface Connection {
  responses: Set<http.ServerResponse>
  /** when it last sent or was answered, or when draining began if later */
  lastActive: number
  bytesRead: number
}

/**
 * Tracks the server's connections so that a stop can wait for them (see above). A connection
 * counts as idle once no request is in flight on it and nothing has arrived on it for `graceMs`
 * — checked after an I/O poll, so a request waiting to be read is never cut off.
 */
export function trackConnections(
  server: http.Server,
  app: Express,
  { graceMs = 250, timeoutMs }: { graceMs?: number; timeoutMs: number },
): Drainer {
  const connections = new Map<net.Socket, Connection>()

  server.on('connection', (socket: net.Socket) => {
    connections.set(socket, { responses: new Set(), lastActive: Date.now(), bytesRead: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const connection = connections.get(req.socket)
    if (!connection) return
    connection.responses.add(res)
    connection.lastActive = Date.now()
    res.once('close', () => {
      connection.responses.delete(res)
      connection.lastActive = Date.now()
      connection.bytesRead = req.socket.bytesRead
    })
  })

  /** Closes the connections that have been quiet for the grace period; true when none is left. */
  function closeQuiet(since: number) {
    const now = Date.now()
    for (const [socket, connection] of connections) {
      if (connection.responses.size > 0) continue
      if (socket.bytesRead !== connection.bytesRead) {
        // Bytes arrived: a request is on its way. Wait for it; it is answered with Connection: close.
        connection.bytesRead = socket.bytesRead
        connection.lastActive = now
        continue
      }
      if (now - Math.max(connection.lastActive, since) >= graceMs) lingeringClose(socket)
    }
  }

  return {
    drain: () =>
      new Promise<void>((resolve) => {
        const since = Date.now()
        draining.add(app)
        for (const [socket, connection] of connections) {
          for (const res of connection.responses) if (!res.headersSent) res.setHeader('Connection', 'close')
          // Node closes a connection after a Connection: close answer with destroySoon().
          socket.destroySoon = () => lingeringClose(socket)
        }
        const force = setTimeout(() => {
          for (const socket of connections.keys()) socket.destroy()
        }, timeoutMs)
        force.unref()
        // Each check runs after an I/O poll (setImmediate), so data already received is seen.
        const check = setInterval(() => setImmediate(() => closeQuiet(since)), 50)
        // Stop listening at once, before any answer says Connection: close (its client would
        // connect again, and a connection still queued when the listening socket closes is reset
        // by the OS). net.Server#close keeps the open connections, unlike http.Server#close.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(force)
          clearInterval(check)
          resolve()
        })
      }),
  }
}
