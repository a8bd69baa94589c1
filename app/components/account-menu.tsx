import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export interface AccountSummary {
  kind: 'citizen' | 'staff'
  name: string
  actingName: string | null
}

/**
 * In the header, on every page while logged in: whom you are logged in as, and
 * Uitloggen — a real form POST, so it works without JavaScript and no link can log you out.
 */
export function AccountMenu({ account }: { account: AccountSummary }) {
  const { t } = useTranslation('auth')
  // Under DigiD Machtigen the session's name is the person represented; the one acting logged in.
  const who = account.actingName ?? account.name
  return (
    <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t('header.accountLabel')}>
      <p className="text-base leading-tight">
        <span className="block text-sm">{t('header.loggedInAs')}</span>
        <Link
          to={account.kind === 'staff' ? '/medewerker' : '/mijn'}
          className="font-bold text-white hover:text-white focus-visible:text-ink"
        >
          {who}
        </Link>
        {account.kind === 'staff' ? <span className="text-sm"> {t('header.staffSuffix')}</span> : null}
        {account.actingName ? (
          <span className="block text-sm">{t('header.onBehalfOf', { name: account.name })}</span>
        ) : null}
      </p>
      <form method="post" action="/uitloggen">
        <button
          type="submit"
          className="rounded-sm border border-white/70 px-3 py-1 text-base font-bold text-white hover:bg-white hover:text-brand focus-visible:text-ink"
        >
          {t('header.logout')}
        </button>
      </form>
    </div>
  )
}
