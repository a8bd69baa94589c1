import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { PAYMENT_OUTCOME_PARAM } from '~/domain/payments'
import { notFound } from '~/responses'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { paymentReturn } from '~/services/payments/return.server'

/**
 * Where the payment provider sends the citizen back: "Did my payment go through?" The payment
 * is looked up at the provider now (the webhook may come later, or never). Paid: the sent
 * page of the application. Not paid: the check page, with the reason and the way to pay again.
 * Still being processed: this page waits, looking again by itself with JavaScript and by the
 * link without.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request)
  const service = params.service ?? ''
  const applicationId = params.applicationId ?? ''
  const result = await paymentReturn(citizen.bsn, service, applicationId)
  const base = `/mijn/aanvragen/${service}/${applicationId}`
  switch (result.state) {
    case 'not_found':
      throw notFound()
    case 'paid':
      throw redirect(`${base}/verstuurd`)
    case 'unpaid':
      throw redirect(`${base}/controleren?${PAYMENT_OUTCOME_PARAM}=${result.outcome}`)
    case 'none':
      throw redirect(`${base}/controleren`)
  }
  const t = await getFixedT(request)
  const waiting = result.state === 'waiting'
  return json(
    { waiting, title: t(waiting ? 'payments:return.waitingTitle' : 'payments:return.unavailableTitle') },
    { status: waiting ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Betalen' }]
export const handle = { i18n: 'payments' }

/** With JavaScript the page looks again every few seconds, for a while; the answer redirects. */
const POLL_MS = 3_000
const POLLS = 40

export default function PaymentReturnPage() {
  const { waiting } = useLoaderData<typeof loader>()
  const { t } = useTranslation('payments')
  const { pathname } = useLocation()
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!waiting) return
    let polls = 0
    const timer = setInterval(() => {
      if (++polls > POLLS) return clearInterval(timer)
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [waiting, revalidator])

  return (
    <div className="prose-width space-y-6">
      <h1 className="text-3xl md:text-4xl">{t(waiting ? 'return.waitingTitle' : 'return.unavailableTitle')}</h1>
      <div role="status" className="space-y-4">
        <p>{t(waiting ? 'return.waitingBody' : 'return.unavailableBody')}</p>
        <p>{t(waiting ? 'return.waitingAgain' : 'return.unavailableAgain')}</p>
      </div>
      <p>
        <a href={pathname} className="btn-primary">
          {t('return.refresh')}
        </a>
      </p>
      {waiting ? <p>{t('return.waitingLater')}</p> : null}
      <p>
        <Link to="/mijn/aanvragen">{t('return.toApplications')}</Link>
      </p>
    </div>
  )
}
