import { createInstance, type TFunction } from 'i18next'
import en from './locales/en.json'
import nl from './locales/nl.json'

export type MockIdpLanguage = 'nl' | 'en'
export const mockIdpResources = { nl, en }

const instance = createInstance()
void instance.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  initImmediate: false, // resources are in memory: initialise synchronously
})

/** The language the portal asked for (`ui_locales`, OIDC Core §3.1.2.1), Dutch by default. */
export function languageFrom(uiLocales: unknown): MockIdpLanguage {
  if (typeof uiLocales !== 'string') return 'nl'
  for (const tag of uiLocales.split(/\s+/)) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'nl' || base === 'en') return base
  }
  return 'nl'
}

export function translator(lang: MockIdpLanguage): TFunction {
  return instance.getFixedT(lang)
}
