import type { GetLoadContextFunction } from '@remix-run/express'
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import { streamOfBuffer } from './body-stream'
import { withFaultAnswers } from './database-faults'
import { guarded } from './request-guard'

/**
 * Remix's Express handler (@remix-run/express 2.17's, the same steps) with what the edge
 * adds: the body read and checked by the request guard is handed over from memory, a refused
 * input re-renders the page with its message (the load context's `refusedInput`), and every
 * loader and action answers a lost database with 503 instead of 500 (database-faults.ts).
 */
export function createRequestHandler({
  build,
  mode,
  getLoadContext,
  logger,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode?: string
  getLoadContext?: GetLoadContextFunction
  logger: Logger
}) {
  const guardedBuild =
    typeof build === 'function' ? async () => withFaultAnswers(await build(), logger) : withFaultAnswers(build, logger)
  const handle = createRemixRequestHandler(guardedBuild, mode)
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = {
        ...(await getLoadContext?.(req, res)),
        refusedInput: guarded(res).refusedInput ?? null,
        requestId: res.locals.requestId,
      }
      const response = await handle(remixRequest(req, res), context)
      await sendRemixResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}

/** The Fetch API request Remix gets: as @remix-run/express builds it, with the guard's body and URL. */
function remixRequest(req: Request, res: Response): globalThis.Request {
  const { body, url } = guarded(res)
  // Host and port as the client (or, with TRUST_PROXY, the proxy) gave them.
  const port = /:(\d+)$/.exec(req.get('X-Forwarded-Host') ?? '')?.[1] ?? /:(\d+)$/.exec(req.get('host') ?? '')?.[1]
  const href = new URL(url ?? req.originalUrl, `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}`).href
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  // Abort the loaders and actions once nobody can be answered (the connection closed early).
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = body ? streamOfBuffer(body) : createReadableStreamFromReadable(req)
    init.duplex = 'half'
  }
  return new globalThis.Request(href, init)
}

async function sendRemixResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
