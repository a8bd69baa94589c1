import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from './date-text'
import { StatusTag } from './status-tag'

/** One case at risk, as `getCasesAtRiskForEmployee` (app/services/quality/cases-at-risk.server.ts) returns it. */
export interface CaseAtRiskItem {
  id: string
  reference: string
  caseType: string
  subject: string
  decisionDueOn: string
  risk: 'overdue' | 'at_risk'
  workingDaysLeft: number
  daysOverdue: number
  extended: boolean
  canExtend: boolean
}

/**
 * The caseworker's cases that are late or about to be (the charter: "als er meer tijd nodig is
 * dan laten we dit weten"; Awb 4:14: an extension goes out within the term). Overdue first. Each row
 * says what to do: decide, or extend while that is still possible.
 */
export function CasesAtRisk({
  cases,
  withinWorkingDays,
  headingLevel = 2,
  caseHref = (id) => `/medewerker/zaken/${id}`,
}: {
  cases: CaseAtRiskItem[]
  withinWorkingDays: number
  headingLevel?: 2 | 3
  caseHref?: (id: string) => string
}) {
  const { t } = useTranslation('quality')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="cases-at-risk-heading">
      <Heading id="cases-at-risk-heading" className="text-2xl">
        {t('atRisk.heading')}
      </Heading>
      <p className="mt-2">{t('atRisk.lead', { count: withinWorkingDays })}</p>
      {cases.length === 0 ? (
        <p className="mt-4">{t('atRisk.empty')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">{t('atRisk.caption')}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('atRisk.columns.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('atRisk.columns.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('atRisk.columns.due')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('atRisk.columns.caseType')}
                </th>
                <th scope="col" className="py-2">
                  {t('atRisk.columns.action')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className="border-b border-line align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link to={caseHref(c.id)} className="whitespace-nowrap font-bold">
                      {c.reference}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap py-2 pr-4">
                    <StatusTag tone={c.risk === 'overdue' ? 'danger' : 'warning'}>
                      {t(c.risk === 'overdue' ? 'atRisk.overdue' : 'atRisk.atRisk')}
                    </StatusTag>
                  </td>
                  <td className="py-2 pr-4">
                    <DateText date={c.decisionDueOn} />
                    <span className="block text-muted">
                      {c.risk === 'overdue'
                        ? t('atRisk.daysOverdue', { count: c.daysOverdue })
                        : c.workingDaysLeft === 0
                          ? t('atRisk.dueToday')
                          : t('atRisk.workingDaysLeft', { count: c.workingDaysLeft })}
                    </span>
                  </td>
                  <td className="py-2 pr-4">
                    {c.caseType}
                    <span className="block text-muted">{c.subject}</span>
                  </td>
                  <td className="py-2">
                    {c.risk === 'overdue'
                      ? t('atRisk.decideLate')
                      : c.canExtend
                        ? t('atRisk.extend')
                        : t('atRisk.decide')}
                    {c.extended ? <span className="block text-muted">{t('atRisk.extended')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
