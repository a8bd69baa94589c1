import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { KlantbeeldPage } from '~/components/klantbeeld-page'
import { requireStaff } from '~/services/auth/guards.server'
import { loadKlantbeeld } from '~/services/contacts/klantbeeld-route.server'
import { KLANTBEELD_ROLES } from '~/domain/staff-areas'
import { klantbeeldTokenFor } from '~/services/contacts/klantbeeld.server'
import { notFound } from '~/responses'

/**
 * The klantbeeld of a citizen found in the search (/medewerker/burgers): the search POSTs its
 * sealed choice here, and the page's address carries a sealed, session-bound token — never a BSN.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('burger')
  if (!token || token.length > 512) throw notFound()
  return json(await loadKlantbeeld(request, { via: 'search', token }, '/medewerker/klantbeeld'), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, KLANTBEELD_ROLES)
  const choice = (await request.formData()).get('choice')
  const token = typeof choice === 'string' ? klantbeeldTokenFor(staff, choice) : null
  if (!token) return redirect('/medewerker/burgers?melding=verlopen')
  return redirect(`/medewerker/klantbeeld?${new URLSearchParams({ burger: token })}`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Klantbeeld' }]
export const handle = { i18n: ['contact', 'topics'] }

export default function KlantbeeldFromSearch() {
  return <KlantbeeldPage {...useLoaderData<typeof loader>()} />
}
