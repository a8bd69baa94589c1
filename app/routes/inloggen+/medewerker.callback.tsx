import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { LoginFailure } from '~/components/login-failure'
import { completeLogin } from '~/services/auth/login.server'
import { loginFailureResponse } from '~/services/auth/login-pages.server'

/** The staff SSO's redirect back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const outcome = await completeLogin(request, 'staff')
  if (outcome.redirectTo) return redirect(outcome.redirectTo, { headers: outcome.headers })
  return loginFailureResponse(request, {
    kind: 'staff',
    failure: outcome.failure ?? 'failed',
    detail: outcome.detail,
    retry: outcome.retry,
    headers: outcome.headers,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]

export default function StaffLoginCallback() {
  const data = useLoaderData<typeof loader>()
  return <LoginFailure {...data} />
}
