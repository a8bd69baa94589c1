import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * A real form, so it works without JavaScript; a POST, because it changes a cookie.
 * The button is written in the language it switches to, with `lang` set for screen readers.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const target = i18n.language === 'en' ? 'nl' : 'en'
  return (
    <Form method="post" action="/taal" reloadDocument>
      <input type="hidden" name="lng" value={target} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <button
        type="submit"
        lang={target}
        aria-label={t('language.switchToLabel')}
        className="rounded-sm border border-white/70 px-3 py-1 text-base font-bold text-white hover:bg-white hover:text-brand"
      >
        {t('language.switchTo')}
      </button>
    </Form>
  )
}
