import { useFetcher, useLocation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Two minutes before the session ends (DigiD's norm: 15 minutes idle), the page says so. */
export const WARNING_MS = 2 * 60_000

export interface SessionTimes {
  idleEndsAt: string
  absoluteEndsAt: string
  /** the server's clock when it answered: deadlines are kept relative to it, not to the browser's clock */
  now: string
  /** the absolute limit (8 hours), for the wording */
  maxHours: number
}

type KeepAliveAnswer = ({ active: true } & SessionTimes) | { active: false }

/**
 * The session timeout warning (GOV.UK pattern; WCAG 2.2.1 Timing Adjustable): a banner with
 * "Ingelogd blijven" in the last two minutes. Before it shows, and before the page gives up, it
 * asks the server, because another tab may have kept the session alive. The button is a real
 * form, so it also works as a plain POST; the banner itself needs JavaScript to appear on time.
 * New times from the server (a navigation revalidated the root loader) start it over: the root
 * renders it keyed by those times.
 */
export function SessionTimeoutWarning({ times }: { times: SessionTimes }) {
  const { t, i18n } = useTranslation('auth')
  const location = useLocation()
  const fetcher = useFetcher<KeepAliveAnswer>()
  const [deadlines, setDeadlines] = useState(() => localDeadlines(times))
  const [warning, setWarning] = useState<null | 'idle' | 'absolute'>(null)
  const checking = useRef(false)

  // "Ingelogd blijven" answered: the server's answer arrives through the fetcher, an outside
  // source that this effect brings into the deadlines.
  useEffect(() => {
    const answer = fetcher.data
    if (!answer || fetcher.state !== 'idle') return
    if (!answer.active) return loggedOut(location.pathname + location.search)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing the server's answer, see above
    setDeadlines(localDeadlines(answer))
    setWarning(null)
  }, [fetcher.data, fetcher.state, location.pathname, location.search])

  useEffect(() => {
    const end = Math.min(deadlines.idle, deadlines.absolute)
    const check = async (final: boolean) => {
      if (checking.current) return
      checking.current = true
      try {
        const res = await fetch('/sessie', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        const answer = (await res.json()) as KeepAliveAnswer
        if (!answer.active) return loggedOut(location.pathname + location.search)
        // Compared on the server's clock: did anything (another tab) keep the session alive?
        if (Date.parse(answer.idleEndsAt) > Date.parse(deadlines.idleEndsAt) + 1000)
          return setDeadlines(localDeadlines(answer))
        if (final) return loggedOut(location.pathname + location.search)
        setWarning(Date.parse(answer.absoluteEndsAt) <= Date.parse(answer.idleEndsAt) ? 'absolute' : 'idle')
      } catch {
        // offline for a moment: the next timer tries again
      } finally {
        checking.current = false
      }
    }
    const timers = [
      window.setTimeout(() => void check(false), Math.max(0, end - WARNING_MS - Date.now())),
      window.setTimeout(() => void check(true), Math.max(0, end - Date.now())),
    ]
    return () => timers.forEach((id) => window.clearTimeout(id))
  }, [deadlines, location.pathname, location.search])

  const end = Math.min(deadlines.idle, deadlines.absolute)
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(end - deadlines.offset))
  return (
    <div aria-live="assertive" className="mx-auto w-full max-w-6xl px-4">
      {warning ? (
        <section aria-labelledby="session-timeout-heading" className="mt-4 border-l-8 border-warning bg-surface p-4">
          <h2 id="session-timeout-heading" className="flex items-center gap-2 text-xl">
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 16 16" className="shrink-0 text-warning">
              <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M8 4v5l3 2" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
            {t('timeout.heading')}
          </h2>
          <p className="mt-2">
            {warning === 'idle'
              ? t('timeout.idleText', { time })
              : t('timeout.absoluteText', { time, hours: times.maxHours })}
          </p>
          {warning === 'idle' ? (
            <fetcher.Form method="post" action="/sessie" className="mt-3" preventScrollReset>
              <input type="hidden" name="mode" value="fetch" />
              <input type="hidden" name="returnTo" value={location.pathname + location.search} />
              <button type="submit" className="btn-primary">
                {t('timeout.stay')}
              </button>
            </fetcher.Form>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}

/**
 * Deadlines on the browser's clock (the server's remaining time added to the browser's now), and
 * the server's own end time, to recognise activity elsewhere whatever the browser's clock says.
 */
function localDeadlines(times: { idleEndsAt: string; absoluteEndsAt: string; now: string }) {
  const offset = Date.now() - Date.parse(times.now)
  const idle = Date.parse(times.idleEndsAt) + offset
  const absolute = Date.parse(times.absoluteEndsAt) + offset
  return { idle, absolute, offset, idleEndsAt: times.idleEndsAt }
}

function loggedOut(path: string) {
  window.location.assign(`/uitgelogd?${new URLSearchParams({ reden: 'verlopen', terug: path })}`)
}
