import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { riskTone } from '~/domain/question-inbox'
import type { StaffQuestion } from '~/services/questions/staff/detail.server'
import { DateText } from './date-text'
import { StatusTag } from './status-tag'

/**
 * A question on the staff side (app/routes/medewerker+/vragen.$questionId._index.tsx): its
 * details and terms, and its thread with the internal hand-overs and notes marked as such.
 */
export function QuestionFacts({ question }: { question: StaffQuestion }) {
  const { t } = useTranslation('kcc')
  const row = (label: string, value: ReactNode) => (
    <>
      <dt className="font-bold">{label}</dt>
      <dd className="m-0">{value}</dd>
    </>
  )
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="text-2xl">
        {t('question.factsHeading')}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
        {row(t('question.asker'), question.asker ?? t('question.noName'))}
        {row(t('question.known'), question.known ? t('question.knownYes') : t('question.knownNo'))}
        {question.email ? row(t('question.email'), question.email) : null}
        {question.phone ? row(t('question.phone'), question.phone) : null}
        {row(t('question.channel'), t(`channels.${question.channel}`))}
        {row(t('question.answerChannel'), t(`answerChannels.${question.answerChannel}`))}
        {row(t('question.received'), <DateText date={question.receivedOn} />)}
        {row(t('question.acknowledgeBy'), <DateText date={question.acknowledgeBy} />)}
        {row(t('question.answerBy'), <DateText date={question.answerBy} />)}
        {row(t('question.holder'), question.department ?? t('inbox.kcc'))}
        {row(
          t('question.state'),
          question.answered ? (
            <StatusTag tone="success">{t('question.answered')}</StatusTag>
          ) : question.risk ? (
            <StatusTag tone={riskTone(question.risk)}>{t(`risk.${question.risk}`)}</StatusTag>
          ) : (
            <StatusTag tone="info">{t('risk.inTime')}</StatusTag>
          ),
        )}
        {row(
          t('question.case'),
          question.caseLink ? (
            <Link to={`/medewerker/zaken/${question.caseLink.id}`}>{question.caseLink.reference}</Link>
          ) : (
            t('question.noCase')
          ),
        )}
      </dl>
    </section>
  )
}

export function QuestionThread({ question }: { question: StaffQuestion }) {
  const { t, i18n } = useTranslation('kcc')
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(iso))
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading" className="text-2xl">
        {t('question.threadHeading')}
      </h2>
      <ol className="mt-3 list-none space-y-4 p-0">
        {question.entries.map((e) => (
          <li
            key={e.id}
            className={`border-l-4 p-3 ${e.kind === 'handover' || e.kind === 'note' ? 'border-warning bg-white' : 'border-line'}`}
          >
            <p className="m-0 font-bold">
              {t(`entries.${e.kind}`)}
              {e.kind === 'handover' && e.department ? `: ${e.department}` : ''}
              {e.kind === 'handover' || e.kind === 'note' ? ` (${t('question.internal')})` : ''}
            </p>
            <p className="m-0 text-sm text-muted">
              {when(e.at)}
              {e.employeeName ? ` · ${e.employeeName}` : e.author === 'citizen' ? ` · ${question.asker ?? ''}` : ''}
              {e.sentVia ? ` · ${t(`sentVia.${e.sentVia}`)}` : ''}
            </p>
            <p className="mt-2 whitespace-pre-line">{e.body}</p>
            {e.articleSlugs.length ? (
              <p className="m-0 text-sm">
                {t('question.articles')}{' '}
                {e.articleSlugs.map((s, i) => (
                  <span key={s}>
                    {i ? ', ' : ''}
                    <Link to={`/onderwerpen/${s}`}>{s}</Link>
                  </span>
                ))}
              </p>
            ) : null}
            {e.attachments.length ? (
              <ul className="mt-2 list-disc pl-6">
                {e.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/medewerker/vragen/${question.id}/bijlagen/${a.id}`}>{a.fileName}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
