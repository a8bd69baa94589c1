import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { QuestionBodyField, TopicField } from '~/components/question-fields'
import { useGovForm } from '~/components/use-gov-form'
import { QUESTION_MAX_LENGTH } from '~/domain/questions'
import { isTopic, TOPICS } from '~/domain/topics'
import { UPLOAD_ACCEPT } from '~/domain/uploads'
import { refusalOf, type FieldRefusal } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { answerOptionsFor, askQuestion } from '~/services/questions/ask.server'
import { checkUploads, readUploadForm } from '~/services/uploads/index.server'

/**
 * "Stel een vraag": topic, the question, an optional file, and how the answer should come (in
 * Mijn Stad, by e-mail to a confirmed address, by letter, or a call back). The charter's norm is
 * shown before sending. Multipart (the file), works without JavaScript; a refused form keeps the
 * text and asks for the file again. On success: the question's page with the acknowledgement.
 */
const PHONE = /^(0[1-9][0-9]{8}|(\+|00)[1-9][0-9]{7,14})$/
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })

const QuestionForm = z
  .object({
    topic: z.enum(TOPICS, { errorMap: () => ({ message: 'required' }) }),
    body: z.string(missing('required')).trim().min(1, 'required').max(QUESTION_MAX_LENGTH, 'too_long'),
    answerChannel: z.enum(['portal', 'email', 'letter', 'phone'], { errorMap: () => ({ message: 'required' }) }),
    phone: z.string().trim().max(40, 'invalid').optional(),
    formId: z.string(missing('out_of_order')).uuid('out_of_order'),
  })
  .superRefine((v, ctx) => {
    if (v.answerChannel !== 'phone') return
    if (!v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'required' })
    else if (!PHONE.test(v.phone.replace(/[\s().-]/g, '')))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'invalid' })
  })
type Fields = z.input<typeof QuestionForm>

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const t = await getFixedT(request)
  const options = await answerOptionsFor(citizen.bsn)
  const topic = new URL(request.url).searchParams.get('onderwerp')
  return json({
    options,
    topic: isTopic(topic) ? topic : '',
    formId: newFormEventId(),
    readOnly: Boolean(citizen.impersonatedBy),
    title: t('questions:form.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Stel een vraag' }]
export const handle = { i18n: ['questions', 'topics', 'uploads'] }

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const { data, files } = await readUploadForm(request, { fileField: 'attachment' })
  const submission = parseWithZod(data, { schema: QuestionForm })
  const { accepted, refused } = checkUploads(files.slice(0, 1))
  const fileRefusals: FieldRefusal[] = refused.map((r) => ({
    field: 'attachment',
    code: r.code,
    params: { file: r.name },
  }))
  const fileDropped = files.some((f) => f.size > 0)
  if (submission.status !== 'success' || fileRefusals.length) {
    return json({ result: refusalOf(submission, fileRefusals), fileDropped }, { status: 400 })
  }
  const result = await askQuestion(citizen, {
    ...submission.value,
    language: await getLanguage(request),
    attachments: accepted,
  })
  if (!result.ok) {
    return json(
      { result: refusalOf(submission, [{ field: result.field, code: result.code }]), fileDropped },
      { status: 400 },
    )
  }
  return redirect(`/mijn/vragen/${result.question.questionId}?verstuurd=1`)
}

export default function AskQuestion() {
  const { options, topic, formId, readOnly } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('questions')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'question',
    lastResult: actionData?.result,
    defaultValue: { topic, phone: options.phone ?? '', answerChannel: 'portal' },
    message: (field, key, params) =>
      field === 'attachment'
        ? t(`uploads:errors.${key}`, params)
        : t(`errors.${field}.${key}`, { max: QUESTION_MAX_LENGTH }),
  })
  const fileInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (fileInput.current) fileInput.current.value = ''
  }, [actionData])
  const channel = valueOf('answerChannel') || 'portal'
  const channelError = errorOf('answerChannel')
  const hints: Record<string, string> = {
    portal: t('form.portalHint'),
    email: options.confirmedEmail
      ? t('form.emailConfirmed', { email: options.confirmedEmail })
      : t('form.emailMissing'),
    letter: t('form.letterHint'),
  }
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/vragen">
          <span aria-hidden="true">← </span>
          {t('form.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('form.heading')}</h1>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      <p className="mt-3">{t('form.lead')}</p>
      <p className="mt-3 border-l-4 border-info bg-surface p-3 font-bold">{t('norm')}</p>
      {readOnly ? <p className="mt-3 border-l-4 border-info pl-3">{t('form.readOnly')}</p> : null}
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6">
        <input type="hidden" name="formId" value={valueOf('formId') || formId} />
        <TopicField value={valueOf('topic')} error={errorOf('topic')} />
        <QuestionBodyField label={t('form.body')} value={valueOf('body')} error={errorOf('body')} />
        <FormField
          id="attachment"
          label={t('form.attachment')}
          hint={
            actionData?.fileDropped
              ? `${t('form.attachmentHint')} ${t('form.attachmentAgain')}`
              : t('form.attachmentHint')
          }
          error={errorOf('attachment' as keyof Fields & string)}
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              accept={UPLOAD_ACCEPT}
              className="block w-full max-w-xl text-lg"
            />
          )}
        </FormField>
        <fieldset
          aria-describedby={channelError ? 'answerChannel-error' : undefined}
          className={`mb-6 ${channelError ? 'border-l-4 border-danger pl-4' : ''}`}
        >
          <legend className="font-bold">{t('form.answerChannel')}</legend>
          {channelError ? (
            <p id="answerChannel-error" className="m-0 font-bold text-danger">
              {channelError}
            </p>
          ) : null}
          <div className="mt-2 space-y-3">
            {(['portal', 'email', 'letter', 'phone'] as const).map((c, i) => (
              <div key={c}>
                <div className="flex items-center gap-3">
                  <input
                    type="radio"
                    id={i === 0 ? 'answerChannel' : `answerChannel-${c}`}
                    name="answerChannel"
                    value={c}
                    defaultChecked={channel === c}
                    aria-describedby={hints[c] ? `answerChannel-${c}-hint` : undefined}
                    className="h-6 w-6"
                  />
                  <label htmlFor={i === 0 ? 'answerChannel' : `answerChannel-${c}`}>{t(`channels.${c}`)}</label>
                </div>
                {hints[c] ? (
                  <p id={`answerChannel-${c}-hint`} className="m-0 ml-9 text-base text-muted">
                    {hints[c]}
                    {c === 'email' && !options.confirmedEmail ? (
                      <>
                        {' '}
                        <Link to="/mijn/voorkeuren">{t('form.preferences')}</Link>
                      </>
                    ) : null}
                  </p>
                ) : null}
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
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary" disabled={readOnly}>
            {t('form.send')}
          </button>
          <Link to="/mijn/vragen">{t('form.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
