import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CONTACT_FILTERS,
  CONTACT_PERIODS,
  type ContactChannel,
  type ContactEntryKind,
  type ContactFilter,
  type ContactPeriod,
} from '~/domain/contact-history'

/** An entry as the loader sends it (app/services/contacts/history.server.ts ContactEntry). */
export interface TimelineEntry {
  key: string
  at: string
  kind: ContactEntryKind
  channel: ContactChannel | null
  topic: string | null
  title: string
  summary: string | null
  reference: string | null
  questionId: string | null
  caseId: string | null
  letterId: string | null
  department: string | null
  employeeName: string | null
  employeeId: string | null
  internal: boolean
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
/** Date and time in Groningen, the same on the server and in the browser. */
function formatDateTime(at: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL'
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    dateTimeFormats.set(locale, format)
  }
  return format.format(new Date(at))
}

const ICON_PATHS: Record<ContactChannel | 'internal', ReactNode> = {
  portal: <path d="M3 4h18v12H3zM8 20h8M12 16v4" />,
  internet: <path d="M3 4h18v12H3zM8 20h8M12 16v4" />,
  email: <path d="M3 5h18v14H3zM3 6l9 7 9-7" />,
  post: <path d="M3 5h18v14H3zM3 6l9 7 9-7M15 9h3v3h-3z" />,
  letter: <path d="M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7" />,
  phone: <path d="M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z" />,
  counter: <path d="M3 10h18M5 10v10M19 10v10M3 20h18M7 6l5-3 5 3" />,
  chat: <path d="M4 4h16v11H9l-5 4z" />,
  internal: <path d="M12 3a4 4 0 0 1 4 4v3H8V7a4 4 0 0 1 4-4zM5 10h14v10H5z" />,
}

function ChannelIcon({ channel }: { channel: ContactChannel | 'internal' }) {
  return (
    <svg
      aria-hidden="true"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      className="shrink-0"
    >
      {ICON_PATHS[channel]}
    </svg>
  )
}

/** Where an entry leads: the question, the case's messages, the letter, or the case. */
function hrefOf(e: TimelineEntry, side: 'citizen' | 'staff'): string | null {
  if (side === 'citizen') {
    if (e.kind === 'report') return '/mijn/inzage'
    if (e.letterId) return `/mijn/brieven/${e.letterId}`
    if (e.questionId) return `/mijn/vragen/${e.questionId}`
    if (e.kind === 'messageSent' || e.kind === 'messageReceived') return `/mijn/zaken/${e.caseId}/berichten`
    if (e.caseId) return `/mijn/zaken/${e.caseId}`
    return null
  }
  if (e.questionId) return `/medewerker/vragen/${e.questionId}`
  if (e.kind === 'messageSent' || e.kind === 'messageReceived') return `/medewerker/zaken/${e.caseId}/berichten`
  if (e.caseId) return `/medewerker/zaken/${e.caseId}`
  return null
}

/** The timeline of contacts, newest first; `side` decides the links and what is shown of staff. */
export function ContactTimeline({ entries, side }: { entries: TimelineEntry[]; side: 'citizen' | 'staff' }) {
  const { t, i18n } = useTranslation('contact')
  if (entries.length === 0) return <p>{t('timeline.none')}</p>
  return (
    <ol className="list-none space-y-4 p-0">
      {entries.map((e) => {
        const href = hrefOf(e, side)
        const what = t(`kinds.${e.kind}`)
        return (
          <li
            key={e.key}
            className={`border-l-4 p-4 ${e.internal ? 'border-warning bg-white' : 'border-brand bg-brand-light'}`}
          >
            <p className="m-0 flex flex-wrap items-center gap-x-3 gap-y-1 text-base">
              <time dateTime={e.at} className="font-bold">
                {formatDateTime(e.at, i18n.language)}
              </time>
              <span className="inline-flex items-center gap-1.5">
                <ChannelIcon channel={e.internal ? 'internal' : (e.channel ?? 'portal')} />
                {e.internal ? t('channels.internal') : t(`channels.${e.channel ?? 'portal'}`)}
              </span>
            </p>
            <h2 className="mt-2 text-xl">
              {href ? (
                <Link to={href}>
                  {what}: {e.kind === 'report' ? t('timeline.reportTitle') : e.title}
                </Link>
              ) : (
                <>
                  {what}: {e.title}
                </>
              )}
            </h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
              {e.topic ? (
                <>
                  <dt className="font-bold">{t('timeline.topic')}</dt>
                  <dd className="m-0">{t(`topics:${e.topic}.label`)}</dd>
                </>
              ) : null}
              {e.reference && e.reference !== e.title ? (
                <>
                  <dt className="font-bold">{t('timeline.reference')}</dt>
                  <dd className="m-0">{e.reference}</dd>
                </>
              ) : null}
              {e.kind === 'handover' ? (
                <>
                  <dt className="font-bold">{t('timeline.handedTo')}</dt>
                  <dd className="m-0">{e.department}</dd>
                </>
              ) : null}
              {e.employeeName ? (
                <>
                  <dt className="font-bold">{t('timeline.who')}</dt>
                  <dd className="m-0">
                    {e.kind === 'handover' ? e.employeeName : [e.employeeName, e.department].filter(Boolean).join(', ')}
                    {side === 'staff' && e.employeeId ? ` (${e.employeeId})` : null}
                  </dd>
                </>
              ) : null}
            </dl>
            {e.kind === 'report' && side === 'citizen' ? (
              <p className="mt-2 mb-0">{t('timeline.reportText')}</p>
            ) : e.summary ? (
              <p className="mt-2 mb-0 whitespace-pre-line">{e.summary}</p>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}

/** The filter: a GET form, so it works without JavaScript and the page can be bookmarked. */
export function ContactFilterForm({
  action,
  filter,
  period,
  hidden,
}: {
  action: string
  filter: ContactFilter
  period: ContactPeriod
  hidden?: Record<string, string>
}) {
  const { t } = useTranslation('contact')
  return (
    <Form method="get" action={action} className="flex flex-wrap items-end gap-4 border-2 border-line p-4">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="soort" className="block font-bold">
          {t('filter.kind')}
        </label>
        <select id="soort" name="soort" defaultValue={filter} className="mt-1 border-2 border-ink bg-white px-3 py-2">
          {CONTACT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`filter.kinds.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="periode" className="block font-bold">
          {t('filter.period')}
        </label>
        <select
          id="periode"
          name="periode"
          defaultValue={period}
          className="mt-1 border-2 border-ink bg-white px-3 py-2"
        >
          {CONTACT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`filter.periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t('filter.submit')}
      </button>
    </Form>
  )
}

/** The links between pages: older contacts, and back to the newest. */
export function ContactPager({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  const { t } = useTranslation('contact')
  if (!nextHref && !firstHref) return null
  return (
    <nav aria-label={t('pager.label')} className="flex flex-wrap gap-6">
      {firstHref ? <Link to={firstHref}>{t('pager.first')}</Link> : null}
      {nextHref ? <Link to={nextHref}>{t('pager.next')}</Link> : null}
    </nav>
  )
}
