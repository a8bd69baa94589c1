import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { isValidBsn } from '~/domain/bsn'
import { isLocalDate } from '~/domain/local-date'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { listCaseTypesForStaff, registerCaseForStaff } from '~/services/cases/access.server'
import { caseFailureStatus, newFormEventId } from '~/services/cases/results.server'
import { municipalToday } from '~/services/calendar.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'

/**
 * Register a case that came in by post, e-mail, at the counter or by phone. The BSN travels in
 * the POST body only, never in a URL or a log line (AVG art. 5(1)(c): no more personal data than needed).
 */
const CHANNELS = ['post', 'email', 'counter', 'phone'] as const

// Built in the browser too, where every *.server module is empty: its rules come from app/domain.
// conform hands an empty field over as undefined: each field names its message for that too.
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const Registration = z.object({
  // Spaces and dots as people type them; the eleven test here too, so all problems show at once.
  bsn: z
    .string(missing('invalid_bsn'))
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .pipe(z.string().refine(isValidBsn, 'invalid_bsn')),
  caseType: z.string(missing('unknown_case_type')).min(1, 'unknown_case_type'),
  subject: z.string(missing('required')).trim().min(1, 'required').max(200, 'tooLong'),
  channel: z.enum(CHANNELS, { errorMap: () => ({ message: 'chooseOne' }) }),
  receivedOn: z.string(missing('invalidDate')).refine(isLocalDate, 'invalidDate'),
  formId: z.string(missing('out_of_order')).uuid('out_of_order'),
})

type Fields = z.input<typeof Registration>

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  return json({
    // Only the case types of the employee's department (all for a manager).
    caseTypes: await listCaseTypesForStaff(staff, { lang }),
    today: municipalToday(),
    formId: newFormEventId(),
    title: t('cases:staff.form.registerTitle'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Zaak registreren' }]
export const handle = { i18n: 'cases' }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const submission = await parseForm(request, Registration)
  if (submission.status !== 'success') return formRefused(submission)
  const form = submission.value
  const result = await registerCaseForStaff(staff, {
    caseTypeCode: form.caseType,
    bsn: form.bsn,
    subject: form.subject,
    channel: form.channel,
    receivedOn: form.receivedOn,
    // The contact person is the case type's (the department that handles it), not whoever
    // typed it in at the counter or the post room.
    contactEmployeeId: null,
    sourceEventId: form.formId,
    occurredAt: new Date(),
  })
  if (result.ok) return redirect(`/medewerker/zaken/${result.caseId}?vastgelegd=registreren`)
  const field =
    result.field === 'caseType'
      ? 'caseType'
      : result.field === 'receivedOn'
        ? 'receivedOn'
        : result.field === 'bsn'
          ? 'bsn'
          : 'subject'
  return formRefused(submission, [{ field, code: result.code }], caseFailureStatus(result.code))
}

export default function RegisterCase() {
  const { caseTypes, today, formId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('cases')
  const {
    errorOf: errorFor,
    valueOf,
    summary,
  } = useGovForm<Fields>({
    id: 'register-case',
    lastResult: actionData,
    defaultValue: { receivedOn: today },
    message: (_field, key) => t(`errors.${key}`),
  })
  return (
    <div className="prose-width">
      <p>
        <Link to="/medewerker/zaken">
          <span aria-hidden="true">← </span>
          {t('staff.backToList')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl">{t('staff.form.registerHeading')}</h1>
      <p className="mt-2">{t('staff.form.registerLead')}</p>
      <Form method="post" noValidate className="mt-6" autoComplete="off">
        <ErrorSummary title={t('staff.form.errorTitle')} errors={summary} />
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <FormField id="bsn" label={t('staff.form.bsn')} hint={t('staff.form.bsnHint')} error={errorFor('bsn')}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              spellCheck={false}
              defaultValue={valueOf('bsn')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <FormField id="caseType" label={t('staff.form.caseType')} error={errorFor('caseType')}>
          {(p) => (
            <select {...p} defaultValue={valueOf('caseType')} className={inputClass}>
              <option value="">{t('staff.form.chooseCaseType')}</option>
              {caseTypes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="subject"
          label={t('staff.form.subject')}
          hint={t('staff.form.subjectHint')}
          error={errorFor('subject')}
        >
          {(p) => <input {...p} type="text" defaultValue={valueOf('subject')} className={inputClass} />}
        </FormField>
        <fieldset
          className={`mb-6 ${errorFor('channel') ? 'border-l-4 border-danger pl-4' : ''}`}
          aria-describedby={errorFor('channel') ? 'channel-error' : undefined}
        >
          <legend className="font-bold">{t('staff.form.channel')}</legend>
          {errorFor('channel') ? (
            <p id="channel-error" className="m-0 font-bold text-danger">
              {errorFor('channel')}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {CHANNELS.map((c, i) => (
              <div key={c} className="flex items-center gap-3">
                <input
                  type="radio"
                  id={i === 0 ? 'channel' : `channel-${c}`}
                  name="channel"
                  value={c}
                  defaultChecked={valueOf('channel') === c}
                  className="h-6 w-6"
                />
                <label htmlFor={i === 0 ? 'channel' : `channel-${c}`}>{t(`channel.${c}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id="receivedOn"
          label={t('staff.form.receivedOn')}
          hint={t('staff.form.receivedOnHint')}
          error={errorFor('receivedOn')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              max={today}
              defaultValue={valueOf('receivedOn')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('staff.form.registerHeading')}
          </button>
          <Link to="/medewerker/zaken">{t('staff.form.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
