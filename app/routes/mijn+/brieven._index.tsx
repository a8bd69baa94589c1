import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { listLettersForCitizen } from '~/services/letters/citizen.server'

/** "Mijn brieven": what did they write me? Newest first, unread marked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const letters = await listLettersForCitizen(citizen.bsn, language)
  return json({ letters, title: t('letters:list.title') }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn brieven' }]
export const handle = { i18n: ['letters', 'questions'] }

/** "New", as a word with an icon (a closed envelope): never colour alone (WCAG 1.4.1). */
function NewTag() {
  const { t } = useTranslation('letters')
  return (
    <strong className="inline-flex items-center gap-1.5 rounded-sm border-2 border-info bg-white px-2 py-0.5 text-base font-bold text-info">
      <svg aria-hidden="true" width="18" height="14" viewBox="0 0 18 14" className="shrink-0">
        <rect x="1" y="1" width="16" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M1.5 2l7.5 6 7.5-6" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      {t('list.new')}
    </strong>
  )
}

export default function MyLetters() {
  const { letters } = useLoaderData<typeof loader>()
  const { t } = useTranslation('letters')
  const unread = letters.filter((l) => !l.read).length
  return (
    <div className="prose-width space-y-8">
      <div>
        <h1 className="text-3xl md:text-4xl">{t('list.heading')}</h1>
        <p className="mt-3">{t('list.lead')}</p>
        {letters.length ? <p className="mt-2">{t('list.summary', { count: letters.length, unread })}</p> : null}
      </div>
      {letters.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ul className="space-y-4">
          {letters.map((letter) => (
            <li
              key={letter.id}
              className={`border-2 p-4 ${letter.read ? 'border-line' : 'border-info bg-brand-light'}`}
            >
              {letter.read ? null : (
                <p className="mb-2">
                  <NewTag />
                </p>
              )}
              <h2 className="text-xl">
                <Link to={`/mijn/brieven/${letter.id}`} className={letter.read ? 'font-normal' : 'font-bold'}>
                  {letter.title}
                </Link>
              </h2>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-base sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{t('list.date')}</dt>
                <dd className="m-0">
                  <DateText date={letter.letterDate} />
                </dd>
                {letter.caseType !== null ? (
                  <>
                    <dt className="font-bold">{t('list.case')}</dt>
                    <dd className="m-0">{letter.caseType}</dd>
                  </>
                ) : (
                  <>
                    <dt className="font-bold">{t('questions:letters.about')}</dt>
                    <dd className="m-0">{t('questions:letters.question')}</dd>
                  </>
                )}
                <dt className="font-bold">{t('list.reference')}</dt>
                <dd className="m-0">{letter.reference}</dd>
              </dl>
              {letter.delivery === 'paper' ? <p className="mt-2 text-base text-muted">{t('list.paper')}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
