import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { confirmEmail, peekEmailConfirmation } from '~/services/requests/contact-details.server'
import { getFixedT } from '~/services/i18n.server'
import { parseForm } from '~/form.server'

/**
 * The link from the confirmation mail. Opening it changes nothing (no GET changes anything:
 * a mail scanner may open it); the button confirms. The URL holds only the random token, never a BSN. No login
 * is needed: the token proves control of the mailbox, and the change was asked for by the
 * logged-in citizen.
 */
const Token = z.string().max(100).catch('')
/** The button's form: the token again, in a hidden field. */
const ConfirmForm = z.object({ token: Token })

export async function loader({ request }: LoaderFunctionArgs) {
  const token = Token.parse(new URL(request.url).searchParams.get('token') ?? '')
  const [state, t] = await Promise.all([peekEmailConfirmation(token), getFixedT(request)])
  return json({ token, state, title: t('mydata:confirmEmail.title') }, { headers: { 'Cache-Control': 'no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'E-mailadres bevestigen' },
  { name: 'robots', content: 'noindex' },
]
export const handle = { i18n: 'mydata' }

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, ConfirmForm)
  const token = submission.status === 'success' ? submission.value.token : ''
  const result = await confirmEmail(token)
  return json({ result }, { status: result.ok ? 200 : 410 })
}

export default function ConfirmEmail() {
  const { token, state } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const result = actionData?.result ?? null
  if (result?.ok) {
    return (
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('confirmEmail.doneHeading')}</h1>
        <p className="mt-4">{t('confirmEmail.doneText', { email: result.email })}</p>
        <p className="mt-6">
          <Link to="/mijn/voorkeuren">{t('confirmEmail.toPreferences')}</Link>
        </p>
      </div>
    )
  }
  const problem = result && !result.ok ? result.error : !state.ok ? state.error : null
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('confirmEmail.heading')}</h1>
      {problem ? (
        <>
          <p className="mt-4 border-l-4 border-danger pl-3 font-bold">{t(`confirmEmail.${problem}`)}</p>
          <p className="mt-6">
            <Link to="/mijn/voorkeuren">{t('confirmEmail.toPreferences')}</Link>
          </p>
        </>
      ) : state.ok ? (
        <>
          <p className="mt-4">{t('confirmEmail.lead', { email: state.email })}</p>
          <Form method="post" className="mt-6">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="btn-primary">
              {t('confirmEmail.button')}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  )
}
