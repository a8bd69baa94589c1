import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CaseStatusTag } from '~/components/case-status-tag'
import { DateText, formatLocalDate } from '~/components/date-text'
import { DocumentList } from '~/components/document-list'
import { InformationRequestPanel } from '~/components/information-request-panel'
import { OBJECTION_CASE_TYPE } from '~/domain/objection'
import { StatusTag } from '~/components/status-tag'
import { StepIndicator } from '~/components/step-indicator'
import { SummaryList } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getCaseForCitizen } from '~/services/cases/citizen.server'
import { municipalToday } from '~/services/calendar.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { MoveCasePanel } from '~/components/move-case-panel'
import { getMoveForCitizenCase } from '~/services/requests/move-parties.server'
import { getObjectionPanel } from '~/services/objections/views.server'
import { listCaseDocumentsForCitizen } from '~/services/documents/case-documents.server'
import { isApplicant } from '~/services/cases/information.server'
import { notFound } from '~/responses'
import { CaseMessagesPanel } from '~/components/case-messages-panel'
import { messageSummaryForCitizen } from '~/services/messages/conversation.server'
import { PaidLine } from '~/components/case-payment'
import { paymentOfCase } from '~/services/payments/views.server'

/**
 * A case: where is it, when will they decide, whom do I call? Once decided: the decision in
 * full, with its reasons (Awb 3:46), and the right to object with its last day and the button
 * to do it online (Awb 6:7); for an objection, the decision it is against.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  // Another citizen's case, an unknown and a malformed id: the same 404, so no id gives itself away.
  const view = await getCaseForCitizen(citizen.bsn, params.caseId ?? '', lang)
  if (!view) throw notFound()
  // A move: its own panel, for the declarant and for every co-mover (a party to the case).
  const move = await getMoveForCitizenCase(citizen, view.id)
  const withdrawn = new URL(request.url).searchParams.get('ingetrokken') === '1' && move?.state === 'withdrawn'
  const objection = await getObjectionPanel(citizen.bsn, view.id, lang, municipalToday())
  if (!objection) throw notFound()
  // Every document of the case and every letter about it, each to download.
  const documents = await listCaseDocumentsForCitizen(citizen, view.id, view.letters, { lang })
  const answerable = view.informationRequested ? await isApplicant(citizen, view.id) : false
  // Messages with the caseworker: on one's own case only (not a co-mover's view of a move).
  const messages = await messageSummaryForCitizen(citizen, view.id)
  const payment = await paymentOfCase(view.id)
  return json({
    payment,
    messages,
    view,
    documents,
    answerable,
    move,
    withdrawn,
    // Its documents are in `documents`, told as the citizen may read who added them.
    objection: { ...objection, documents: undefined },
    title: t('cases:case.title', { caseType: view.caseType, reference: view.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['cases', 'moves', 'objections', 'documents', 'information', 'messages', 'payments'] }

export default function CasePage() {
  const { view, move, withdrawn, objection, documents, answerable, messages, payment } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('cases')
  const { t: tm } = useTranslation('moves')
  const { t: to } = useTranslation('objections')
  const { t: td } = useTranslation('documents')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const pending = view.status === 'open' || view.status === 'suspended'
  const decision = view.decision
  const objectionCase = view.caseTypeCode === OBJECTION_CASE_TYPE
  const outcomeLabel = (outcome: string) => t(objectionCase ? `outcomeObjection.${outcome}` : `outcome.${outcome}`)

  return (
    <div className="prose-width space-y-10">
      <p>
        <Link to="/mijn/zaken">
          <span aria-hidden="true">← </span>
          {t('case.back')}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl md:text-4xl">{view.caseType}</h1>
        <p className="mt-2 text-xl">{view.subject}</p>
        <div className="mt-3">
          <CaseStatusTag summary={view} />
        </div>
      </div>

      {withdrawn ? (
        <p role="status" className="border-l-4 border-success pl-3 font-bold">
          {tm('withdraw.done')}
        </p>
      ) : null}
      {move ? <MoveCasePanel caseId={view.id} move={move} /> : null}

      {decision ? (
        <section aria-labelledby="decision-heading" className="border-l-8 border-ink bg-surface p-5">
          <h2 id="decision-heading" className="text-2xl">
            {t('case.decisionHeading')}: {outcomeLabel(decision.outcome)}
          </h2>
          <p className="mt-1 text-base text-muted">{t('case.decisionOn', { date: date(decision.decidedOn) })}</p>
          {decision.summary ? <p className="mt-3 whitespace-pre-line">{decision.summary}</p> : null}
          {decision.outcome !== 'withdrawn' ? (
            <>
              <h3 className="mt-4 text-xl">{t('case.decisionReasons')}</h3>
              <p className="mt-2 whitespace-pre-line">{decision.reasons ?? t('case.decisionNoReasons')}</p>
            </>
          ) : decision.reasons ? (
            <p className="mt-3 whitespace-pre-line">{decision.reasons}</p>
          ) : null}
          {decision.documentId ? (
            <p className="mt-4">
              <a href={`/mijn/zaken/${view.id}/documenten/${decision.documentId}`} download className="font-bold">
                {td('decisionDownload')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {objection.objectsTo ? (
        <section aria-labelledby="objects-to-heading">
          <h2 id="objects-to-heading" className="text-2xl">
            {to('panel.objectsToHeading')}
          </h2>
          <p className="mt-2">
            {to('panel.objectsTo')}{' '}
            <Link to={`/mijn/zaken/${objection.objectsTo.caseId}`}>
              {objection.objectsTo.reference}: {objection.objectsTo.caseType}
            </Link>
          </p>
          <h3 className="mt-4 text-xl">{to('panel.yourGrounds')}</h3>
          <p className="mt-2 whitespace-pre-line">{objection.objectsTo.grounds}</p>
          {objection.objectsTo.late && objection.objectsTo.lateReason ? (
            <p className="mt-2">{to('panel.late', { reason: objection.objectsTo.lateReason })}</p>
          ) : null}
        </section>
      ) : null}

      {objection.term ? (
        <section aria-labelledby="objection-heading" className="border-2 border-line p-5">
          <h2 id="objection-heading" className="text-2xl">
            {to('panel.heading')}
          </h2>
          {objection.objection ? (
            <p className="mt-2">
              {to('panel.made')}{' '}
              <Link to={`/mijn/zaken/${objection.objection.caseId}`} className="font-bold">
                {objection.objection.reference}
              </Link>
            </p>
          ) : objection.termOpen ? (
            <>
              <p className="mt-2">
                {to('panel.open', { endsOn: date(objection.term.endsOn), startsOn: date(objection.term.startsOn) })}
              </p>
              <p className="mt-4">
                <Link to={`/mijn/zaken/${view.id}/bezwaar`} className="btn-primary">
                  {to('panel.openButton')}
                </Link>
              </p>
              <p className="mt-4">{to('panel.letterToo')}</p>
            </>
          ) : (
            <>
              <p className="mt-2">{to('panel.passed', { endsOn: date(objection.term.endsOn) })}</p>
              <p className="mt-2">{to('panel.passedLate')}</p>
              <p className="mt-4">
                <Link to={`/mijn/zaken/${view.id}/bezwaar`} className="btn-secondary">
                  {to('panel.lateButton')}
                </Link>
              </p>
            </>
          )}
          <p className="mt-4">{to('panel.stillApplies')}</p>
        </section>
      ) : null}

      {objection.appealTerm ? (
        <section aria-labelledby="appeal-heading" className="border-2 border-line p-5">
          <h2 id="appeal-heading" className="text-2xl">
            {to('panel.appealHeading')}
          </h2>
          <p className="mt-2">{to('panel.appeal', { endsOn: date(objection.appealTerm.endsOn) })}</p>
        </section>
      ) : null}

      {view.informationRequested ? (
        <InformationRequestPanel
          caseId={view.id}
          reference={view.reference}
          information={view.informationRequested.information}
          respondBy={view.informationRequested.respondBy}
          respondByPassed={!view.actionNeeded}
          canAnswer={answerable}
        />
      ) : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="text-2xl">
          {t('case.factsHeading')}
        </h2>
        <SummaryList
          className="mt-4"
          rows={[
            { key: t('fields.reference'), value: view.reference },
            {
              key: t('fields.receivedOn'),
              value: (
                <>
                  <DateText date={view.receivedOn} /> ({t(`channel.${view.channel}`)})
                </>
              ),
            },
            ...(pending
              ? [
                  {
                    key: t('fields.decisionDue'),
                    value: (
                      <>
                        <strong>
                          <DateText date={view.decisionDueOn} />
                        </strong>
                        {view.extended
                          ? ` (${t('due.extended')})`
                          : view.status === 'suspended'
                            ? ` (${t('due.suspended')})`
                            : null}
                        {view.decisionDueIsProvisional ? (
                          <span className="block text-base text-muted">{t('due.provisional')}</span>
                        ) : null}
                        {view.overdue ? (
                          <span className="mt-1 block">
                            <StatusTag tone="danger">{t('status.overdue')}</StatusTag>
                          </span>
                        ) : null}
                      </>
                    ),
                  },
                ]
              : []),
            ...(view.decidedOn
              ? [
                  {
                    key: t('fields.outcome'),
                    value: (
                      <>
                        {view.outcome ? outcomeLabel(view.outcome) : null} (<DateText date={view.decidedOn} />)
                      </>
                    ),
                  },
                ]
              : []),
            ...(view.closedOn ? [{ key: t('fields.closedOn'), value: <DateText date={view.closedOn} /> }] : []),
            {
              key: t('fields.contact'),
              value: view.contact ? (
                <>
                  {view.contact.name}
                  <span className="block text-base text-muted">
                    {t('case.contactDepartment', { department: view.contact.department })}
                  </span>
                  <a href={`tel:${view.contact.phone.replace(/\s/g, '')}`} className="block">
                    {t('case.callContact', { name: view.contact.name, phone: view.contact.phone })}
                  </a>
                </>
              ) : (
                t('case.noContact')
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-4 text-2xl">
          {t('steps.heading')}
        </h2>
        <StepIndicator
          labels={{ done: t('steps.done'), current: t('steps.current'), upcoming: t('steps.upcoming') }}
          steps={view.steps.map((s) => ({
            name: s.name,
            // What happens now; the steps to come are named, their explanation waits its turn.
            explanation: s.state === 'current' ? s.explanation : undefined,
            state: s.state,
            date: s.reachedOn
              ? s.state === 'current'
                ? t('steps.reachedOn', { date: date(s.reachedOn) })
                : date(s.reachedOn)
              : undefined,
          }))}
        />
      </section>

      {view.dateMoves.length > 0 ? (
        <section aria-labelledby="moves-heading">
          <h2 id="moves-heading" className="text-2xl">
            {t('case.movesHeading')}
          </h2>
          <p className="mt-2">{t('case.originalDate', { date: date(view.originalDecisionDueOn) })}</p>
          <ul className="mt-2 list-disc space-y-2 pl-6">
            {view.dateMoves.map((move, i) => (
              <li key={i}>
                {move.kind === 'extended'
                  ? t('case.moveExtended', { on: date(move.on), reason: move.reason, newDate: date(move.newDate) })
                  : move.to === null
                    ? t('case.moveSuspendedRunning', {
                        from: date(move.from),
                        information: move.information,
                        newDate: date(move.newDate),
                      })
                    : t('case.moveSuspendedEnded', {
                        from: date(move.from),
                        to: date(move.to),
                        count: move.days,
                        newDate: date(move.newDate),
                      })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="text-2xl">
          {td('heading')}
        </h2>
        <p className="mt-2">{td('intro')}</p>
        {payment ? <PaidLine payment={payment} /> : null}
        <DocumentList documents={documents} />
      </section>

      {messages ? <CaseMessagesPanel caseId={view.id} summary={messages} /> : null}

      <section aria-labelledby="next-heading">
        <h2 id="next-heading" className="text-2xl">
          {t('case.nextHeading')}
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {view.actionNeeded && view.informationRequested ? (
            <li>
              {t('case.actionRespondBy', { date: date(view.informationRequested.respondBy) })}{' '}
              {t('case.actionHow', { reference: view.reference })}
            </li>
          ) : null}
          {/* Awb 4:17: after a notice of default and two more weeks, a penalty per day late. */}
          {view.overdue ? <li>{t('case.nextOverdue')}</li> : null}
          {pending && !view.actionNeeded && !view.overdue ? (
            <li>{t('case.nextWaitOpen', { date: date(view.decisionDueOn) })}</li>
          ) : null}
          {decision && decision.outcome !== 'withdrawn' ? <li>{t('case.nextDecided')}</li> : null}
          {decision?.outcome === 'withdrawn' ? <li>{t('case.nextWithdrawn')}</li> : null}
          {decision?.citizenOptions ? <li className="whitespace-pre-line">{decision.citizenOptions}</li> : null}
          {view.status === 'closed' ? <li>{t('case.nextClosed')}</li> : null}
          {view.status !== 'closed' ? <li>{t('case.nextQuestions', { reference: view.reference })}</li> : null}
        </ul>
      </section>
    </div>
  )
}
