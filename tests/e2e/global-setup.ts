import type { TestProject } from 'vitest/node'
import { keepExitCode } from '../support/keep-exit-code'
import { startServerProcess } from '../support/process'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** The production server, started as `npm run serve` starts it, with its own data directory. */
export default async function setup(project: TestProject) {
  keepExitCode()
  const server = await startServerProcess({ LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn' })
  project.provide('baseUrl', server.baseUrl)
  return () => server.stop()
}
