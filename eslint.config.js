// ESLint 9 flat config: `npm run lint` (zero warnings allowed, see package.json).
import js from '@eslint/js'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

export default tseslint.config(
  { ignores: ['build/', 'public/build/', '.cache/', '.data/', 'node_modules/', 'app/styles/tailwind.generated.css'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      // No code from strings (OWASP ASVS V5.2.4).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // A scrollable table region and a mail's source take focus so keyboard users can scroll them
      // (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: ['pre'] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Settings come from server/config.ts, parsed once at start.' },
      ],
    },
  },
  {
    // The database layer stands on its own: the app and the server build on it, never the other
    // way round (the seed that goes through the services lives in server/seed).
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['~/*', '**/app/*', '**/app', '**/server/*', '**/server'],
              message: 'db/ imports nothing from app/ or server/ (README: Architecture).',
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen: they see the database as it was then, not today's schema types.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The one module that reads the environment, and the tools around the app.
    files: ['server/config.ts', 'tests/**', 'eslint.config.js', 'remix.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
)
