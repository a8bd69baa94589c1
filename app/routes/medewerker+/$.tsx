import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireStaff } from '~/services/auth/guards.server'
import { notFound } from '~/responses'

/**
 * A path under /medewerker that no page claims: the staff login first (as any staff page), then
 * a 404 inside the staff layout, so the navigation is still there to go on from.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request)
  throw notFound()
}

export default function StaffNotFound() {
  return null
}
