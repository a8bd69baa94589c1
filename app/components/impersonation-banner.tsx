import { useEffect, useState } from 'react'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export interface ImpersonationBannerData {
  employeeName: string
  citizenName: string
  expiresAt: string
  /** the server's clock when the page was made: the countdown is relative to it */
  now: string
  minutesLeft: number
}

/**
 * On every page while a support employee views as a citizen: who is looking, as whom, how long is left, and "Stoppen" — a real form POST
 * that works without JavaScript. It stays at the top of the window, so Stop is always in reach.
 * A notification banner (NL Design System), marked up as a labelled region, not an alert: it is
 * there on every page and must not be announced again each time.
 */
export function ImpersonationBanner({ banner }: { banner: ImpersonationBannerData }) {
  const { t } = useTranslation('impersonation')
  const minutes = useMinutesLeft(banner)
  return (
    <section
      aria-label={t('banner.label')}
      className="sticky top-0 z-30 border-b-4 border-warning bg-[#fff3d6] text-ink"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
        <p className="m-0 flex items-start gap-2 text-base">
          <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" className="mt-0.5 shrink-0">
            <path
              d="M12 5C6 5 2 12 2 12s4 7 10 7 10-7 10-7-4-7-10-7zm0 11a4 4 0 110-8 4 4 0 010 8z"
              fill="currentColor"
            />
          </svg>
          <span>
            <strong>{t('banner.label')}:</strong>{' '}
            {t('banner.text', { employee: banner.employeeName, citizen: banner.citizenName })}{' '}
            <strong>{t('banner.minutesLeft', { count: minutes })}</strong> {t('banner.readOnly')}
          </span>
        </p>
        <form method="post" action="/medewerker/meekijken/stoppen">
          <button type="submit" className="btn-primary px-4 py-1.5">
            {t('banner.stop')}
          </button>
        </form>
      </div>
    </section>
  )
}

/** Counts down in the browser; without JavaScript the number is the one the server rendered. */
function useMinutesLeft(banner: ImpersonationBannerData): number {
  const [minutes, setMinutes] = useState(banner.minutesLeft)
  useEffect(() => {
    const skew = Date.now() - new Date(banner.now).getTime()
    const update = () =>
      setMinutes(Math.max(1, Math.ceil((new Date(banner.expiresAt).getTime() + skew - Date.now()) / 60_000)))
    update()
    const timer = setInterval(update, 15_000)
    return () => clearInterval(timer)
  }, [banner.expiresAt, banner.now])
  return minutes
}

/**
 * Why a write (or a page above the permitted level) was refused while viewing as a citizen —
 * the 403 page's content, for the server's refusal page and the error boundary alike. Kept with
 * the banner it belongs to.
 */
export function ImpersonationRefused({ code }: { code: string }) {
  const { t } = useTranslation('impersonation')
  const level = code === IMPERSONATION_REFUSAL.level
  // A download of all the citizen's data (app/services/requests/data-export.server.ts): a GET, refused all the same.
  const download = code === IMPERSONATION_REFUSAL.export
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">
        {t(level ? 'refused.levelTitle' : download ? 'export:refused.title' : 'refused.title')}
      </h1>
      <p className="mt-4">{t(level ? 'refused.levelText' : download ? 'export:refused.text' : 'refused.text')}</p>
      {level ? null : <p className="mt-4">{t('refused.howTo')}</p>}
      <p className="mt-6">
        <Link to="/mijn" className="btn-secondary">
          {t('refused.back')}
        </Link>
      </p>
    </div>
  )
}
