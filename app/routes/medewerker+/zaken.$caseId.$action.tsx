import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { OUTCOMES, decisionContentErrors } from '~/domain/case-terms'
import { isLocalDate } from '~/domain/local-date'
import { OBJECTION_CASE_TYPE } from '~/domain/objection'
import { requireStaff } from '~/services/auth.server'
import { getCaseForStaff, recordCaseEventForStaff } from '~/services/cases/access.server'
import { caseFailureStatus, newFormEventId } from '~/services/cases/results.server'
import type { CaseEventInput } from '~/services/cases/record.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * One form per case action (GOV.UK: one thing per page): next step, request information
 * (suspend, Awb 4:15), resume, extend (Awb 4:14), decide, close. Every one records its event
 * through the same service as the back-office API. A hidden form id is the event's id, so a
 * double submit records it once.
 */
const ACTIONS = ['volgende-stap', 'informatie-opvragen', 'hervatten', 'verdagen', 'besluiten', 'sluiten'] as const
type CaseAction = (typeof ACTIONS)[number]

// These schemas are built in the browser too, where every *.server module is empty: the rules
// they use come from app/domain.
const optionalText = (max = 1000) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => (v ? v : undefined))
const requiredText = (max: number) =>
  z.string({ required_error: 'required' }).trim().min(1, 'required').max(max, 'tooLong')
const calendarDate = z.string({ required_error: 'invalidDate' }).refine(isLocalDate, 'invalidDate')
const outcome = z.enum(OUTCOMES, { errorMap: () => ({ message: 'chooseOne' }) })

const schemas = {
  'volgende-stap': z.object({ step: z.string({ required_error: 'chooseOne' }).min(1, 'chooseOne') }),
  'informatie-opvragen': z.object({ information: requiredText(1000), respondBy: calendarDate }),
  hervatten: z.object({ note: optionalText() }),
  verdagen: z.object({ reason: requiredText(1000) }),
  // Which parts a decision needs (reasons, what the citizen can do) is the domain's rule, checked
  // below with every field at once; here only the shape.
  besluiten: z.object({
    outcome,
    summary: optionalText(),
    reasons: optionalText(4000),
    citizenOptions: optionalText(2000),
  }),
  sluiten: z.object({ note: optionalText() }),
} satisfies Record<CaseAction, z.ZodTypeAny>

/** The field each action's refusals belong to, when the service names none. */
const MAIN_FIELD: Record<CaseAction, string> = {
  'volgende-stap': 'step',
  'informatie-opvragen': 'information',
  hervatten: 'note',
  verdagen: 'reason',
  besluiten: 'outcome',
  sluiten: 'note',
}

function toEvent(action: CaseAction, data: Record<string, unknown>): CaseEventInput {
  switch (action) {
    case 'volgende-stap':
      return { type: 'step_reached', step: String(data.step) }
    case 'informatie-opvragen':
      return { type: 'suspended', information: String(data.information), respondBy: String(data.respondBy) }
    case 'hervatten':
      return data.note ? { type: 'resumed', note: String(data.note) } : { type: 'resumed' }
    case 'verdagen':
      return { type: 'extended', reason: String(data.reason) }
    case 'besluiten':
      return {
        type: 'decided',
        outcome: data.outcome as (typeof OUTCOMES)[number],
        ...(data.summary ? { summary: String(data.summary) } : {}),
        ...(data.reasons ? { reasons: String(data.reasons) } : {}),
        ...(data.citizenOptions ? { citizenOptions: String(data.citizenOptions) } : {}),
      }
    case 'sluiten':
      return data.note ? { type: 'closed', note: String(data.note) } : { type: 'closed' }
  }
}

/** Awb 3:46 and what a refusal must offer: every part missing, named at once. */
function missingDecisionParts(values: Record<string, string>): FieldError[] {
  const chosen = outcome.safeParse(values.outcome)
  if (!chosen.success) return []
  return decisionContentErrors({
    outcome: chosen.data,
    reasons: values.reasons,
    citizenOptions: values.citizenOptions,
  }).map((e) => ({ field: e.field, key: e.code }))
}

function parseAction(value: string | undefined): CaseAction {
  if (!ACTIONS.includes(value as CaseAction)) throw notFound()
  return value as CaseAction
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const action = parseAction(params.action)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const view = await getCaseForStaff(staff, params.caseId ?? '', lang)
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
export const handle = { i18n: 'cases' }

type FieldError = { field: string; key: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const action = parseAction(params.action)
  const caseId = params.caseId ?? ''
  const values = Object.fromEntries(
    [...(await request.formData()).entries()].filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>
  const parsed = schemas[action].safeParse(values)
  const formId = z.string().uuid().safeParse(values.formId)
  const missing = action === 'besluiten' ? missingDecisionParts(values) : []
  if (!parsed.success || !formId.success || missing.length) {
    const errors: FieldError[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? MAIN_FIELD[action]), key: i.message }))
    for (const e of missing) if (!errors.some((x) => x.field === e.field)) errors.push(e)
    if (!formId.success) errors.push({ field: MAIN_FIELD[action], key: 'out_of_order' })
    return json({ errors, values }, { status: 400 })
  }
  // A case of another department is refused here like one that does not exist (404).
  const result = await recordCaseEventForStaff(staff, caseId, toEvent(action, parsed.data), formId.data)
  if (result.ok) return redirect(`/medewerker/zaken/${result.caseId}?vastgelegd=${action}`)
  if (result.code === 'case_not_found') throw notFound()
  return json(
    {
      errors: [
        {
          field: result.field && result.field in schemas[action].shape ? result.field : MAIN_FIELD[action],
          key: result.code,
        },
      ],
      values,
    },
    { status: caseFailureStatus(result.code) },
  )
}

export default function CaseActionForm() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('cases')
  const errors = actionData?.errors ?? []
  const values: Record<string, string> = actionData?.values ?? {}
  const errorFor = (field: string) => {
    const e = errors.find((x) => x.field === field)
    return e ? t(`errors.${e.key}`) : undefined
  }
  // The first radio carries the field's id, so the error summary's link lands on it.
  const radios = (name: string, options: Array<{ value: string; label: string }>, legend: string) => (
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
              defaultChecked={values[name] === o.value}
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
      <Form method="post" noValidate className="mt-6">
        <ErrorSummary
          title={t('staff.form.errorTitle')}
          errors={errors.map((e) => ({ field: e.field, message: t(`errors.${e.key}`) }))}
        />
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
              {(p) => <textarea {...p} rows={4} defaultValue={values.information} className={inputClass} />}
            </FormField>
            <FormField
              id="respondBy"
              label={t('staff.form.respondBy')}
              hint={t('staff.form.respondByHint')}
              error={errorFor('respondBy')}
            >
              {(p) => <input {...p} type="date" defaultValue={values.respondBy} className={`${inputClass} max-w-xs`} />}
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
            {(p) => <textarea {...p} rows={4} defaultValue={values.reason} className={inputClass} />}
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
              {(p) => <textarea {...p} rows={2} defaultValue={values.summary} className={inputClass} />}
            </FormField>
            <FormField
              id="reasons"
              label={t('staff.form.reasons')}
              hint={t('staff.form.reasonsHint')}
              error={errorFor('reasons')}
            >
              {(p) => <textarea {...p} rows={6} defaultValue={values.reasons} className={inputClass} />}
            </FormField>
            <FormField
              id="citizenOptions"
              label={t('staff.form.citizenOptions')}
              hint={t('staff.form.citizenOptionsHint')}
              error={errorFor('citizenOptions')}
            >
              {(p) => <textarea {...p} rows={4} defaultValue={values.citizenOptions} className={inputClass} />}
            </FormField>
          </>
        ) : null}
        {data.action === 'sluiten' ? <p className="mb-6">{t('staff.form.closeConfirm')}</p> : null}
        {data.action === 'hervatten' || data.action === 'sluiten' ? (
          <FormField id="note" label={t('staff.form.note')} error={errorFor('note')}>
            {(p) => <textarea {...p} rows={3} defaultValue={values.note} className={inputClass} />}
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
