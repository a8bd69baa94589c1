import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CasesOverview } from '~/components/cases-overview'
import { getSessionInfo } from '~/services/auth/current-user.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getOverviewForCitizen } from '~/services/cases/citizen.server'
import { getLanguage, i18next } from '~/services/i18n.server'
import { QuestionNotices } from '~/components/question-notices'
import { unreadAnswers } from '~/services/questions/citizen.server'
import { SuggestionsPanel } from '~/components/suggestions-panel'
import { getSuggestions } from '~/services/suggestions/index.server'

/** "Mijn overzicht": whom you are logged in as, and what needs doing in your cases. */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const session = await getSessionInfo(request) // the same lookup as requireCitizen's: no extra query
  const t = await i18next.getFixedT(request, 'auth')
  // Cases: action needed, unread letters, the next date that matters.
  const cases = await getOverviewForCitizen(citizen.bsn, await getLanguage(request))
  const answeredQuestions = await unreadAnswers(citizen.bsn)
  // "Voor u": after what needs action and the open cases.
  const suggestions = { ...(await getSuggestions(citizen)), readOnly: Boolean(citizen.impersonatedBy) }
  return json({
    cases,
    answeredQuestions,
    suggestions,
    title: t('overview.title'),
    name: session?.actingName ?? citizen.name,
    onBehalfOf: citizen.actingBsn ? citizen.name : null,
    level: citizen.level,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['auth', 'questions', 'suggestions'] }

export default function MyOverview() {
  const { name, onBehalfOf, level, cases, answeredQuestions, suggestions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('overview.heading')}</h1>
      <p className="mt-4 text-xl">{t('overview.welcome', { name })}</p>
      {onBehalfOf ? <p className="mt-2">{t('overview.onBehalf', { name: onBehalfOf })}</p> : null}
      <p className="mt-2 text-muted">{t('overview.level', { level: t(`levels.${level}`) })}</p>
      <QuestionNotices questions={answeredQuestions} />
      <div className="mt-10">
        <CasesOverview overview={cases} />
      </div>
      <SuggestionsPanel suggestions={suggestions} />
    </div>
  )
}
