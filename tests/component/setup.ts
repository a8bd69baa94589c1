import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, beforeAll, vi } from 'vitest'
import { initReactI18next } from 'react-i18next'
import { i18nConfig } from '~/i18n'

// Components render real translations, not raw keys.
beforeAll(async () => {
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng: 'nl' })
})
afterEach(() => cleanup())

// An unexpected console.error (a React warning, a failed prop type) fails the test.
const original = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    original(...args)
    throw new Error(`console.error: ${args.map(String).join(' ')}`)
  })
})
