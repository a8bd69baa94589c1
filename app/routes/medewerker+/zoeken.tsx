import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { StatusTag, type StatusTone } from '~/components/status-tag'
import { mayEchoQuery, parseStaffQuery, STAFF_QUERY_MAX } from '~/domain/staff-search'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { searchForStaff, type CaseHit, type CitizenHit } from '~/services/staff/search.server'

/**
 * Search from every staff page (the form is in the staff layout): by case number, name or BSN.
 * The query comes in a POST body only — a BSN must reach no URL and no log line — and is never
 * shown again when it holds digits other than a case number. Results link to the case
 * (caseworkers, managers) or start looking along (support), and the search is audited and
 * rate-limited in the service.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request)
  const t = await getFixedT(request)
  return json({ title: `${t('staff:search.title')} – Mijn Stad` })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Zoeken – Mijn Stad' }]
export const handle = { i18n: 'staff' }

// The query's shape is checked by the domain's rules (parseStaffQuery); an over-long or odd body
// counts as an empty search. The message keys are the problems (search.errors.<problem>).
const StaffSearchForm = z.object({
  q: z
    .string()
    .max(STAFF_QUERY_MAX * 4)
    .optional()
    .catch(undefined)
    .transform((v, ctx) => {
      const parsed = parseStaffQuery(v ?? '')
      if (parsed.ok) return parsed.query
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem })
      return z.NEVER
    }),
})

type Fields = { q: string }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request)
  const submission = await parseForm(request, StaffSearchForm)
  const typed = submission.payload.q
  // A query with digits other than a case number (a BSN) is never shown again.
  const hideFields = mayEchoQuery(typeof typed === 'string' ? typed : '') ? [] : ['q']
  if (submission.status !== 'success') return formRefused(submission, [], 400, { hideFields })
  const outcome = await searchForStaff(staff, submission.value.q, { language: await getLanguage(request) })
  if (!outcome.ok) {
    if (outcome.code === 'forbidden') throw new Response('Forbidden', { status: 403 })
    return formRefused(submission, [{ field: 'q', code: 'rateLimited' }], 429, { hideFields })
  }
  return json({ result: submission.reply({ hideFields }), cases: outcome.cases, citizens: outcome.citizens })
}

export default function StaffSearch() {
  const data = useActionData<typeof action>()
  const found = data && 'result' in data ? data : null
  const { t } = useTranslation('staff')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'staff-search',
    lastResult: data && 'result' in data ? data.result : data,
    message: (_field, key) => t(`search.errors.${key}`),
  })
  return (
    <div className="space-y-8">
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('search.heading')}</h1>
        <p className="mt-4">{t('search.lead')}</p>
      </div>
      <Form method="post" role="search" aria-label={t('search.title')} autoComplete="off" noValidate>
        <ErrorSummary title={t('search.errorTitle')} errors={summary} />
        <FormField id="q" label={t('search.label')} hint={t('search.hint')} error={errorOf('q')}>
          {(p) => <input {...p} type="search" spellCheck={false} defaultValue={valueOf('q')} className={inputClass} />}
        </FormField>
        <button type="submit" className="btn-primary">
          {t('search.submit')}
        </button>
      </Form>
      {found ? (
        <section aria-labelledby="results-heading" className="space-y-8">
          <h2 id="results-heading" className="text-2xl">
            {t('search.resultsHeading')}
          </h2>
          {found.cases ? <CaseResults cases={found.cases} /> : null}
          {found.citizens ? <CitizenResults citizens={found.citizens} /> : null}
        </section>
      ) : null}
    </div>
  )
}

const STATUS_TONE: Record<CaseHit['status'], StatusTone> = {
  open: 'info',
  suspended: 'warning',
  decided: 'success',
  closed: 'neutral',
}

function CaseResults({ cases }: { cases: CaseHit[] }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="case-results">
      <h3 id="case-results" className="text-xl">
        {t('search.casesHeading')}
      </h3>
      <p role="status" className="mt-2">
        {cases.length ? t('search.casesCount', { count: cases.length }) : t('search.noCases')}
      </p>
      {cases.length >= 20 ? <p className="mt-2">{t('search.more')}</p> : null}
      {cases.length ? (
        <ul className="mt-4 list-none space-y-4 p-0">
          {cases.map((c) => (
            <li key={c.id} className="border-2 border-line p-4">
              <p className="m-0 text-xl">
                <Link to={`/medewerker/zaken/${c.id}`} className="font-bold">
                  {c.reference}
                </Link>
                {`: ${c.caseType}`}
              </p>
              <p className="m-0 mt-1">{c.subject}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-bold">{t('search.caseOf')}</dt>
                <dd className="m-0">{c.citizenName}</dd>
                <dt className="font-bold">{t('search.decisionDue')}</dt>
                <dd className="m-0">
                  <DateText date={c.decisionDueOn} />
                </dd>
              </dl>
              <div className="mt-2">
                <StatusTag tone={STATUS_TONE[c.status]}>{t(`cases:status.${c.status}`)}</StatusTag>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function CitizenResults({ citizens }: { citizens: CitizenHit[] }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="citizen-results">
      <h3 id="citizen-results" className="text-xl">
        {t('search.citizensHeading')}
      </h3>
      <p role="status" className="mt-2">
        {citizens.length ? t('search.citizensCount', { count: citizens.length }) : t('search.noCitizens')}
      </p>
      {citizens.length >= 20 ? <p className="mt-2">{t('search.more')}</p> : null}
      {citizens.length ? (
        <ul className="mt-4 list-none space-y-4 p-0">
          {citizens.map((c) => (
            <li key={c.choice} className="border-2 border-line p-4">
              <p className="m-0 text-xl font-bold">{c.name}</p>
              <p className="m-0 mt-1">
                {t('search.birthDate')} <DateText date={c.birthDate} />
              </p>
              <form method="post" action="/medewerker/burgers" className="mt-3">
                <input type="hidden" name="intent" value="choose" />
                <input type="hidden" name="choice" value={c.choice} />
                <button
                  type="submit"
                  className="btn-secondary"
                  aria-label={t('search.viewAlongLabel', { name: c.name })}
                >
                  {t('search.viewAlong')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
