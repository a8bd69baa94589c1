import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { listMoveRequests } from '~/services/requests/move-review.server'

/** The caseworker's list of reported moves: the ones to check first (Wet BRP art. 2.39). */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const t = await getFixedT(request)
  return json({ moves: await listMoveRequests(staff), title: t('mydata:staff.movesTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizingen' }]
export const handle = { i18n: ['mydata', 'moves'] }

const stateTone = {
  submitted: 'warning',
  investigating: 'warning',
  scheduled: 'info',
  applied: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
} as const

export default function MoveRequests() {
  const { moves } = useLoaderData<typeof loader>()
  const { t } = useTranslation('mydata')
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('staff.movesHeading')}</h1>
      <p className="prose-width mt-3">{t('staff.movesLead')}</p>
      {moves.length === 0 ? (
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
                  {t('staff.newAddress')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.moveDate')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.coMovers')}
                </th>
                <th scope="col" className="py-2">
                  {t('staff.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {moves.map((m) => (
                <tr key={m.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4">
                    <Link to={`/medewerker/verhuizingen/${m.id}`}>{m.reference}</Link>
                  </td>
                  <td className="py-2 pr-4">{m.citizenName}</td>
                  <td className="py-2 pr-4">{m.address}</td>
                  <td className="py-2 pr-4">
                    <DateText date={m.moveDate} />
                  </td>
                  <td className="py-2 pr-4">{m.coMovers}</td>
                  <td className="py-2">
                    <StatusTag tone={stateTone[m.state]}>{t(`moves:staff.states.${m.state}`)}</StatusTag>
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
