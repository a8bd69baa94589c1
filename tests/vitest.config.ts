import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))
const alias = { '~': `${root}app` }

/**
 * Three suites, one command (`npm test`):
 * - unit: pure domain rules, no I/O
 * - component: React components in jsdom with Testing Library
 * - integration: services and HTTP against a real PostgreSQL (embedded, or DATABASE_URL)
 */
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    globals: true,
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], environment: 'node', globals: true },
      },
      {
        resolve: { alias },
        test: {
          name: 'component',
          root,
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          root,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globals: true,
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
})
