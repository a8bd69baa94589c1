import { createInstance, type TFunction } from 'i18next'
import en from '../../app/locales/en/payments.json'
import nl from '../../app/locales/nl/payments.json'

/**
 * The checkout page's words: the `mockPsp` keys of the portal's `payments` namespace, in the
 * language the payment was created with (its Mollie `locale`).
 */
export type MockPspLanguage = 'nl' | 'en'

const instance = createInstance()
void instance.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  initImmediate: false, // resources are in memory: initialise synchronously
})

/** `en_US`, `en_GB` → en; anything else (nl_NL, none) → nl. */
export function languageOfLocale(locale: string | null): MockPspLanguage {
  return locale?.startsWith('en') ? 'en' : 'nl'
}

export function translator(lang: MockPspLanguage): TFunction {
  return instance.getFixedT(lang, undefined, 'mockPsp')
}
