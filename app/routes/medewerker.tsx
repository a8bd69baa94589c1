import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Outlet,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorPage, errorKind } from '~/components/error-page'
import { ImpersonationRefused } from '~/components/impersonation-banner'
import { StaffNav, StaffSearchBar } from '~/components/staff-nav'
import { resources } from '~/locales'
import { requireStaff } from '~/services/auth.server'

/**
 * The staff area's layout: every page under /medewerker — today's and any added later — gets
 * the navigation of the employee's roles and the search, without doing anything itself. A page's
 * own loader still checks its role; this one only needs a staff login. The session lookup is
 * shared with the page's loader (one query per page view, auth.server.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request)
  return json({ roles: staff.roles })
}

/** A page of the area that failed is named by its error, as the root names its own. */
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return []
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const common = resources[root?.locale === 'en' ? 'en' : 'nl'].common
  const kind = errorKind(isRouteErrorResponse(error) ? error.status : 500)
  return [{ title: `${common.errors[`${kind}Title`]} – ${common.portalName}` }]
}

function StaffLayout({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { pathname } = useLocation()
  // The search page has its own, larger search form.
  const onSearchPage = pathname.replace(/\/+$/, '') === '/medewerker/zoeken'
  return (
    <div className="lg:flex lg:gap-10">
      <StaffNav roles={roles} />
      <div className="mt-4 min-w-0 flex-1 lg:mt-0">
        {onSearchPage ? null : <StaffSearchBar />}
        <div className={onSearchPage ? '' : 'mt-8'}>{children}</div>
      </div>
    </div>
  )
}

export default function StaffArea() {
  const { roles } = useLoaderData<typeof loader>()
  return (
    <StaffLayout roles={roles}>
      <Outlet />
    </StaffLayout>
  )
}

/**
 * A page of the area that fails (403 for a role not held, 404, 500) keeps the navigation, so the
 * employee can go on from there. Without a staff login there is no navigation to show.
 */
export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('routes/medewerker')
  const { t } = useTranslation('staff')
  const status = isRouteErrorResponse(error) ? error.status : 500
  const content =
    status === 403 &&
    isRouteErrorResponse(error) &&
    typeof error.data?.code === 'string' &&
    error.data.code.startsWith('impersonation_') ? (
      <ImpersonationRefused code={error.data.code} />
    ) : (
      <ErrorPage status={status} home={data ? { to: '/medewerker', label: t('errors.back') } : undefined} />
    )
  return data ? <StaffLayout roles={data.roles}>{content}</StaffLayout> : content
}
