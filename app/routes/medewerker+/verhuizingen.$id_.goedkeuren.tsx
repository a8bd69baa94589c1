import { settings } from '~/context.server'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { MoveResidents } from '~/components/move-residents'
import { ConfirmApproval } from '~/components/review-decision'
import { SummaryList } from '~/components/summary-list'
import { useGovForm } from '~/components/use-gov-form'
import { ConfirmApprovalSchema } from '~/domain/review-decision'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { approveMove } from '~/services/requests/move-decision.server'
import { getMoveRequestForCaseworker } from '~/services/requests/move-review.server'
import { notFound } from '~/responses'

/**
 * "Verhuizing goedkeuren?": the check before an approval, a page of its own so that it works
 * without JavaScript. It says what will happen (the new address today, or on the move date with
 * the other departments told then) and who gets a letter; only "Bevestigen" approves.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const residentsWarning = settings().moveResidentsWarning
  const move = await getMoveRequestForCaseworker(staff, params.id ?? '', { residentsWarning })
  if (!move) throw notFound()
  if (move.state !== 'submitted' && move.state !== 'investigating')
    throw redirect(`/medewerker/verhuizingen/${move.id}`)
  const t = await getFixedT(request)
  return json({ move, title: t('moves:staff.check.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing goedkeuren?' }]
export const handle = { i18n: ['mydata', 'moves'] }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const id = params.id ?? ''
  const submission = await parseForm(request, ConfirmApprovalSchema)
  if (submission.status !== 'success') throw redirect(`/medewerker/verhuizingen/${id}/goedkeuren`)
  const result = await approveMove(staff, id)
  if (!result.ok) {
    if (result.error === 'not_found') throw notFound()
    return formRefused(submission, [{ field: 'confirm', code: result.error }], 409)
  }
  return redirect(`/medewerker/verhuizingen/${id}?besluit=goedgekeurd`)
}

export default function ApproveMoveCheck() {
  const { move } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('mydata')
  const { t: tm } = useTranslation('moves')
  const { summary } = useGovForm<{ confirm: string }>({
    id: 'confirm',
    lastResult: actionData,
    message: (_field, key) => t(`staff.errors.${key}`),
  })
  return (
    <div className="prose-width">
      <p>
        <Link to={`/medewerker/verhuizingen/${move.id}`}>
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <p className="mt-4 text-lg text-muted">{move.reference}</p>
      <h1 className="text-3xl md:text-4xl">{tm('staff.check.heading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{tm('staff.check.lead')}</p>
      <SummaryList
        className="mt-6"
        rows={[
          { key: t('staff.oldAddress'), value: move.fromAddress ?? t('common.none') },
          { key: t('staff.newAddress'), value: move.address },
          { key: t('staff.moveDate'), value: formatLocalDate(move.moveDate, i18n.language) },
          { key: t('staff.movers'), value: move.movers.map((m) => m.name).join(', ') },
        ]}
      />
      <MoveResidents
        residents={move.residents}
        signals={move.signals}
        residentsWarning={move.residentsWarning}
        movingIn={move.movers.length}
      />
      <h2 className="mt-8 text-2xl">{tm('staff.check.whatHappens')}</h2>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          {move.takesEffectNow
            ? tm('staff.check.effectNow')
            : tm('staff.check.effectOnDate', { date: formatLocalDate(move.moveDate, i18n.language) })}
        </li>
        <li>{tm('staff.check.letters')}</li>
      </ul>
      <ConfirmApproval
        confirm={tm('staff.check.confirm')}
        cancel={{ to: `/medewerker/verhuizingen/${move.id}`, label: tm('staff.check.cancel') }}
      />
    </div>
  )
}
