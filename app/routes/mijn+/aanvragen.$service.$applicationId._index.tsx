import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireCitizen } from '~/services/auth/guards.server'
import { whereToResume } from '~/services/eloket/drafts.server'
import { notFound } from '~/responses'

/** "Verder gaan" on Mijn aanvragen: on at the first page with something missing, or the check page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { service: code = '', applicationId: id = '' } = params
  const base = `/mijn/aanvragen/${code}/${id}`
  const where = await whereToResume(citizen, code, id)
  switch (where.status) {
    case 'not_found':
      throw notFound()
    case 'submitted':
      return redirect(`${base}/verstuurd`)
    case 'awaiting_payment':
      return redirect(`${base}/controleren`)
    case 'draft':
      return redirect(where.pageId ? `${base}/${where.pageId}` : `${base}/controleren`)
  }
}
