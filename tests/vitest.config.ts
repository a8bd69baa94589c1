import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))
const alias = { '~': `${root}app` }

/**
 * Four suites, one command (`npm test`):
 * - unit: pure domain rules, no I/O
 * - component: React components in jsdom with Testing Library
 * - integration: services and HTTP against a real PostgreSQL (embedded, or DATABASE_URL)
 * - fuzz: property-based inputs to the API and every form (tests/fuzz; `npm run fuzz` for more)
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
      {
        resolve: { alias },
        test: {
          name: 'fuzz',
          root,
          include: ['tests/fuzz/**/*.fuzz.ts'],
          environment: 'node',
          globals: true,
          globalSetup: ['tests/fuzz/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          // `npm run fuzz` sends 12,000 inputs; every one is a request and a table snapshot.
          testTimeout: 1_200_000,
          hookTimeout: 300_000,
          pool: 'forks',
        },
      },
    ],
  },
})
