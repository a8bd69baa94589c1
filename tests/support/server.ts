import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import type { Express } from 'express'
import { createApp } from '../../server/app'
import { mountAuth } from '../../server/auth'
import { loadConfig } from '../../server/config'
import { createLogger } from '../../server/logger'

export interface TestServer {
  url: string
  /** every log line the server wrote, parsed */
  logs: Array<Record<string, unknown>>
  close(): Promise<void>
}

/**
 * The real HTTP application (Express + the production Remix build from `npm run build`) on a
 * free port, against this test file's database. Log lines are captured for assertions.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    /** extra routes for a test, mounted after the sign-in wiring and before the Remix handler */
    mount?: (app: Express) => void
    /** the host name in BASE_URL (default 127.0.0.1, the address it listens on) */
    baseHost?: string
  } = {},
): Promise<TestServer> {
  const logs: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line))
      done()
    },
  })
  // Listen first, so the app knows its own address (OIDC redirect URIs need it).
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  const url = `http://${options.baseHost ?? '127.0.0.1'}:${port}`
  // The mock identity providers are on, as for `npm start`; their keys go to a throwaway DATA_DIR.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-data-'))
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    MOCK_IDP_ALLOW_IN_PRODUCTION: 'true',
    DATA_DIR: dataDir,
    PORT: String(port),
    BASE_URL: url,
    ...env,
  })
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const logger = createLogger('info', sink)
  const app = await createApp({
    config,
    logger,
    build,
    mount: async (app) => {
      await mountAuth(app, { config, logger })
      options.mount?.(app)
    },
  })
  server.on('request', app)
  return {
    url,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(dataDir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
