import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { listWaitingConversations } from '~/services/messages/worklist.server'

/**
 * "Berichten": the cases whose citizen waits for an answer, the first due on top, judged by the
 * charter's e-mail norms (acknowledgement within 5 working days, answer within 6 weeks).
 * Only the cases of the employee's department (all for a manager).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const waiting = await listWaitingConversations(staff, { lang })
  return json({ waiting, title: t('messages:list.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Berichten' }]
export const handle = { i18n: 'messages' }

export default function WaitingMessages() {
  const { waiting } = useLoaderData<typeof loader>()
  const { t } = useTranslation('messages')
  const late = waiting.filter((w) => w.due.late).length
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('list.heading')}</h1>
      <p className="prose-width mt-3">{t('list.lead')}</p>
      {waiting.length === 0 ? (
        <p className="mt-6">{t('list.none')}</p>
      ) : (
        <>
          <p className="mt-4 font-bold">
            {t('list.summary', { count: waiting.length })}
            {late > 0 ? ` ${t('list.lateCount', { count: late })}` : null}
          </p>
          <div className="mt-6 overflow-x-auto" role="region" aria-labelledby="waiting-caption" tabIndex={0}>
            <table className="w-full border-collapse text-left text-base">
              <caption id="waiting-caption" className="sr-only">
                {t('list.caption')}
              </caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    {t('list.case')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('list.caseType')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('list.received')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('list.owed')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('list.dueOn')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('list.status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((w) => (
                  <tr key={w.caseId} className="border-b border-line align-top">
                    <td className="py-3 pr-4">
                      <Link to={`/medewerker/zaken/${w.caseId}/berichten`}>{w.reference}</Link>
                      {w.waiting > 1 ? (
                        <span className="block text-sm text-muted">{t('list.messages', { count: w.waiting })}</span>
                      ) : null}
                    </td>
                    <td className="py-3 pr-4">{w.caseType}</td>
                    <td className="py-3 pr-4">
                      <DateText date={w.firstSentOn} />
                    </td>
                    <td className="py-3 pr-4">{t(`list.owedKind.${w.due.owed}`)}</td>
                    <td className="py-3 pr-4">
                      <DateText date={w.due.dueOn} />
                    </td>
                    <td className="py-3">
                      {w.due.late ? (
                        <StatusTag tone="danger">{t('list.late')}</StatusTag>
                      ) : (
                        <StatusTag tone="success">{t('list.inTime')}</StatusTag>
                      )}
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
