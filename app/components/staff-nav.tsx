import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { actsOnCases, currentStaffArea, staffNavigation, type StaffArea } from '~/domain/staff-areas'
import { inputClass } from './form-field'

function AreaLinks({ roles, idPrefix }: { roles: readonly string[]; idPrefix: string }) {
  const { t } = useTranslation('staff')
  const { pathname } = useLocation()
  const groups = staffNavigation(roles)
  const current = currentStaffArea(
    pathname,
    groups.flatMap((g) => g.areas),
  )
  const groupLabel = (group: string) =>
    group === 'caseworker' && !actsOnCases(roles) ? t('nav.groups.caseworkerReadOnly') : t(`nav.groups.${group}`)
  return (
    <div className="space-y-4">
      {groups.map(({ group, areas }) => (
        <div key={group}>
          <p id={`${idPrefix}-${group}`} className="m-0 px-3 pb-1 text-sm font-bold text-muted">
            {groupLabel(group)}
          </p>
          <ul aria-labelledby={`${idPrefix}-${group}`} className="m-0 list-none space-y-1 p-0">
            {areas.map((area) => (
              <li key={area.key}>
                <AreaLink area={area} current={current} pathname={pathname} label={t(`nav.areas.${area.key}`)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}

/** The area holding the page is marked: "page" on the area's own page, "true" on a page below it. */
function AreaLink({
  area,
  current,
  pathname,
  label,
}: {
  area: StaffArea
  current: StaffArea | null
  pathname: string
  label: string
}) {
  const isCurrent = current?.key === area.key
  const exact = pathname.replace(/\/+$/, '') === area.to
  return (
    <Link
      to={area.to}
      aria-current={isCurrent ? (exact ? 'page' : 'true') : undefined}
      className={`block border-l-4 px-3 py-2 text-base no-underline hover:underline ${
        isCurrent ? 'border-brand bg-brand-light font-bold text-ink' : 'border-transparent text-brand'
      }`}
    >
      {label}
    </Link>
  )
}

/**
 * The staff areas of the roles the employee holds: a narrow side
 * navigation on wide screens; on phones a "Menu" that folds open without JavaScript (a
 * `<details>`, as the citizen navigation). The current area is marked by aria-current, weight
 * and a bar, never by colour alone.
 */
export function StaffNav({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('staff')
  return (
    <>
      <nav aria-label={t('nav.label')} className="hidden w-60 shrink-0 py-8 lg:block">
        <AreaLinks roles={roles} idPrefix="staff-nav-wide" />
      </nav>
      <nav aria-label={t('nav.label')} className="pt-4 lg:hidden">
        <details className="border-2 border-line">
          <summary className="cursor-pointer px-3 py-2 font-bold text-brand">{t('nav.menu')}</summary>
          <div className="border-t border-line py-3">
            <AreaLinks roles={roles} idPrefix="staff-nav-narrow" />
          </div>
        </details>
      </nav>
    </>
  )
}

/**
 * Search on every staff page: by case number, name or BSN. A POST (never a query string: a BSN
 * must reach no URL and no log line), answered by /medewerker/zoeken — as a plain form, so the
 * answer is a page of its own, also when it is a 400 saying what to fix.
 */
export function StaffSearchBar() {
  const { t } = useTranslation('staff')
  return (
    <form
      method="post"
      action="/medewerker/zoeken"
      role="search"
      aria-label={t('search.title')}
      autoComplete="off"
      noValidate
      className="flex flex-wrap items-end gap-3 border-b-2 border-line pb-4"
    >
      <div className="w-full max-w-xl min-w-0">
        <label htmlFor="staff-search" className="block font-bold">
          {t('search.label')}
        </label>
        <p id="staff-search-hint" className="m-0 text-base text-muted">
          {t('search.hint')}
        </p>
        <input
          id="staff-search"
          name="q"
          type="search"
          spellCheck={false}
          aria-describedby="staff-search-hint"
          className={`${inputClass} mt-1`}
        />
      </div>
      <button type="submit" className="btn-secondary">
        {t('search.submit')}
      </button>
    </form>
  )
}
