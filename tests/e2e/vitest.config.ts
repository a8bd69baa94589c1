import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Browser tests: Debian's Chromium driven by playwright-core against the production server. */
export default defineConfig({
  root,
  resolve: { alias: { '~': `${root}app` } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    globals: true,
    globalSetup: ['tests/e2e/global-setup.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A client-side navigation changes the address before React has rendered the new page, so
    // what a page shows is polled for; under a loaded CI machine that can take more than 1 s.
    expect: { poll: { timeout: 5_000 } },
  },
})
