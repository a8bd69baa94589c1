import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { ReadOnlyNote, useActsOnCases } from '~/components/staff-role'
import { StatusTag, type StatusTone } from '~/components/status-tag'
import { actsOnCases, CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { listCasesForStaff } from '~/services/cases/access.server'
import { withInformationReceived } from '~/services/cases/caseworker.server'
import type { CaseRisk } from '~/services/cases/summaries.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'

/**
 * The caseworker's work list: "what is mine today?" — late and almost late first. Only the case
 * types of the employee's department (all of them for a manager).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  // A manager looks at all cases: none are theirs to handle.
  const all = new URL(request.url).searchParams.get('alle') === '1' || !actsOnCases(staff.roles)
  const listed = await listCasesForStaff(staff, { mine: !all }, { lang })
  // "Informatie ontvangen": the cases whose answer came in and waits for the caseworker, oldest first.
  const receivedOnly = new URL(request.url).searchParams.get('ontvangen') === '1'
  const received = withInformationReceived(listed)
  const cases = receivedOnly ? received : listed
  return json({ cases, all, receivedOnly, receivedCount: received.length, title: t('cases:staff.listTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Zaken' }]
export const handle = { i18n: ['cases', 'information'] }

const RISK: Record<CaseRisk, { tone: StatusTone; key: string }> = {
  overdue: { tone: 'danger', key: 'status.overdue' },
  at_risk: { tone: 'warning', key: 'status.atRisk' },
  waiting: { tone: 'info', key: 'status.waiting' },
  on_track: { tone: 'success', key: 'status.onTrack' },
  decided: { tone: 'neutral', key: 'status.decided' },
  closed: { tone: 'neutral', key: 'status.closed' },
}

export default function Worklist() {
  const { cases, all, receivedOnly, receivedCount } = useLoaderData<typeof loader>()
  const { t } = useTranslation('cases')
  const { t: ti } = useTranslation('information')
  const base = all ? '/medewerker/zaken?alle=1' : '/medewerker/zaken'
  const acts = useActsOnCases()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl md:text-4xl">{t('staff.listHeading')}</h1>
          <p className="mt-2">{t('staff.listLead')}</p>
        </div>
        {acts ? (
          <Link to="/medewerker/zaken/nieuw" className="btn-primary">
            {t('staff.register')}
          </Link>
        ) : null}
      </div>
      {acts ? null : <ReadOnlyNote />}
      <nav aria-label={t('staff.filterLabel')} hidden={!acts}>
        <ul className="flex flex-wrap gap-4">
          <li>
            {all || receivedOnly ? (
              <Link to="/medewerker/zaken">{t('staff.mine')}</Link>
            ) : (
              <strong aria-current="page">{t('staff.mine')}</strong>
            )}
          </li>
          <li>
            {all && !receivedOnly ? (
              <strong aria-current="page">{t('staff.all')}</strong>
            ) : (
              <Link to="/medewerker/zaken?alle=1">{t('staff.all')}</Link>
            )}
          </li>
          <li>
            {receivedOnly ? (
              <strong aria-current="page">{ti('staff.filter', { count: receivedCount })}</strong>
            ) : (
              <Link to={`${base}${all ? '&' : '?'}ontvangen=1`}>{ti('staff.filter', { count: receivedCount })}</Link>
            )}
          </li>
        </ul>
      </nav>
      {cases.length === 0 ? (
        <p>{t('staff.noCases')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">
              {receivedOnly ? ti('staff.tag') : all ? t('staff.all') : t('staff.mine')}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('fields.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('fields.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('fields.decisionDue')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('fields.caseType')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('fields.citizen')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('fields.currentStep')}
                </th>
                <th scope="col" className="py-2">
                  {t('fields.contact')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className="border-b border-line align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link to={`/medewerker/zaken/${c.id}`} className="font-bold whitespace-nowrap">
                      {c.reference}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">
                    <StatusTag tone={RISK[c.risk].tone}>{t(RISK[c.risk].key)}</StatusTag>
                    {c.informationReceivedOn ? (
                      <span className="mt-1 block">
                        <StatusTag tone="info">{ti('staff.tag')}</StatusTag>
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    <DateText date={c.decisionDueOn} />
                    {c.daysLeft !== null ? (
                      <span className="block text-muted">
                        {c.daysLeft < 0
                          ? t('staff.daysLate', { count: -c.daysLeft })
                          : t('staff.daysLeft', { count: c.daysLeft })}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    {c.caseType}
                    <span className="block text-muted">{c.subject}</span>
                  </td>
                  <td className="py-2 pr-4">{c.citizenName}</td>
                  <td className="py-2 pr-4">{c.currentStepName}</td>
                  <td className="py-2">{c.contactName ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
