import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../db/embedded'

export interface ServerProcess {
  baseUrl: string
  port: number
  dataDir: string
  /** milliseconds from spawn to the first ready answer */
  startupMs: number
  /** the child process (its pid, exitCode, signals) */
  child: ChildProcess
  /** the server's output lines (stdout and stderr), with `{ capture: true }` */
  output: string[]
  /** resolves when the process has exited */
  exited: Promise<void>
  stop(): Promise<void>
}

/**
 * The production server as `npm run serve` runs it (after `npm run build`), as a child process
 * on a free port with a DATA_DIR of its own — so its own embedded PostgreSQL unless
 * DATABASE_URL is passed. Used by the browser suite and the benchmarks.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  /** capture: keep the output in `output` instead of passing it through */
  { capture = false }: { capture?: boolean } = {},
): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'mijnstad-run-'))
  chmodSync(dataDir, 0o755) // the embedded cluster runs as the postgres user, who must reach it
  const port = Number(env.PORT ?? (await freePort()))
  const baseUrl = `http://localhost:${port}`
  const started = Date.now()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MOCK_IDP_ALLOW_IN_PRODUCTION: 'true',
      LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? 'warn',
      PORT: String(port),
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
  })
  const output: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n')
      rest = lines.pop() ?? ''
      output.push(...lines.filter(Boolean))
    })
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`)
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error('the server did not become ready in 120 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const startupMs = Date.now() - started
  return {
    baseUrl,
    port,
    dataDir,
    startupMs,
    child,
    output,
    exited,
    async stop() {
      child.kill('SIGTERM')
      await exited
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
