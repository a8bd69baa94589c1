import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { listCorrectionRequests } from '~/services/requests/correction-review.server'
import { getFixedT } from '~/services/i18n.server'

/** The caseworker's list of correction requests (Wet BRP art. 2.58), the undecided first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const t = await getFixedT(request)
  const requests = await listCorrectionRequests(staff)
  return json({
    requests: requests.map((r) => ({ ...r, submittedOn: r.submittedAt.toISOString().slice(0, 10) })),
    title: t('mydata:staff.correctionsTitle'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Correcties' }]
export const handle = { i18n: 'mydata' }

const tone = { submitted: 'warning', accepted: 'success', refused: 'danger' } as const

export default function CorrectionRequests() {
  const { requests } = useLoaderData<typeof loader>()
  const { t } = useTranslation('mydata')
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('staff.correctionsHeading')}</h1>
      <p className="prose-width mt-3">{t('staff.correctionsLead')}</p>
      {requests.length === 0 ? (
        <p className="mt-6">{t('staff.none')}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('staff.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.citizen')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.item')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.submittedAt')}
                </th>
                <th scope="col" className="py-2">
                  {t('staff.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4">
                    <Link to={`/medewerker/correcties/${r.id}`}>{r.reference}</Link>
                  </td>
                  <td className="py-2 pr-4">{r.citizenName}</td>
                  <td className="py-2 pr-4">{t(`items.${r.field}`)}</td>
                  <td className="py-2 pr-4">
                    <DateText date={r.submittedOn} />
                  </td>
                  <td className="py-2">
                    <StatusTag tone={tone[r.status]}>{t(`staff.statuses.${r.status}`)}</StatusTag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
