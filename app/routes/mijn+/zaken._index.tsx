import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CaseStatusTag } from '~/components/case-status-tag'
import { DateText } from '~/components/date-text'
import { requireCitizen } from '~/services/auth/guards.server'
import { listCasesForCitizen } from '~/services/cases/citizen.server'
import type { CaseSummary } from '~/services/cases/summaries.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'

/** "Mijn zaken": what is running, and where is each? */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const cases = await listCasesForCitizen(citizen.bsn, lang)
  return json({ cases, title: t('cases:list.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn zaken' }]
export const handle = { i18n: 'cases' }

export default function MyCases() {
  const { cases } = useLoaderData<typeof loader>()
  const { t } = useTranslation('cases')
  const none = cases.open.length === 0 && cases.finished.length === 0
  return (
    <div className="prose-width space-y-10">
      <div>
        <h1 className="text-3xl md:text-4xl">{t('list.heading')}</h1>
        <p className="mt-3">{t('list.lead')}</p>
      </div>
      {none ? (
        <p>{t('list.noCases')}</p>
      ) : (
        <>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading" className="text-2xl">
              {t('list.openHeading')}{' '}
              <span className="text-lg font-normal text-muted">({t('list.count', { count: cases.open.length })})</span>
            </h2>
            {cases.open.length ? <CaseCards cases={cases.open} /> : <p className="mt-2">{t('list.noOpen')}</p>}
          </section>
          <section aria-labelledby="finished-heading">
            <h2 id="finished-heading" className="text-2xl">
              {t('list.finishedHeading')}{' '}
              <span className="text-lg font-normal text-muted">
                ({t('list.count', { count: cases.finished.length })})
              </span>
            </h2>
            {cases.finished.length ? (
              <CaseCards cases={cases.finished} />
            ) : (
              <p className="mt-2">{t('list.noFinished')}</p>
            )}
          </section>
        </>
      )}
    </div>
  )
}

function CaseCards({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation('cases')
  return (
    <ul className="mt-4 space-y-4">
      {cases.map((c) => (
        <li key={c.id} className={`border-2 p-4 ${c.actionNeeded ? 'border-warning' : 'border-line'}`}>
          <h3 className="text-xl">
            <Link to={`/mijn/zaken/${c.id}`}>
              {c.caseType}
              <span className="sr-only">, {c.reference}</span>
            </Link>
          </h3>
          <p className="mt-1">{c.subject}</p>
          <div className="mt-2">
            <CaseStatusTag summary={c} />
          </div>
          <dl className="mt-3 grid gap-x-6 gap-y-1 text-base sm:grid-cols-[auto_1fr]">
            <dt className="font-bold">{t('fields.reference')}</dt>
            <dd className="m-0">{c.reference}</dd>
            <dt className="font-bold">{t('fields.currentStep')}</dt>
            <dd className="m-0">{c.currentStepName}</dd>
            {c.status === 'open' || c.status === 'suspended' ? (
              <>
                <dt className="font-bold">{t('fields.decisionDue')}</dt>
                <dd className="m-0">
                  <DateText date={c.decisionDueOn} />
                  {c.extended
                    ? ` (${t('due.extended')})`
                    : c.status === 'suspended'
                      ? ` (${t('due.suspended')})`
                      : null}
                </dd>
              </>
            ) : null}
            {c.actionNeeded && c.respondBy ? (
              <>
                <dt className="font-bold">{t('fields.respondBy')}</dt>
                <dd className="m-0">
                  <DateText date={c.respondBy} />
                </dd>
              </>
            ) : null}
            {c.decidedOn ? (
              <>
                <dt className="font-bold">{t('fields.decidedOn')}</dt>
                <dd className="m-0">
                  <DateText date={c.decidedOn} />
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  )
}
