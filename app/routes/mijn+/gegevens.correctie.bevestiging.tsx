import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireCitizen } from '~/services/auth/guards.server'
import { getSubmittedCorrection } from '~/services/requests/corrections.server'
import { getFixedT } from '~/services/i18n.server'
import { correctionWizard } from '~/flows'

/** Correction request, done: the case reference and what happens next. */

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const done = await getSubmittedCorrection(citizen, correctionWizard.read(request).draftId)
  if (!done) throw redirect('/mijn/gegevens')
  const t = await getFixedT(request)
  return json({ done, title: t('mydata:correction.doneTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Uw verzoek is verstuurd' }]
export const handle = { i18n: 'mydata' }

export default function CorrectionDone() {
  const { done } = useLoaderData<typeof loader>()
  const { t } = useTranslation('mydata')
  return (
    <div className="prose-width">
      <div className="border-4 border-success bg-white p-6 text-center">
        <h1 className="text-3xl md:text-4xl">{t('correction.doneHeading')}</h1>
        <p className="mt-4 text-xl">
          {t('correction.doneReference')}
          <br />
          <strong className="text-2xl">{done.reference}</strong>
        </p>
      </div>
      <h2 className="mt-8 text-2xl">{t('correction.doneNext')}</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        <li>{t('correction.doneStep1')}</li>
        <li>{t('correction.doneStep2')}</li>
        <li>{t('correction.doneStep3')}</li>
      </ol>
      <p className="mt-8 flex flex-wrap gap-6">
        <Link to={`/mijn/zaken/${done.caseId}`} className="btn-primary">
          {t('correction.doneCaseLink')}
        </Link>
        <Link to="/mijn/gegevens">{t('correction.doneBack')}</Link>
      </p>
    </div>
  )
}
