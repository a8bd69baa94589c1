import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'

/**
 * A login that did not work: what happened in plain words, a way to try again
 * and a way home, and a short code for the helpdesk. Never a stack trace, never a BSN. When the
 * visitor's earlier session still holds (a step-up that did not happen), it says so — as the
 * header does — and the way back leads to Mijn overzicht.
 */
export function LoginFailure({
  failure,
  kind,
  code,
  retry,
  stillLoggedIn = null,
}: {
  failure: string
  kind: 'citizen' | 'staff'
  code: string | null
  retry: string
  stillLoggedIn?: { level: DigidLevel; wanted: DigidLevel | null } | null
}) {
  const { t } = useTranslation('auth')
  const provider = t(`provider.${kind === 'staff' ? 'staff' : 'digid'}`)
  const stepUp =
    stillLoggedIn?.wanted && !meetsLevel(stillLoggedIn.level, stillLoggedIn.wanted)
      ? { current: t(`levels.${stillLoggedIn.level}`), wanted: t(`levels.${stillLoggedIn.wanted}`) }
      : null
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t(`failure.${failure}.title`)}</h1>
      {stillLoggedIn && failure === 'cancelled' ? null : (
        <p className="mt-4">{t(`failure.${failure}.text`, { provider })}</p>
      )}
      {stillLoggedIn ? (
        <p className="mt-4">
          {stepUp
            ? t('failure.stillLoggedIn.stepUp', stepUp)
            : t('failure.stillLoggedIn.same', { current: t(`levels.${stillLoggedIn.level}`) })}
        </p>
      ) : null}
      <p className="mt-6 flex flex-wrap gap-4">
        {failure === 'unknownPerson' ? null : (
          <a href={retry} className="btn-primary">
            {stepUp ? t('failure.stillLoggedIn.retry', stepUp) : t('failure.retry')}
          </a>
        )}
        {stillLoggedIn ? (
          <Link to="/mijn" className="btn-secondary">
            {t('failure.stillLoggedIn.back')}
          </Link>
        ) : (
          <Link to="/" className="btn-secondary">
            {t('failure.home')}
          </Link>
        )}
      </p>
      <p className="mt-6">{t('failure.help')}</p>
      {code ? <p className="mt-4 text-base text-muted">{t('failure.code', { code })}</p> : null}
    </div>
  )
}
