import type { MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, useMatches, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage, errorKind } from '~/components/error-page'
import { ImpersonationRefused } from '~/components/impersonation-banner'
import { resources } from '~/locales'

/**
 * An area of the portal (`/mijn`, `/medewerker`) is a layout route that names its navigation in
 * its `handle`. The root renders it beside `<main>`, not inside it, so "Direct naar de inhoud"
 * skips it (WCAG 2.4.1) — for every page of the area, and for a page of it that failed, whose
 * layout's error boundary keeps the area's data.
 */
export interface AreaHandle {
  areaNav: (data: unknown) => ReactNode
}

function isArea(handle: unknown): handle is AreaHandle {
  return typeof (handle as Partial<AreaHandle> | undefined)?.areaNav === 'function'
}

/** The navigation of the innermost area the current page belongs to, or null. */
export function useAreaNav(): ReactNode {
  const area = useMatches()
    .filter((match) => isArea(match.handle))
    .at(-1)
  return area && isArea(area.handle) ? area.handle.areaNav(area.data) : null
}

/** The title of an area's page that failed, in the visitor's language, as the root names its own. */
export const areaErrorMeta: MetaFunction = ({ error, matches }) => {
  if (!error) return []
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const common = resources[root?.locale === 'en' ? 'en' : 'nl'].common
  const kind = errorKind(isRouteErrorResponse(error) ? error.status : 500)
  return [{ title: `${common.errors[`${kind}Title`]} – ${common.portalName}` }]
}

/**
 * What an area's error boundary shows: a write refused while looking along explains itself;
 * anything else is the error page, with a way back to the area's start when given.
 */
export function AreaError({ home }: { home?: { to: string; label: string } }) {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (
    status === 403 &&
    isRouteErrorResponse(error) &&
    typeof error.data?.code === 'string' &&
    error.data.code.startsWith('impersonation_')
  )
    return <ImpersonationRefused code={error.data.code} />
  return <ErrorPage status={status} home={home} />
}
