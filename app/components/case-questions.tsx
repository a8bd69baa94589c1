import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** On a case's staff page: the citizen's questions linked to it, and a call or visit to record about it. */
export function CaseQuestions({
  caseId,
  questions,
}: {
  caseId: string
  questions: Array<{ id: string; reference: string; topic: string; answered: boolean }>
}) {
  const { t } = useTranslation('kcc')
  return (
    <section aria-labelledby="case-questions-heading">
      <h2 id="case-questions-heading" className="text-2xl">
        {t('caseQuestions.heading')}
      </h2>
      {questions.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {questions.map((q) => (
            <li key={q.id}>
              <Link to={`/medewerker/vragen/${q.id}`}>{q.reference}</Link>:{' '}
              {t(`topics:${q.topic}.label`, { defaultValue: q.topic })} (
              {q.answered ? t('question.answered') : t('caseQuestions.open')})
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t('caseQuestions.none')}</p>
      )}
      <p className="mt-2">
        <Link to={`/medewerker/contacten/nieuw?zaak=${caseId}`}>{t('caseQuestions.recordContact')}</Link>
      </p>
    </section>
  )
}
