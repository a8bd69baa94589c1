import { useTranslation } from 'react-i18next'
import { formatLocalDate } from './date-text'
import type { CaseDocumentItem } from '~/domain/documents'
import { DocumentList } from './document-list'
import { StatusTag } from './status-tag'

/**
 * What came in on a request for information, for the caseworker: the day and channel, the
 * citizen's words or the note of whoever recorded it, and the files (each opened through the
 * audited staff download). While `pending`, the case waits for the caseworker's next step.
 */
export function InformationAnswer({
  answer,
  documents,
  pending,
}: {
  answer: {
    receivedOn: string
    channel: string
    answer: string | null
    note: string | null
  }
  documents: readonly CaseDocumentItem[]
  pending: boolean
}) {
  const { t, i18n } = useTranslation('information')
  const { t: tc } = useTranslation('cases')
  return (
    <section aria-labelledby="information-answer-heading" className="border-l-8 border-info bg-surface p-5">
      <h2 id="information-answer-heading" className="text-2xl">
        {t('staff.heading')}
      </h2>
      {pending ? (
        <p className="mt-2">
          <StatusTag tone="info">{t('staff.tag')}</StatusTag>
        </p>
      ) : null}
      <p className="mt-2">
        {t('staff.receivedOn', {
          date: formatLocalDate(answer.receivedOn, i18n.language),
          channel: tc(`channel.${answer.channel}`),
        })}
      </p>
      {answer.answer ? (
        <>
          <h3 className="mt-4 text-xl">{t('staff.answer')}</h3>
          <p className="mt-1 whitespace-pre-line">{answer.answer}</p>
        </>
      ) : null}
      {answer.note ? (
        <>
          <h3 className="mt-4 text-xl">{t('staff.note')}</h3>
          <p className="mt-1 whitespace-pre-line">{answer.note}</p>
        </>
      ) : null}
      <h3 className="mt-4 text-xl">{t('staff.documents')}</h3>
      <DocumentList documents={documents} />
      {pending ? <p className="mt-4">{t('staff.next')}</p> : null}
    </section>
  )
}
