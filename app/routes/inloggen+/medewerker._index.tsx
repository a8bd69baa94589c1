import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { LoginFailure } from '~/components/login-failure'
import { safeReturnPath } from '~/domain/return-path'
import { getUser } from '~/services/auth/current-user.server'
import { LoginError } from '~/services/auth/oidc.server'
import { LoginQuery, startLogin } from '~/services/auth/login.server'
import { loginFailureResponse } from '~/services/auth/login-pages.server'

/** /inloggen/medewerker?terug=/medewerker/zaken — sends the browser to the staff SSO. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = LoginQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
  const returnTo = safeReturnPath(query.terug, '/medewerker')
  const user = await getUser(request)
  if (user?.kind === 'staff') return redirect(returnTo)
  try {
    return await startLogin(request, 'staff', { returnTo })
  } catch (err) {
    if (!(err instanceof LoginError)) throw err
    return loginFailureResponse(request, {
      kind: 'staff',
      failure: err.reason,
      detail: err.detail,
      retry: new URL(request.url).pathname + new URL(request.url).search,
    })
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && 'title' in data ? data.title : 'Mijn Stad' },
]

export default function StaffLogin() {
  const data = useLoaderData<typeof loader>()
  return 'failure' in data ? <LoginFailure {...data} /> : null
}
