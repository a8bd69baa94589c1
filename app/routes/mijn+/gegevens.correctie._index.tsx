import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { parseFormData, refusalOf } from '~/form.server'
import { DRAFT_LIFETIME_DAYS, UPLOAD_QUOTA_MB } from '~/domain/drafts'
import { requireCitizen } from '~/services/auth/guards.server'
import { getCorrectionForm, saveCorrectionDraft } from '~/services/requests/corrections.server'
import { readUploadForm } from '~/services/uploads/index.server'
import { getFixedT } from '~/services/i18n.server'
import { correctionWizard } from '~/flows'

/**
 * Correction request (Wet BRP art. 2.58): which item is wrong, the right value, why, and optional
 * evidence. The form posts multipart/form-data; it works without JavaScript. The answers become
 * a draft (a random id in the URL, nothing else) and the check page sends it.
 */
const Query = z.object({ gegeven: z.string().max(40).optional().catch(undefined) })

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { gegeven } = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const form = await getCorrectionForm(citizen, correctionWizard.read(request).draftId)
  const t = await getFixedT(request)
  return json({ ...form, preselect: gegeven ?? null, title: t('mydata:correction.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Correctie aanvragen' }]
export const handle = { i18n: 'mydata' }

const Fields = z.object({
  field: z.string().max(40).catch(''),
  proposedValue: z.string().max(10_000).catch(''),
  explanation: z.string().max(20_000).catch(''),
  removeEvidence: z.literal('on').optional().catch(undefined),
})
type Fields = z.input<typeof Fields>

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  // The evidence streams in; past 10 MB it is counted, not kept (app/services/uploads), so the
  // form comes back with everything typed and one message at the file.
  const { data, files } = await readUploadForm(request, { fileField: 'evidence' })
  const upload = files[0] ?? null
  const { draftId } = correctionWizard.read(data)
  // The file was taken out by the upload handler above; the field holds its name only.
  const submission = parseFormData(data, Fields)
  // The schema catches every field, so a submission is always a value; the check is for the types.
  if (submission.status !== 'success') throw new Response(null, { status: 400 })
  const { removeEvidence, ...values } = submission.value
  const result = await saveCorrectionDraft(citizen, draftId, values, upload, {
    removeEvidence: removeEvidence === 'on',
  })
  if (!result.ok) {
    const refusals = result.errors.map((e) => ({ field: e.field, code: e.error }))
    return json(
      {
        // The page again with what was typed and the service's messages; the file itself cannot
        // come back (a file input cannot be filled in), so the page names the one kept.
        result: refusalOf(submission, refusals, { hideFields: ['evidence'] }),
        keptEvidence: result.keptEvidence,
        fileChosen: upload !== null,
        id: draftId,
      },
      { status: result.errors.some((e) => e.field === 'evidence' && e.error === 'too_large') ? 413 : 400 },
    )
  }
  return redirect(correctionWizard.next('form', result.id, false))
}

function sizeText(bytes: number, language: string): string {
  const kb = bytes / 1024
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
  return kb < 1024 ? `${n.format(kb)} kB` : `${n.format(kb / 1024)} MB`
}

export default function CorrectionRequest() {
  const { items, draft, preselect } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('mydata')
  const { valueOf, errorOf, summary } = useGovForm<Fields & { evidence: string }>({
    id: 'correction',
    lastResult: actionData?.result,
    defaultValue: {
      field: draft?.field ?? (items.some((i) => i.field === preselect) ? (preselect ?? '') : ''),
      proposedValue: draft?.proposedValue ?? '',
      explanation: draft?.explanation ?? '',
    },
    message: (field, key) => t(`errors.${field}.${key}`, { quota: UPLOAD_QUOTA_MB }),
  })
  const kept = actionData ? actionData.keptEvidence : (draft?.evidence ?? null)
  const fieldError = errorOf('field')
  const chooseAgain = actionData?.fileChosen && !errorOf('evidence')
  const evidenceHint = [
    t('correction.evidenceHint'),
    kept ? t('correction.evidenceReplace') : null,
    chooseAgain ? t('correction.evidenceAgain') : null,
  ]
    .filter(Boolean)
    .join(' ')
  const current = (value: string | null, field: string) =>
    value === null || value === ''
      ? t('common.nothing')
      : field === 'birth_date'
        ? formatLocalDate(value, i18n.language)
        : value
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/gegevens">
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('correction.heading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{t('correction.lead')}</p>
      <p className="mt-2">{t('common.draftKept', { days: DRAFT_LIFETIME_DAYS })}</p>
      <p className="mt-2">
        {t('correction.addressNote')} <Link to="/mijn/gegevens/verhuizen">{t('overview.moveLink')}</Link>
      </p>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6">
        {correctionWizard.hidden({ draftId: actionData?.id ?? draft?.id ?? null })}
        <fieldset
          aria-describedby={fieldError ? 'field-error' : undefined}
          className={`mb-6 ${fieldError ? 'border-l-4 border-danger pl-4' : ''}`}
        >
          <legend className="font-bold">{t('correction.fieldLegend')}</legend>
          {fieldError ? (
            <p id="field-error" className="m-0 font-bold text-danger">
              {fieldError}
            </p>
          ) : null}
          <div className="mt-2 space-y-3">
            {items.map((item, i) => (
              <div key={item.field} className="flex items-start gap-3">
                <input
                  type="radio"
                  id={i === 0 ? 'field' : `field-${item.field}`}
                  name="field"
                  value={item.field}
                  defaultChecked={valueOf('field') === item.field}
                  className="mt-1 h-6 w-6 shrink-0"
                />
                <label htmlFor={i === 0 ? 'field' : `field-${item.field}`}>
                  {t(`items.${item.field}`)}{' '}
                  <span className="text-muted">
                    ({t('correction.now', { current: current(item.current, item.field) })})
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id="proposedValue"
          label={t('correction.proposedValue')}
          hint={t('correction.proposedValueHint')}
          error={errorOf('proposedValue')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              defaultValue={valueOf('proposedValue')}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField
          id="explanation"
          label={t('correction.explanation')}
          hint={t('correction.explanationHint')}
          error={errorOf('explanation')}
        >
          {(p) => <textarea {...p} rows={5} defaultValue={valueOf('explanation')} className={inputClass} />}
        </FormField>
        <FormField id="evidence" label={t('correction.evidence')} hint={evidenceHint} error={errorOf('evidence')}>
          {(p) => (
            <>
              {kept ? (
                <p className="mb-2">
                  {t('correction.evidenceKept', { name: kept.name, size: sizeText(kept.size, i18n.language) })}
                </p>
              ) : null}
              <input
                {...p}
                type="file"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                className="block w-full max-w-xl text-lg"
              />
              {kept ? (
                <div className="mt-2 flex items-center gap-3">
                  <input type="checkbox" id="removeEvidence" name="removeEvidence" className="h-6 w-6" />
                  <label htmlFor="removeEvidence">{t('correction.evidenceRemove')}</label>
                </div>
              ) : null}
            </>
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('correction.continue')}
          </button>
          <Link to="/mijn/gegevens">{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
