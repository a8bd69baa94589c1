import { useTranslation } from 'react-i18next'
import { StatusTag } from './status-tag'

/** The one status of a case a citizen needs first: action needed, late, waiting, in progress, decided, closed. */
export function CaseStatusTag({ summary }: { summary: { status: string; actionNeeded: boolean; overdue: boolean } }) {
  const { t } = useTranslation('cases')
  if (summary.actionNeeded) return <StatusTag tone="warning">{t('status.actionNeeded')}</StatusTag>
  if (summary.overdue) return <StatusTag tone="danger">{t('status.overdue')}</StatusTag>
  switch (summary.status) {
    case 'suspended':
      return <StatusTag tone="info">{t('status.suspended')}</StatusTag>
    case 'decided':
      return <StatusTag tone="success">{t('status.decided')}</StatusTag>
    case 'closed':
      return <StatusTag tone="neutral">{t('status.closed')}</StatusTag>
    default:
      return <StatusTag tone="info">{t('status.open')}</StatusTag>
  }
}
