import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { eventDataSchemas, type CaseEventInput } from '~/domain/case-events'
import { OUTCOMES } from '~/domain/case-terms'
import { formRefused, parseForm, parseFormData } from '~/form.server'
import { OBJECTION_CASE_TYPE } from '~/domain/objection'
import { requireStaff } from '~/services/auth/guards.server'
import { getCaseForStaff, recordCaseEventForStaff } from '~/services/cases/access.server'
import { caseFailureStatus, newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { UPLOAD_REFUSALS, type UploadRefusal } from '~/domain/uploads'
import { checkUploads, readUploadForm, type ReceivedFile } from '~/services/uploads/index.server'
import { notFound } from '~/responses'

/**
 * One form per case action (GOV.UK: one thing per page): next step, request information
 * (suspend, Awb 4:15), resume, extend (Awb 4:14), decide, close. Every one records its event
 * through the same service as the back-office API. A hidden form id is the event's id, so a
 * double submit records it once.
 */
const ACTIONS = ['volgende-stap', 'informatie-opvragen', 'hervatten', 'verdagen', 'besluiten', 'sluiten'] as const
type CaseAction = (typeof ACTIONS)[number]

// The schemas are the domain's (app/domain/case-events.ts), with the page's message keys; they are
// built in the browser too, where every *.server module is empty.
const eventData = eventDataSchemas({
  required: 'required',
  tooLong: 'tooLong',
  invalidDate: 'invalidDate',
  chooseOne: 'chooseOne',
  asForm: true,
})

/** The event each action records. */
const EVENT_OF = {
  'volgende-stap': 'step_reached',
  'informatie-opvragen': 'suspended',
  hervatten: 'resumed',
  verdagen: 'extended',
  besluiten: 'decided',
  sluiten: 'closed',
} as const satisfies Record<CaseAction, CaseEventInput['type']>

/** The fields of each action's form. */
const FIELDS: Record<CaseAction, readonly string[]> = {
  'volgende-stap': ['step'],
  'informatie-opvragen': ['information', 'respondBy'],
  hervatten: ['note'],
  verdagen: ['reason'],
  besluiten: ['outcome', 'summary', 'reasons', 'citizenOptions', 'decisionFile'],
  sluiten: ['note'],
}

type Fields = {
  step: string
  information: string
  respondBy: string
  note: string
  reason: string
  outcome: string
  summary: string
  reasons: string
  citizenOptions: string
  decisionFile: string
}

function parseAction(value: string | undefined): CaseAction {
  if (!ACTIONS.includes(value as CaseAction)) throw notFound()
  return value as CaseAction
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const action = parseAction(params.action)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const view = await getCaseForStaff(staff, params.caseId ?? '', { lang })
  if (!view) throw notFound()
  return json({
    action,
    formId: newFormEventId(),
    caseId: view.id,
    reference: view.reference,
    caseType: view.caseType,
    nextSteps: view.possible.nextSteps,
    extension: view.possible.extension,
    objectionCase: view.caseTypeCode === OBJECTION_CASE_TYPE,
    title: `${t(`cases:staff.action.${action}`)} – ${view.reference}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['cases', 'documents', 'uploads'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const action = parseAction(params.action)
  const caseId = params.caseId ?? ''
  // The decision form may carry the decision as a PDF (multipart); every other form is plain.
  const upload =
    action === 'besluiten' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')
      ? await readUploadForm(request, { fileField: 'decisionFile' })
      : null
  const schema = eventData[EVENT_OF[action]]
  const submission = upload ? parseFormData(upload.data, schema) : await parseForm(request, schema)
  // The hidden form id is the event's source id; without a valid one the form was not ours.
  const formId = z.string().uuid().safeParse(submission.payload.formId)
  const decisionFile = decisionFileOf(upload?.files ?? [])
  if (submission.status !== 'success' || !formId.success || !decisionFile.ok)
    return formRefused(submission, [
      ...(formId.success ? [] : [{ field: FIELDS[action][0], code: 'out_of_order' }]),
      ...(decisionFile.ok ? [] : [decisionFile.refusal]),
    ])
  // A document the decision names comes with this form, never by an id typed into it.
  const event = { type: EVENT_OF[action], ...submission.value, documentId: undefined } as CaseEventInput
  // A case of another department is refused here like one that does not exist (404).
  const result = await recordCaseEventForStaff(staff, caseId, event, formId.data, {
    decisionFile: decisionFile.file,
  })
  if (result.ok) return redirect(`/medewerker/zaken/${result.caseId}?vastgelegd=${action}`)
  if (result.code === 'case_not_found') throw notFound()
  const field = result.field && FIELDS[action].includes(result.field) ? result.field : FIELDS[action][0]
  return formRefused(submission, [{ field, code: result.code }], caseFailureStatus(result.code))
}

/** The decision's PDF, if one was chosen: one file, a PDF by its content, at most 10 MB. */
function decisionFileOf(
  files: ReceivedFile[],
):
  | { ok: true; file?: { title: string; mediaType: string; bytes: Buffer } }
  | { ok: false; refusal: { field: string; code: string; params?: { file: string } } } {
  if (files.length === 0) return { ok: true }
  const { accepted, refused } = checkUploads(files, { maxFiles: 1, fallbackName: 'besluit' })
  if (refused.length > 0)
    return { ok: false, refusal: { field: 'decisionFile', code: refused[0].code, params: { file: refused[0].name } } }
  const [file] = accepted
  if (file.mediaType !== 'application/pdf')
    return { ok: false, refusal: { field: 'decisionFile', code: 'decision_not_pdf', params: { file: file.name } } }
  return { ok: true, file: { title: file.name, mediaType: file.mediaType, bytes: file.bytes } }
}

export default function CaseActionForm() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('cases')
  const {
    errorOf: errorFor,
    valueOf,
    summary,
  } = useGovForm<Fields>({
    id: `case-${data.action}`,
    lastResult: actionData,
    message: (_field, key, params) =>
      UPLOAD_REFUSALS.includes(key as UploadRefusal)
        ? t(`uploads:errors.${key}`, params)
        : key === 'decision_not_pdf'
          ? t('documents:decisionFile.notPdf', params)
          : t(`errors.${key}`),
  })
  // The first radio carries the field's id, so the error summary's link lands on it.
  const radios = (name: 'step' | 'outcome', options: Array<{ value: string; label: string }>, legend: string) => (
    <fieldset
      className={`mb-6 ${errorFor(name) ? 'border-l-4 border-danger pl-4' : ''}`}
      aria-describedby={errorFor(name) ? `${name}-error` : undefined}
    >
      <legend className="font-bold">{legend}</legend>
      {errorFor(name) ? (
        <p id={`${name}-error`} className="m-0 font-bold text-danger">
          {errorFor(name)}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {options.map((o, i) => (
          <div key={o.value} className="flex items-center gap-3">
            <input
              type="radio"
              id={i === 0 ? name : `${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={valueOf(name) === o.value}
              className="h-6 w-6"
            />
            <label htmlFor={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  )

  return (
    <div className="prose-width">
      <p>
        <Link to={`/medewerker/zaken/${data.caseId}`}>
          <span aria-hidden="true">← </span>
          {data.reference}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl">{t(`staff.action.${data.action}`)}</h1>
      <p className="mt-2 text-muted">
        {data.reference}: {data.caseType}
      </p>
      <Form
        method="post"
        encType={data.action === 'besluiten' ? 'multipart/form-data' : undefined}
        noValidate
        className="mt-6"
      >
        <ErrorSummary title={t('staff.form.errorTitle')} errors={summary} />
        <input type="hidden" name="formId" value={data.formId} />
        {data.action === 'volgende-stap'
          ? radios(
              'step',
              data.nextSteps.map((s) => ({ value: s.code, label: s.name })),
              t('staff.form.step'),
            )
          : null}
        {data.action === 'informatie-opvragen' ? (
          <>
            <FormField
              id="information"
              label={t('staff.form.information')}
              hint={t('staff.form.informationHint')}
              error={errorFor('information')}
            >
              {(p) => <textarea {...p} rows={4} defaultValue={valueOf('information')} className={inputClass} />}
            </FormField>
            <FormField
              id="respondBy"
              label={t('staff.form.respondBy')}
              hint={t('staff.form.respondByHint')}
              error={errorFor('respondBy')}
            >
              {(p) => (
                <input {...p} type="date" defaultValue={valueOf('respondBy')} className={`${inputClass} max-w-xs`} />
              )}
            </FormField>
          </>
        ) : null}
        {data.action === 'verdagen' ? (
          <FormField
            id="reason"
            label={t('staff.form.reason')}
            hint={
              data.extension
                ? t('staff.form.reasonHint', {
                    amount: data.extension.amount,
                    unit: t(`staff.unit.${data.extension.unit}`),
                  })
                : undefined
            }
            error={errorFor('reason')}
          >
            {(p) => <textarea {...p} rows={4} defaultValue={valueOf('reason')} className={inputClass} />}
          </FormField>
        ) : null}
        {data.action === 'besluiten' ? (
          <>
            {radios(
              'outcome',
              OUTCOMES.map((o) => ({
                value: o,
                label: t(data.objectionCase ? `outcomeObjection.${o}` : `outcome.${o}`),
              })),
              t('staff.form.outcome'),
            )}
            <FormField
              id="summary"
              label={t('staff.form.summary')}
              hint={t('staff.form.summaryHint')}
              error={errorFor('summary')}
            >
              {(p) => <textarea {...p} rows={2} defaultValue={valueOf('summary')} className={inputClass} />}
            </FormField>
            <FormField
              id="reasons"
              label={t('staff.form.reasons')}
              hint={t('staff.form.reasonsHint')}
              error={errorFor('reasons')}
            >
              {(p) => <textarea {...p} rows={6} defaultValue={valueOf('reasons')} className={inputClass} />}
            </FormField>
            <FormField
              id="citizenOptions"
              label={t('staff.form.citizenOptions')}
              hint={t('staff.form.citizenOptionsHint')}
              error={errorFor('citizenOptions')}
            >
              {(p) => <textarea {...p} rows={4} defaultValue={valueOf('citizenOptions')} className={inputClass} />}
            </FormField>
            <FormField
              id="decisionFile"
              label={t('documents:decisionFile.label')}
              hint={t('documents:decisionFile.hint')}
              error={errorFor('decisionFile')}
            >
              {(p) => <input {...p} type="file" accept=".pdf,application/pdf" className="block w-full text-lg" />}
            </FormField>
          </>
        ) : null}
        {data.action === 'sluiten' ? <p className="mb-6">{t('staff.form.closeConfirm')}</p> : null}
        {data.action === 'hervatten' || data.action === 'sluiten' ? (
          <FormField id="note" label={t('staff.form.note')} error={errorFor('note')}>
            {(p) => <textarea {...p} rows={3} defaultValue={valueOf('note')} className={inputClass} />}
          </FormField>
        ) : null}
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('staff.form.submit')}
          </button>
          <Link to={`/medewerker/zaken/${data.caseId}`}>{t('staff.form.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
