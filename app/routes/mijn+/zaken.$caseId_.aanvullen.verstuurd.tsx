import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText, formatLocalDate } from '~/components/date-text'
import { SummaryList } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getAnswerReceipt } from '~/services/cases/information.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * After "Informatie sturen": what came in, and the latest decision date now that the
 * suspension ended on that day (Awb 4:15), with the acknowledgement letter written with it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const receipt = await getAnswerReceipt(citizen, params.caseId ?? '', { lang })
  if (!receipt) throw notFound()
  return json({ receipt, title: t('information:sent.title', { reference: receipt.reference }) })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verstuurd' }]
export const handle = { i18n: 'information' }

export default function AnswerSentPage() {
  const { receipt } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('information')
  return (
    <div className="prose-width space-y-6">
      <div role="status" className="border-l-8 border-success bg-surface p-5">
        <h1 className="text-3xl md:text-4xl">{t('sent.heading')}</h1>
      </div>
      <SummaryList
        rows={[
          { key: t('sent.reference'), value: receipt.reference },
          { key: t('sent.receivedOn'), value: <DateText date={receipt.receivedOn} /> },
          {
            key: t('sent.decisionDue'),
            value: (
              <strong>
                <DateText date={receipt.decisionDueOn} />
              </strong>
            ),
          },
          ...(receipt.answer
            ? [{ key: t('sent.answerLabel'), value: <span className="whitespace-pre-line">{receipt.answer}</span> }]
            : []),
          { key: t('sent.filesLabel'), value: t('sent.files', { count: receipt.fileCount }) },
        ]}
      />
      <p className="text-xl">{t('sent.decideBy', { date: formatLocalDate(receipt.decisionDueOn, i18n.language) })}</p>
      <p>{t('sent.next')}</p>
      {receipt.letter ? (
        <p>
          {t('sent.letter')} <Link to={`/mijn/brieven/${receipt.letter.id}`}>{receipt.letter.title}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/mijn/zaken/${receipt.caseId}`} className="btn-primary">
          {t('sent.back')}
        </Link>
      </p>
    </div>
  )
}
