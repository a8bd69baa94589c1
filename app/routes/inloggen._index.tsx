import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { LoginFailure } from '~/components/login-failure'
import { meetsLevel } from '~/domain/digid-level'
import { safeReturnPath } from '~/domain/return-path'
import { getUser, LoginError, LoginQuery, startLogin } from '~/services/auth.server'
import { loginFailureResponse } from '~/services/login-pages.server'

/**
 * /inloggen?terug=/mijn/zaken&niveau=midden — sends the browser to DigiD (a GET that only
 * redirects; the state lives in the database). A step-up arrives here from requireCitizen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = LoginQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
  const returnTo = safeReturnPath(query.terug, '/mijn')
  const user = await getUser(request)
  if (user?.kind === 'citizen' && meetsLevel(user.level, query.niveau ?? 'basis')) return redirect(returnTo)
  try {
    return await startLogin(request, 'citizen', { returnTo, level: query.niveau })
  } catch (err) {
    if (!(err instanceof LoginError)) throw err
    return loginFailureResponse(request, {
      kind: 'citizen',
      failure: err.reason,
      detail: err.detail,
      retry: new URL(request.url).pathname + new URL(request.url).search,
    })
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && 'title' in data ? data.title : 'Mijn Stad' },
]

export default function Login() {
  const data = useLoaderData<typeof loader>()
  return 'failure' in data ? <LoginFailure {...data} /> : null
}
