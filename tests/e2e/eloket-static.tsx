import { readFileSync } from 'node:fs'
import { createInstance } from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { CheckAnswers } from '~/components/eloket/check-answers'
import { KnownFacts } from '~/components/eloket/known-facts'
import { QuestionPage } from '~/components/eloket/question-page'
import { knownFacts, reviewRows, visibleQuestions, type FieldError } from '~/domain/eloket/engine'
import type { Answers, FormContext, Page, ServiceDefinition } from '~/domain/eloket/form'
import type { Language } from '~/domain/language'
import { i18nConfig } from '~/i18n'

/**
 * A page of the e-loket's components as a whole HTML document with the production stylesheet,
 * rendered on the server as FLOW's routes will: for axe and screenshots in Chromium without
 * the routes (those are tested by their own browser tests).
 */
export async function staticPage(
  service: ServiceDefinition,
  page: Page | 'check',
  answers: Answers,
  errors: FieldError[],
  ctx: FormContext,
  lang: Language,
): Promise<string> {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: lang })
  const body =
    page === 'check' ? (
      <>
        <h1 className="mb-6 text-3xl">{lang === 'nl' ? 'Controleer uw gegevens' : 'Check your answers'}</h1>
        <KnownFacts facts={knownFacts(service, ctx, 'app-1')} lang={lang} />
        <h2 className="text-2xl">{service.title[lang]}</h2>
        <CheckAnswers rows={reviewRows(service, answers, ctx)} changeHref={(id) => `/p/${id}`} lang={lang} />
      </>
    ) : (
      <form method="post" encType="multipart/form-data" noValidate>
        <h1 className="mb-6 text-3xl">{page.title[lang]}</h1>
        <QuestionPage service={service} page={page} answers={answers} errors={errors} lang={lang} ctx={ctx} askKnown />
        <button type="submit" className="btn-primary">
          {lang === 'nl' ? 'Opslaan en doorgaan' : 'Save and continue'}
        </button>
      </form>
    )
  const html = renderToString(<I18nextProvider i18n={i18n}>{body}</I18nextProvider>)
  const css = readFileSync('app/styles/tailwind.generated.css', 'utf8')
  const title = page === 'check' ? service.title[lang] : page.title[lang]
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${css}</style></head><body><main class="mx-auto max-w-3xl p-4">${html}</main></body></html>`
}

/** Every page of a service, with the questions it shows in this context (for the tests' names). */
export function pagesOf(service: ServiceDefinition, ctx: FormContext): Array<{ page: Page; questions: number }> {
  return service.pages.map((page) => ({ page, questions: visibleQuestions(page, {}, ctx, { askKnown: true }).length }))
}
