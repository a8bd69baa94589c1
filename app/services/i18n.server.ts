import { createCookie, type Cookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { settings } from '~/context.server'
import { defaultLanguage, i18nConfig, isLanguage, supportedLanguages, type Language } from '~/i18n'

const cookieOf = (secure: boolean) =>
  createCookie('lng', { path: '/', sameSite: 'lax', httpOnly: true, secure, maxAge: 60 * 60 * 24 * 365 })
const plainCookie = cookieOf(false)
const secureCookie = cookieOf(true)

/**
 * The chosen language, remembered for a year; not personal data, so no consent needed. Sent
 * with `Secure` when the portal's address (BASE_URL) is https: decided per request, from the
 * app's settings (app/context.server.ts).
 */
export const languageCookie: Cookie = {
  name: plainCookie.name,
  isSigned: plainCookie.isSigned,
  expires: plainCookie.expires,
  parse: (header, options) => plainCookie.parse(header, options),
  serialize: (value, options) => (settings().secureCookies ? secureCookie : plainCookie).serialize(value, options),
}

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    // Dutch unless the visitor chose English (README: Decisions, "Dutch unless chosen otherwise"); the browser's language is not used.
    order: ['cookie'],
  },
  i18next: i18nConfig,
})

export async function getLanguage(request: Request): Promise<Language> {
  const lng = await i18next.getLocale(request)
  return isLanguage(lng) ? lng : defaultLanguage
}

export async function createI18nInstance(lng: Language): Promise<I18n> {
  const instance = createInstance()
  await instance.init({ ...i18nConfig, lng })
  return instance
}

/** A translate function for loaders and actions (page titles, messages put in data). */
export async function getFixedT(request: Request) {
  return i18next.getFixedT(request)
}
