import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CaseStatusTag } from './case-status-tag'
import { DateText, formatLocalDate } from './date-text'
import { InformationRequestPanel } from './information-request-panel'

export interface CasesOverviewData {
  actionNeeded: Array<{
    id: string
    reference: string
    caseType: string
    subject: string
    information: string
    respondBy: string
  }>
  openCases: Array<{
    id: string
    reference: string
    caseType: string
    subject: string
    status: string
    currentStepName: string
    decisionDueOn: string
    actionNeeded: boolean
    overdue: boolean
  }>
  openCount: number
  unreadLetters: number
  nextDate: {
    date: string
    kind: 'respond_by' | 'decision_due'
    caseId: string
    reference: string
    caseType: string
  } | null
}

/**
 * The cases part of "Mijn overzicht" (/mijn): "is there anything I need to do?" — action needed
 * first (a task list), then the next date that matters, unread letters and the open cases.
 * Presentational only: the page's loader gets the data from the cases service.
 */
export function CasesOverview({ overview, maxOpen = 5 }: { overview: CasesOverviewData; maxOpen?: number }) {
  const { t, i18n } = useTranslation('cases')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  return (
    <div className="space-y-10">
      <section aria-labelledby="overview-action-heading">
        <h2 id="overview-action-heading" className="text-2xl">
          {t('overview.actionHeading')}
        </h2>
        {overview.actionNeeded.length ? (
          <ul className="mt-3 space-y-6">
            {overview.actionNeeded.map((a) => (
              <li key={a.id}>
                <InformationRequestPanel
                  caseId={a.id}
                  reference={a.reference}
                  caseType={a.caseType}
                  information={a.information}
                  respondBy={a.respondBy}
                  respondByPassed={false}
                  headingLevel={3}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('overview.noAction')}</p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="overview-next-heading" className="border-2 border-line p-4">
          <h2 id="overview-next-heading" className="text-xl">
            {t('overview.nextDateHeading')}
          </h2>
          <p className="mt-2">
            {overview.nextDate ? (
              <Link to={`/mijn/zaken/${overview.nextDate.caseId}`}>
                {t(overview.nextDate.kind === 'respond_by' ? 'overview.nextRespondBy' : 'overview.nextDecisionDue', {
                  date: date(overview.nextDate.date),
                  caseType: overview.nextDate.caseType,
                  reference: overview.nextDate.reference,
                })}
              </Link>
            ) : (
              t('overview.noNextDate')
            )}
          </p>
        </section>
        <section aria-labelledby="overview-letters-heading" className="border-2 border-line p-4">
          <h2 id="overview-letters-heading" className="text-xl">
            {t('overview.lettersHeading')}
          </h2>
          <p className="mt-2">{t('overview.unreadLetters', { count: overview.unreadLetters })}</p>
          <p className="mt-2">
            <Link to="/mijn/brieven">{t('overview.allLetters')}</Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="overview-open-heading">
        <h2 id="overview-open-heading" className="text-2xl">
          {t('overview.openHeading')}
        </h2>
        {overview.openCases.length ? (
          <ul className="mt-3 divide-y divide-line border-y border-line">
            {overview.openCases.slice(0, maxOpen).map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <div>
                  <Link to={`/mijn/zaken/${c.id}`} className="font-bold">
                    {c.caseType}
                    <span className="sr-only">, {c.reference}</span>
                  </Link>
                  <span className="block text-base text-muted">
                    {c.currentStepName} · {t('fields.decisionDue')}: <DateText date={c.decisionDueOn} />
                  </span>
                </div>
                <CaseStatusTag summary={c} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('overview.noOpen')}</p>
        )}
        <p className="mt-3">
          <Link to="/mijn/zaken">
            {t('overview.allCases')}
            {overview.openCount > maxOpen ? ` (${overview.openCount})` : ''}
          </Link>
        </p>
      </section>
    </div>
  )
}
