import { resources } from './locales'

import { defaultLanguage, supportedLanguages } from './domain/language'

export { defaultLanguage, isLanguage, supportedLanguages, type Language } from './domain/language'

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
