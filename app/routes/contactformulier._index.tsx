import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { QuestionBodyField, TopicField } from '~/components/question-fields'
import { useGovForm } from '~/components/use-gov-form'
import { settings, appContext } from '~/context.server'
import { QUESTION_MAX_LENGTH } from '~/domain/questions'
import { isTopic, TOPICS } from '~/domain/topics'
import { formRefused, parseForm } from '~/form.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { askWithoutDigid, takeContactFormSend } from '~/services/questions/ask.server'

/**
 * The contact form without DigiD: an e-mail address (required), a name (optional), the topic and
 * the question; the answer by e-mail or a call back. The acknowledgement goes to the address.
 * No tracking: nothing of a third party, no cookie of its own. Sends are limited per client
 * address (CONTACT_FORM_LIMIT per CONTACT_FORM_WINDOW_SECONDS; 429 with a plain message). A
 * field hidden from people (`website`) catches robots: filled, the answer is the same
 * confirmation page, and nothing is stored.
 */
const PHONE = /^(0[1-9][0-9]{8}|(\+|00)[1-9][0-9]{7,14})$/
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const PublicQuestionForm = z
  .object({
    name: z.string().trim().max(200, 'invalid').optional(),
    email: z.string(missing('required')).trim().max(254, 'invalid').email('invalid'),
    topic: z.enum(TOPICS, { errorMap: () => ({ message: 'required' }) }),
    body: z.string(missing('required')).trim().min(1, 'required').max(QUESTION_MAX_LENGTH, 'too_long'),
    answerChannel: z.enum(['email', 'phone'], { errorMap: () => ({ message: 'required' }) }),
    phone: z.string().trim().max(40, 'invalid').optional(),
    website: z.string().optional(),
    formId: z.string(missing('out_of_order')).uuid('out_of_order'),
  })
  .superRefine((v, ctx) => {
    if (v.answerChannel !== 'phone') return
    if (!v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'required' })
    else if (!PHONE.test(v.phone.replace(/[\s().-]/g, '')))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'invalid' })
  })
type Fields = z.input<typeof PublicQuestionForm>

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request)
  const topic = new URL(request.url).searchParams.get('onderwerp')
  return json({ formId: newFormEventId(), topic: isTopic(topic) ? topic : '', title: t('questions:public.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Contactformulier' }]
export const handle = { i18n: ['questions', 'topics'] }

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, PublicQuestionForm)
  if (submission.status !== 'success') return formRefused(submission)
  const wait = await takeContactFormSend(appContext().clientIp, settings().contactForm)
  if (wait > 0) {
    return json({ tooMany: true } as const, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  // A robot filled the field people do not see: it learns nothing, and nothing is kept.
  if (submission.value.website) return redirect('/contactformulier/verstuurd')
  const result = await askWithoutDigid({ ...submission.value, language: await getLanguage(request) })
  if (!result.ok) return formRefused(submission, [{ field: result.field, code: result.code }])
  return redirect('/contactformulier/verstuurd')
}

export default function ContactForm() {
  const { formId, topic } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('questions')
  const refused = actionData && !('tooMany' in actionData) ? actionData : undefined
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'contact',
    lastResult: refused,
    defaultValue: { topic, answerChannel: 'email' },
    message: (field, key) => t(`errors.${field}.${key}`, { max: QUESTION_MAX_LENGTH }),
  })
  const channel = valueOf('answerChannel') || 'email'
  const channelError = errorOf('answerChannel')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('public.heading')}</h1>
      {actionData && 'tooMany' in actionData ? (
        <div role="alert" className="mt-4 border-l-4 border-danger bg-white p-4 font-bold">
          {t('public.tooMany')}
        </div>
      ) : null}
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <p className="mt-3">{t('public.lead')}</p>
      <p className="mt-3">
        {t('public.withDigid')} <Link to="/inloggen">DigiD</Link>
      </p>
      <p className="mt-3 border-l-4 border-info bg-surface p-3 font-bold">{t('norm')}</p>
      <p className="mt-3 text-base text-muted">{t('public.privacy')}</p>
      <Form method="post" noValidate className="mt-6">
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <FormField id="name" label={t('public.name')} error={errorOf('name')}>
          {(p) => (
            <input {...p} type="text" autoComplete="name" defaultValue={valueOf('name')} className={inputClass} />
          )}
        </FormField>
        <FormField id="email" label={t('public.email')} hint={t('public.emailHint')} error={errorOf('email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={valueOf('email')}
              className={inputClass}
            />
          )}
        </FormField>
        {/* People do not see or reach this field; a robot filling every field does. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="website">{t('public.website')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <TopicField value={valueOf('topic')} error={errorOf('topic')} />
        <QuestionBodyField label={t('form.body')} value={valueOf('body')} error={errorOf('body')} />
        <fieldset
          aria-describedby={channelError ? 'answerChannel-error' : undefined}
          className={`mb-6 ${channelError ? 'border-l-4 border-danger pl-4' : ''}`}
        >
          <legend className="font-bold">{t('public.answerChannel')}</legend>
          {channelError ? (
            <p id="answerChannel-error" className="m-0 font-bold text-danger">
              {channelError}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {(['email', 'phone'] as const).map((c, i) => (
              <div key={c} className="flex items-center gap-3">
                <input
                  type="radio"
                  id={i === 0 ? 'answerChannel' : `answerChannel-${c}`}
                  name="answerChannel"
                  value={c}
                  defaultChecked={channel === c}
                  className="h-6 w-6"
                />
                <label htmlFor={i === 0 ? 'answerChannel' : `answerChannel-${c}`}>{t(`channels.${c}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField id="phone" label={t('form.phone')} hint={t('form.phoneHint')} error={errorOf('phone')}>
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="tel"
              defaultValue={valueOf('phone')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        <button type="submit" className="btn-primary">
          {t('form.send')}
        </button>
      </Form>
    </div>
  )
}
