import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { centsToInput, dateParts, visibleQuestions, type FieldError } from '~/domain/eloket/engine'
import type { Answers, FormContext, Page, Question, ServiceDefinition } from '~/domain/eloket/form'
import type { Language } from '~/domain/language'
import { errorMessage } from './messages'
import { QuestionField, type FieldValue } from './question-field'

/** A stored answer as its field shows it: cents as "125,50", a date as its three parts; a refused one as typed. */
function fieldValue(question: Question, answer: FieldValue, refused: boolean): FieldValue {
  if (question.kind === 'date') return dateParts(answer)
  if (question.kind === 'money' && !refused && typeof answer === 'string' && /^\d+$/.test(answer))
    return centsToInput(Number(answer))
  return answer
}

/**
 * The fields of one page of a service, as GOV.UK renders each kind, for FLOW's
 * `<form method="post">` (which brings the heading, the error summary and the buttons).
 * `answers` are the stored answers, or after a refusal what `readPage` gave back (a refused
 * field's answer is what was typed). Which questions show is the engine's (`visibleQuestions`):
 * a known one only with `askKnown` (`?anders=1`).
 */
export function QuestionPage({
  service,
  page,
  answers,
  errors,
  lang,
  ctx,
  askKnown = false,
  fileList,
}: {
  service: ServiceDefinition
  page: Page
  answers: Answers
  errors: FieldError[]
  lang: Language
  ctx: FormContext
  askKnown?: boolean
  /** The files already chosen for a file question, listed by FLOW (names, remove buttons). */
  fileList?: (questionId: string) => ReactNode
}) {
  const { t } = useTranslation('eloket')
  const questions = visibleQuestions(page, answers, ctx, { askKnown })
  return (
    <div data-service={service.code} data-page={page.id}>
      {page.intro ? <p className="prose-width mb-6">{page.intro[lang]}</p> : null}
      {questions.map((question) => {
        const refusal = errors.find((error) => error.field === question.id)
        return (
          <QuestionField
            key={question.id}
            question={question}
            value={fieldValue(question, answers[question.id], refusal !== undefined)}
            error={refusal ? errorMessage(question, refusal.code, lang, t) : undefined}
            lang={lang}
            fileList={fileList}
          />
        )
      })}
    </div>
  )
}
