import { useTranslation } from 'react-i18next'
import type { Text } from '~/domain/eloket/form'
import { defaultLanguage, isLanguage, type Language } from '~/domain/language'

/** The page's language, and a Text in it. */
export function usePageText(lang?: Language): { lang: Language; pick: (text: Text) => string } {
  const { i18n } = useTranslation()
  const language = lang ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage)
  return { lang: language, pick: (text) => text[language] }
}
