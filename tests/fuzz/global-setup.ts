import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import integrationSetup from '../integration/global-setup'

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzResults: string
    fuzzSeed: number
  }
}

interface FileResult {
  file: string
  seed: number
  inputs: number
  targets: number
  serverErrors: number
  partialWrites: number
}

/**
 * The integration suite's database (a template per run, a copy per file), and at the end one
 * line with the totals of every fuzz file: inputs, 5xx, partial writes, and the seed.
 */
export default async function setup(project: TestProject) {
  const results = path.join(tmpdir(), `mijnstad-fuzz-${process.pid}.jsonl`)
  rmSync(results, { force: true })
  project.provide('fuzzResults', results)
  // One seed for the run, printed: FUZZ_SEED=… replays it (with the same build and data).
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
  project.provide('fuzzSeed', seed)
  console.log(`fuzz seed ${seed}`)
  const teardown = await integrationSetup(project)
  return async () => {
    await teardown()
    if (!existsSync(results)) return
    const lines = readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FileResult)
    rmSync(results, { force: true })
    const sum = (key: 'inputs' | 'targets' | 'serverErrors' | 'partialWrites') => lines.reduce((n, l) => n + l[key], 0)
    console.log(
      `fuzz total: ${sum('inputs')} inputs to ${sum('targets')} targets in ${lines.length} parts; ` +
        `5xx or resets: ${sum('serverErrors')}; partial writes: ${sum('partialWrites')}; ` +
        `seed ${seed} (replay: FUZZ_SEED=${seed} npm run fuzz)`,
    )
  }
}
