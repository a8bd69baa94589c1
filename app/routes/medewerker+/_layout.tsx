import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AreaError, areaErrorMeta, type AreaHandle } from '~/components/area-layout'
import { StaffNav, StaffSearchBar } from '~/components/staff-nav'
import { requireStaff } from '~/services/auth/guards.server'

/**
 * The staff area's layout: every page under /medewerker — today's and any added later — gets
 * the navigation of the employee's roles (rendered by the root beside <main>, see
 * app/components/area-layout.tsx) and the search, without doing anything itself. A page's own
 * loader still checks its role; this one only needs a staff login. The session lookup is shared
 * with the page's loader (one query per page view, services/auth/current-user.server.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request)
  return json({ roles: staff.roles })
}

export const handle: AreaHandle = {
  // No data: the loader refused (no staff login), so there is no navigation to show.
  areaNav: (data) => {
    const roles = (data as { roles?: string[] } | undefined)?.roles
    return roles ? <StaffNav roles={roles} /> : null
  },
}

/** A page of the area that failed is named by its error, as the root names its own. */
export const meta = areaErrorMeta

function StaffContent({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  // The search page has its own, larger search form.
  const onSearchPage = pathname.replace(/\/+$/, '') === '/medewerker/zoeken'
  return (
    <>
      {onSearchPage ? null : <StaffSearchBar />}
      <div className={onSearchPage ? '' : 'mt-8'}>{children}</div>
    </>
  )
}

export default function StaffArea() {
  return (
    <StaffContent>
      <Outlet />
    </StaffContent>
  )
}

/**
 * A page of the area that fails (403 for a role not held, 404, 500) keeps the navigation and the
 * search, so the employee can go on from there. Without a staff login there is neither.
 */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('routes/medewerker+/_layout')
  const { t } = useTranslation('staff')
  if (!data) return <AreaError />
  return (
    <StaffContent>
      <AreaError home={{ to: '/medewerker', label: t('errors.back') }} />
    </StaffContent>
  )
}
