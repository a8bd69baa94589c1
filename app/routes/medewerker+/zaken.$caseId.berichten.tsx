import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { MessageThread } from '~/components/message-thread'
import { ReadOnlyNote, useActsOnCases } from '~/components/staff-role'
import { StatusTag } from '~/components/status-tag'
import { useGovForm } from '~/components/use-gov-form'
import { MESSAGE_MAX_LENGTH } from '~/domain/messages'
import { CASE_READERS } from '~/domain/staff-areas'
import { formRefused, parseForm } from '~/form.server'
import { notFound } from '~/responses'
import { requireStaff } from '~/services/auth/guards.server'
import { newFormEventId } from '~/services/cases/results.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { answerMessage, readConversationForStaff } from '~/services/messages/staff.server'

/**
 * The conversation with the citizen on a case, for the employees who handle it: each citizen
 * message with the charter's terms (acknowledgement, answer) and whether they passed, and the
 * answer form. Opening it is audited as a view of the citizen's data; another department's
 * case answers 404, as an unknown one.
 */
const missing = (message: string) => ({ required_error: message, invalid_type_error: message })
const AnswerForm = z.object({
  body: z.string(missing('required')).trim().min(1, 'required').max(MESSAGE_MAX_LENGTH, 'too_long'),
  holding: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  formId: z.string(missing('out_of_order')).uuid('out_of_order'),
})
type Fields = z.input<typeof AnswerForm>

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const conversation = await readConversationForStaff(staff, params.caseId ?? '', { lang })
  if (!conversation) throw notFound()
  return json({
    conversation,
    formId: newFormEventId(),
    sent: new URL(request.url).searchParams.get('verstuurd') === '1',
    title: t('messages:staff.title', { reference: conversation.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Berichten' }]
export const handle = { i18n: ['messages', 'cases'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const submission = await parseForm(request, AnswerForm)
  if (submission.status !== 'success') return formRefused(submission)
  const result = await answerMessage(staff, params.caseId ?? '', submission.value)
  if (result.ok) return redirect(`/medewerker/zaken/${params.caseId}/berichten?verstuurd=1#laatste-bericht`)
  if (!('field' in result)) throw notFound()
  return formRefused(submission, [{ field: result.field, code: result.code }])
}

export default function StaffCaseMessagesPage() {
  const { conversation, formId, sent } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // A sent message empties the form: the page after the redirect is a new location.
  const location = useLocation()
  const { t, i18n } = useTranslation('messages')
  const acts = useActsOnCases()
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'answer',
    lastResult: actionData,
    message: (field, key) => t(`errors.${field}.${key}`, { max: MESSAGE_MAX_LENGTH }),
  })
  const date = (d: string) => formatLocalDate(d, i18n.language)
  return (
    <div className="prose-width space-y-8">
      <p>
        <Link to={`/medewerker/zaken/${conversation.caseId}`}>
          <span aria-hidden="true">← </span>
          {t('staff.back', { reference: conversation.reference })}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl md:text-4xl">{t('staff.heading', { reference: conversation.reference })}</h1>
        <p className="mt-2 text-xl">
          {conversation.caseType}: {conversation.citizenName}
        </p>
      </div>
      <ErrorSummary title={t('errors.title')} errors={summary} />
      {sent && !actionData ? (
        <div role="status" className="border-l-4 border-success bg-white p-4">
          <p className="m-0 font-bold">{t('staff.sent')}</p>
        </div>
      ) : null}

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="text-2xl">
          {t('staff.threadHeading')}
        </h2>
        {conversation.messages.length ? (
          <div className="mt-4">
            <MessageThread
              label={t('staff.threadHeading')}
              messages={conversation.messages.map((m) => ({
                id: m.id,
                author: m.from === 'citizen' ? conversation.citizenName : t('staff.employee', { name: m.author ?? '' }),
                fromMunicipality: m.from === 'employee',
                body: m.body,
                sentOn: m.sentOn,
                sentTime: m.sentTime,
                tags: (
                  <>
                    {m.holding ? <StatusTag tone="neutral">{t('thread.holding')}</StatusTag> : null}
                    {m.terms?.due ? (
                      <StatusTag tone={m.terms.due.late ? 'danger' : 'warning'}>
                        {t(m.terms.due.late ? `staff.late.${m.terms.due.owed}` : `staff.due.${m.terms.due.owed}`, {
                          date: date(m.terms.due.dueOn),
                        })}
                      </StatusTag>
                    ) : m.terms ? (
                      <StatusTag tone="success">{t('staff.answered')}</StatusTag>
                    ) : null}
                  </>
                ),
              }))}
            />
          </div>
        ) : (
          <p className="mt-2">{t('staff.empty')}</p>
        )}
      </section>

      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading" className="text-2xl">
          {t('staff.answerHeading')}
        </h2>
        {acts ? (
          <Form key={location.key} method="post" noValidate className="mt-4">
            <input type="hidden" name="formId" value={valueOf('formId') || formId} />
            <FormField id="body" label={t('staff.bodyLabel')} hint={t('staff.bodyHint')} error={errorOf('body')}>
              {(p) => <textarea {...p} rows={8} defaultValue={valueOf('body')} className={inputClass} />}
            </FormField>
            <div className="mb-6 flex items-start gap-3">
              <input
                type="checkbox"
                id="holding"
                name="holding"
                defaultChecked={valueOf('holding') === 'on'}
                className="mt-1 h-6 w-6"
                aria-describedby="holding-hint"
              />
              <div>
                <label htmlFor="holding" className="font-bold">
                  {t('staff.holdingLabel')}
                </label>
                <p id="holding-hint" className="m-0 text-base text-muted">
                  {t('staff.holdingHint')}
                </p>
              </div>
            </div>
            <button type="submit" className="btn-primary">
              {t('staff.send')}
            </button>
          </Form>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote />
          </div>
        )}
      </section>
    </div>
  )
}
