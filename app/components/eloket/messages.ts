import type { TFunction } from 'i18next'
import type { ErrorSummaryItem } from '~/components/error-summary'
import type { FieldError } from '~/domain/eloket/engine'
import type { ErrorCode, Question, ServiceDefinition } from '~/domain/eloket/form'
import type { Language } from '~/domain/language'

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1)
}

/** Whole euros as the language writes them: 10.000 / 10,000. */
function euros(amount: number, lang: Language): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',')
}

/**
 * The message for a refused answer, in the page's language: the question's own message for the
 * code first ("Vul het kenteken van de auto in"), else the generic one of its kind
 * (`eloket:errors.<code>_<kind>`, then `eloket:errors.<code>`), naming the question.
 */
export function errorMessage(question: Question, code: ErrorCode, lang: Language, t: TFunction): string {
  const own = question.errors?.[code]?.[lang]
  if (own) return own
  const name = (question.short ?? question.label)[lang]
  const bounds =
    question.kind === 'money'
      ? { min: euros(question.min, lang), max: euros(question.max, lang) }
      : question.kind === 'number'
        ? { min: question.min, max: question.max }
        : question.kind === 'file'
          ? { max: question.maxFiles }
          : 'maxLength' in question
            ? { max: question.maxLength }
            : {}
  return t([`eloket:errors.${code}_${question.kind}`, `eloket:errors.${code}`], {
    lng: lang,
    label: lowerFirst(name),
    Label: name,
    ...bounds,
  })
}

/**
 * The error summary's items for a page's refusals, in the order of the page: each links to its
 * field by the question's id, which is the id of its (first) input — for a date the day.
 */
export function errorSummaryItems(
  service: ServiceDefinition,
  errors: FieldError[],
  lang: Language,
  t: TFunction,
): ErrorSummaryItem[] {
  const questions = new Map(service.pages.flatMap((page) => page.questions.map((q) => [q.id, q] as const)))
  return errors.flatMap((error) => {
    const question = questions.get(error.field)
    return question ? [{ field: error.field, message: errorMessage(question, error.code, lang, t) }] : []
  })
}
