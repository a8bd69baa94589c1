import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { useSubmissionErrors } from '~/components/stable-value'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { ReadOnlyNote, useActsOnCases } from '~/components/staff-role'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth.server'
import { getFixedT } from '~/services/i18n.server'
import { approveMove, getMoveRequestForCaseworker, refuseMove } from '~/services/move.server'

/**
 * A reported move as the caseworker checks it. Approving changes the address of everyone who
 * moves (history kept), decides and closes the case, and passes the new address on to every
 * subscribed system (outbound events, retried until delivered). Viewing it is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const move = await getMoveRequestForCaseworker(staff, params.id ?? '')
  if (!move) throw new Response(null, { status: 404 })
  const t = await getFixedT(request)
  const done = new URL(request.url).searchParams.get('besluit')
  return json({
    move,
    done: done === 'goedgekeurd' || done === 'afgewezen' ? done : null,
    title: `${move.reference} – ${t('mydata:staff.movesTitle')}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing' }]
export const handle = { i18n: 'mydata' }

const Decision = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('refuse'), reason: z.string().trim().min(1, 'required').max(1000, 'required') }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const raw = Object.fromEntries(await request.formData())
  const parsed = Decision.safeParse(raw)
  if (!parsed.success)
    return json(
      { errors: [{ field: 'reason', key: 'errors.reason.required' }], reason: String(raw.reason ?? '') },
      { status: 400 },
    )
  const id = params.id ?? ''
  const result =
    parsed.data.intent === 'approve' ? await approveMove(staff, id) : await refuseMove(staff, id, parsed.data.reason)
  if (!result.ok) {
    if (result.error === 'not_found') throw new Response(null, { status: 404 })
    return json(
      { errors: [{ field: 'decision', key: `staff.errors.${result.error}` }], reason: String(raw.reason ?? '') },
      { status: 409 },
    )
  }
  return redirect(
    `/medewerker/verhuizingen/${id}?besluit=${parsed.data.intent === 'approve' ? 'goedgekeurd' : 'afgewezen'}`,
  )
}

const tone = { submitted: 'warning', approved: 'success', refused: 'danger' } as const
const deliveryTone = { pending: 'warning', delivered: 'success', failed: 'danger' } as const

export default function MoveRequest() {
  const { move, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const acts = useActsOnCases()
  const errors = (actionData?.errors ?? []).map((e) => ({ field: e.field, message: t(e.key) }))
  const reasonError = errors.find((e) => e.field === 'reason')?.message
  const summary = useSubmissionErrors(errors, actionData)
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
      {done ? (
        <p role="status" className="mt-4 border-l-4 border-success pl-3 font-bold">
          {t(done === 'goedgekeurd' ? 'staff.approved' : 'staff.refused')}
        </p>
      ) : null}
      <p className="mt-4">
        <StatusTag tone={tone[move.status]}>{t(`staff.statuses.${move.status}`)}</StatusTag>
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
      {move.status === 'submitted' && !acts ? (
        <div className="mt-8">
          <ReadOnlyNote />
        </div>
      ) : move.status === 'submitted' ? (
        <div id="decision" tabIndex={-1} className="mt-8 space-y-8">
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="btn-primary">
              {t('staff.approve')}
            </button>
          </Form>
          <Form method="post" noValidate className="border-t-2 border-line pt-6">
            <input type="hidden" name="intent" value="refuse" />
            <FormField id="reason" label={t('staff.reason')} hint={t('staff.reasonHint')} error={reasonError}>
              {(p) => <textarea {...p} rows={3} defaultValue={actionData?.reason ?? ''} className={inputClass} />}
            </FormField>
            <button type="submit" className="btn-secondary">
              {t('staff.refuse')}
            </button>
          </Form>
        </div>
      ) : null}
      <section aria-labelledby="deliveries-heading" className="mt-10">
        <h2 id="deliveries-heading" className="text-2xl">
          {t('staff.deliveriesHeading')}
        </h2>
        {move.deliveries.length === 0 ? (
          <p className="mt-2">{t('staff.deliveriesNone')}</p>
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
