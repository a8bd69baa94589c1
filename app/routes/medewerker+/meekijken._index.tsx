import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText, formatLocalDate } from '~/components/date-text'
import { FormField, inputClass } from '~/components/form-field'
import { addDays, compareLocalDate, isLocalDate, todayIn } from '~/domain/local-date'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { auditChainStatus, listImpersonations } from '~/services/impersonation/review.server'

/**
 * "Meekijken controleren", role `manager`: every
 * viewing in a period, by employee, with reasons, and whether the audit log's chain is intact.
 * A GET form (dates and an employee are no secret), so a view can be bookmarked.
 */
const Filter = z.object({
  van: z.string().refine(isLocalDate).optional().catch(undefined),
  tot: z.string().refine(isLocalDate).optional().catch(undefined),
  medewerker: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,64}$/)
    .optional()
    .catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'manager')
  const t = await getFixedT(request)
  const query = Filter.parse(Object.fromEntries(new URL(request.url).searchParams))
  const today = todayIn(new Date())
  let from = query.van ?? addDays(today, -30)
  let to = query.tot ?? today
  const invalid = compareLocalDate(from, to) > 0
  if (invalid) [from, to] = [to, from]
  const [{ rows, employees }, chain] = await Promise.all([
    listImpersonations({ from, to, employeeId: query.medewerker }),
    auditChainStatus(),
  ])
  return json({
    title: t('impersonation:review.title'),
    from,
    to,
    employeeId: query.medewerker ?? '',
    invalid,
    rows,
    employees,
    chain,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Meekijken controleren' }]
export const handle = { i18n: 'impersonation' }

export default function ImpersonationReview() {
  const { from, to, employeeId, invalid, rows, employees, chain } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('impersonation')
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('review.heading')}</h1>
      <p className="prose-width mt-4">{t('review.lead')}</p>

      <section
        aria-labelledby="chain"
        className={`prose-width mt-6 border-l-8 p-4 ${chain.ok ? 'border-success bg-surface' : 'border-danger bg-surface'}`}
      >
        <h2 id="chain" className="text-xl">
          {t('review.chainHeading')}
        </h2>
        <p className="m-0 mt-1">
          <span aria-hidden="true">{chain.ok ? '✓ ' : '✗ '}</span>
          {chain.ok ? t('review.chainOk', { count: chain.rows }) : t('review.chainBroken', { id: chain.firstBrokenId })}
        </p>
      </section>

      <Form method="get" className="mt-8 flex flex-wrap items-end gap-x-6">
        <FormField id="van" label={t('review.from')}>
          {(p) => <input {...p} type="date" defaultValue={from} className={`${inputClass} w-44`} />}
        </FormField>
        <FormField id="tot" label={t('review.to')}>
          {(p) => <input {...p} type="date" defaultValue={to} className={`${inputClass} w-44`} />}
        </FormField>
        <FormField id="medewerker" label={t('review.employee')}>
          {(p) => (
            <select {...p} defaultValue={employeeId} className={`${inputClass} w-64`}>
              <option value="">{t('review.allEmployees')}</option>
              {employees.map((e) => (
                <option key={e.id} value={e.id}>{`${e.name} (${e.id})`}</option>
              ))}
            </select>
          )}
        </FormField>
        <div className="mb-6">
          <button type="submit" className="btn-primary">
            {t('review.filter')}
          </button>
        </div>
      </Form>
      {invalid ? <p className="font-bold text-danger">{t('review.invalidDates')}</p> : null}

      <p role="status" className="mt-2">
        {rows.length ? t('review.summary', { count: rows.length }) : t('review.none')}
      </p>
      {rows.length ? (
        <div className="mt-4 overflow-x-auto" role="region" aria-labelledby="review-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left text-base">
            <caption id="review-caption" className="sr-only">
              {t('review.caption', {
                from: formatLocalDate(from, i18n.language),
                to: formatLocalDate(to, i18n.language),
              })}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">
                  {t('review.started')}
                </th>
                <th scope="col" className="p-2">
                  {t('review.employee')}
                </th>
                <th scope="col" className="p-2">
                  {t('review.citizen')}
                </th>
                <th scope="col" className="p-2">
                  {t('review.reason')}
                </th>
                <th scope="col" className="p-2">
                  {t('review.reference')}
                </th>
                <th scope="col" className="p-2">
                  {t('review.ended')}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t('review.pages')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line align-top">
                  <td className="p-2">
                    <time dateTime={r.startedAt}>{time.format(new Date(r.startedAt))}</time>
                  </td>
                  <td className="p-2">
                    {r.employeeName} <span className="text-muted">({r.employeeId})</span>
                  </td>
                  <td className="p-2">{r.citizenName}</td>
                  <td className="p-2">{`${t(`start.reasons.${r.reasonCode}`)}${r.reasonText ? `: ${r.reasonText}` : ''}`}</td>
                  <td className="p-2">{r.reference}</td>
                  <td className="p-2">
                    {r.endedAt ? <time dateTime={r.endedAt}>{time.format(new Date(r.endedAt))}</time> : null}{' '}
                    {t(`review.endedBy.${r.endedBy}`)}
                  </td>
                  <td className="p-2 text-right">{r.pagesSeen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="mt-6 text-muted">
        <DateText date={from} /> – <DateText date={to} />
      </p>
    </div>
  )
}
