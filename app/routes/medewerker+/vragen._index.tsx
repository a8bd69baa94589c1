import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TopicOptions } from '~/components/topic-options'
import { DateText } from '~/components/date-text'
import { inputClass } from '~/components/form-field'
import { StatusTag } from '~/components/status-tag'
import { HOLDER_FILTERS, riskTone, type HolderFilter } from '~/domain/question-inbox'
import { isTopic } from '~/domain/topics'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { QUESTION_ROLES } from '~/domain/staff-areas'
import { listInbox } from '~/services/questions/staff/inbox.server'

/**
 * "Vragen": the open questions, the first due on top, the ones at risk marked in words and an
 * icon (late, due within 5 working days, acknowledgement owed). The contact centre sees all; a
 * caseworker the questions handed over to their department; a manager reads.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, QUESTION_ROLES)
  const t = await getFixedT(request)
  const params = new URL(request.url).searchParams
  const holderParam = params.get('houder')
  const holder = (HOLDER_FILTERS as readonly string[]).includes(holderParam ?? '')
    ? (holderParam as HolderFilter)
    : null
  const topicParam = params.get('onderwerp')
  const topic = isTopic(topicParam) ? topicParam : null
  const questions = await listInbox(staff, { holder: holder ?? undefined, topic: topic ?? undefined })
  return json({
    questions,
    holder,
    topic,
    mayRegister: staff.roles.includes('kcc'),
    title: t('kcc:inbox.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Vragen' }]
export const handle = { i18n: ['kcc', 'topics'] }

export default function QuestionInbox() {
  const { questions, holder, topic, mayRegister } = useLoaderData<typeof loader>()
  const { t } = useTranslation('kcc')
  const late = questions.filter((q) => q.risk === 'late' || q.risk === 'acknowledgementLate').length
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl md:text-4xl">{t('inbox.heading')}</h1>
          <p className="prose-width mt-2">{t('inbox.lead')}</p>
        </div>
        {mayRegister ? (
          <div className="flex flex-wrap gap-4">
            <Link to="/medewerker/vragen/registreren" className="btn-primary">
              {t('inbox.register')}
            </Link>
            <Link to="/medewerker/contacten/nieuw" className="btn-secondary">
              {t('inbox.recordContact')}
            </Link>
          </div>
        ) : null}
      </div>

      <Form method="get" className="flex flex-wrap items-end gap-4" aria-label={t('inbox.filterLabel')}>
        <div>
          <label htmlFor="houder" className="block font-bold">
            {t('inbox.holder')}
          </label>
          <select id="houder" name="houder" defaultValue={holder ?? ''} className={`${inputClass} w-auto`}>
            <option value="">{t('inbox.holderAll')}</option>
            {HOLDER_FILTERS.map((h) => (
              <option key={h} value={h}>
                {t(`inbox.holders.${h}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="onderwerp" className="block font-bold">
            {t('inbox.topic')}
          </label>
          <select id="onderwerp" name="onderwerp" defaultValue={topic ?? ''} className={`${inputClass} w-auto`}>
            <TopicOptions empty={t('inbox.topicAll')} />
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('inbox.filter')}
        </button>
      </Form>

      {questions.length === 0 ? (
        <p>{t('inbox.none')}</p>
      ) : (
        <>
          <p className="font-bold" role="status">
            {t('inbox.summary', { count: questions.length })}
            {late > 0 ? ` ${t('inbox.lateCount', { count: late })}` : null}
          </p>
          <div className="overflow-x-auto" role="region" aria-labelledby="inbox-caption" tabIndex={0}>
            <table className="w-full border-collapse text-left text-base">
              <caption id="inbox-caption" className="sr-only">
                {t('inbox.caption')}
              </caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  {(['reference', 'topic', 'channel', 'received', 'answerBy', 'holderColumn', 'state'] as const).map(
                    (c) => (
                      <th key={c} scope="col" className="py-2 pr-4">
                        {t(`inbox.columns.${c}`)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id} className="border-b border-line align-top">
                    <td className="py-3 pr-4">
                      <Link to={`/medewerker/vragen/${q.id}`} className="whitespace-nowrap">
                        {q.reference}
                      </Link>
                      {q.asker ? <span className="block text-sm text-muted">{q.asker}</span> : null}
                    </td>
                    <td className="py-3 pr-4">{t(`topics:${q.topic}.label`, { defaultValue: q.topic })}</td>
                    <td className="py-3 pr-4">{t(`channels.${q.channel}`)}</td>
                    <td className="py-3 pr-4">
                      <DateText date={q.receivedOn} />
                    </td>
                    <td className="py-3 pr-4">
                      <DateText date={q.answerBy} />
                    </td>
                    <td className="py-3 pr-4">{q.department ?? t('inbox.kcc')}</td>
                    <td className="py-3">
                      <span className="flex flex-col items-start gap-1 whitespace-nowrap">
                        {q.risk ? (
                          <StatusTag tone={riskTone(q.risk)}>{t(`risk.${q.risk}`)}</StatusTag>
                        ) : (
                          <StatusTag tone="success">{t('risk.inTime')}</StatusTag>
                        )}
                        {q.reopened ? <span className="text-sm">{t('inbox.reopened')}</span> : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
