import { settings } from '~/context.server'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateText, formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { MoveResidents } from '~/components/move-residents'
import { ReviewDecision } from '~/components/review-decision'
import { useActsOnCases } from '~/components/staff-role'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { useGovForm } from '~/components/use-gov-form'
import { reviewDecisionSchema } from '~/domain/review-decision'
import { CASE_READERS } from '~/domain/staff-areas'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getMoveRequestForCaseworker } from '~/services/requests/move-review.server'
import { refuseMove, startAddressInvestigation } from '~/services/requests/move-decision.server'
import { notFound } from '~/responses'

/**
 * A reported move as the caseworker checks it: who moves where and when, who lives at the new
 * address now and what that signals, and the decision. "Verhuizing goedkeuren" leads to a check
 * page that asks for confirmation (it works without JavaScript); "Adresonderzoek starten" and
 * refusing act here. An approval decides the case; the address changes on the move date, and
 * only then do the subscribed systems hear of it. Viewing it is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const residentsWarning = settings().moveResidentsWarning
  const move = await getMoveRequestForCaseworker(staff, params.id ?? '', { residentsWarning })
  if (!move) throw notFound()
  const t = await getFixedT(request)
  const done = new URL(request.url).searchParams.get('besluit')
  return json({
    move,
    done: done === 'goedgekeurd' || done === 'afgewezen' || done === 'onderzoek' ? done : null,
    title: `${move.reference} – ${t('mydata:staff.movesTitle')}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing' }]
export const handle = { i18n: ['mydata', 'moves'] }

// Approving goes through the check page first (verhuizingen.$id_.goedkeuren.tsx): a post here
// only leads there.
const Decision = reviewDecisionSchema(['approve', 'investigate'])

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const submission = await parseForm(request, Decision)
  if (submission.status !== 'success') return formRefused(submission)
  const decision = submission.value
  const id = params.id ?? ''
  if (decision.intent === 'approve') return redirect(`/medewerker/verhuizingen/${id}/goedkeuren`)
  const result =
    decision.intent === 'refuse'
      ? await refuseMove(staff, id, decision.reason)
      : await startAddressInvestigation(staff, id)
  if (!result.ok) {
    if (result.error === 'not_found') throw notFound()
    return formRefused(submission, [{ field: 'decision', code: result.error }], 409)
  }
  return redirect(
    `/medewerker/verhuizingen/${id}?besluit=${decision.intent === 'investigate' ? 'onderzoek' : 'afgewezen'}`,
  )
}

const tone = {
  submitted: 'warning',
  investigating: 'warning',
  scheduled: 'info',
  applied: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
} as const
const deliveryTone = { pending: 'warning', delivered: 'success', failed: 'danger' } as const

export default function MoveRequest() {
  const { move, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('mydata')
  const { t: tm } = useTranslation('moves')
  const acts = useActsOnCases()
  const { errorOf, valueOf, summary } = useGovForm<{ reason: string; decision: string }>({
    id: 'decision',
    lastResult: actionData,
    message: (field, key) =>
      field !== 'decision'
        ? t(`errors.${field}.${key}`)
        : key === 'investigation_running'
          ? tm('staff.errors.investigation_running')
          : t(`staff.errors.${key}`),
  })
  const undecided = move.state === 'submitted' || move.state === 'investigating'
  const moveDate = formatLocalDate(move.moveDate, i18n.language)
  const doneMessage =
    done === 'goedgekeurd' && move.state === 'applied'
      ? tm('staff.done.approvedNow', { date: moveDate })
      : done === 'goedgekeurd' && move.state === 'scheduled'
        ? tm('staff.done.approvedOnDate', { date: moveDate })
        : done === 'afgewezen' && move.state === 'refused'
          ? tm('staff.done.refused')
          : done === 'onderzoek' && move.state === 'investigating'
            ? tm('staff.done.investigating')
            : null
  return (
    <div className="prose-width">
      <p>
        <Link to="/medewerker/verhuizingen">
          <span aria-hidden="true">← </span>
          {t('staff.backToMoves')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">
        {t('staff.movesHeading')}: {move.reference}
      </h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      {doneMessage ? (
        <p role="status" className="mt-4 border-l-4 border-success pl-3 font-bold">
          {doneMessage}
        </p>
      ) : null}
      <p className="mt-4 flex flex-wrap items-center gap-3">
        <StatusTag tone={tone[move.state]}>{tm(`staff.states.${move.state}`)}</StatusTag>
        {move.state === 'investigating' && move.investigationStartedOn ? (
          <span className="text-base text-muted">
            {tm('staff.investigationSince', { date: formatLocalDate(move.investigationStartedOn, i18n.language) })}
          </span>
        ) : null}
      </p>
      <SummaryList
        className="mt-6"
        rows={[
          { key: t('staff.citizen'), value: move.citizenName },
          { key: t('staff.oldAddress'), value: move.fromAddress ?? t('common.none') },
          { key: t('staff.newAddress'), value: move.address },
          { key: t('staff.moveDate'), value: <DateText date={move.moveDate} /> },
          {
            key: t('staff.movers'),
            value: (
              <ul className="m-0 list-none p-0">
                {move.movers.map((m, i) => (
                  <li key={i}>
                    {m.name} ({t(`staff.roles.${m.role}`)})
                  </li>
                ))}
              </ul>
            ),
          },
          ...(move.decisionReason ? [{ key: t('staff.decisionReason'), value: move.decisionReason }] : []),
        ]}
      />
      <MoveResidents
        residents={move.residents}
        signals={move.signals}
        residentsWarning={move.residentsWarning}
        movingIn={move.movers.length}
      />
      {undecided ? (
        <ReviewDecision
          readOnly={!acts}
          heading={tm('staff.decideHeading')}
          approve={{ intent: 'approve', label: t('staff.approve'), hint: tm('staff.approveHint') }}
          steps={
            move.state === 'submitted' ? (
              <Form method="post" className="border-t-2 border-line pt-6">
                <input type="hidden" name="intent" value="investigate" />
                <p className="mb-3 text-base">{tm('staff.investigateHint')}</p>
                <button type="submit" className="btn-secondary">
                  {tm('staff.investigate')}
                </button>
              </Form>
            ) : null
          }
          refuse={{ label: t('staff.refuse') }}
          reason={{
            label: t('staff.reason'),
            hint: t('staff.reasonHint'),
            error: errorOf('reason'),
            value: valueOf('reason'),
          }}
        />
      ) : null}
      <section aria-labelledby="deliveries-heading" className="mt-10">
        <h2 id="deliveries-heading" className="text-2xl">
          {t('staff.deliveriesHeading')}
        </h2>
        {move.deliveries.length === 0 ? (
          <p className="mt-2">
            {move.state === 'scheduled'
              ? tm('staff.deliveriesScheduled', { date: moveDate })
              : tm('staff.deliveriesNone')}
          </p>
        ) : (
          <ul className="mt-2 space-y-2">
            {move.deliveries.map((d, i) => (
              <li key={i} className="flex flex-wrap items-center gap-3">
                <span>{d.subscriber}</span>
                <StatusTag tone={deliveryTone[d.status]}>{t(`staff.delivery.${d.status}`)}</StatusTag>
                <span className="text-base text-muted">{t('staff.attempts', { count: d.attempts })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
