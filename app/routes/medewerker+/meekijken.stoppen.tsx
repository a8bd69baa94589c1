import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { requireStaff } from '~/services/auth/guards.server'
import { stopImpersonation } from '~/services/impersonation/start-stop.server'

/**
 * "Stoppen": ends the viewing, audited, and returns to the staff view. A POST from the
 * banner's form; the only write a viewing session may make (server/app.ts lets it through).
 */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request)
  await stopImpersonation(staff)
  return redirect('/medewerker/burgers?melding=gestopt')
}

/** Nothing to show; a GET (a bookmark, a reload) goes to the search page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request)
  return redirect('/medewerker/burgers')
}
