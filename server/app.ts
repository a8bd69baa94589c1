import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { sql } from 'kysely'
import type { Logger } from 'pino'
import { getDb } from '../db/instance'
import type { Config } from './config'
import { scrubBsn } from './logger'
import { nonce, sameOriginOnly, securityHeaders } from './security'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface AppOptions {
  config: Config
  logger: Logger
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Extra routes mounted before the Remix handler (mock identity providers, the API). */
  mount?: (app: Express) => void | Promise<void>
}

/** The HTTP application, without listening: the server and the integration tests both use it. */
export async function createApp({ config, logger, build, mount }: AppOptions): Promise<Express> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.TRUST_PROXY)

  app.use(nonce)
  app.use(requestLog(logger))
  app.use(securityHeaders({ https: config.baseUrl.startsWith('https://') }))
  app.use(compression())

  // Liveness: the process answers. Readiness: the database answers too.
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }))
  app.get('/readyz', async (_req, res) => {
    try {
      await sql`select 1`.execute(getDb())
      res.json({ status: 'ready' })
    } catch {
      res.status(503).json({ status: 'database unavailable' })
    }
  })

  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
  app.use(
    '/fonts',
    express.static(path.join(root, 'node_modules/@fontsource/atkinson-hyperlegible/files'), { immutable: true, maxAge: '1y' }),
  )
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))

  app.use(sameOriginOnly({ exempt: (p) => p.startsWith('/api/') || p.startsWith('/mock-idp/') }))
  await mount?.(app)

  app.all(
    '*',
    createRequestHandler({
      build: build as ServerBuild,
      mode: config.production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  )

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err, requestId: res.locals.requestId }, 'unhandled error')
    if (!res.headersSent) res.status(500).type('text/plain').send('Internal Server Error')
  })
  return app
}

/** One line per request: method, path without query, status, duration. A BSN never gets in. */
function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint()
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/readyz') return
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      logger.info(
        { requestId: res.locals.requestId, method: req.method, path: scrubBsn(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      )
    })
    next()
  }
}
