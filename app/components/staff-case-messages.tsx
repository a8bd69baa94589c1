import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusTag } from '~/components/status-tag'

/** The case screen's way to the conversation with the citizen, with what waits for an answer. */
export function StaffCaseMessages({ caseId, counts }: { caseId: string; counts: { count: number; waiting: number } }) {
  const { t } = useTranslation('messages')
  return (
    <section aria-labelledby="messages-heading" className="border-2 border-line p-5">
      <h2 id="messages-heading" className="text-2xl">
        {t('staff.caseHeading')}
      </h2>
      <p className="mt-2">{t('staff.caseCount', { count: counts.count })}</p>
      {counts.waiting > 0 ? (
        <p className="mt-2">
          <StatusTag tone="warning">{t('staff.caseWaiting', { count: counts.waiting })}</StatusTag>
        </p>
      ) : null}
      <p className="mt-4">
        <Link to={`/medewerker/zaken/${caseId}/berichten`} className="btn-secondary">
          {t('staff.caseOpen')}
        </Link>
      </p>
    </section>
  )
}
