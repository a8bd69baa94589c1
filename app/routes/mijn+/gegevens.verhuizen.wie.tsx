import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm, postedFields } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getCoMoverChoices, saveCoMovers } from '~/services/requests/move-draft.server'
import { moveWizard } from '~/flows'

/**
 * Move, step 3 of 4: who moves along (Wet BRP art. 2.48–2.49). Members the law allows are
 * checkboxes; the others are listed with the reason they report their own move. A member is
 * named in the form by position in the household list, never by BSN.
 */
// A value that is not a position in the list (a form made by hand) is "choose only from the list":
// null here, so that the page answers with that message rather than the schema's.
const WhoForm = z.object({
  meeverhuizer: z
    .array(
      z
        .string()
        .regex(/^[0-9]{1,2}$/)
        .transform(Number),
    )
    .max(50)
    .nullable()
    .catch(null),
})
/** The field the messages are shown at: the list of checkboxes, whose first box has this id. */
const FIELD = 'coMovers'

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { draftId: aanvraag, returnToReview } = moveWizard.read(request)
  // The service answers only for a draft with its address and date (the steps before this one).
  const choices = await getCoMoverChoices(citizen, aanvraag)
  if (!choices || !aanvraag) throw redirect(moveWizard.href('address'))
  const t = await getFixedT(request)
  return json({ id: aanvraag, choices, returnToReview, title: t('mydata:move.whoTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing doorgeven' }]
export const handle = { i18n: 'mydata' }

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const submission = await parseForm(request, WhoForm)
  const { draftId } = moveWizard.read(postedFields(submission))
  if (!draftId) throw redirect(moveWizard.href('address'))
  // The schema catches every value, so a submission is always a value; the check is for the types.
  if (submission.status !== 'success') return formRefused(submission)
  const picked = submission.value.meeverhuizer
  if (!picked)
    return formRefused(submission, [{ field: FIELD, code: 'unknown', params: { name: '' } }], 400, {
      hideFields: ['meeverhuizer'],
    })
  const saved = await saveCoMovers(citizen, draftId, picked)
  if (!saved.ok) {
    if ('missing' in saved) throw redirect(moveWizard.href('address'))
    return formRefused(
      submission,
      saved.refused.map((r) => ({ field: FIELD, code: r.reason, params: { name: r.name ?? '' } })),
    )
  }
  return redirect(moveWizard.next('who', draftId, true))
}

export default function MoveWho() {
  const { id, choices, returnToReview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const eligible = choices.filter((c) => c.eligible)
  const others = choices.filter((c) => !c.eligible)
  const { fields, messagesOf, summary } = useGovForm<{ meeverhuizer: string[]; [FIELD]: string }>({
    id: 'move-who',
    lastResult: actionData,
    defaultValue: { meeverhuizer: choices.filter((c) => c.chosen).map((c) => String(c.index)) },
    message: (field, key, params) => t(`errors.${field}.${key}`, params),
    everyMessage: true,
  })
  // What was ticked (after a refusal, else the draft's choice), as the positions in the list.
  const ticked = fields.meeverhuizer.initialValue
  const picked = new Set((Array.isArray(ticked) ? ticked : [ticked]).map(Number))
  const messages = messagesOf(FIELD)
  const back = moveWizard.back('who', id, returnToReview)
  const errorId = messages.length ? 'coMovers-error' : null
  return (
    <div className="prose-width">
      <p>
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <p className="mt-4 text-lg text-muted">
        {t('move.heading')} · {t('common.stepOf', { step: 3, total: 4 })}
      </p>
      <h1 className="text-3xl md:text-4xl">{t('move.whoHeading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{t('move.whoLead')}</p>
      <Form method="post" noValidate className="mt-6">
        {moveWizard.hidden({ draftId: id })}
        {choices.length === 0 ? <p className="mb-6">{t('move.noHousehold')}</p> : null}
        {eligible.length > 0 || messages.length > 0 ? (
          <fieldset
            aria-describedby={['coMovers-hint', errorId].filter(Boolean).join(' ')}
            className={`mb-6 ${messages.length ? 'border-l-4 border-danger pl-4' : ''}`}
          >
            <legend className="font-bold">{t('move.whoLegend')}</legend>
            <p id="coMovers-hint" className="m-0 text-base text-muted">
              {t('move.whoHint')}
            </p>
            {messages.length ? (
              <div id="coMovers-error">
                {messages.map((m) => (
                  <p key={m} className="m-0 font-bold text-danger">
                    {m}
                  </p>
                ))}
              </div>
            ) : null}
            <div className="mt-3 space-y-3">
              {eligible.map((c, i) => (
                <div key={c.index} className="flex items-center gap-3">
                  <input
                    type="checkbox"
                    id={i === 0 ? 'coMovers' : `coMovers-${c.index}`}
                    name="meeverhuizer"
                    value={String(c.index)}
                    defaultChecked={picked.has(c.index)}
                    className="h-6 w-6 shrink-0"
                  />
                  <label htmlFor={i === 0 ? 'coMovers' : `coMovers-${c.index}`}>
                    {c.name} <span className="text-muted">({t(`overview.relation.${c.relation}`)})</span>
                  </label>
                </div>
              ))}
              {eligible.length === 0 ? <span id="coMovers" tabIndex={-1} /> : null}
            </div>
          </fieldset>
        ) : null}
        {others.length > 0 ? (
          <section aria-labelledby="others-heading" className="mb-6">
            <h2 id="others-heading" className="text-xl">
              {t('move.notAllowedHeading')}
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {others.map((c) => (
                <li key={c.index}>
                  {c.name} ({t(`overview.relation.${c.relation}`)}): {t(`move.reasons.${c.reason ?? 'unknown'}`)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('common.continue')}
          </button>
          <Link to="/mijn/gegevens">{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
