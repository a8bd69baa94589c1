import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { logout } from '~/services/auth/logout.server'

/** POST only (a GET must change nothing): ends the session here and at DigiD or the staff SSO. */
export async function action({ request }: ActionFunctionArgs) {
  return logout(request)
}

export async function loader() {
  return redirect('/')
}
