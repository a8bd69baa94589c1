import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getSubmittedObjection } from '~/services/objections/views.server'

/** The objection is sent: its own reference, its latest decision date, and what happens next. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const done = await getSubmittedObjection(citizen, caseId)
  if (!done) throw redirect(`/mijn/zaken/${caseId}`)
  const t = await getFixedT(request)
  return json({ done, decisionCaseId: caseId, title: t('objections:done.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Uw bezwaar is verstuurd' }]
export const handle = { i18n: 'objections' }

export default function ObjectionSent() {
  const { done, decisionCaseId } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('objections')
  return (
    <div className="prose-width">
      <div className="border-4 border-success bg-white p-6 text-center">
        <h1 className="text-3xl md:text-4xl">{t('done.heading')}</h1>
        <p className="mt-4 text-xl">
          {t('done.reference')}
          <br />
          <strong className="text-2xl">{done.reference}</strong>
        </p>
        <p className="mt-4">{t('done.due', { date: formatLocalDate(done.decisionDueOn, i18n.language) })}</p>
      </div>
      <h2 className="mt-8 text-2xl">{t('done.nextHeading')}</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        <li>{t('done.step1')}</li>
        <li>{t('done.step2')}</li>
        <li>{t('done.step3')}</li>
      </ol>
      <p className="mt-8 flex flex-wrap gap-6">
        <Link to={`/mijn/zaken/${done.caseId}`} className="btn-primary">
          {t('done.caseLink')}
        </Link>
        {done.acknowledgementId ? (
          <Link to={`/mijn/brieven/${done.acknowledgementId}`}>{t('done.letterLink')}</Link>
        ) : null}
        <Link to={`/mijn/zaken/${decisionCaseId}`}>{t('done.backLink')}</Link>
      </p>
    </div>
  )
}
