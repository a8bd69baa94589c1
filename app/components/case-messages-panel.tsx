import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'

/**
 * The case page's short section on the messages with the caseworker: how many, how many
 * answers unread, and the way to the conversation (app/routes/mijn+/zaken.$caseId_.berichten.tsx).
 */
export function CaseMessagesPanel({
  caseId,
  summary,
}: {
  caseId: string
  summary: { count: number; unread: number; latest: { from: 'you' | 'municipality'; sentOn: string } | null }
}) {
  const { t, i18n } = useTranslation('messages')
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="text-2xl">
        {t('panel.heading')}
      </h2>
      {summary.latest ? (
        <p className="mt-2">
          {t(summary.latest.from === 'you' ? 'panel.latestYou' : 'panel.latestMunicipality', {
            count: summary.count,
            date: formatLocalDate(summary.latest.sentOn, i18n.language),
          })}
        </p>
      ) : (
        <p className="mt-2">{t('panel.none')}</p>
      )}
      {summary.unread > 0 ? (
        <p className="mt-2">
          <StatusTag tone="info">{t('panel.unread', { count: summary.unread })}</StatusTag>
        </p>
      ) : null}
      <p className="mt-4">
        <Link to={`/mijn/zaken/${caseId}/berichten`} className="btn-secondary">
          {summary.count > 0 ? t('panel.open') : t('panel.write')}
        </Link>
      </p>
    </section>
  )
}
