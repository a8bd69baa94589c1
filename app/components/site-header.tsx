import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './language-switch'

/** The municipality's bar: name, language, and (when logged in) who you are and logging out. */
export function SiteHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          to="/"
          className="flex items-center gap-3 text-white no-underline hover:text-white focus-visible:text-ink"
          aria-label={t('homeLinkLabel')}
        >
          <svg aria-hidden="true" width="36" height="36" viewBox="0 0 36 36" className="shrink-0">
            <rect width="36" height="36" rx="4" fill="#fff" />
            <path d="M8 27V14l10-6 10 6v13h-6v-7h-8v7z" fill="#154273" />
          </svg>
          <span className="flex flex-col leading-tight">
            <span className="text-xl font-bold">{t('portalName')}</span>
            <span className="text-sm">{t('municipality')}</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {children}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  )
}
