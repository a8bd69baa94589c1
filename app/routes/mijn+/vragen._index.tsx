import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { listQuestionsForCitizen } from '~/services/questions/citizen.server'

/**
 * "Mijn vragen": the citizen's questions, open ones first, each with its number, topic, first
 * words, where it stands ("In behandeling" when a department has it: not where it went), the day
 * of the answer, and a new answer marked.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [questions, t] = await Promise.all([listQuestionsForCitizen(citizen.bsn), getFixedT(request)])
  return json({ questions, title: t('questions:list.title') }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn vragen' }]
export const handle = { i18n: ['questions', 'topics'] }

export default function MyQuestions() {
  const { questions } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('questions')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('list.heading')}</h1>
      <p className="mt-3">{t('list.lead')}</p>
      <p className="mt-4">
        <Link to="/mijn/vragen/nieuw" className="btn-primary">
          {t('list.ask')}
        </Link>
      </p>
      <p className="mt-3 text-muted">{t('norm')}</p>
      {questions.length === 0 ? (
        <p className="mt-6">{t('list.empty')}</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {questions.map((q) => (
            <li key={q.id} className="border-l-4 border-line bg-surface p-4">
              <p className="m-0 flex flex-wrap items-center gap-3">
                <StatusTag tone={q.state === 'answered' ? 'success' : 'info'}>{t(`states.${q.state}`)}</StatusTag>
                {q.unread ? <StatusTag tone="warning">{t('list.unread', { count: q.unread })}</StatusTag> : null}
              </p>
              <h2 className="mt-2 text-xl">
                <Link to={`/mijn/vragen/${q.id}`} className={q.unread ? 'font-bold' : 'font-normal'}>
                  {q.reference}: {q.preview}
                </Link>
              </h2>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-base sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{t('list.topic')}</dt>
                <dd className="m-0">{t(`topics:${q.topic}.label`)}</dd>
                <dt className="font-bold">{t('list.received')}</dt>
                <dd className="m-0">{date(q.receivedOn)}</dd>
                {q.state !== 'answered' ? (
                  <>
                    <dt className="font-bold">{t('list.answerBy')}</dt>
                    <dd className="m-0">{date(q.answerBy)}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
