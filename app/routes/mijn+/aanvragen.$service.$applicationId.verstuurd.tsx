import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { isLanguage } from '~/domain/language'
import { requireCitizen } from '~/services/auth/guards.server'
import { getSentApplication } from '~/services/eloket/views.server'
import { getFixedT } from '~/services/i18n.server'

/** The application is sent: its case reference, the latest decision date, what happens next. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '' } = params
  const sent = await getSentApplication(citizen, code, id)
  // Not sent (yet), or not theirs: Mijn aanvragen shows what there is.
  if (!sent) throw redirect('/mijn/aanvragen')
  const t = await getFixedT(request)
  return json({ sent, title: t('eloket:done.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Uw aanvraag is verstuurd' }]
export const handle = { i18n: 'eloket' }

export default function ApplicationSent() {
  const { sent } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('eloket')
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  return (
    <div className="prose-width">
      <div className="border-4 border-success bg-white p-6 text-center">
        <h1 className="text-3xl md:text-4xl">{t('done.heading')}</h1>
        <p className="mt-2">{sent.title[lang]}</p>
        <p className="mt-4 text-xl">
          {t('done.reference')}
          <br />
          <strong className="text-2xl">{sent.reference}</strong>
        </p>
        <p className="mt-4">{t('done.due', { date: formatLocalDate(sent.decisionDueOn, lang) })}</p>
      </div>
      <h2 className="mt-8 text-2xl">{t('done.nextHeading')}</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        <li>{t('done.step1')}</li>
        <li>{t('done.step2')}</li>
        <li>{t('done.step3')}</li>
      </ol>
      <p className="mt-8 flex flex-wrap gap-6">
        <Link to={`/mijn/zaken/${sent.caseId}`} className="btn-primary">
          {t('done.caseLink')}
        </Link>
        {sent.acknowledgementId ? (
          <Link to={`/mijn/brieven/${sent.acknowledgementId}`}>{t('done.letterLink')}</Link>
        ) : null}
        <Link to="/mijn/aanvragen">{t('done.overviewLink')}</Link>
      </p>
    </div>
  )
}
