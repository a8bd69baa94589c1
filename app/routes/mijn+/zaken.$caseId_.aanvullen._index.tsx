import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { EVENT_TEXT_LIMITS } from '~/domain/case-events'
import { UPLOAD_ACCEPT } from '~/domain/uploads'
import { parseFormData, refusalOf } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { answerInformationRequest, getInformationRequestForCitizen } from '~/services/cases/information.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { checkUploads, readUploadForm } from '~/services/uploads/index.server'
import { notFound } from '~/responses'

/**
 * "Informatie sturen": the answer to a request for information (Awb 4:15), in words, in files
 * (PDF, JPG, PNG; app/domain/uploads.ts) or both. Multipart, to this path
 * (/mijn/zaken/:caseId/aanvullen; its body rule is in server/limits.ts), and without JavaScript
 * too. A refused file refuses the whole answer — nothing is stored half — with a message at the
 * field per file and the typed text kept. The hidden form id makes a double submit one event.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const lookup = await getInformationRequestForCitizen(citizen, params.caseId ?? '', { lang })
  // Another citizen's case, an unknown and a malformed id: the same 404.
  if (lookup.status === 'not_found') throw notFound()
  if (lookup.status === 'not_waiting')
    return json({ lookup, formId: null, title: t('information:notWaiting.title', { reference: lookup.reference }) })
  return json({
    lookup,
    formId: newFormEventId(),
    title: t('information:form.title', { reference: lookup.request.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Informatie sturen' }]
export const handle = { i18n: ['information', 'uploads'] }

/** The form's shape (README, "Forms"); whether there is anything to send is the service's to judge. */
const AnswerForm = z.object({
  answer: z
    .string()
    .max(EVENT_TEXT_LIMITS.answer, 'tooLong')
    .optional()
    .transform((v) => v ?? ''),
  formId: z.string().uuid('out_of_order'),
})
type Fields = z.input<typeof AnswerForm>

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const { data, files } = await readUploadForm(request, { fileField: 'files' })
  const submission = parseFormData(data, AnswerForm)
  if (submission.status !== 'success') return json({ result: refusalOf(submission), notSaved: false }, { status: 400 })
  const { accepted, refused } = checkUploads(files)
  if (refused.length > 0) {
    const refusals = refused.map((r) => ({ field: 'files', code: r.code, params: { file: r.name } }))
    const status = refused.some((r) => r.code === 'file_too_large') ? 413 : 400
    return json({ result: refusalOf(submission, refusals), notSaved: false }, { status })
  }
  const { answer, formId } = submission.value
  const result = await answerInformationRequest(citizen, caseId, { answer, files: accepted }, { formId })
  if (result.ok) return redirect(`/mijn/zaken/${result.caseId}/aanvullen/verstuurd`)
  switch (result.code) {
    case 'case_not_found':
      throw notFound()
    case 'answer_empty':
      return json({ result: refusalOf(submission, [{ field: 'answer', code: result.code }]), notSaved: false }, 400)
    case 'not_suspended':
      // Another tab sent its answer first, or the case was decided meanwhile: the page now says so.
      return json({ result: null, notSaved: true }, { status: 409 })
  }
}

export default function AnswerInformationPage() {
  const { lookup, formId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('information')
  const { t: tu } = useTranslation('uploads')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const { errorOf, messagesOf, valueOf, summary } = useGovForm<Fields & { files: string }>({
    id: 'information-answer',
    lastResult: actionData?.result,
    message: (field, key, params) =>
      field === 'files' ? tu(`errors.${key}`, params) : t(`errors.${key}`, { max: EVENT_TEXT_LIMITS.answer }),
    everyMessage: true,
  })
  // A refused file must be chosen again: the picker starts empty, as after the server's answer.
  const fileInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (fileInput.current) fileInput.current.value = ''
  }, [actionData])

  if (lookup.status !== 'waiting') {
    return (
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('notWaiting.heading')}</h1>
        {actionData?.notSaved ? (
          <p role="alert" className="mt-4 border-l-4 border-danger pl-3 font-bold">
            {t('notWaiting.notSaved')}
          </p>
        ) : null}
        <p className="mt-4">
          {t('notWaiting.text', { reference: lookup.reference, date: date(lookup.decisionDueOn) })}
        </p>
        <p className="mt-6">
          <Link to={`/mijn/zaken/${lookup.caseId}`} className="btn-primary">
            {t('notWaiting.back')}
          </Link>
        </p>
      </div>
    )
  }

  const request = lookup.request
  const fileErrors = messagesOf('files')
  return (
    <div className="prose-width">
      <p>
        <Link to={`/mijn/zaken/${request.caseId}`}>
          <span aria-hidden="true">← </span>
          {t('form.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('form.heading')}</h1>
      <ErrorSummary title={t('form.errorTitle')} errors={summary} />
      <p className="mt-3">{t('form.lead', { caseType: request.caseType, reference: request.reference })}</p>
      <p className="mt-1 border-l-4 border-line pl-3 whitespace-pre-line">{request.information}</p>
      <p className="mt-3 font-bold">
        {request.respondByPassed
          ? t('panel.respondByPassed', { date: date(request.respondBy) })
          : t('panel.respondBy', { date: date(request.respondBy) })}
      </p>
      <p className="mt-2">{t('form.dateNow', { date: date(request.decisionDueOn) })}</p>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6">
        <input type="hidden" name="formId" value={formId ?? ''} />
        <p className="mb-4">{t('form.atLeastOne')}</p>
        <FormField id="answer" label={t('form.answer')} hint={t('form.answerHint')} error={errorOf('answer')}>
          {(p) => <textarea {...p} rows={8} defaultValue={valueOf('answer')} className={inputClass} />}
        </FormField>
        <FormField
          id="files"
          label={t('form.files')}
          hint={tu('hint')}
          error={fileErrors.length ? fileErrors.join(' ') : undefined}
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              multiple
              accept={UPLOAD_ACCEPT}
              className="block w-full text-lg"
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('form.send')}
          </button>
          <Link to={`/mijn/zaken/${request.caseId}`}>{t('form.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
