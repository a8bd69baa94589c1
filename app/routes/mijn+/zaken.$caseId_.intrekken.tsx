import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { SummaryList } from '~/components/summary-list'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getMoveForCitizenCase, withdrawMove } from '~/services/requests/move-parties.server'
import { notFound } from '~/responses'

/**
 * "Verhuizing intrekken": the declarant takes a reported move back before it is decided, after a
 * confirmation on this page (a form, so it works without JavaScript). The case is closed as
 * withdrawn with a letter; everyone who would move along is told. After a decision it cannot be
 * done online: the page says to call. Another's case, or a case that is no move, answers 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const move = await getMoveForCitizenCase(citizen, caseId)
  if (!move) throw notFound()
  const t = await getFixedT(request)
  return json({ caseId, move, title: t('moves:withdraw.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing intrekken' }]
export const handle = { i18n: ['moves', 'cases'] }

/** The confirmation is the button itself: no field to fill in. */
const WithdrawForm = z.object({})
/** Why it cannot be withdrawn is said where the explanation stands, and the summary leads there. */
const EXPLANATION = 'withdraw-explanation'

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const submission = await parseForm(request, WithdrawForm)
  const result = await withdrawMove(citizen, caseId)
  if (result.ok) return redirect(`/mijn/zaken/${caseId}?ingetrokken=1`)
  if (result.error === 'not_found') throw notFound()
  return formRefused(submission, [{ field: EXPLANATION, code: result.error }], 409)
}

export default function WithdrawMove() {
  const { caseId, move } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation('moves')
  const { summary } = useGovForm<{ [EXPLANATION]: string }>({
    id: 'withdraw',
    lastResult: actionData,
    message: (_field, key) => t(`withdraw.${key}`),
  })
  const refused = actionData?.error?.[EXPLANATION]?.[0]
  const refusal = refused ?? (move.canWithdraw ? null : move.youReported ? 'already_decided' : 'not_declarant')
  return (
    <div className="prose-width">
      <p>
        <Link to={`/mijn/zaken/${caseId}`}>
          <span aria-hidden="true">← </span>
          {t('withdraw.cancel')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('withdraw.heading')}</h1>
      <ErrorSummary title={t('withdraw.errorTitle')} errors={summary} />
      <SummaryList
        className="mt-6"
        rows={[
          { key: t('case.newAddress'), value: move.address },
          { key: t('case.moveDate'), value: formatLocalDate(move.moveDate, i18n.language) },
          { key: t('case.movers'), value: move.movers.join(', ') },
        ]}
      />
      {refusal ? (
        <p id="withdraw-explanation" className="mt-6 border-l-4 border-warning pl-3">
          {t(`withdraw.${refusal}`)}
        </p>
      ) : (
        <>
          <p className="mt-6">{t('withdraw.lead')}</p>
          {move.movers.length > 1 ? <p className="mt-2">{t('withdraw.coMoversTold')}</p> : null}
          <Form method="post" className="mt-8 flex flex-wrap items-center gap-6">
            <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
              {t('withdraw.confirm')}
            </button>
            <Link to={`/mijn/zaken/${caseId}`}>{t('withdraw.cancel')}</Link>
          </Form>
        </>
      )}
    </div>
  )
}
