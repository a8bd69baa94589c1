import { randomUUID } from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { QuestionFacts, QuestionThread } from '~/components/staff-question'
import { useGovForm } from '~/components/use-gov-form'
import { NOTE_MAX_LENGTH } from '~/domain/question-inbox'
import { ANSWER_MAX_LENGTH } from '~/domain/questions'
import { parseFormData, refusalOf } from '~/form.server'
import { notFound } from '~/responses'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { QUESTION_ROLES } from '~/domain/staff-areas'
import { listDepartments, questionAccess } from '~/services/questions/staff/access.server'
import { addQuestionNote, handOverQuestion, linkQuestionToCase } from '~/services/questions/staff/actions.server'
import { answerQuestion } from '~/services/questions/staff/answer.server'
import { articleTextForAnswer, findArticlesForAnswer } from '~/services/questions/staff/articles.server'
import { readQuestionForStaff } from '~/services/questions/staff/detail.server'

/**
 * One question for the contact centre (or the department holding it): the whole thread with the
 * internal hand-overs and notes, who asked and how to reach them, the terms, and what to do —
 * answer (with knowledge-base articles), hand over, note, link a case, record a call. Opening it
 * is audited as a view of the citizen's data. A question out of reach answers 404.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const formId = z.string(missing('out_of_order')).uuid('out_of_order')

const AnswerForm = z.object({
  body: z.string(missing('required')).trim().min(1, 'required').max(ANSWER_MAX_LENGTH, 'too_long'),
  articleSlugs: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(' ').filter(Boolean) : [])),
  formId,
})
const HandoverForm = z.object({
  department: z.string(missing('required')).max(200, 'unknown'),
  handoverNote: z.string(missing('required')).trim().min(1, 'required').max(NOTE_MAX_LENGTH, 'too_long'),
  formId,
})
const NoteForm = z.object({
  note: z.string(missing('required')).trim().min(1, 'required').max(NOTE_MAX_LENGTH, 'too_long'),
  formId,
})
const LinkForm = z.object({
  caseReference: z.string(missing('required')).trim().min(1, 'required').max(40, 'unknown'),
})
/** The answer form's article search and insert, without JavaScript: what was typed comes back. */
const ArticleForm = z.object({
  body: z
    .string()
    .max(ANSWER_MAX_LENGTH * 2)
    .optional(),
  articleSlugs: z.string().max(2000).optional(),
  articleQuery: z.string().max(200).optional(),
  insertSlug: z.string().max(100).optional(),
})
const INTENTS = ['answer', 'handover', 'note', 'link'] as const
type Intent = (typeof INTENTS)[number]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, QUESTION_ROLES)
  const t = await getFixedT(request)
  const question = await readQuestionForStaff(staff, params.questionId ?? '')
  if (!question) throw notFound()
  const done = new URL(request.url).searchParams.get('gedaan')
  return json({
    question,
    departments: question.mayAct ? await listDepartments() : [],
    formId: randomUUID(),
    done: (INTENTS as readonly string[]).includes(done ?? '') ? (done as Intent) : null,
    title: t('kcc:question.title', { reference: question.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Vraag' }]
export const handle = { i18n: ['kcc', 'topics'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, QUESTION_ROLES)
  const questionId = params.questionId ?? ''
  const formData = await request.formData()
  // An article's insert button sends its slug only: that is the intent (the answer form without JavaScript).
  const intent = formData.get('insertSlug') ? 'insertArticle' : formData.get('intent')
  const refused = (submission: Parameters<typeof refusalOf>[0], refusals: Parameters<typeof refusalOf>[1] = []) =>
    json({ intent: intent as Intent, result: refusalOf(submission, refusals) }, { status: 400 })
  const done = (what: Intent) => redirect(`/medewerker/vragen/${questionId}?gedaan=${what}`)
  const outcome = async (
    submission: Parameters<typeof refusalOf>[0],
    result: Awaited<ReturnType<typeof answerQuestion>>,
    what: Intent,
    fieldOf: (field: string) => string = (f) => f,
  ) => {
    if (result.ok) return done(what)
    if (!('field' in result)) throw notFound()
    return refused(submission, [{ field: fieldOf(result.field), code: result.code }])
  }
  switch (intent) {
    case 'searchArticles':
    case 'insertArticle': {
      const parsed = ArticleForm.safeParse(Object.fromEntries(formData))
      if (!parsed.success) throw notFound()
      // Searching the knowledge base reads nothing of the citizen's: no view to audit.
      const question = await questionAccess(staff, questionId)
      if (!question?.mayAct) throw notFound()
      const form = parsed.data
      let body = form.body ?? ''
      let slugs = (form.articleSlugs ?? '').split(' ').filter(Boolean)
      const article =
        intent === 'insertArticle' && form.insertSlug
          ? await articleTextForAnswer(form.insertSlug, { language: question.language })
          : null
      if (article) {
        body = body.trim() ? `${body.trimEnd()}\n\n${article.text}` : article.text
        slugs = [...new Set([...slugs, article.slug])]
      }
      const hits = form.articleQuery
        ? await findArticlesForAnswer(form.articleQuery, { language: question.language })
        : []
      return json({
        intent: 'article' as const,
        article: { body, slugs: slugs.join(' '), query: form.articleQuery ?? '', hits, inserted: Boolean(article) },
      })
    }
    case 'answer': {
      const submission = parseFormData(formData, AnswerForm)
      if (submission.status !== 'success') return refused(submission)
      return outcome(submission, await answerQuestion(staff, questionId, submission.value), 'answer')
    }
    case 'handover': {
      const submission = parseFormData(formData, HandoverForm)
      if (submission.status !== 'success') return refused(submission)
      const { department, handoverNote, formId } = submission.value
      const result = await handOverQuestion(staff, questionId, { department, note: handoverNote, formId })
      return outcome(submission, result, 'handover', (f) => (f === 'note' ? 'handoverNote' : f))
    }
    case 'note': {
      const submission = parseFormData(formData, NoteForm)
      if (submission.status !== 'success') return refused(submission)
      return outcome(submission, await addQuestionNote(staff, questionId, submission.value), 'note')
    }
    case 'link': {
      const submission = parseFormData(formData, LinkForm)
      if (submission.status !== 'success') return refused(submission)
      return outcome(submission, await linkQuestionToCase(staff, questionId, submission.value), 'link')
    }
    default:
      throw notFound()
  }
}

export default function StaffQuestionPage() {
  const { question, done } = useLoaderData<typeof loader>()
  const { t } = useTranslation('kcc')
  return (
    <div className="prose-width space-y-8">
      <p>
        <Link to="/medewerker/vragen">
          <span aria-hidden="true">← </span>
          {t('question.back')}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl md:text-4xl">{t('question.heading', { reference: question.reference })}</h1>
        <p className="mt-2 text-xl">{t(`topics:${question.topic}.label`, { defaultValue: question.topic })}</p>
      </div>
      {done ? (
        <div role="status" className="border-l-4 border-success bg-white p-4">
          <p className="m-0 font-bold">{t(`question.done.${done}`)}</p>
        </div>
      ) : null}
      <QuestionFacts question={question} />
      <QuestionThread question={question} />
      {question.mayAct ? (
        <>
          {question.answered ? null : <AnswerSection />}
          <HandoverSection />
          <NoteSection />
          <LinkSection />
        </>
      ) : (
        <p className="border-l-4 border-info pl-3">{t('question.readOnly')}</p>
      )}
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="text-2xl">
          {t('question.contactsHeading')}
        </h2>
        {question.contacts.length ? (
          <ul className="mt-2 list-none space-y-2 p-0">
            {question.contacts.map((c) => (
              <li key={c.id} className="border-l-4 border-line pl-3">
                <p className="m-0 font-bold">
                  {t(`contact.channels.${c.channel}`, { defaultValue: c.channel })} ·{' '}
                  <DateText date={c.occurredAt.slice(0, 10)} />
                  {c.employeeName ? ` · ${c.employeeName}` : ''}
                </p>
                <p className="m-0 whitespace-pre-line">{c.summary}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('question.noContacts')}</p>
        )}
        {question.mayAct ? (
          <p className="mt-3">
            <Link to={`/medewerker/contacten/nieuw?vraag=${question.id}`}>{t('question.recordContact')}</Link>
          </p>
        ) : null}
      </section>
    </div>
  )
}

/** The action's answer for one form of the page, or null when it was for another. */
function useActionOf(intent: Intent) {
  const data = useActionData<typeof action>()
  return data && data.intent === intent && 'result' in data ? data.result : null
}

/** The answer form after an article search or insert without JavaScript: the text, the articles, the hits. */
function useArticleRoundTrip() {
  const data = useActionData<typeof action>()
  return data && data.intent === 'article' && 'article' in data ? data.article : null
}

function AnswerSection() {
  const { question, formId } = useLoaderData<typeof loader>()
  const lastResult = useActionOf('answer')
  const roundTrip = useArticleRoundTrip()
  const location = useLocation()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<z.input<typeof AnswerForm>>({
    id: 'answer',
    lastResult,
    message: (field, key) => t(`errors.${field}.${key}`, { max: ANSWER_MAX_LENGTH }),
  })
  const phone = question.answerChannel === 'phone'
  const body = roundTrip ? roundTrip.body : valueOf('body')
  const serverSlugs = roundTrip ? roundTrip.slugs : valueOf('articleSlugs')
  // The articles inserted with JavaScript since the page came; the server's are in the form already.
  const [added, setAdded] = useState<string[]>([])
  const slugs = [...new Set([...serverSlugs.split(' ').filter(Boolean), ...added])].join(' ')
  const textarea = useRef<HTMLTextAreaElement>(null)
  // With JavaScript the search and the insert go to the articles route and the text goes in at the cursor.
  const search = useFetcher<{ hits: Array<{ slug: string; title: string; summary: string }>; article: null }>()
  const insert = useFetcher<{ article: { slug: string; text: string } | null }>()
  const [query, setQuery] = useState(roundTrip?.query ?? '')
  const [announce, setAnnounce] = useState('')
  useEffect(() => {
    const article = insert.data?.article
    const area = textarea.current
    if (insert.state !== 'idle' || !article || !area) return
    const at = area.selectionStart ?? area.value.length
    const before = area.value.slice(0, at)
    const piece = `${before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''}${article.text}\n`
    area.setRangeText(piece, at, area.selectionEnd ?? at, 'end')
    area.focus()
    setAdded((s) => (s.includes(article.slug) ? s : [...s, article.slug]))
    setAnnounce(t('answer.articleInserted'))
  }, [insert.state, insert.data, t])
  const hits = search.data?.hits ?? roundTrip?.hits ?? []
  const searched = Boolean(search.data) || Boolean(roundTrip?.query)
  const articles = `/medewerker/vragen/artikelen?taal=${question.language}`
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading" className="text-2xl">
        {t('answer.heading')}
      </h2>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      {phone ? (
        <p className="mt-2 border-l-4 border-info pl-3 font-bold">
          {t('answer.callBack', { phone: question.phone ?? '' })}
        </p>
      ) : (
        <p className="mt-2">{t(`answer.via.${question.answerChannel}`)}</p>
      )}
      <Form key={`${location.key}-${roundTrip ? body.length : ''}`} method="post" noValidate className="mt-4">
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <input type="hidden" name="articleSlugs" value={slugs} />
        <fieldset className="mb-6 border-2 border-line p-4">
          <legend className="px-1 font-bold">{t('answer.articleHeading')}</legend>
          <label htmlFor="articleQuery" className="block">
            {t('answer.articleSearch')}
          </label>
          <p id="articleQuery-hint" className="m-0 text-base text-muted">
            {t('answer.articleSearchHint')}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="articleQuery"
              name="articleQuery"
              type="search"
              aria-describedby="articleQuery-hint"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className={`${inputClass} max-w-sm`}
            />
            {/* First submit button of the form: Enter in the search field searches, it never sends the answer. */}
            <button
              type="submit"
              name="intent"
              value="searchArticles"
              className="btn-secondary"
              onClick={(e) => {
                e.preventDefault()
                search.load(`${articles}&q=${encodeURIComponent(query)}`)
              }}
            >
              {t('answer.articleSearchSubmit')}
            </button>
          </div>
          {searched ? (
            hits.length ? (
              <ul className="mt-3 list-none space-y-2 p-0">
                {hits.map((h) => (
                  <li key={h.slug}>
                    <button
                      type="submit"
                      name="insertSlug"
                      value={h.slug}
                      className="btn-secondary text-left"
                      onClick={(e) => {
                        e.preventDefault()
                        insert.load(`${articles}&artikel=${encodeURIComponent(h.slug)}`)
                      }}
                    >
                      {t('answer.articleInsert', { title: h.title })}
                    </button>
                    <span className="block text-sm text-muted">{h.summary}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3">{t('answer.articleNone')}</p>
            )
          ) : null}
        </fieldset>
        <p role="status" className="sr-only">
          {announce || (roundTrip?.inserted ? t('answer.articleInserted') : '')}
        </p>
        <FormField
          id="body"
          label={phone ? t('answer.saidLabel') : t('answer.bodyLabel')}
          hint={t('answer.bodyHint', { max: ANSWER_MAX_LENGTH })}
          error={errorOf('body')}
        >
          {(p) => <textarea {...p} ref={textarea} rows={14} defaultValue={body} className={inputClass} />}
        </FormField>
        <button type="submit" name="intent" value="answer" className="btn-primary">
          {phone ? t('answer.submitPhone') : t('answer.submit')}
        </button>
      </Form>
    </section>
  )
}

function HandoverSection() {
  const { formId, departments, question } = useLoaderData<typeof loader>()
  const lastResult = useActionOf('handover')
  const location = useLocation()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<z.input<typeof HandoverForm>>({
    id: 'handover',
    lastResult,
    message: (field, key) => t(`errors.${field}.${key}`, { max: NOTE_MAX_LENGTH }),
  })
  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading" className="text-2xl">
        {t('handover.heading')}
      </h2>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <p className="mt-2">{t('handover.lead')}</p>
      <Form key={location.key} method="post" noValidate className="mt-4">
        <input type="hidden" name="intent" value="handover" />
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <FormField id="department" label={t('handover.department')} error={errorOf('department')}>
          {(p) => (
            <select {...p} defaultValue={valueOf('department')} className={`${inputClass} w-auto`}>
              <option value="">{t('handover.choose')}</option>
              {departments
                .filter((d) => d !== question.department)
                .map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField
          id="handoverNote"
          label={t('handover.note')}
          hint={t('handover.noteHint')}
          error={errorOf('handoverNote')}
        >
          {(p) => <textarea {...p} rows={4} defaultValue={valueOf('handoverNote')} className={inputClass} />}
        </FormField>
        <button type="submit" className="btn-secondary">
          {t('handover.submit')}
        </button>
      </Form>
    </section>
  )
}

function NoteSection() {
  const { formId } = useLoaderData<typeof loader>()
  const lastResult = useActionOf('note')
  const location = useLocation()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<z.input<typeof NoteForm>>({
    id: 'note',
    lastResult,
    message: (field, key) => t(`errors.${field}.${key}`, { max: NOTE_MAX_LENGTH }),
  })
  return (
    <section aria-labelledby="note-heading">
      <h2 id="note-heading" className="text-2xl">
        {t('note.heading')}
      </h2>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <Form key={location.key} method="post" noValidate className="mt-4">
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <FormField id="note" label={t('note.label')} hint={t('note.hint')} error={errorOf('note')}>
          {(p) => <textarea {...p} rows={3} defaultValue={valueOf('note')} className={inputClass} />}
        </FormField>
        <button type="submit" className="btn-secondary">
          {t('note.submit')}
        </button>
      </Form>
    </section>
  )
}

function LinkSection() {
  const { question } = useLoaderData<typeof loader>()
  const lastResult = useActionOf('link')
  const location = useLocation()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<z.input<typeof LinkForm>>({
    id: 'link',
    lastResult,
    message: (field, key) => t(`errors.${field}.${key}`),
  })
  if (!question.known) return null
  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading" className="text-2xl">
        {t('link.heading')}
      </h2>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <Form key={location.key} method="post" noValidate className="mt-4">
        <input type="hidden" name="intent" value="link" />
        <FormField id="caseReference" label={t('link.label')} hint={t('link.hint')} error={errorOf('caseReference')}>
          {(p) => (
            <input
              {...p}
              type="text"
              spellCheck={false}
              defaultValue={valueOf('caseReference') || question.caseLink?.reference || ''}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <button type="submit" className="btn-secondary">
          {t('link.submit')}
        </button>
      </Form>
    </section>
  )
}
