import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { TopicOptions } from '~/components/topic-options'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { normaliseBsn } from '~/domain/bsn'
import { isLocalDate, localDateOf } from '~/domain/local-date'
import {
  CONTACT_CHANNELS,
  CONTACT_SUMMARY_MAX_LENGTH,
  instantInGroningen,
  timeInGroningen,
} from '~/domain/question-inbox'
import { TOPICS } from '~/domain/topics'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { CONTACT_RECORDERS } from '~/domain/staff-areas'
import { contactStartFrom, recordContactMoment } from '~/services/contacts/record.server'
import { getFixedT } from '~/services/i18n.server'

/**
 * "Contact vastleggen": a call or a counter visit in the contact register, with the citizen (BSN
 * typed in the form's body, never in a URL; or the citizen of the question or case the form was
 * opened from), the topic, a short summary, and the case or question it was about.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'unknown')
    .optional()
    .transform((v) => v || null)
const ContactForm = z.object({
  channel: z.enum(CONTACT_CHANNELS, { errorMap: () => ({ message: 'required' }) }),
  occurredOn: z.string(missing('required')).refine(isLocalDate, 'invalid'),
  occurredTime: z.string(missing('required')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid'),
  bsn: z
    .string()
    .max(20, 'invalid')
    .optional()
    .refine((v) => !v || normaliseBsn(v) !== null, 'invalid')
    .transform((v) => (v ? normaliseBsn(v) : null)),
  topic: z.enum(TOPICS, { errorMap: () => ({ message: 'required' }) }),
  summary: z.string(missing('required')).trim().min(1, 'required').max(CONTACT_SUMMARY_MAX_LENGTH, 'too_long'),
  caseReference: optionalText(40),
  questionReference: optionalText(40),
})
type Fields = z.input<typeof ContactForm>

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CONTACT_RECORDERS)
  const t = await getFixedT(request)
  const params = new URL(request.url).searchParams
  const from = await contactStartFrom(staff, { questionId: params.get('vraag'), caseId: params.get('zaak') })
  const now = new Date()
  return json({
    from,
    today: localDateOf(now),
    time: timeInGroningen(now),
    saved: params.get('opgeslagen') === '1',
    title: t('kcc:contact.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Contact vastleggen' }]
export const handle = { i18n: ['kcc', 'topics'] }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, CONTACT_RECORDERS)
  const submission = await parseForm(request, ContactForm)
  // A typed BSN is never shown again (README, "Forms"): the field comes back empty.
  if (submission.status !== 'success') return formRefused(submission, [], 400, { hideFields: ['bsn'] })
  const { occurredOn, occurredTime, ...input } = submission.value
  const result = await recordContactMoment(staff, {
    ...input,
    occurredAt: instantInGroningen(occurredOn, occurredTime),
  })
  if (!result.ok)
    return formRefused(
      submission,
      result.refusals.map((r) => (r.field === 'occurredAt' ? { ...r, field: 'occurredOn' } : r)),
      400,
      { hideFields: ['bsn'] },
    )
  const url = new URL(request.url)
  return redirect(
    `/medewerker/contacten/nieuw?opgeslagen=1${url.searchParams.get('vraag') ? `&vraag=${encodeURIComponent(url.searchParams.get('vraag') ?? '')}` : ''}`,
  )
}

export default function RecordContact() {
  const { from, today, time, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'contact',
    lastResult: actionData,
    defaultValue: {
      channel: 'phone',
      occurredOn: today,
      occurredTime: time,
      topic: from.topic ?? '',
      questionReference: from.questionReference ?? '',
      caseReference: from.caseReference ?? '',
    },
    message: (field, key) => t(`errors.${field}.${key}`, { max: CONTACT_SUMMARY_MAX_LENGTH }),
  })
  const channelError = errorOf('channel')
  return (
    <div className="prose-width space-y-6">
      <h1 className="text-3xl md:text-4xl">{t('contact.heading')}</h1>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      {saved && !actionData ? (
        <div role="status" className="border-l-4 border-success bg-white p-4">
          <p className="m-0 font-bold">{t('contact.saved')}</p>
        </div>
      ) : null}
      <p>{t('contact.lead')}</p>
      <Form method="post" noValidate>
        <fieldset
          className={`mb-6 ${channelError ? 'border-l-4 border-danger pl-4' : ''}`}
          aria-describedby={channelError ? 'channel-error' : undefined}
        >
          <legend className="font-bold">{t('contact.channel')}</legend>
          {channelError ? (
            <p id="channel-error" className="m-0 font-bold text-danger">
              {channelError}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {CONTACT_CHANNELS.map((c, i) => (
              <div key={c} className="flex items-center gap-3">
                <input
                  type="radio"
                  id={i === 0 ? 'channel' : `channel-${c}`}
                  name="channel"
                  value={c}
                  defaultChecked={valueOf('channel') === c}
                  className="h-6 w-6"
                />
                <label htmlFor={i === 0 ? 'channel' : `channel-${c}`}>{t(`contact.channels.${c}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-4">
          <FormField id="occurredOn" label={t('contact.occurredOn')} error={errorOf('occurredOn')}>
            {(p) => (
              <input {...p} type="date" max={today} defaultValue={valueOf('occurredOn')} className={inputClass} />
            )}
          </FormField>
          <FormField id="occurredTime" label={t('contact.occurredTime')} error={errorOf('occurredTime')}>
            {(p) => <input {...p} type="time" defaultValue={valueOf('occurredTime')} className={inputClass} />}
          </FormField>
        </div>
        <FormField
          id="bsn"
          label={t('contact.bsn')}
          hint={from.known ? t('contact.bsnFromLink') : t('contact.bsnHint')}
          error={errorOf('bsn')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <FormField id="topic" label={t('contact.topic')} error={errorOf('topic')}>
          {(p) => (
            <select {...p} defaultValue={valueOf('topic')} className={`${inputClass} w-auto`}>
              <TopicOptions empty={t('contact.chooseTopic')} />
            </select>
          )}
        </FormField>
        <FormField
          id="summary"
          label={t('contact.summary')}
          hint={t('contact.summaryHint', { max: CONTACT_SUMMARY_MAX_LENGTH })}
          error={errorOf('summary')}
        >
          {(p) => <textarea {...p} rows={5} defaultValue={valueOf('summary')} className={inputClass} />}
        </FormField>
        <FormField
          id="questionReference"
          label={t('contact.questionReference')}
          hint={t('contact.questionReferenceHint')}
          error={errorOf('questionReference')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              spellCheck={false}
              defaultValue={valueOf('questionReference')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <FormField
          id="caseReference"
          label={t('contact.caseReference')}
          hint={t('contact.caseReferenceHint')}
          error={errorOf('caseReference')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              spellCheck={false}
              defaultValue={valueOf('caseReference')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('contact.submit')}
          </button>
          <Link to="/medewerker/vragen">{t('contact.back')}</Link>
        </div>
      </Form>
    </div>
  )
}
