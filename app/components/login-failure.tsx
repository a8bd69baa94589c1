import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * A login that did not work (issue 3, item 6): what happened in plain words, a way to try again
 * and a way home, and a short code for the helpdesk. Never a stack trace, never a BSN.
 */
export function LoginFailure({
  failure,
  kind,
  code,
  retry,
}: {
  failure: string
  kind: 'citizen' | 'staff'
  code: string | null
  retry: string
}) {
  const { t } = useTranslation('auth')
  const provider = t(`provider.${kind === 'staff' ? 'staff' : 'digid'}`)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t(`failure.${failure}.title`)}</h1>
      <p className="mt-4">{t(`failure.${failure}.text`, { provider })}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        {failure === 'unknownPerson' ? null : (
          <a href={retry} className="btn-primary">
            {t('failure.retry')}
          </a>
        )}
        <Link to="/" className="btn-secondary">
          {t('failure.home')}
        </Link>
      </p>
      <p className="mt-6">{t('failure.help')}</p>
      {code ? <p className="mt-4 text-base text-muted">{t('failure.code', { code })}</p> : null}
    </div>
  )
}
