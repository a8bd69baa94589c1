import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { safeReturnPath } from '~/domain/return-path'
import { clearSessionCookie, sessionIdleMinutes, sessionStatus } from '~/services/auth.server'
import { i18next } from '~/services/i18n.server'

const Query = z.object({
  reden: z.enum(['verlopen']).optional().catch(undefined),
  // `state` comes back from the provider's logout (RP-initiated logout); `wie` from our own links
  wie: z.enum(['medewerker']).optional().catch(undefined),
  state: z.enum(['medewerker']).optional().catch(undefined),
  terug: z.string().max(2048).optional(),
})

/** "Am I safely out?": after logging out, or after the idle or absolute timeout. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const staff = query.wie === 'medewerker' || query.state === 'medewerker'
  const expired = query.reden === 'verlopen'
  const t = await i18next.getFixedT(request, 'auth')
  const terug = query.terug ? safeReturnPath(query.terug) : undefined
  const login = `${staff ? '/inloggen/medewerker' : '/inloggen'}${terug ? `?${new URLSearchParams({ terug })}` : ''}`
  // A cookie of a session that has ended is cleared; a live session is left alone, so that a
  // link to this page cannot log anyone out.
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (request.headers.get('cookie')?.includes('mijnstad_sessie=') && !(await sessionStatus(request))) {
    headers.append('Set-Cookie', await clearSessionCookie())
  }
  return json(
    {
      staff,
      expired,
      login,
      minutes: sessionIdleMinutes(),
      title: t(expired ? 'loggedOut.expiredTitle' : 'loggedOut.title'),
    },
    { headers },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]

export default function LoggedOut() {
  const { staff, expired, login, minutes } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t(expired ? 'loggedOut.expiredHeading' : 'loggedOut.heading')}</h1>
      <p className="mt-4 text-xl">
        {expired ? t('loggedOut.expiredText', { minutes }) : t(staff ? 'loggedOut.textStaff' : 'loggedOut.text')}
      </p>
      <p className="mt-8 flex flex-wrap gap-4">
        <a href={login} className="btn-primary">
          {t(staff ? 'loggedOut.loginAgainStaff' : 'loggedOut.loginAgain')}
        </a>
        <Link to="/" className="btn-secondary">
          {t('loggedOut.home')}
        </Link>
      </p>
    </div>
  )
}
