import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect, redirectDocument } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckAnswers } from '~/components/eloket/check-answers'
import { KnownFacts } from '~/components/eloket/known-facts'
import { formatCents } from '~/domain/eloket/engine'
import { isLanguage } from '~/domain/language'
import { parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { sendApplication } from '~/services/eloket/submit.server'
import { getCheckPage } from '~/services/eloket/views.server'
import { getFixedT } from '~/services/i18n.server'
import { notFound } from '~/responses'
import { PaymentNotice } from '~/components/payment-notice'
import { PaymentProviderError } from '~/services/payments/mollie.server'
import { startPayment } from '~/services/payments/start.server'

/**
 * **Controleer uw gegevens**: every answer with a **Wijzigen** link that comes back here, what
 * we already knew, the fee if any; then **Verzenden** (the application becomes a case at once)
 * or, for a service with a fee, **Verder naar betalen** (to the payment provider's checkout;
 * the case follows when the payment is paid). A page with something missing — a draft left
 * halfway, an answer that no longer holds — sends the citizen to that page first.
 */
const base = (code: string, id: string) => `/mijn/aanvragen/${code}/${id}`

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '' } = params
  const view = await getCheckPage(citizen, code, id)
  if (view.status === 'not_found') throw notFound()
  if (view.status === 'submitted') throw redirect(`${base(code, id)}/verstuurd`)
  if (view.status === 'incomplete')
    throw redirect(view.pageId ? `${base(code, id)}/${view.pageId}` : `/mijn/aanvragen/${code}`)
  const t = await getFixedT(request)
  return json({ view, title: t('eloket:check.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Controleer uw gegevens' }]
export const handle = { i18n: ['eloket', 'payments'] }

/** The check page's form is only its button: the answers are in the draft. */
const SendForm = z.object({})

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '' } = params
  await parseForm(request, SendForm)
  const result = await sendApplication(citizen, code, id)
  switch (result.status) {
    case 'not_found':
      throw notFound()
    case 'incomplete':
      return redirect(result.pageId ? `${base(code, id)}/${result.pageId}` : `/mijn/aanvragen/${code}`)
    case 'submitted':
      return redirect(`${base(code, id)}/verstuurd`)
    case 'pay':
    case 'awaiting_payment': {
      // To the provider's checkout (README: Payments); the case follows when it is paid.
      const page = result.status === 'pay' ? null : await getCheckPage(citizen, code, id)
      const fee = result.status === 'pay' ? result.fee : page && 'fee' in page ? page.fee : null
      if (!fee) throw notFound()
      try {
        const started = await startPayment(citizen, id, { fee, language: citizen.language })
        // The checkout is not a page of this app (even the mock's): the browser loads it whole.
        return 'checkoutUrl' in started
          ? redirectDocument(started.checkoutUrl)
          : redirect(`${base(code, id)}/verstuurd`)
      } catch (error) {
        // The provider does not answer: nothing was paid or written; the page says so.
        if (error instanceof PaymentProviderError) return json({ paymentUnavailable: true }, { status: 503 })
        throw error
      }
    }
  }
}

export default function CheckPage() {
  const { view } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation('eloket')
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  const here = base(view.code, view.id)
  const rows = view.rows.map((row) =>
    row.files?.length
      ? {
          ...row,
          value: {
            nl: `${row.value.nl}: ${row.files.join(', ')}`,
            en: `${row.value.en}: ${row.files.join(', ')}`,
          },
        }
      : row,
  )
  // A known answer is changed on its page with `?anders=1`: asked after all.
  const knownPages = new Set(view.rows.filter((row) => row.known).map((row) => row.pageId))
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/aanvragen">
          <span aria-hidden="true">← </span>
          {t('start.back')}
        </Link>
      </p>
      <p className="mt-4 text-muted">{view.title[lang]}</p>
      <h1 className="text-3xl md:text-4xl">{t('check.heading')}</h1>
      <div className="mt-4">
        <PaymentNotice />
      </div>
      <p className="mt-3">{t('check.lead')}</p>
      {view.status === 'awaiting_payment' ? (
        <p role="status" className="mt-4 border-l-8 border-warning bg-surface p-4">
          {t('check.awaiting')}
        </p>
      ) : null}
      <h2 className="mt-8 text-2xl">{t('check.answersHeading')}</h2>
      <div className="mt-3">
        <CheckAnswers
          rows={rows}
          changeHref={(pageId) => `${here}/${pageId}?terug=controleren${knownPages.has(pageId) ? '&anders=1' : ''}`}
        />
      </div>
      {view.facts.length ? (
        <div className="mt-8">
          <KnownFacts facts={view.facts} />
        </div>
      ) : null}
      {view.fee ? (
        <>
          <h2 className="mt-8 text-2xl">{t('check.feeHeading')}</h2>
          <p className="mt-2">{t('check.fee', { amount: formatCents(view.fee.amountCents)[lang] })}</p>
        </>
      ) : null}
      {actionData?.paymentUnavailable ? (
        <p role="alert" className="mt-6 border-l-8 border-danger bg-surface p-4">
          {t('check.paymentUnavailable')}
        </p>
      ) : null}
      <p className="mt-6">{t('check.declaration')}</p>
      <Form method="post" className="mt-6">
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {view.fee ? t('check.pay') : t('check.send')}
        </button>
      </Form>
    </div>
  )
}
