/**
 * Start-up time of the production server: from spawn to the first ready answer,
 * on a brand-new data directory (initdb, migrations, demo seed) and on a second start that
 * reuses it. Run after `npm run build`:  npx tsx tests/perf/startup.bench.ts
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startServerProcess } from '../support/process'

const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-startup-'))
chmodSync(dataDir, 0o755)
try {
  const first = await startServerProcess({ DATA_DIR: dataDir })
  const home = await fetch(first.baseUrl)
  await first.stop()
  const second = await startServerProcess({ DATA_DIR: dataDir })
  await second.stop()
  console.log(
    `first start (initdb + migrate + seed): ${(first.startupMs / 1000).toFixed(2)} s, home page ${home.status}`,
  )
  console.log(`second start (reuse data):            ${(second.startupMs / 1000).toFixed(2)} s`)
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
