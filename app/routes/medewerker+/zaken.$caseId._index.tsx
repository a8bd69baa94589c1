import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText, formatLocalDate } from '~/components/date-text'
import { DocumentList } from '~/components/document-list'
import { InformationAnswer } from '~/components/information-answer'
import { ReadOnlyNote, useActsOnCases } from '~/components/staff-role'
import { StatusTag } from '~/components/status-tag'
import { StepIndicator } from '~/components/step-indicator'
import { SummaryList } from '~/components/summary-list'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { readCaseForStaff } from '~/services/cases/access.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { getObjectionsForStaff } from '~/services/objections/views.server'
import { listCaseDocumentsForStaff } from '~/services/documents/case-documents.server'
import { getLatestAnswerForStaff } from '~/services/cases/information.server'
import { notFound } from '~/responses'
import { StaffCaseMessages } from '~/components/staff-case-messages'
import { CaseQuestions } from '~/components/case-questions'
import { questionsOfCase } from '~/services/questions/staff/inbox.server'
import { conversationCountsForStaff } from '~/services/messages/staff.server'
import { CasePayment } from '~/components/case-payment'
import { paymentOfCase } from '~/services/payments/views.server'

/**
 * Case handling: "what is the next step?" — the case, its history and the actions the rules
 * allow; the decision with its reasons; for an objection its grounds, files and the decision it
 * is against, and for a decision the objections made to it. A case of another department answers 404, as one that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const view = await readCaseForStaff(staff, params.caseId ?? '', { lang, audit: true })
  if (!view) throw notFound()
  const [objections, documents, answer, messages, questions] = await Promise.all([
    getObjectionsForStaff(view.id, lang),
    listCaseDocumentsForStaff(view.id),
    getLatestAnswerForStaff(view.id),
    // The conversation with the citizen is for those who handle the case (not the objection's reader).
    view.handled ? conversationCountsForStaff(view.id) : null,
    questionsOfCase(view.id),
  ])
  const payment = await paymentOfCase(view.id)
  return json({
    view,
    objections,
    documents,
    answer,
    messages,
    // The citizen's contacts with the municipality, for the one who handles the case.
    klantbeeld: view.handled && staff.roles.includes('caseworker'),
    questions,
    payment,
    title: t('cases:staff.caseTitle', { reference: view.reference }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Zaak' }]
export const handle = {
  i18n: ['cases', 'documents', 'information', 'messages', 'contact', 'kcc', 'topics', 'payments'],
}

export default function CaseHandling() {
  const { view, objections, documents, answer, messages, klantbeeld, questions, payment } =
    useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { t, i18n } = useTranslation('cases')
  const { t: to } = useTranslation('objections')
  const { t: td } = useTranslation('documents')
  const objection = objections?.objection ?? null
  const outcomeLabel = (outcome: string) => t(objection ? `outcomeObjection.${outcome}` : `outcome.${outcome}`)
  // A manager looks; whoever handles an objection reads the decision it is against.
  const acts = useActsOnCases() && view.handled
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const saved = params.get('vastgelegd') ?? (params.get('document') === 'toegevoegd' ? 'document' : null)
  const actions = [
    view.possible.nextSteps.length > 0 ? 'volgende-stap' : null,
    view.possible.suspend ? 'informatie-opvragen' : null,
    view.possible.resume ? 'hervatten' : null,
    view.possible.extend ? 'verdagen' : null,
    view.possible.decide ? 'besluiten' : null,
    view.possible.close ? 'sluiten' : null,
  ].filter((a): a is string => a !== null)
  const stepName = (code: unknown) => view.steps.find((s) => s.code === code)?.name ?? String(code)

  return (
    <div className="space-y-8">
      <p>
        <Link to="/medewerker/zaken">
          <span aria-hidden="true">← </span>
          {t('staff.backToList')}
        </Link>
      </p>
      {saved ? (
        <div role="status" className="border-l-8 border-success bg-surface p-4">
          <p className="m-0 font-bold">{saved === 'document' ? td('add.added') : t('staff.saved')}</p>
        </div>
      ) : null}
      <div>
        <h1 className="text-3xl md:text-4xl">
          {view.reference}: {view.caseType}
        </h1>
        <p className="mt-2 text-xl">{view.subject}</p>
        {klantbeeld ? (
          <p className="mt-2">
            <Link to={`/medewerker/klantbeeld/zaak/${view.id}`}>{t('contact:staff.fromCase')}</Link>
          </p>
        ) : null}
        <div className="mt-3">
          {view.risk === 'overdue' ? (
            <StatusTag tone="danger">{t('status.overdue')}</StatusTag>
          ) : view.risk === 'at_risk' ? (
            <StatusTag tone="warning">{t('status.atRisk')}</StatusTag>
          ) : view.risk === 'waiting' ? (
            <StatusTag tone="info">{t('status.waiting')}</StatusTag>
          ) : view.risk === 'decided' ? (
            <StatusTag tone="neutral">{t('status.decided')}</StatusTag>
          ) : view.risk === 'closed' ? (
            <StatusTag tone="neutral">{t('status.closed')}</StatusTag>
          ) : (
            <StatusTag tone="success">{t('status.onTrack')}</StatusTag>
          )}
        </div>
      </div>

      <div className="grid gap-10 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          <SummaryList
            rows={[
              {
                key: t('fields.citizen'),
                value: (
                  <>
                    {view.citizen.name} <span className="text-muted">({view.citizen.maskedBsn})</span>
                  </>
                ),
              },
              {
                key: t('fields.receivedOn'),
                value: (
                  <>
                    <DateText date={view.receivedOn} /> ({t(`channel.${view.channel}`)})
                  </>
                ),
              },
              { key: t('fields.acknowledgementDue'), value: <DateText date={view.acknowledgementDueOn} /> },
              {
                key: t('fields.decisionDue'),
                value: (
                  <>
                    <DateText date={view.decisionDueOn} />
                    {view.extended
                      ? ` (${t('due.extended')})`
                      : view.status === 'suspended'
                        ? ` (${t('due.suspended')})`
                        : null}
                  </>
                ),
              },
              ...(view.informationRequested
                ? [
                    {
                      key: t('fields.respondBy'),
                      value: (
                        <>
                          {view.informationRequested.information} —{' '}
                          <DateText date={view.informationRequested.respondBy} />
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
              { key: t('fields.contact'), value: view.contact ? `${view.contact.name}, ${view.contact.phone}` : '–' },
              { key: t('fields.legalBasis'), value: view.legalBasis },
            ]}
          />
          {answer ? (
            <InformationAnswer
              answer={answer}
              documents={documents.filter((d) => answer.documentIds.includes(d.id))}
              pending={view.informationReceivedOn !== null}
            />
          ) : null}
          {view.decision ? (
            <section aria-labelledby="decision-heading">
              <h2 id="decision-heading" className="text-2xl">
                {t('case.decisionHeading')}: {outcomeLabel(view.decision.outcome)}
              </h2>
              {view.decision.summary ? <p className="mt-2 whitespace-pre-line">{view.decision.summary}</p> : null}
              {view.decision.reasons ? (
                <>
                  <h3 className="mt-4 text-xl">{t('staff.form.reasons')}</h3>
                  <p className="mt-2 whitespace-pre-line">{view.decision.reasons}</p>
                </>
              ) : null}
              {view.decision.citizenOptions ? (
                <>
                  <h3 className="mt-4 text-xl">{t('staff.form.citizenOptions')}</h3>
                  <p className="mt-2 whitespace-pre-line">{view.decision.citizenOptions}</p>
                </>
              ) : null}
            </section>
          ) : null}
          {objection ? (
            <section aria-labelledby="objection-heading">
              <h2 id="objection-heading" className="mb-4 text-2xl">
                {to('staff.heading')}
              </h2>
              <SummaryList
                rows={[
                  {
                    key: to('staff.against'),
                    value: (
                      <Link to={`/medewerker/zaken/${objection.decision.caseId}`}>
                        {objection.decision.reference}: {objection.decision.caseType}
                      </Link>
                    ),
                  },
                  {
                    key: to('staff.timing'),
                    value: objection.late ? (
                      <StatusTag tone="warning">{to('staff.late')}</StatusTag>
                    ) : (
                      to('staff.inTime')
                    ),
                  },
                  ...(objection.late && objection.lateReason
                    ? [
                        {
                          key: to('staff.lateReason'),
                          value: <span className="whitespace-pre-line">{objection.lateReason}</span>,
                        },
                      ]
                    : []),
                  {
                    key: to('staff.grounds'),
                    value: <span className="whitespace-pre-line">{objection.grounds}</span>,
                  },
                ]}
              />
            </section>
          ) : null}
          {objections && objections.objectionsAgainst.length > 0 ? (
            <section aria-labelledby="objections-against-heading">
              <h2 id="objections-against-heading" className="text-2xl">
                {to('staff.objectionsAgainst')}
              </h2>
              <ul className="mt-2 list-disc pl-6">
                {objections.objectionsAgainst.map((o) => (
                  <li key={o.caseId}>
                    <Link to={`/medewerker/zaken/${o.caseId}`}>{o.reference}</Link> ({t(`status.${o.status}`)})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {payment ? <CasePayment payment={payment} /> : null}
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading" className="text-2xl">
              {td('heading')}
            </h2>
            <DocumentList documents={documents} />
            {acts ? (
              <p className="mt-4">
                <Link to={`/medewerker/zaken/${view.id}/documenten/toevoegen`} className="btn-secondary">
                  {td('add.link')}
                </Link>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading" className="mb-4 text-2xl">
              {t('staff.stepsHeading')}
            </h2>
            <StepIndicator
              labels={{ done: t('steps.done'), current: t('steps.current'), upcoming: t('steps.upcoming') }}
              steps={view.steps.map((s) => ({
                name: s.name,
                state: s.state,
                date: s.reachedOn ? date(s.reachedOn) : undefined,
              }))}
            />
          </section>
        </div>

        <div className="space-y-8">
          <section aria-labelledby="actions-heading" className="border-2 border-line p-5">
            <h2 id="actions-heading" className="text-2xl">
              {t('staff.actionsHeading')}
            </h2>
            {!acts ? (
              <div className="mt-4">
                <ReadOnlyNote reason={view.handled ? 'manager' : 'objection'} />
              </div>
            ) : actions.length ? (
              <ul className="mt-4 space-y-3">
                {actions.map((a) => (
                  <li key={a}>
                    <Link to={`/medewerker/zaken/${view.id}/${a}`} className="btn-secondary">
                      {t(`staff.action.${a}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2">{t('staff.noActions')}</p>
            )}
          </section>
          {messages ? <StaffCaseMessages caseId={view.id} counts={messages} /> : null}
          <CaseQuestions caseId={view.id} questions={questions} />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="text-2xl">
              {t('staff.historyHeading')}
            </h2>
            <table className="mt-3 w-full border-collapse text-left text-base">
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.historyWhen')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('staff.historyWhat')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('staff.historyWho')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.history.map((e) => (
                  <tr key={e.seq} className="border-b border-line align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <DateText date={e.occurredOn} />
                    </td>
                    <td className="py-2 pr-3">
                      {t(`staff.event.${e.type}`, {
                        step: stepName(e.payload.step),
                        information: String(e.payload.information ?? ''),
                        date: typeof e.payload.respondBy === 'string' ? date(e.payload.respondBy) : '',
                        reason: String(e.payload.reason ?? ''),
                        outcome: e.payload.outcome ? t(`outcome.${String(e.payload.outcome)}`) : '',
                        channel: e.payload.channel ? t(`channel.${String(e.payload.channel)}`) : '',
                      })}
                    </td>
                    <td className="py-2">{e.actor === 'citizen' ? t('staff.actorCitizen') : e.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </div>
  )
}
