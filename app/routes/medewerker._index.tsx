import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CasesAtRisk } from '~/components/cases-at-risk'
import { requireStaff } from '~/services/auth.server'
import { getLanguage, i18next } from '~/services/i18n.server'
import { getCasesAtRiskForEmployee } from '~/services/quality.server'

/** The staff start page: who you are and what you may do. The work lists come with their issues. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request)
  const t = await i18next.getFixedT(request, 'auth')
  // Issue 8: a caseworker's cases about to pass their term, and the overdue ones, first thing.
  const atRisk = staff.roles.includes('caseworker')
    ? await getCasesAtRiskForEmployee(staff.employeeId, await getLanguage(request))
    : null
  return json({ title: t('staffStart.title'), name: staff.name, roles: staff.roles, atRisk })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]

export default function StaffStart() {
  const { name, roles, atRisk } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('staffStart.heading')}</h1>
      <p className="mt-4 text-xl">{t('staffStart.welcome', { name })}</p>
      {atRisk ? (
        <div className="mt-8">
          <CasesAtRisk cases={atRisk.cases} withinWorkingDays={atRisk.withinWorkingDays} />
        </div>
      ) : null}
      {roles.includes('manager') ? (
        <p className="mt-6">
          <Link to="/medewerker/kwaliteit" className="text-lg font-bold">
            {t('quality:dashboard.startLink')}
          </Link>
        </p>
      ) : null}
      <h2 className="mt-8 text-2xl">{t('staffStart.rolesHeading')}</h2>
      {roles.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {roles.map((role) => (
            <li key={role}>{t(`staffStart.roles.${role}`)}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t('staffStart.noRoles')}</p>
      )}
      <ImpersonationLinks roles={roles} />
    </div>
  )
}

/** Issue 7: support finds a citizen and views as them; a manager reviews those viewings. */
function ImpersonationLinks({ roles }: { roles: string[] }) {
  const { t } = useTranslation('impersonation')
  const links = [
    ...(roles.includes('support') ? [{ to: '/medewerker/burgers', label: t('staffStart.search') }] : []),
    ...(roles.includes('manager') ? [{ to: '/medewerker/meekijken', label: t('staffStart.review') }] : []),
  ]
  if (!links.length) return null
  return (
    <ul className="mt-6 list-none space-y-2 p-0">
      {links.map((l) => (
        <li key={l.to}>
          <Link to={l.to} className="text-lg font-bold">
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}
