import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { fileSize } from '~/components/document-list'
import { ErrorSummary } from '~/components/error-summary'
import { MessageThread } from '~/components/message-thread'
import { QuestionBodyField } from '~/components/question-fields'
import { StatusTag } from '~/components/status-tag'
import { useGovForm } from '~/components/use-gov-form'
import { QUESTION_MAX_LENGTH } from '~/domain/questions'
import { formRefused, parseForm } from '~/form.server'
import { notFound } from '~/responses'
import { requireCitizen } from '~/services/auth/guards.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT } from '~/services/i18n.server'
import { readQuestionForCitizen, sendFollowUp } from '~/services/questions/citizen.server'

/**
 * One question: its thread (the question, the acknowledgement, answers and reactions — never
 * the contact centre's internal hand-overs or notes), its files, and "Reageren", which opens the
 * question again. After sending (`?verstuurd=1`) the acknowledgement is shown on top. Reading
 * marks the answers read, not while an employee looks along. Another citizen's question, an
 * unknown or a malformed id: the same 404.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const FollowUpForm = z.object({
  body: z.string(missing('required')).trim().min(1, 'required').max(QUESTION_MAX_LENGTH, 'too_long'),
  formId: z.string(missing('out_of_order')).uuid('out_of_order'),
})
type Fields = z.input<typeof FollowUpForm>

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const question = await readQuestionForCitizen(citizen.bsn, params.questionId ?? '', {
    markRead: !citizen.impersonatedBy,
  })
  if (!question) throw notFound()
  const t = await getFixedT(request)
  const search = new URL(request.url).searchParams
  return json(
    {
      question,
      formId: newFormEventId(),
      sent: search.get('verstuurd') === '1',
      reacted: search.get('gereageerd') === '1',
      readOnly: Boolean(citizen.impersonatedBy),
      title: t('questions:thread.title', { reference: question.reference }),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn vragen' }]
export const handle = { i18n: ['questions', 'topics', 'messages'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const submission = await parseForm(request, FollowUpForm)
  if (submission.status !== 'success') return formRefused(submission)
  const result = await sendFollowUp(citizen, params.questionId ?? '', submission.value)
  if (result.ok) return redirect(`/mijn/vragen/${params.questionId}?gereageerd=1#laatste-bericht`)
  if (!('field' in result)) throw notFound()
  return formRefused(submission, [{ field: result.field, code: result.code }])
}

export default function QuestionPage() {
  const { question, formId, sent, reacted, readOnly } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const { t, i18n } = useTranslation('questions')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'follow-up',
    lastResult: actionData,
    message: (field, key) => t(`errors.${field}.${key}`, { max: QUESTION_MAX_LENGTH }),
  })
  return (
    <div className="prose-width space-y-8">
      <p>
        <Link to="/mijn/vragen">
          <span aria-hidden="true">← </span>
          {t('thread.back')}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl md:text-4xl">{t('thread.heading', { reference: question.reference })}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-xl">
          <span>{t(`topics:${question.topic}.label`)}</span>
          <StatusTag tone={question.state === 'answered' ? 'success' : 'info'}>
            {t(`states.${question.state}`)}
          </StatusTag>
        </p>
      </div>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      {sent && !actionData ? (
        <div role="status" className="border-l-4 border-success bg-white p-4">
          <h2 className="text-2xl">{t('thread.sentHeading')}</h2>
          <p className="mt-2">{question.entries.find((e) => e.kind === 'acknowledgement')?.body}</p>
          <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t('thread.reference')}</dt>
            <dd className="m-0">{question.reference}</dd>
            <dt className="font-bold">{t('thread.receivedOn')}</dt>
            <dd className="m-0">{date(question.receivedOn)}</dd>
            <dt className="font-bold">{t('thread.answerBy')}</dt>
            <dd className="m-0">{date(question.answerBy)}</dd>
            <dt className="font-bold">{t('thread.answerVia')}</dt>
            <dd className="m-0">{t(`channels.${question.answerChannel}`)}</dd>
          </dl>
        </div>
      ) : null}
      {reacted && !actionData ? (
        <p role="status" className="border-l-4 border-success bg-white p-4 font-bold">
          {t('thread.reacted')}
        </p>
      ) : null}
      {!sent ? (
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t('thread.receivedOn')}</dt>
          <dd className="m-0">{date(question.receivedOn)}</dd>
          <dt className="font-bold">{t('thread.answerBy')}</dt>
          <dd className="m-0">{date(question.answerBy)}</dd>
          <dt className="font-bold">{t('thread.answerVia')}</dt>
          <dd className="m-0">{t(`channels.${question.answerChannel}`)}</dd>
        </dl>
      ) : null}

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="text-2xl">
          {t('thread.threadHeading')}
        </h2>
        <div className="mt-4">
          <MessageThread
            label={t('thread.threadHeading')}
            messages={question.entries.map((e) => ({
              id: e.id,
              author: e.kind === 'question' || e.kind === 'follow_up' ? t('thread.you') : t('thread.municipality'),
              fromMunicipality: e.kind === 'acknowledgement' || e.kind === 'answer',
              body: e.body,
              sentOn: e.sentOn,
              sentTime: e.sentTime,
              tags: (
                <>
                  {e.kind === 'acknowledgement' ? (
                    <StatusTag tone="neutral">{t('thread.acknowledgement')}</StatusTag>
                  ) : null}
                  {e.kind === 'answer' ? <StatusTag tone="success">{t('thread.answer')}</StatusTag> : null}
                  {e.unread ? <StatusTag tone="info">{t('thread.new')}</StatusTag> : null}
                </>
              ),
            }))}
          />
        </div>
        {question.entries.some((e) => e.attachments.length) ? (
          <>
            <h3 className="mt-6 text-xl">{t('thread.files')}</h3>
            <ul className="mt-2 space-y-1">
              {question.entries.flatMap((e) =>
                e.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={`/mijn/vragen/${question.id}/bijlagen/${f.id}`} download>
                      {f.name}
                    </a>{' '}
                    <span className="text-muted">({fileSize(f.size, i18n.language)})</span>
                  </li>
                )),
              )}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="react-heading">
        <h2 id="react-heading" className="text-2xl">
          {t('thread.reactHeading')}
        </h2>
        <p className="mt-2">{t('thread.reactLead')}</p>
        {readOnly ? <p className="mt-3 border-l-4 border-info pl-3">{t('thread.readOnly')}</p> : null}
        <Form key={location.key} method="post" noValidate className="mt-4">
          <input type="hidden" name="formId" value={valueOf('formId') || formId} />
          <QuestionBodyField label={t('thread.reactBody')} value={valueOf('body')} error={errorOf('body')} />
          <button type="submit" className="btn-primary" disabled={readOnly}>
            {t('thread.reactSend')}
          </button>
        </Form>
      </section>
    </div>
  )
}
