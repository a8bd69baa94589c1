import { resources } from './locales'

export const supportedLanguages = ['nl', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'nl'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value)
}

/** i18next options shared by the server (one instance per request) and the browser. */
export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: 'common',
  ns: Object.keys(resources.nl),
  resources,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
}
