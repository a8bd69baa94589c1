import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm, postedFields } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getMoveDraft, saveMoveDate } from '~/services/requests/move-draft.server'
import type { MoveDateWindow } from '~/domain/move'
import { moveWizard } from '~/flows'

/**
 * Move, step 2 of 4: the moving date, from 5 days back to 4 weeks ahead (Wet BRP art. 2.39).
 * Three fields (day, month, year), the government pattern that works without JavaScript and
 * with every keyboard and screen reader.
 */
// Whether the date is a date in the window is the service's to say (with the window's dates).
const DateForm = z.object({
  day: z.string().max(10).catch(''),
  month: z.string().max(10).catch(''),
  year: z.string().max(10).catch(''),
})
type Fields = z.input<typeof DateForm>
/** The date's refusal is shown at the date's first field, where the summary leads. */
const DATE_FIELD = 'moveDate-day'

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const { draftId, returnToReview } = moveWizard.read(request)
  const draft = await getMoveDraft(citizen, draftId)
  if (!draft) throw redirect(moveWizard.href('address'))
  const missing = moveWizard.missingBefore('date', draft.id, { address: Boolean(draft.address) })
  if (missing) throw redirect(moveWizard.href('address'))
  const t = await getFixedT(request)
  return json({ draft, returnToReview, title: t('mydata:move.dateTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing doorgeven' }]
export const handle = { i18n: 'mydata' }

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const submission = await parseForm(request, DateForm)
  const position = moveWizard.read(postedFields(submission))
  if (submission.status !== 'success') return formRefused(submission)
  const saved = await saveMoveDate(citizen, position.draftId, submission.value)
  if (!saved.ok || !position.draftId) {
    if (saved.ok || 'missing' in saved) throw redirect(moveWizard.href('address'))
    // The window is today's, as the page shows it again.
    return formRefused(submission, [{ field: DATE_FIELD, code: saved.error }])
  }
  return redirect(moveWizard.next('date', position.draftId, position.returnToReview))
}

/** The form's input style, with a fixed width that fits the number (GOV.UK date input). */
const dateInputClass = inputClass.replace(/\b(w-full|max-w-\S+)/g, '').trim()

function splitDate(date: string | null): { day: string; month: string; year: string } {
  if (!date) return { day: '', month: '', year: '' }
  const [year, month, day] = date.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

export default function MoveDate() {
  const { draft, returnToReview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('mydata')
  const window: MoveDateWindow = draft.window
  const dates = {
    earliest: formatLocalDate(window.earliest, i18n.language),
    latest: formatLocalDate(window.latest, i18n.language),
  }
  const { valueOf, summary, errorOf } = useGovForm<Fields & { [DATE_FIELD]: string }>({
    id: 'move-date',
    lastResult: actionData,
    defaultValue: splitDate(draft.moveDate),
    message: (_field, key) => t(`errors.moveDate.${key}`, dates),
  })
  const error = errorOf(DATE_FIELD)
  const describedBy = ['moveDate-hint', error ? 'moveDate-error' : null].filter(Boolean).join(' ')
  const back = moveWizard.back('date', draft.id, returnToReview)
  const field = (name: 'day' | 'month' | 'year', width: string) => (
    <div>
      <label htmlFor={`moveDate-${name}`} className="block font-bold">
        {t(`move.${name}`)}
      </label>
      <input
        id={`moveDate-${name}`}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={valueOf(name)}
        aria-invalid={error ? true : undefined}
        className={`${dateInputClass} ${width}`}
      />
    </div>
  )
  return (
    <div className="prose-width">
      <p>
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <p className="mt-4 text-lg text-muted">
        {t('move.heading')} · {t('common.stepOf', { step: 2, total: 4 })}
      </p>
      <h1 className="text-3xl md:text-4xl">{t('move.dateHeading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      {draft.address ? <p className="mt-3">{t('move.newAddress', { address: draft.address.oneLine })}</p> : null}
      <Form method="post" noValidate className="mt-6">
        {moveWizard.hidden({ draftId: draft.id, returnToReview })}
        <fieldset aria-describedby={describedBy} className={`mb-6 ${error ? 'border-l-4 border-danger pl-4' : ''}`}>
          <legend className="font-bold">{t('move.dateLegend')}</legend>
          <p id="moveDate-hint" className="m-0 text-base text-muted">
            {t('move.dateHint', dates)}
          </p>
          {error ? (
            <p id="moveDate-error" className="m-0 font-bold text-danger">
              {error}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-4">
            {field('day', 'w-[4.5rem]')}
            {field('month', 'w-[4.5rem]')}
            {field('year', 'w-[6.5rem]')}
          </div>
        </fieldset>
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
