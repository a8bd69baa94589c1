import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { AreaError, areaErrorMeta, type AreaHandle } from '~/components/area-layout'
import { CitizenNav } from '~/components/citizen-nav'
import { requireCitizen } from '~/services/auth/guards.server'

/**
 * The citizen's area: every page under /mijn — for the citizen, and for an employee looking
 * along — gets the citizen navigation (rendered by the root beside <main>, see
 * app/components/area-layout.tsx), and a page of it that fails keeps it. The navigation needs a
 * citizen's view (the session lookup is shared with the page's loader, app/services/auth/current-user.server.ts); without
 * one it is left out, and each page decides for itself whether it needs a login (the e-mail
 * confirmation link does not) and which DigiD level.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    await requireCitizen(request)
    return json({ nav: true })
  } catch (refusal) {
    // Sent to log in, or not a citizen: the page's own loader answers that, if it needs to.
    if (refusal instanceof Response && (refusal.status === 403 || (refusal.status >= 300 && refusal.status < 400)))
      return json({ nav: false })
    throw refusal
  }
}

export const handle: AreaHandle = {
  areaNav: (data) => ((data as { nav?: boolean } | undefined)?.nav ? <CitizenNav /> : null),
}

export const meta = areaErrorMeta

export default function CitizenArea() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <AreaError />
}
