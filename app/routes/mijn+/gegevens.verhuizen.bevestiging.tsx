import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { SummaryList } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getSubmittedMove } from '~/services/requests/move-submit.server'
import { moveWizard } from '~/flows'

/** Move, done: the case reference and what happens next. */

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const move = await getSubmittedMove(citizen, moveWizard.read(request).draftId)
  if (!move) throw redirect('/mijn/gegevens')
  const t = await getFixedT(request)
  return json({ move, title: t('mydata:move.doneTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Uw verhuizing is doorgegeven' },
]
export const handle = { i18n: 'mydata' }

export default function MoveDone() {
  const { move } = useLoaderData<typeof loader>()
  const { t } = useTranslation('mydata')
  return (
    <div className="prose-width">
      <div className="border-4 border-success bg-white p-6 text-center">
        <h1 className="text-3xl md:text-4xl">{t('move.doneHeading')}</h1>
        <p className="mt-4 text-xl">
          {t('move.doneReference')}
          <br />
          <strong className="text-2xl">{move.reference}</strong>
        </p>
      </div>
      <SummaryList
        className="mt-8"
        rows={[
          { key: t('move.reviewAddress'), value: move.address.oneLine },
          { key: t('move.reviewDate'), value: <DateText date={move.moveDate} /> },
          {
            key: t('move.reviewWho'),
            value: move.coMovers.length ? t('move.youAnd', { names: move.coMovers.join(', ') }) : t('move.onlyYou'),
          },
        ]}
      />
      <h2 className="mt-8 text-2xl">{t('move.doneNext')}</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        <li>{t('move.doneStep1')}</li>
        <li>{t('move.doneStep2')}</li>
        <li>{t('move.doneStep3')}</li>
        {move.coMovers.length ? <li>{t('move.doneStep4')}</li> : null}
      </ol>
      <p className="mt-8 flex flex-wrap gap-6">
        <Link to={`/mijn/zaken/${move.caseId}`} className="btn-primary">
          {t('move.doneCaseLink')}
        </Link>
        <Link to="/mijn/gegevens">{t('move.doneBack')}</Link>
      </p>
    </div>
  )
}
