import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const items = [
  { to: '/mijn', key: 'overview', end: true },
  { to: '/mijn/zaken', key: 'cases', end: false },
  { to: '/mijn/aanvragen', key: 'applications', end: false },
  { to: '/mijn/brieven', key: 'letters', end: false },
  { to: '/mijn/vragen', key: 'questions', end: false },
  { to: '/mijn/contact', key: 'contact', end: false },
  { to: '/mijn/gegevens', key: 'details', end: false },
  { to: '/mijn/inzage', key: 'viewedBy', end: false },
  { to: '/mijn/voorkeuren', key: 'preferences', end: false },
] as const

function Links({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation()
  return (
    <ul className="space-y-1" id={`${idPrefix}-list`}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.end}
            className={({ isActive }) =>
              `block border-l-4 px-3 py-2 text-base no-underline hover:underline ${
                isActive ? 'border-brand bg-brand-light font-bold text-ink' : 'border-transparent text-brand'
              }`
            }
          >
            {t(`citizenNav.${item.key}`)}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

/**
 * The citizen areas (app/routes/mijn+/_layout.tsx): a narrow side navigation on wide screens; on phones a
 * "Menu" that folds open without JavaScript. The current page is marked by NavLink's
 * aria-current="page" and by weight and a bar, never by colour alone.
 */
export function CitizenNav() {
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('citizenNav.label')} className="hidden w-56 shrink-0 py-8 lg:block">
        <Links idPrefix="citizen-nav-wide" />
      </nav>
      <nav aria-label={t('citizenNav.label')} className="pt-4 lg:hidden">
        <details className="border-2 border-line">
          <summary className="cursor-pointer px-3 py-2 font-bold text-brand">{t('citizenNav.menu')}</summary>
          <div className="border-t border-line py-1">
            <Links idPrefix="citizen-nav-narrow" />
          </div>
        </details>
      </nav>
    </>
  )
}
