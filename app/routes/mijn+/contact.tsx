import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContactFilterForm, ContactPager, ContactTimeline } from '~/components/contact-timeline'
import { requireCitizen } from '~/services/auth/guards.server'
import { contactQueryOf, pagerLinks, readContactHistory } from '~/services/contacts/history.server'
import { getFixedT } from '~/services/i18n.server'

/**
 * "Mijn contact": every contact with the municipality, newest first — questions and answers,
 * calls and counter visits, messages on cases and letters. Filtered by a GET form (works
 * without JavaScript), paged by keyset. The BSN comes from the session only; while a support
 * employee looks along, the page is the same and the viewing is audited (requireCitizen).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const t = await getFixedT(request)
  const query = contactQueryOf(new URL(request.url).searchParams)
  const page = await readContactHistory(citizen.bsn, query, { viewer: 'citizen' })
  return json(
    {
      title: t('contact:mine.title'),
      entries: page.entries,
      filter: query.filter,
      period: query.period,
      ...pagerLinks('/mijn/contact', query, page.next),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn contact' }]
export const handle = { i18n: ['contact', 'topics'] }

export default function MyContact() {
  const { entries, filter, period, nextHref, firstHref } = useLoaderData<typeof loader>()
  const { t } = useTranslation('contact')
  return (
    <div className="prose-width space-y-8">
      <div>
        <h1 className="text-3xl md:text-4xl">{t('mine.heading')}</h1>
        <p className="mt-3">{t('mine.lead')}</p>
      </div>
      <ContactFilterForm action="/mijn/contact" filter={filter} period={period} />
      <ContactTimeline entries={entries} side="citizen" />
      <ContactPager nextHref={nextHref} firstHref={firstHref} />
    </div>
  )
}
