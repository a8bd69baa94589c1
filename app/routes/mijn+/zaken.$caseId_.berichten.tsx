import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { MessageThread } from '~/components/message-thread'
import { StatusTag } from '~/components/status-tag'
import { useGovForm } from '~/components/use-gov-form'
import { MESSAGE_MAX_LENGTH } from '~/domain/messages'
import { formRefused, parseForm } from '~/form.server'
import { notFound } from '~/responses'
import { requireCitizen } from '~/services/auth/guards.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { readConversationForCitizen, sendCitizenMessage } from '~/services/messages/conversation.server'

/**
 * "Berichten": the conversation with the caseworker on one's own case, and a message to send.
 * Reading it marks the caseworker's answers read (not while an employee looks along). Another
 * person's case, an unknown or a malformed id: the same 404.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const MessageForm = z.object({
  body: z.string(missing('required')).trim().min(1, 'required').max(MESSAGE_MAX_LENGTH, 'too_long'),
  formId: z.string(missing('out_of_order')).uuid('out_of_order'),
})
type Fields = z.input<typeof MessageForm>

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const conversation = await readConversationForCitizen(citizen, params.caseId ?? '', { lang })
  if (!conversation) throw notFound()
  return json({
    conversation,
    formId: newFormEventId(),
    sent: new URL(request.url).searchParams.get('verstuurd') === '1',
    readOnly: Boolean(citizen.impersonatedBy),
    title: t('messages:citizen.title', { reference: conversation.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Berichten' }]
export const handle = { i18n: ['messages', 'cases'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const submission = await parseForm(request, MessageForm)
  if (submission.status !== 'success') return formRefused(submission)
  const result = await sendCitizenMessage(citizen, params.caseId ?? '', submission.value)
  if (result.ok) return redirect(`/mijn/zaken/${params.caseId}/berichten?verstuurd=1#laatste-bericht`)
  if (!('field' in result)) throw notFound()
  return formRefused(
    submission,
    [{ field: result.field, code: result.code }],
    result.code === 'case_closed' ? 409 : 400,
  )
}

export default function CaseMessages() {
  const { conversation, formId, sent, readOnly } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // A sent message empties the form: the page after the redirect is a new location.
  const location = useLocation()
  const { t } = useTranslation('messages')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'message',
    lastResult: actionData,
    message: (field, key) => t(`errors.${field}.${key}`, { max: MESSAGE_MAX_LENGTH }),
  })
  const { norms } = conversation
  return (
    <div className="prose-width space-y-8">
      <p>
        <Link to={`/mijn/zaken/${conversation.caseId}`}>
          <span aria-hidden="true">← </span>
          {t('citizen.back', { reference: conversation.reference })}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl md:text-4xl">{t('citizen.heading')}</h1>
        <p className="mt-2 text-xl">
          {conversation.caseType} ({conversation.reference})
        </p>
      </div>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      {sent && !actionData ? (
        <div role="status" className="border-l-4 border-success bg-white p-4">
          <p className="m-0 font-bold">{t('citizen.sent')}</p>
          <p className="mt-1">
            {t('citizen.promise', { days: norms.acknowledgeWorkingDays, weeks: norms.answerWeeks })}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="text-2xl">
          {t('citizen.threadHeading')}
        </h2>
        {conversation.messages.length ? (
          <div className="mt-4">
            <MessageThread
              label={t('citizen.threadHeading')}
              messages={conversation.messages.map((m) => ({
                id: m.id,
                author: m.from === 'you' ? t('citizen.you') : t('citizen.fromMunicipality', { name: m.author ?? '' }),
                fromMunicipality: m.from === 'municipality',
                body: m.body,
                sentOn: m.sentOn,
                sentTime: m.sentTime,
                tags: (
                  <>
                    {m.holding ? <StatusTag tone="neutral">{t('thread.holding')}</StatusTag> : null}
                    {m.unread ? <StatusTag tone="info">{t('thread.new')}</StatusTag> : null}
                  </>
                ),
              }))}
            />
          </div>
        ) : (
          <p className="mt-2">{t('citizen.empty')}</p>
        )}
      </section>

      <section aria-labelledby="write-heading">
        <h2 id="write-heading" className="text-2xl">
          {t('citizen.writeHeading')}
        </h2>
        {conversation.closed ? (
          <p className="mt-2">{t('citizen.closed')}</p>
        ) : (
          <>
            <p className="mt-2">
              {t('citizen.promise', { days: norms.acknowledgeWorkingDays, weeks: norms.answerWeeks })}
            </p>
            <p className="mt-2">{t('citizen.noFiles')}</p>
            {readOnly ? <p className="mt-3 border-l-4 border-info pl-3">{t('citizen.readOnly')}</p> : null}
            <Form key={location.key} method="post" noValidate className="mt-6">
              <input type="hidden" name="formId" value={valueOf('formId') || formId} />
              <FormField
                id="body"
                label={t('citizen.bodyLabel')}
                hint={t('citizen.bodyHint', { max: MESSAGE_MAX_LENGTH })}
                error={errorOf('body')}
              >
                {(p) => <textarea {...p} rows={8} defaultValue={valueOf('body')} className={inputClass} />}
              </FormField>
              <button type="submit" className="btn-primary" disabled={readOnly}>
                {t('citizen.send')}
              </button>
            </Form>
          </>
        )}
      </section>
    </div>
  )
}
