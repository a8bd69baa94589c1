import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Where each closed context notes how many pages it visited (read by the global setup). */
export const PAGE_COUNT_FILE = path.join(
  tmpdir(),
  `mijnstad-e2e-pages-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}.jsonl`,
)
