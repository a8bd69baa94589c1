import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { errorSummaryItems } from '~/components/eloket/messages'
import { QuestionPage } from '~/components/eloket/question-page'
import { fileSize } from '~/components/document-list'
import { draftExpiresAt, UPLOAD_QUOTA_MB } from '~/domain/drafts'
import { serviceByCode, type FormValues } from '~/domain/eloket/engine'
import type { Question } from '~/domain/eloket/form'
import { isLanguage } from '~/domain/language'
import { localDateOf } from '~/domain/local-date'
import { requireCitizen } from '~/services/auth/guards.server'
import { getApplicationPage, saveApplicationPage } from '~/services/eloket/drafts.server'
import { getLanguage } from '~/services/i18n.server'
import { readUploadForm } from '~/services/uploads/index.server'
import { notFound } from '~/responses'

/**
 * One page of an application (one topic per page, GOV.UK): the engine's questions
 * (`QuestionPage`) inside this form, saved to the draft on **Opslaan en doorgaan**. A refused
 * answer brings the page back (400) with what was typed and a message at the field and in the
 * summary. A page with a file question posts multipart (its rule is in server/limits.ts); the
 * files that pass are kept even when something else on the page is refused.
 * `?anders=1`: the citizen answers a question the municipality could answer (a known licence
 * plate that is not right). `?terug=controleren`: came from the check page, goes back there.
 */
const base = (code: string, id: string) => `/mijn/aanvragen/${code}/${id}`

function notDraft(code: string, id: string, status: string): Response {
  return redirect(`${base(code, id)}/${status === 'submitted' ? 'verstuurd' : 'controleren'}`)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '', pageId = '' } = params
  const url = new URL(request.url)
  const anders = url.searchParams.get('anders') === '1'
  const [view, lang] = await Promise.all([
    getApplicationPage(citizen, code, id, pageId, { anders }),
    getLanguage(request),
  ])
  if (view.status === 'not_found') throw notFound()
  if (view.status === 'not_draft') throw notDraft(code, id, view.app.status)
  const page = view.app.service.pages.find((p) => p.id === pageId)!
  return json({
    code: view.app.service.code,
    id: view.app.id,
    pageId,
    answers: view.app.answers,
    ctx: view.ctx,
    files: view.files,
    previousPageId: view.previousPageId,
    keptUntil: draftExpiresAt(view.app.updatedAt).toISOString(),
    anders,
    fromCheck: url.searchParams.get('terug') === 'controleren',
    title: `${page.title[lang]} – ${view.app.service.title[lang]}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn aanvragen' }]
export const handle = { i18n: ['eloket', 'uploads'] }

/** Fields of the form that are not answers: the kept files ticked for removal. */
const RESERVED = new Set(['removeFile'])
const Reserved = z.object({ removeFile: z.array(z.string().max(100)).max(20).default([]) })

/** What a form posted, as the engine reads it: one value, or several for checkboxes. */
function formValues(data: FormData, skip: ReadonlySet<string>): FormValues {
  const values: FormValues = {}
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string' || RESERVED.has(name) || skip.has(name)) continue
    const had = values[name]
    values[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value]
  }
  return values
}

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '', pageId = '' } = params
  const service = serviceByCode(code)
  const page = service?.pages.find((p) => p.id === pageId)
  if (!page) throw notFound()
  const url = new URL(request.url)
  const anders = url.searchParams.get('anders') === '1'
  const fromCheck = url.searchParams.get('terug') === 'controleren'
  const fileQuestion = page.questions.find((q): q is Extract<Question, { kind: 'file' }> => q.kind === 'file')
  const { data, files } = fileQuestion
    ? await readUploadForm(request, { fileField: fileQuestion.id })
    : { data: await request.formData(), files: [] }
  const reserved = Reserved.safeParse({ removeFile: data.getAll('removeFile') })
  if (!reserved.success) throw new Response(null, { status: 400 })
  const result = await saveApplicationPage(
    citizen,
    code,
    id,
    pageId,
    {
      values: formValues(data, new Set(fileQuestion ? [fileQuestion.id] : [])),
      uploads: files,
      removeFiles: reserved.data.removeFile,
      anders,
      fromCheck,
    },
    { language: await getLanguage(request) },
  )
  switch (result.status) {
    case 'not_found':
      throw notFound()
    case 'not_draft':
      throw notDraft(code, id, result.app.status)
    case 'saved':
      return redirect(
        result.nextPageId
          ? `${base(code, id)}/${result.nextPageId}${fromCheck ? '?terug=controleren' : ''}`
          : `${base(code, id)}/controleren`,
      )
    case 'invalid':
      return json(
        { answers: result.answers, errors: result.errors, refusedFiles: result.refusedFiles, files: result.files },
        { status: 400 },
      )
  }
}

export default function ApplicationPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('eloket')
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  const { pathname, search } = useLocation()
  const service = serviceByCode(data.code)!
  const page = service.pages.find((p) => p.id === data.pageId)!
  const answers = actionData?.answers ?? data.answers
  const errors = actionData?.errors ?? []
  const files = actionData?.files ?? data.files
  const refusedFiles = actionData?.refusedFiles ?? []
  const fileMessage = (r: (typeof refusedFiles)[number]) =>
    r.code === 'quota_exceeded'
      ? t('page.quota_exceeded', { file: r.name, quota: UPLOAD_QUOTA_MB })
      : t(`uploads:errors.${r.code}`, { file: r.name })
  const summary = [
    ...errorSummaryItems(service, errors, lang, t),
    ...refusedFiles.map((r) => ({ field: r.question, message: fileMessage(r) })),
  ]
  // Above a file question's input: the files kept with the draft (each can be ticked for
  // removal) and why a file just sent was refused.
  const fileList = (questionId: string) => {
    const kept = files.filter((f) => f.question === questionId)
    const refused = refusedFiles.filter((r) => r.question === questionId)
    if (!kept.length && !refused.length) return null
    return (
      <div className="mb-3">
        {refused.map((r, index) => (
          <p key={index} className="m-0 font-bold text-danger">
            {fileMessage(r)}
          </p>
        ))}
        {kept.length ? (
          <fieldset className="mt-2">
            <legend className="font-bold">{t('page.keptFiles')}</legend>
            <ul className="mt-1 space-y-2">
              {kept.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    {f.name} <span className="text-muted">({fileSize(f.size, lang)})</span>
                  </span>
                  <span className="flex items-center gap-2">
                    <input type="checkbox" id={`remove-${f.id}`} name="removeFile" value={f.id} className="h-6 w-6" />
                    <label htmlFor={`remove-${f.id}`}>{t('page.removeFile', { name: f.name })}</label>
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
      </div>
    )
  }
  const hasFile = page.questions.some((q) => q.kind === 'file')
  const back = data.previousPageId
    ? `${base(data.code, data.id)}/${data.previousPageId}`
    : data.fromCheck
      ? `${base(data.code, data.id)}/controleren`
      : `/mijn/aanvragen/${data.code}`
  return (
    <div className="prose-width">
      <p>
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {t('page.back')}
        </Link>
      </p>
      <p className="mt-4 text-muted">{service.title[lang]}</p>
      <h1 className="text-3xl md:text-4xl">{page.title[lang]}</h1>
      <ErrorSummary title={t('page.errorTitle')} errors={summary} />
      <Form
        method="post"
        action={`${pathname}${search}`}
        encType={hasFile ? 'multipart/form-data' : undefined}
        noValidate
        className="mt-6"
      >
        <QuestionPage
          service={service}
          page={page}
          answers={answers}
          errors={errors}
          lang={lang}
          ctx={data.ctx}
          askKnown={data.anders}
          fileList={fileList}
        />
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('page.continue')}
          </button>
          <Link to="/mijn/aanvragen">{t('page.later')}</Link>
        </div>
      </Form>
      <p className="mt-6 text-muted">
        {t('page.saved', { date: formatLocalDate(localDateOf(new Date(data.keptUntil)), lang) })}
      </p>
    </div>
  )
}
