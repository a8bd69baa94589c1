import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText, formatLocalDate } from '~/components/date-text'
import { useSubmissionErrors } from '~/components/stable-value'
import { ErrorSummary } from '~/components/error-summary'
import { SummaryList } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getMoveDraft } from '~/services/requests/move-draft.server'
import { submitMove } from '~/services/requests/move-submit.server'
import { moveWizard } from '~/flows'
import { parseForm, postedFields } from '~/form.server'

/**
 * Move, step 4 of 4: "Controleer uw gegevens" (check your answers), each with a change link;
 * sending makes the case `verhuizing` with its acknowledgement letter, in one transaction.
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const draft = await getMoveDraft(citizen, moveWizard.read(request).draftId)
  if (!draft || !draft.address) throw redirect(moveWizard.href('address'))
  const missing = moveWizard.missingBefore('review', draft.id, {
    address: true,
    date: Boolean(draft.moveDate),
    who: draft.coMoversChosen,
  })
  if (missing) throw redirect(missing)
  const t = await getFixedT(request)
  return json({ draft, title: t('mydata:move.reviewTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Controleer uw gegevens' }]
export const handle = { i18n: ['mydata', 'moves'] }

/**
 * The send button's form: only the draft's id, in the wizard's hidden field (app/wizard.tsx, which
 * checks that it is an id); the answers are in the draft already.
 */
const SendForm = z.object({ aanvraag: z.string().max(100).optional().catch(undefined) })

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { draftId } = moveWizard.read(postedFields(await parseForm(request, SendForm)))
  if (!draftId) throw redirect(moveWizard.href('address'))
  const result = await submitMove(citizen, draftId)
  if (result.ok) return redirect(moveWizard.doneHref(draftId))
  if ('missing' in result) throw redirect(moveWizard.href('address'))
  // A move reported for this citizen meanwhile (by a partner, say): the first step shows it.
  if (result.step === 'address' && result.error === 'already_reported') throw redirect(moveWizard.href('address'))
  return json({ step: result.step, error: result.error }, { status: 409 })
}

export default function MoveReview() {
  const { draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation('mydata')
  const hidden = <span className="sr-only" />
  const change = (to: string, key: string, id: string) => (
    <Link to={to} id={id}>
      <Trans t={t} i18nKey={key} components={{ 1: hidden }} />
    </Link>
  )
  const windowDates = {
    earliest: formatLocalDate(draft.window.earliest, i18n.language),
    latest: formatLocalDate(draft.window.latest, i18n.language),
  }
  const problem = actionData
    ? actionData.step === 'date'
      ? { field: 'change-date', message: t(`errors.moveDate.${actionData.error}`, windowDates) }
      : actionData.step === 'coMovers'
        ? {
            field: 'change-who',
            message:
              actionData.error === 'already_reported'
                ? t('moves:blocked.coMover')
                : t(`errors.coMovers.${actionData.error === 'changed' ? 'changed' : 'not_allowed'}`),
          }
        : { field: 'change-address', message: t('errors.houseNumber.not_found') }
    : null
  const summary = useSubmissionErrors(problem ? [problem] : [], actionData)
  return (
    <div className="prose-width">
      <p>
        <Link to={moveWizard.back('review', draft.id, false)}>
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <p className="mt-4 text-lg text-muted">
        {t('move.heading')} · {t('common.stepOf', { step: 4, total: 4 })}
      </p>
      <h1 className="text-3xl md:text-4xl">{t('move.reviewHeading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{t('move.reviewLead')}</p>
      <SummaryList
        className="mt-6"
        rows={[
          {
            key: t('move.reviewAddress'),
            value: draft.address?.oneLine,
            action: change(moveWizard.changeHref('address', draft.id), 'move.changeAddress', 'change-address'),
          },
          {
            key: t('move.reviewDate'),
            value: draft.moveDate ? <DateText date={draft.moveDate} /> : null,
            action: change(moveWizard.changeHref('date', draft.id), 'move.changeDate', 'change-date'),
          },
          {
            key: t('move.reviewWho'),
            value: draft.coMovers.length
              ? t('move.youAnd', { names: draft.coMovers.map((m) => m.name).join(', ') })
              : t('move.onlyYou'),
            action: change(moveWizard.changeHref('who', draft.id), 'move.changeWho', 'change-who'),
          },
        ]}
      />
      <Form method="post" className="mt-8">
        {moveWizard.hidden({ draftId: draft.id })}
        <p className="mb-4">{t('move.declaration')}</p>
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('move.submit')}
        </button>
      </Form>
    </div>
  )
}
