import type { TestProject } from 'vitest/node'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { keepExitCode } from '../support/keep-exit-code'
import { PAGE_COUNT_FILE } from './page-count'
import { startServerProcess } from '../support/process'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** The production server, started as `npm run serve` starts it, with its own data directory. */
export default async function setup(project: TestProject) {
  keepExitCode()
  rmSync(PAGE_COUNT_FILE, { force: true })
  const server = await startServerProcess({ LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn' })
  project.provide('baseUrl', server.baseUrl)
  return async () => {
    await server.stop()
    // How many pages the suite looked at, each watched for page and console errors.
    const counts = existsSync(PAGE_COUNT_FILE)
      ? readFileSync(PAGE_COUNT_FILE, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as PageCount)
      : []
    const sum = (js: boolean) => counts.filter((c) => c.javaScriptEnabled === js).reduce((n, c) => n + c.visited, 0)
    console.log(
      `pages visited: ${sum(true)} with JavaScript on, ${sum(false)} with JavaScript off; every one watched for errors`,
    )
    rmSync(PAGE_COUNT_FILE, { force: true })
  }
}

interface PageCount {
  visited: number
  javaScriptEnabled: boolean
}
