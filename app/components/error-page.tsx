import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** What went wrong and what now, in plain words; never a stack trace. */
export function errorKind(status: number) {
  return status === 404
    ? 'notFound'
    : status === 403
      ? 'forbidden'
      : status === 400 || status === 405 || status === 501
        ? 'badRequest'
        : status === 413
          ? 'tooLarge'
          : status === 415
            ? 'unsupported'
            : status === 503
              ? 'unavailable'
              : 'serverError'
}

export function ErrorPage({
  status,
  home,
  retryAfter,
  retryHref,
}: {
  status: number
  /** where "back" leads, when not the home page (a staff area's start) */
  home?: { to: string; label: string }
  /** 503: in how many seconds to try again (the Retry-After the server sent with it) */
  retryAfter?: number
  /** 503: the page to try again (the one that failed; '' is the address in the browser's bar) */
  retryHref?: string
}) {
  const { t } = useTranslation()
  const kind = errorKind(status)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t(`errors.${kind}Title`)}</h1>
      <p className="mt-4">{t(`errors.${kind}Text`)}</p>
      {kind === 'unavailable' && retryAfter ? (
        <p className="mt-4">{t('errors.unavailableRetry', { count: retryAfter })}</p>
      ) : null}
      <p className="mt-4">{t('errors.help')}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        {kind === 'unavailable' && retryHref !== undefined ? (
          // A plain link: a full page load, also without JavaScript.
          <a href={retryHref} className="btn-primary">
            {t('errors.tryAgain')}
          </a>
        ) : null}
        <Link
          to={home?.to ?? '/'}
          className={kind === 'unavailable' && retryHref !== undefined ? 'btn-secondary' : 'btn-primary'}
        >
          {home?.label ?? t('errors.backHome')}
        </Link>
      </p>
      <p className="mt-6 text-base text-muted">{t('errors.reference', { code: status })}</p>
    </div>
  )
}
