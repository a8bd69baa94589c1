import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** On "Mijn overzicht": each question with an answer not read yet. Nothing when there is none. */
export function QuestionNotices({ questions }: { questions: Array<{ id: string; reference: string }> }) {
  const { t } = useTranslation('questions')
  if (questions.length === 0) return null
  return (
    <section aria-labelledby="question-notices-heading" className="mt-10 border-l-8 border-info bg-surface p-4">
      <h2 id="question-notices-heading" className="text-2xl">
        {t('overview.heading')}
      </h2>
      <ul className="mt-2 space-y-2">
        {questions.map((q) => (
          <li key={q.id}>
            {t('overview.notice', { reference: q.reference })}{' '}
            <Link to={`/mijn/vragen/${q.id}`}>{t('overview.read')}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
