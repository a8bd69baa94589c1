import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { LoginFailure } from '~/components/login-failure'
import { completeLogin } from '~/services/auth/login.server'
import { getUser } from '~/services/auth/current-user.server'
import { loginFailureResponse } from '~/services/auth/login-pages.server'

/**
 * DigiD's redirect back: a new session and on to the page wanted, or a page saying what failed
 * (and, when an earlier session still holds, that it does).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const outcome = await completeLogin(request, 'citizen')
  if (outcome.redirectTo) return redirect(outcome.redirectTo, { headers: outcome.headers })
  // A step-up that did not happen leaves the earlier session as it was: the page says so, as
  // the header does.
  const user = await getUser(request)
  return loginFailureResponse(request, {
    stillLoggedIn: user?.kind === 'citizen' ? { level: user.level, wanted: outcome.wantedLevel ?? null } : null,
    kind: 'citizen',
    failure: outcome.failure ?? 'failed',
    detail: outcome.detail,
    retry: outcome.retry,
    headers: outcome.headers,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]

export default function LoginCallback() {
  const data = useLoaderData<typeof loader>()
  return <LoginFailure {...data} />
}
