import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from './date-text'

/**
 * "Wat wij nog van u nodig hebben": a request for information on a case (Awb 4:15) — what was
 * asked, by when, what happens when it does not come (the words of the request's letter), and
 * the button to send it online. On the case page and, per case, on "Mijn overzicht".
 */
export function InformationRequestPanel({
  caseId,
  reference,
  information,
  respondBy,
  respondByPassed,
  caseType,
  headingLevel = 2,
  canAnswer = true,
}: {
  caseId: string
  reference: string
  information: string
  respondBy: string
  respondByPassed: boolean
  /** Named in the heading where several cases are listed (the overview). */
  caseType?: string
  headingLevel?: 2 | 3
  /** False for someone who may read the case but did not apply (a co-mover): no button for them. */
  canAnswer?: boolean
}) {
  const { t, i18n } = useTranslation('information')
  const date = formatLocalDate(respondBy, i18n.language)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  const headingId = `information-request-${caseId}`
  return (
    <section aria-labelledby={headingId} className="border-l-8 border-warning bg-surface p-5">
      <Heading id={headingId} className={headingLevel === 2 ? 'text-2xl' : 'text-xl'}>
        {caseType ? t('panel.headingFor', { caseType, reference }) : t('panel.heading')}
      </Heading>
      <p className="mt-2">{t('panel.asked')}</p>
      <p className="mt-1 border-l-4 border-line pl-3 whitespace-pre-line">{information}</p>
      <p className="mt-3 font-bold">
        {respondByPassed ? t('panel.respondByPassed', { date }) : t('panel.respondBy', { date })}
      </p>
      <p className="mt-2">{t('panel.whileWaiting')}</p>
      <Sub className="mt-4 text-lg font-bold">{t('panel.ifNotHeading')}</Sub>
      <p className="mt-1">{t('panel.ifNot', { date })}</p>
      {canAnswer ? (
        <>
          <p className="mt-4">
            <Link to={`/mijn/zaken/${caseId}/aanvullen`} className="btn-primary">
              {t('panel.button')}
            </Link>
          </p>
          <p className="mt-3 text-base">{t('panel.otherWays', { reference })}</p>
        </>
      ) : null}
    </section>
  )
}
