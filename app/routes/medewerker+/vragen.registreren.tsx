import { randomUUID } from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { TopicOptions } from '~/components/topic-options'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { normaliseBsn } from '~/domain/bsn'
import { isLocalDate, localDateOf } from '~/domain/local-date'
import { ANSWER_CHANNELS, QUESTION_MAX_LENGTH } from '~/domain/questions'
import { TOPICS } from '~/domain/topics'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { registerQuestionForCitizen } from '~/services/questions/staff/register.server'

/**
 * "Vraag registreren": a question that came in by e-mail or by post, with the day it came in
 * (the terms count from it). The citizen by BSN, typed in the form (never in a URL), or an
 * e-mail address for someone unknown. The acknowledgement goes out at once.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const optional = (max: number, code = 'invalid') =>
  z
    .string()
    .trim()
    .max(max, code)
    .optional()
    .transform((v) => v || null)
const RegisterForm = z.object({
  formId: z.string(missing('out_of_order')).uuid('out_of_order'),
  channel: z.enum(['email', 'post'], { errorMap: () => ({ message: 'required' }) }),
  receivedOn: z.string(missing('required')).refine(isLocalDate, 'invalid'),
  bsn: z
    .string()
    .max(20, 'invalid')
    .optional()
    .refine((v) => !v || normaliseBsn(v) !== null, 'invalid')
    .transform((v) => (v ? normaliseBsn(v) : null)),
  email: z
    .string()
    .trim()
    .max(254, 'invalid')
    .email('invalid')
    .optional()
    .transform((v) => v || null),
  contactName: optional(200),
  phone: optional(40),
  topic: z.enum(TOPICS, { errorMap: () => ({ message: 'required' }) }),
  text: z.string(missing('required')).trim().min(1, 'required').max(QUESTION_MAX_LENGTH, 'too_long'),
  answerChannel: z.enum(ANSWER_CHANNELS, { errorMap: () => ({ message: 'required' }) }),
  language: z.enum(['nl', 'en'], { errorMap: () => ({ message: 'required' }) }),
})
type Fields = z.input<typeof RegisterForm>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'kcc')
  const t = await getFixedT(request)
  const params = new URL(request.url).searchParams
  return json({
    formId: randomUUID(),
    today: localDateOf(new Date()),
    registered: params.get('geregistreerd'),
    title: t('kcc:register.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Vraag registreren' }]
export const handle = { i18n: ['kcc', 'topics'] }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'kcc')
  const submission = await parseForm(request, RegisterForm)
  // A typed BSN is never shown again (README, "Forms"): the field comes back empty.
  if (submission.status !== 'success') return formRefused(submission, [], 400, { hideFields: ['bsn'] })
  const { text, ...rest } = submission.value
  const result = await registerQuestionForCitizen(staff, { ...rest, body: text })
  if (!result.ok) return formRefused(submission, result.refusals, 400, { hideFields: ['bsn'] })
  return redirect(`/medewerker/vragen/${result.questionId}`)
}

export default function RegisterQuestion() {
  const { formId, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('kcc')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'register',
    lastResult: actionData,
    defaultValue: { channel: 'post', receivedOn: today, answerChannel: 'letter', language: 'nl' },
    message: (field, key) => t(`errors.${field}.${key}`, { max: QUESTION_MAX_LENGTH }),
  })
  const radios = (
    name: 'channel' | 'answerChannel' | 'language',
    options: Array<{ value: string; label: ReactNode }>,
  ) => {
    const error = errorOf(name)
    return (
      <fieldset
        className={`mb-6 ${error ? 'border-l-4 border-danger pl-4' : ''}`}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        <legend className="font-bold">{t(`register.${name}`)}</legend>
        {error ? (
          <p id={`${name}-error`} className="m-0 font-bold text-danger">
            {error}
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
  }
  return (
    <div className="prose-width space-y-6">
      <p>
        <Link to="/medewerker/vragen">
          <span aria-hidden="true">← </span>
          {t('question.back')}
        </Link>
      </p>
      <h1 className="text-3xl md:text-4xl">{t('register.heading')}</h1>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <p>{t('register.lead')}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        {radios(
          'channel',
          (['post', 'email'] as const).map((c) => ({ value: c, label: t(`channels.${c}`) })),
        )}
        <FormField
          id="receivedOn"
          label={t('register.receivedOn')}
          hint={t('register.receivedOnHint')}
          error={errorOf('receivedOn')}
        >
          {(p) => <input {...p} type="date" max={today} defaultValue={valueOf('receivedOn')} className={inputClass} />}
        </FormField>
        <FormField id="bsn" label={t('register.bsn')} hint={t('register.bsnHint')} error={errorOf('bsn')}>
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
        <FormField id="email" label={t('register.email')} hint={t('register.emailHint')} error={errorOf('email')}>
          {(p) => (
            <input {...p} type="email" spellCheck={false} defaultValue={valueOf('email')} className={inputClass} />
          )}
        </FormField>
        <FormField id="contactName" label={t('register.contactName')} error={errorOf('contactName')}>
          {(p) => <input {...p} type="text" defaultValue={valueOf('contactName')} className={inputClass} />}
        </FormField>
        <FormField id="phone" label={t('register.phone')} hint={t('register.phoneHint')} error={errorOf('phone')}>
          {(p) => <input {...p} type="tel" defaultValue={valueOf('phone')} className={`${inputClass} max-w-xs`} />}
        </FormField>
        <FormField id="topic" label={t('contact.topic')} error={errorOf('topic')}>
          {(p) => (
            <select {...p} defaultValue={valueOf('topic')} className={`${inputClass} w-auto`}>
              <TopicOptions empty={t('contact.chooseTopic')} />
            </select>
          )}
        </FormField>
        <FormField
          id="text"
          label={t('register.body')}
          hint={t('register.bodyHint', { max: QUESTION_MAX_LENGTH })}
          error={errorOf('text')}
        >
          {(p) => <textarea {...p} rows={8} defaultValue={valueOf('text')} className={inputClass} />}
        </FormField>
        {radios(
          'answerChannel',
          ANSWER_CHANNELS.map((c) => ({ value: c, label: t(`answerChannels.${c}`) })),
        )}
        {radios('language', [
          { value: 'nl', label: <span lang="nl">Nederlands</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ])}
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('register.submit')}
          </button>
          <Link to="/medewerker/vragen">{t('contact.back')}</Link>
        </div>
      </Form>
    </div>
  )
}
