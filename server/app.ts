import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { sql } from 'kysely'
import type { Logger } from 'pino'
import { getDb } from '../db/instance'
import { appSettingsOf, appStorage, type AppSettings } from '../app/context.server'
import { SESSION_COOKIE } from '../app/services/auth/cookies.server'
import { isViewingAsCitizen, READ_ONLY_CODE } from '../app/services/impersonation/read-only.server'
import { ensureAppSecret } from './app-secret'
import { canonicalHost } from './canonical-host'
import type { Config } from './config'
import { drainingResponses, readiness } from './drain'
import { scrubBsn } from './logger'
import { createRefusals, errorAnswers } from './refusals'
import { createRequestHandler } from './remix'
import { requestGuard } from './request-guard'
import { mountMockPsp } from './mock-psp'
import { PAYMENT_WEBHOOK_PATH } from '../app/domain/payments'
import { noStoreWhenPersonal, nonce, PERSONAL_PATHS, sameOriginOnly, securityHeaders } from './security'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface AppOptions {
  config: Config
  logger: Logger
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Extra routes mounted before the Remix handler (mock identity providers, the API). */
  mount?: (app: Express) => void | Promise<void>
  /** The app's settings, when the caller made them already (`serverSettings(config)`). */
  settings?: AppSettings
}

/**
 * The app's settings as this server runs them: the checked configuration, with the secrets read
 * from (or, the first time, made in) DATA_DIR when the environment gives none.
 */
export function serverSettings(config: Config): AppSettings {
  return appSettingsOf(config, {
    appSecret: config.APP_SECRET ?? ensureAppSecret(config.appSecretFile),
    // Without LOG_SALT the fingerprints correlate within one run only, which is the safer default.
    logSalt: config.LOG_SALT ?? randomBytes(16).toString('hex'),
  })
}

/** The HTTP application, without listening: the server and the integration tests both use it. */
export async function createApp({
  config,
  logger,
  build,
  mount,
  settings = serverSettings(config),
}: AppOptions): Promise<Express> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.TRUST_PROXY)

  const refuse = createRefusals({ build, production: config.production })

  // The one context (app/context.server.ts) around everything a request runs: settings, logger,
  // the client's address and the per-request memo.
  app.use((req, _res, next) => appStorage.run({ settings, logger, clientIp: req.ip, memo: new Map() }, next))
  app.use(nonce)
  app.use(drainingResponses)
  app.use(requestLog(logger))
  app.use(canonicalHost({ baseUrl: config.baseUrl, trustProxy: config.TRUST_PROXY }))
  // The identity providers' origins, when not our own: logging out redirects there after a form.
  // So is the payment provider's checkout page: the check page's form redirects there.
  const providerOrigins = [config.oidc.digid.issuer, config.oidc.staff.issuer, config.payments.checkoutOrigin]
    .map((issuer) => new URL(issuer).origin)
    .filter((origin, i, all) => origin !== new URL(config.baseUrl).origin && all.indexOf(origin) === i)
  app.use(securityHeaders({ https: config.baseUrl.startsWith('https://'), formActions: providerOrigins }))
  app.use(compression())

  // Liveness: the process answers. Readiness: the database answers too, and we are not stopping.
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }))
  app.get(
    '/readyz',
    readiness(() => sql`select 1`.execute(getDb())),
  )

  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
  app.use(
    '/fonts',
    express.static(path.join(root, 'node_modules/@fontsource/atkinson-hyperlegible/files'), {
      immutable: true,
      maxAge: '1y',
    }),
  )
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))
  // Browsers ask for /favicon.ico on pages that name no icon (an error answer, a PDF).
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'))

  app.use(noStoreWhenPersonal({ sessionCookie: SESSION_COOKIE, personalPaths: PERSONAL_PATHS }))
  app.use(
    sameOriginOnly({
      // The payment provider's webhook and the mock provider's API are called by servers, not
      // browsers: no Origin. The webhook believes nothing it is sent (README: Payments).
      exempt: (p) =>
        p.startsWith('/api/') ||
        p.startsWith('/mock-idp/') ||
        p === PAYMENT_WEBHOOK_PATH ||
        p.startsWith('/mock-psp/v2/'),
      publicOrigin: new URL(config.baseUrl).origin,
    }),
  )
  // Methods, paths, media types, body limits (server/limits.ts) and unsafe text, before any route.
  app.use(requestGuard({ refuse, logger }))
  // The mock payment provider (MOCK_PSP): the demo's and the tests' Mollie.
  if (config.payments.mock) mountMockPsp(app, { config, logger })
  await mount?.(app)
  app.use(readOnlyWhileImpersonating(logger))

  app.all(
    '*',
    createRequestHandler({
      build,
      logger,
      mode: config.production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        impersonationRefused: (res.locals.impersonationRefused as string | undefined) ?? null,
      }),
    }),
  )

  app.use(errorAnswers({ refuse, logger }))
  return app
}

/**
 * Looking along is read-only, and this is the guard that holds (the backstop behind it and why
 * routes need no check of their own: app/services/impersonation/read-only.server.ts): an
 * employee viewing as a citizen changes nothing. Every non-GET request
 * of such a session is refused here, before any route runs — a form post, an API call, anything
 * added later — except ending the viewing, logging out, the idle keep-alive and the language
 * switch, which touch only the employee's own session or a cookie. A page's form post gets that
 * page with the explanation instead of its content, status 403, banner and all (app/root.tsx); a
 * client-side submission or an API call gets 403 JSON (the error boundary explains it).
 */
const ALLOWED_WHILE_VIEWING = new Set(['/medewerker/meekijken/stoppen', '/uitloggen', '/sessie', '/taal'])

function readOnlyWhileImpersonating(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      req.method === 'OPTIONS' ||
      ALLOWED_WHILE_VIEWING.has(req.path)
    )
      return next()
    isViewingAsCitizen(req.headers.cookie).then((viewing) => {
      if (!viewing) return next()
      logger.warn(
        {
          event: 'impersonation_write_refused',
          requestId: res.locals.requestId,
          method: req.method,
          path: scrubBsn(req.path),
        },
        'write refused while viewing as a citizen',
      )
      if (typeof req.query._data === 'string' || req.path.startsWith('/api/') || !req.accepts('html')) {
        res.status(403).set('X-Remix-Catch', 'yes').set('Cache-Control', 'no-store').json({ code: READ_ONLY_CODE })
        return
      }
      // A page's form post: the same page is rendered as for a GET — its action never runs —
      // and the root loader, told so through the load context, answers 403 with the reason.
      // Same URL, so the browser's JavaScript takes the page over as it is.
      res.locals.impersonationRefused = READ_ONLY_CODE
      req.method = 'GET'
      next()
    }, next)
  }
}

/** One line per request: method, path without query, status, duration. A BSN never gets in. */
function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint()
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/readyz') return
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          path: scrubBsn(req.originalUrl.split('?')[0]),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      )
    })
    next()
  }
}
