/** The klantbeeld routes' one loader: the employee, the target, the page, or the same 404. */
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { notFound } from '~/responses'
import { contactQueryOf, pagerLinks } from './history.server'
import { viewKlantbeeld, type KlantbeeldTarget } from './klantbeeld.server'

/** Reached by the contact centre, support staff and caseworkers; the service decides per citizen. */
export const KLANTBEELD_ROUTE_ROLES = ['kcc', 'support', 'caseworker'] as const

export async function loadKlantbeeld(request: Request, target: KlantbeeldTarget, path: string) {
  const staff = await requireStaff(request, KLANTBEELD_ROUTE_ROLES)
  const query = contactQueryOf(new URL(request.url).searchParams)
  const outcome = await viewKlantbeeld(staff, target, query)
  if (!outcome.ok) throw notFound()
  const t = await getFixedT(request)
  const hidden: Record<string, string> = target.via === 'search' ? { burger: target.token } : {}
  return {
    title: t('contact:staff.title', { name: outcome.name }),
    name: outcome.name,
    via: outcome.via,
    reference: outcome.reference,
    entries: outcome.page.entries,
    filter: query.filter,
    period: query.period,
    action: path,
    hidden,
    ...pagerLinks(path, query, outcome.page.next, hidden),
  }
}
