import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { fileSize } from '~/components/document-list'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useSubmissionErrors } from '~/components/stable-value'
import { useGovForm } from '~/components/use-gov-form'
import { MAX_GROUNDS_LENGTH, MAX_LATE_REASON_LENGTH, MAX_OBJECTION_UPLOAD_BYTES } from '~/domain/objection'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { getObjectionForm, saveObjectionDraft } from '~/services/objections/draft.server'
import { readUploadForm } from '~/services/uploads/index.server'
import { notFound } from '~/responses'
import { UPLOAD_ACCEPT } from '~/domain/uploads'

/**
 * "Bezwaar maken" (Awb 6:4): why the citizen disagrees, why late if the term has passed
 * (Awb 6:11), and up to five documents. The form posts multipart/form-data to this path
 * (/mijn/zaken/:caseId/bezwaar), works without JavaScript, and keeps what is right: the text
 * typed and every file that passes; a refused file is named at the field. Then "Controleer uw
 * gegevens" sends it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const form = await getObjectionForm(citizen, params.caseId ?? '', lang)
  // Not theirs, unknown, or nothing to object to (no decision, a withdrawal, an objection's own decision).
  if (form.status === 'not_found' || form.status === 'not_objectable') throw notFound()
  if (form.status === 'existing') return json({ form, title: t('objections:form.existingTitle') })
  return json({ form, title: t('objections:form.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Bezwaar maken' }]
export const handle = { i18n: 'objections' }

/**
 * The form's shape (README, "Forms"). Every field may be left out: what the answers mean — the
 * grounds given (Awb 6:5), the reason for lateness (Awb 6:11), the files by their content and
 * size — the service judges, and it keeps what is right. conform hands an empty field over as
 * undefined; of a field sent twice (no form of ours does) the first counts.
 */
const text = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v ?? ''),
)
const ObjectionForm = z.object({
  grounds: text,
  lateReason: text,
  /** The kept files the citizen ticked to remove. */
  removeFile: z
    .array(z.string())
    .optional()
    .catch(undefined)
    .transform((v) => v ?? []),
})

type Fields = z.input<typeof ObjectionForm>

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  // The files stream in; past 10 MB together they are counted, not kept (app/services/uploads).
  const { data, files } = await readUploadForm(request, {
    fileField: 'attachments',
    maxTotalBytes: MAX_OBJECTION_UPLOAD_BYTES,
  })
  // The body is read already (the files streamed into `received`): parseForm's half for FormData.
  const submission = parseWithZod(data, { schema: ObjectionForm })
  // The schema refuses nothing (see above); this only narrows the type.
  if (submission.status !== 'success') throw new Response(null, { status: 400 })
  const { grounds, lateReason, removeFile } = submission.value
  const caseId = params.caseId ?? ''
  const result = await saveObjectionDraft(citizen, caseId, { grounds, lateReason }, files, {
    removeFiles: removeFile,
  })
  switch (result.status) {
    case 'not_found':
    case 'not_objectable':
      throw notFound()
    case 'existing':
      return redirect(`/mijn/zaken/${caseId}/bezwaar`)
    case 'saved':
      return redirect(`/mijn/zaken/${caseId}/bezwaar/controleren`)
    case 'invalid': {
      // As formRefused answers (app/form.server.ts), with beside it the files kept with the draft
      // (listed again above the field) and the name of each refused file, for its message.
      const fieldErrors: Record<string, string[]> = {}
      for (const { field, code } of result.errors) (fieldErrors[field] ??= []).push(code)
      return json(
        {
          result: submission.reply({ fieldErrors }),
          kept: result.files,
          refusedFiles: result.errors.flatMap((e) =>
            e.field === 'attachments' ? [{ code: e.code, file: e.file }] : [],
          ),
        },
        { status: result.errors.some((e) => e.code === 'files_too_large') ? 413 : 400 },
      )
    }
  }
}

export default function ObjectionFormPage() {
  const { form } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('objections')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const draft = form.status === 'open' ? form.draft : null
  const message = (field: string, key: string, params: Record<string, string | number> = {}) =>
    t(`errors.${key}`, { ...params, max: field === 'lateReason' ? MAX_LATE_REASON_LENGTH : MAX_GROUNDS_LENGTH })
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'objection',
    lastResult: actionData?.result,
    defaultValue: { grounds: draft?.grounds ?? '', lateReason: draft?.lateReason ?? '' },
    message,
  })
  // Every refused file has a message of its own, at the field and in the summary.
  const fileErrors = (actionData?.refusedFiles ?? []).map((r) =>
    message('attachments', r.code, r.file ? { file: r.file } : {}),
  )
  const errors = useSubmissionErrors(
    summary.flatMap((item) =>
      item.field === 'attachments' ? fileErrors.map((m) => ({ field: 'attachments', message: m })) : [item],
    ),
    actionData,
  )
  // The files sent are kept (listed above the field) or refused (named in the error): either
  // way the picker starts empty again, as it does when the server sends the page back.
  const fileInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (fileInput.current) fileInput.current.value = ''
  }, [actionData])

  if (form.status === 'existing') {
    return (
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('form.existingHeading')}</h1>
        <p className="mt-4">{t('form.existingText', { reference: form.reference })}</p>
        <p className="mt-6">
          <Link to={`/mijn/zaken/${form.caseId}`} className="btn-primary">
            {t('form.existingLink')}
          </Link>
        </p>
      </div>
    )
  }

  const { decision, term, late } = form
  const files = actionData?.kept ?? draft?.files ?? []
  return (
    <div className="prose-width">
      <p>
        <Link to={`/mijn/zaken/${decision.caseId}`}>
          <span aria-hidden="true">← </span>
          {t('form.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('form.heading')}</h1>
      <ErrorSummary title={t('form.errorTitle')} errors={errors} />
      <p className="mt-3">
        {t('form.lead', { caseType: decision.caseType, reference: decision.reference, date: date(decision.decidedOn) })}
      </p>
      {late ? (
        <div className="mt-4 border-l-8 border-warning bg-surface p-4">
          <h2 className="text-xl">{t('form.termPassedHeading')}</h2>
          <p className="mt-2">{t('form.termPassed', { date: date(term.endsOn) })}</p>
        </div>
      ) : (
        <p className="mt-2 font-bold">{t('form.termOpen', { date: date(term.endsOn) })}</p>
      )}
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6">
        <FormField id="grounds" label={t('form.grounds')} hint={t('form.groundsHint')} error={errorOf('grounds')}>
          {(p) => <textarea {...p} rows={8} defaultValue={valueOf('grounds')} className={inputClass} />}
        </FormField>
        {late ? (
          <FormField
            id="lateReason"
            label={t('form.lateReason')}
            hint={t('form.lateReasonHint')}
            error={errorOf('lateReason')}
          >
            {(p) => <textarea {...p} rows={3} defaultValue={valueOf('lateReason')} className={inputClass} />}
          </FormField>
        ) : null}
        {files.length ? (
          <fieldset className="mb-6">
            <legend className="font-bold">{t('form.keptHeading')}</legend>
            <ul className="mt-2 space-y-2">
              {files.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    {f.name} <span className="text-muted">({fileSize(f.size, i18n.language)})</span>
                  </span>
                  <span className="flex items-center gap-2">
                    <input type="checkbox" id={`remove-${f.id}`} name="removeFile" value={f.id} className="h-6 w-6" />
                    <label htmlFor={`remove-${f.id}`}>{t('form.remove', { name: f.name })}</label>
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <FormField
          id="attachments"
          label={t('form.attachments')}
          hint={t('form.attachmentsHint')}
          error={fileErrors.length ? fileErrors.join('. ') : undefined}
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              multiple
              accept={UPLOAD_ACCEPT}
              className="block w-full max-w-xl text-lg"
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('form.continue')}
          </button>
          <Link to={`/mijn/zaken/${decision.caseId}`}>{t('form.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
