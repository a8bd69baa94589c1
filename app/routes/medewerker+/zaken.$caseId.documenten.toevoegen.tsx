import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { ADDABLE_DOCUMENT_KINDS, DOCUMENT_TITLE_MAX } from '~/domain/documents'
import { UPLOAD_ACCEPT, UPLOAD_REFUSALS, type UploadRefusal } from '~/domain/uploads'
import { formRefused, parseFormData } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getCaseForStaff } from '~/services/cases/access.server'
import { newFormEventId } from '~/services/cases/results.server'
import { addDocumentForStaff } from '~/services/documents/add.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { checkUploads, readUploadForm } from '~/services/uploads/index.server'
import { notFound } from '~/responses'

/**
 * A caseworker adds a document to a case they handle: a title, its kind and one file (PDF,
 * JPEG or PNG by content, at most 10 MB). Multipart, without JavaScript too; a refused file is
 * named at the field and the typed title stays. The hidden form id makes a double submit add it once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const view = await getCaseForStaff(staff, params.caseId ?? '', { lang })
  if (!view) throw notFound()
  return json({
    caseId: view.id,
    reference: view.reference,
    caseType: view.caseType,
    formId: newFormEventId(),
    title: `${t('documents:add.title')} – ${view.reference}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['documents', 'uploads'] }

const AddDocumentForm = z.object({
  title: z.string({ required_error: 'required' }).trim().min(1, 'required').max(DOCUMENT_TITLE_MAX, 'tooLong'),
  kind: z.enum(ADDABLE_DOCUMENT_KINDS, { errorMap: () => ({ message: 'chooseOne' }) }),
  formId: z.string({ required_error: 'required' }).uuid('required'),
})

type Fields = { title: string; kind: string; file: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const { data, files } = await readUploadForm(request, { fileField: 'file' })
  const submission = parseFormData(data, AddDocumentForm)
  const { accepted, refused } = checkUploads(files, { maxFiles: 1 })
  const fileRefusals = [
    ...refused.map((r) => ({ field: 'file', code: r.code, params: { file: r.name } })),
    ...(files.length === 0 ? [{ field: 'file', code: 'file_required' }] : []),
  ]
  if (submission.status !== 'success' || fileRefusals.length > 0) {
    const status = refused.some((r) => r.code === 'file_too_large') ? 413 : 400
    return formRefused(submission, fileRefusals, status)
  }
  const { title, kind, formId } = submission.value
  const result = await addDocumentForStaff(staff, params.caseId ?? '', { title, kind, formId, file: accepted[0] })
  if (!result.ok) {
    // Another department's case, as one that does not exist; a reused form id is not our form.
    if (result.code === 'case_not_found') throw notFound()
    return formRefused(submission, [{ field: 'file', code: 'already_sent' }], 409)
  }
  return redirect(`/medewerker/zaken/${result.caseId}?document=toegevoegd#documents-heading`)
}

export default function AddDocumentPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('documents')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'add-document',
    lastResult: actionData,
    message: (_field, key, params) =>
      UPLOAD_REFUSALS.includes(key as UploadRefusal)
        ? t(`uploads:errors.${key}`, params)
        : t(`add.errors.${key}`, params),
  })
  const kindError = errorOf('kind')
  return (
    <div className="prose-width">
      <p>
        <Link to={`/medewerker/zaken/${data.caseId}`}>
          <span aria-hidden="true">← </span>
          {data.reference}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl">{t('add.title')}</h1>
      <p className="mt-2 text-muted">
        {data.reference}: {data.caseType}
      </p>
      <p className="mt-4">{t('add.intro')}</p>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6">
        <ErrorSummary title={t('add.errorTitle')} errors={summary} />
        <input type="hidden" name="formId" value={data.formId} />
        <FormField id="title" label={t('add.titleLabel')} hint={t('add.titleHint')} error={errorOf('title')}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={DOCUMENT_TITLE_MAX}
              defaultValue={valueOf('title')}
              className={inputClass}
            />
          )}
        </FormField>
        <fieldset
          className={`mb-6 ${kindError ? 'border-l-4 border-danger pl-4' : ''}`}
          aria-describedby={kindError ? 'kind-error' : undefined}
        >
          <legend className="font-bold">{t('add.kindLabel')}</legend>
          {kindError ? (
            <p id="kind-error" className="m-0 font-bold text-danger">
              {kindError}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {ADDABLE_DOCUMENT_KINDS.map((kind, i) => (
              <div key={kind} className="flex items-center gap-3">
                {/* The first radio carries the field's id, so the error summary's link lands on it. */}
                <input
                  type="radio"
                  id={i === 0 ? 'kind' : `kind-${kind}`}
                  name="kind"
                  value={kind}
                  defaultChecked={valueOf('kind') === kind}
                  className="h-6 w-6"
                />
                <label htmlFor={i === 0 ? 'kind' : `kind-${kind}`}>{t(`kind.${kind}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField id="file" label={t('add.fileLabel')} hint={t('add.fileHint')} error={errorOf('file')}>
          {(p) => <input {...p} type="file" accept={UPLOAD_ACCEPT} className="block w-full text-lg" />}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('add.submit')}
          </button>
          <Link to={`/medewerker/zaken/${data.caseId}`}>{t('add.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
