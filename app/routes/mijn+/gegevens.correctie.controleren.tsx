import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { useSubmissionErrors } from '~/components/stable-value'
import { ErrorSummary } from '~/components/error-summary'
import { SummaryList } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getCorrectionDraft, submitCorrection } from '~/services/requests/corrections.server'
import { getFixedT } from '~/services/i18n.server'
import { correctionWizard } from '~/flows'
import { parseForm, postedFields } from '~/form.server'

/** Correction request: "Controleer uw gegevens", then send (a case `brp_correctie`, Wet BRP art. 2.58). */

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const draft = await getCorrectionDraft(citizen, correctionWizard.read(request).draftId)
  if (!draft) throw redirect(correctionWizard.href('form'))
  const t = await getFixedT(request)
  return json({ draft, title: t('mydata:correction.reviewTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Controleer uw gegevens' }]
export const handle = { i18n: 'mydata' }

/**
 * The send button's form: only the draft's id, in the wizard's hidden field (app/wizard.tsx, which
 * checks that it is an id); the answers are in the draft already.
 */
const SendForm = z.object({ aanvraag: z.string().max(100).optional().catch(undefined) })

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { draftId } = correctionWizard.read(postedFields(await parseForm(request, SendForm)))
  if (!draftId) throw redirect(correctionWizard.href('form'))
  const result = await submitCorrection(citizen, draftId)
  if (result.ok) return redirect(correctionWizard.doneHref(draftId))
  if ('missing' in result) throw redirect(correctionWizard.href('form'))
  return json({ errors: result.errors }, { status: 409 })
}

export default function CorrectionReview() {
  const { draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation('mydata')
  const edit = correctionWizard.changeHref('form', draft.id)
  const hidden = <span className="sr-only" />
  const change = (hash: string, key: string) => (
    <Link to={`${edit}#${hash}`} id={`change-${hash}`}>
      <Trans t={t} i18nKey={key} components={{ 1: hidden }} />
    </Link>
  )
  const show = (value: string | null) =>
    value === null || value === ''
      ? t('correction.emptyValue')
      : draft.field === 'birth_date'
        ? formatLocalDate(value, i18n.language)
        : value
  const errors = (actionData?.errors ?? []).map((e) => ({
    field: `change-${e.field}`,
    message: t(`errors.${e.field}.${e.error}`),
  }))
  const summary = useSubmissionErrors(errors, actionData)
  return (
    <div className="prose-width">
      <p>
        <Link to={edit}>
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('correction.reviewHeading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{t('correction.reviewLead')}</p>
      <SummaryList
        className="mt-6"
        rows={[
          {
            key: t('correction.reviewItem'),
            value: (
              <>
                {t(`items.${draft.field}`)}
                <br />
                <span className="text-base text-muted">
                  {t('correction.reviewCurrent')}: {show(draft.currentValue)}
                </span>
              </>
            ),
            action: change('field', 'correction.changeItem'),
          },
          {
            key: t('correction.reviewProposed'),
            value: show(draft.proposedValue),
            action: change('proposedValue', 'correction.changeProposed'),
          },
          {
            key: t('correction.reviewExplanation'),
            value: <span className="whitespace-pre-line">{draft.explanation}</span>,
            action: change('explanation', 'correction.changeExplanation'),
          },
          {
            key: t('correction.reviewEvidence'),
            value: draft.evidence ? draft.evidence.name : t('correction.noEvidence'),
            action: change('evidence', 'correction.changeEvidence'),
          },
        ]}
      />
      <Form method="post" className="mt-8">
        {correctionWizard.hidden({ draftId: draft.id })}
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('correction.submit')}
        </button>
      </Form>
    </div>
  )
}
