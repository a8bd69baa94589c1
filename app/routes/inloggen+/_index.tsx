import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { LoginFailure } from '~/components/login-failure'
import { StepUpExplanation } from '~/components/step-up-explanation'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'
import { safeReturnPath } from '~/domain/return-path'
import { parseForm } from '~/form.server'
import { getUser } from '~/services/auth/current-user.server'
import { LoginError } from '~/services/auth/oidc.server'
import { LoginQuery, startLogin } from '~/services/auth/login.server'
import { getFixedT } from '~/services/i18n.server'
import { loginFailureResponse } from '~/services/auth/login-pages.server'

/**
 * /inloggen?terug=/mijn/zaken&niveau=midden — sends the browser to DigiD (a GET that only
 * redirects; the state lives in the database). A step-up arrives here from requireCitizen:
 * someone logged in at a lower level first reads why DigiD asks again, and goes on with the
 * button (a POST here, which starts the login the same way).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = LoginQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
  const returnTo = safeReturnPath(query.terug, '/mijn')
  const user = await getUser(request)
  if (user?.kind === 'citizen' && meetsLevel(user.level, query.niveau ?? 'basis')) return redirect(returnTo)
  if (user?.kind === 'citizen' && query.niveau) return stepUpPage(request, user.level, query.niveau, returnTo)
  return login(request, returnTo, query.niveau)
}

export async function action({ request }: ActionFunctionArgs) {
  // The step-up page's button: the same query as the GET, as hidden fields.
  const submission = await parseForm(request, LoginQuery)
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const query = submission.value
  return login(request, safeReturnPath(query.terug, '/mijn'), query.niveau)
}

async function login(request: Request, returnTo: string, level: DigidLevel | undefined) {
  try {
    return await startLogin(request, 'citizen', { returnTo, level })
  } catch (err) {
    if (!(err instanceof LoginError)) throw err
    const url = new URL(request.url)
    return loginFailureResponse(request, {
      kind: 'citizen',
      failure: err.reason,
      detail: err.detail,
      retry:
        request.method === 'GET'
          ? url.pathname + url.search
          : `/inloggen?${new URLSearchParams({ terug: returnTo, ...(level ? { niveau: level } : {}) })}`,
    })
  }
}

/** Which page asks for the higher level, by the path the visitor was going to. */
const pageOf = (returnTo: string) => (/^\/mijn\/gegevens(\/|\?|$)/.test(returnTo) ? 'mydata' : null)

async function stepUpPage(request: Request, current: DigidLevel, wanted: DigidLevel, returnTo: string) {
  const t = await getFixedT(request)
  return json(
    { stepUp: { current, wanted, returnTo, page: pageOf(returnTo) }, title: `${t('auth:stepUp.title')} – Mijn Stad` },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && 'title' in data ? data.title : 'Mijn Stad' },
]

export const handle = { i18n: 'auth' }

/** The explanation and the failure pages are not for a shared cache. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const cacheControl = actionHeaders.get('Cache-Control') ?? loaderHeaders.get('Cache-Control')
  return cacheControl ? { 'Cache-Control': cacheControl } : new Headers()
}

export default function Login() {
  const loaded = useLoaderData<typeof loader>()
  // A POST that could not start the login (DigiD unreachable, too many attempts) says so.
  const failed = useActionData<typeof action>()
  if (failed && 'failure' in failed) return <LoginFailure {...failed} />
  if ('stepUp' in loaded) return <StepUpExplanation {...loaded.stepUp} />
  return 'failure' in loaded ? <LoginFailure {...loaded} /> : null
}
