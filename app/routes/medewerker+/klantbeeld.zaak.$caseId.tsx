import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { KlantbeeldPage } from '~/components/klantbeeld-page'
import { loadKlantbeeld } from '~/services/contacts/klantbeeld-route.server'

/** The klantbeeld of a case's citizen, reached from the case by its id. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const caseId = params.caseId ?? ''
  return json(await loadKlantbeeld(request, { via: 'case', caseId }, `/medewerker/klantbeeld/zaak/${caseId}`), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Klantbeeld' }]
export const handle = { i18n: ['contact', 'topics'] }

export default function KlantbeeldOfCase() {
  return <KlantbeeldPage {...useLoaderData<typeof loader>()} />
}
