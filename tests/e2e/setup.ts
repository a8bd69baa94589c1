import { afterEach } from 'vitest'
import { saveOpenPages } from './browser'

/** After a failed browser test: a screenshot of each page it left open (tests/e2e/browser.ts). */
afterEach(async ({ task }) => {
  const saved = await saveOpenPages(task.result?.state === 'fail' ? task.name : null)
  if (saved.length) console.info(`screenshots of the failed test: ${saved.join(', ')}`)
})
