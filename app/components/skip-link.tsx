import { useTranslation } from 'react-i18next'

/** The first focusable element: lets keyboard users jump past the header (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:p-3">
      {t('skipLink')}
    </a>
  )
}
