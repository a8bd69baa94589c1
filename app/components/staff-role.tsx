import { useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { actsOnCases } from '~/domain/staff-areas'

/**
 * Whether the employee may act in the caseworkers' areas, or only look (a manager without the
 * caseworker role). From the staff layout's data (app/routes/medewerker+/_layout.tsx); the actions
 * themselves still check the role on the server.
 */
export function useActsOnCases(): boolean {
  const data = useRouteLoaderData('routes/medewerker+/_layout') as { roles?: string[] } | undefined
  return actsOnCases(data?.roles ?? [])
}

/**
 * Said where the actions would be: to a manager looking at a caseworker's page, or to whoever
 * handles an objection, reading the decision it is against.
 */
export function ReadOnlyNote({ reason = 'manager' }: { reason?: 'manager' | 'objection' }) {
  const { t } = useTranslation('staff')
  return (
    <p className="border-l-8 border-info bg-brand-light p-4">
      {reason === 'objection' ? t('readOnlyObjection') : t('readOnly')}
    </p>
  )
}
