import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** What went wrong and what now, in plain words; never a stack trace (PAGES.md, errors). */
export function errorKind(status: number) {
  return status === 404
    ? 'notFound'
    : status === 403
      ? 'forbidden'
      : status === 400
        ? 'badRequest'
        : status === 503
          ? 'unavailable'
          : 'serverError'
}

export function ErrorPage({ status, home }: { status: number; home?: { to: string; label: string } }) {
  const { t } = useTranslation()
  const kind = errorKind(status)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t(`errors.${kind}Title`)}</h1>
      <p className="mt-4">{t(`errors.${kind}Text`)}</p>
      <p className="mt-4">{t('errors.help')}</p>
      <p className="mt-6">
        <Link to={home?.to ?? '/'} className="btn-primary">
          {home?.label ?? t('errors.backHome')}
        </Link>
      </p>
      <p className="mt-6 text-base text-muted">{t('errors.reference', { code: status })}</p>
    </div>
  )
}
