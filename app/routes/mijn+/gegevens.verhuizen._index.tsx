import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm, postedFields, type FieldRefusal } from '~/form.server'
import { DRAFT_LIFETIME_DAYS } from '~/domain/drafts'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getBlockingMove, getMoveDraft, getOpenMoveDraft, saveMoveAddress } from '~/services/requests/move-draft.server'
import { getPersonAddress, type AddressLookupError } from '~/services/requests/move-address.server'
import type { BlockingMove } from '~/services/requests/move-parties.server'
import { formatLocalDate } from '~/components/date-text'
import { moveWizard } from '~/flows'

/**
 * Move, step 1 of 4: the new address, found in the address register by postcode and number
 * (Wet BRP art. 2.39: it must exist). The answers live in a server-side draft named
 * by a random id (`aanvraag`); nothing personal goes into the URL.
 *
 * Someone with a move still pending or waiting for its date (reported by them, or for them by a
 * partner or parent) sees that move instead of the form: one move at a time. The service refuses
 * a second one as well, for a form posted all the same.
 */
const AddressForm = z.object({
  postcode: z.string().max(40).catch(''),
  houseNumber: z.string().max(40).catch(''),
  addition: z.string().max(40).catch(''),
})
type Fields = z.input<typeof AddressForm>

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const t = await getFixedT(request)
  const { draftId: aanvraag, returnToReview } = moveWizard.read(request)
  const blocked = await getBlockingMove(citizen)
  if (blocked)
    return json({ blocked, draft: null, current: null, returnToReview: false, title: t('moves:blocked.title') })
  const [draft, current] = await Promise.all([
    // Without an id: the citizen's open draft, if any, so that coming back resumes it.
    aanvraag ? getMoveDraft(citizen, aanvraag) : getOpenMoveDraft(citizen),
    getPersonAddress(citizen),
  ])
  return json({
    blocked: null,
    draft,
    current,
    returnToReview: returnToReview && draft !== null,
    title: t('mydata:move.addressTitle'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Verhuizing doorgeven' }]
export const handle = { i18n: ['mydata', 'moves'] }

/**
 * A refusal of the address register (app/services/requests/move-address.server.ts) at the field
 * the citizen fixes it in: a letter or addition in the wrong form is the addition's, and "choose
 * one" names the additions the number has.
 */
function toRefusal(e: AddressLookupError): FieldRefusal {
  if (e.field === 'houseNumber' && e.error === 'addition_format') return { field: 'addition', code: e.error }
  if (e.field === 'addition') return { field: 'addition', code: e.error, params: { options: e.options.join(', ') } }
  return { field: e.field, code: e.error }
}

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const submission = await parseForm(request, AddressForm)
  const position = moveWizard.read(postedFields(submission))
  // The schema catches every field, so a submission is always a value; the check is for the types.
  if (submission.status !== 'success') return formRefused(submission)
  const result = await saveMoveAddress(citizen, position.draftId, submission.value)
  if (!result.ok && 'blocked' in result) return json({ blocked: result.blocked }, { status: 409 })
  if (!result.ok) return formRefused(submission, result.errors.map(toRefusal))
  return redirect(moveWizard.next('address', result.id, position.returnToReview))
}

/** The move that stands in the way of another, with a link to its case. */
function BlockedMove({ move }: { move: BlockingMove }) {
  const { t, i18n } = useTranslation('moves')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const facts = {
    name: move.reportedBy,
    date: date(move.reportedOn),
    address: move.address,
    moveDate: date(move.moveDate),
  }
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/gegevens">
          <span aria-hidden="true">← </span>
          {t('blocked.backToData')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">
        {move.reportedByYou ? t('blocked.headingOwn') : t('blocked.headingOther')}
      </h1>
      <div className="mt-6 border-l-8 border-info bg-surface p-5">
        <p className="text-xl">{move.reportedByYou ? t('blocked.own', facts) : t('blocked.byOther', facts)}</p>
        <p className="mt-2">{t('blocked.oneAtATime')}</p>
      </div>
      <p className="mt-6">
        <Link to={`/mijn/zaken/${move.caseId}`} className="btn-primary">
          {t('blocked.caseLink')}
        </Link>
      </p>
      <p className="mt-6">{move.withdrawable ? t('blocked.withdrawHint') : t('blocked.notRight')}</p>
    </div>
  )
}

export default function MoveAddress() {
  const { blocked: blockedOnLoad, draft, current, returnToReview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const blocked = (actionData && 'blocked' in actionData ? actionData.blocked : null) ?? blockedOnLoad
  if (blocked) return <BlockedMove move={blocked} />
  return <AddressStep draft={draft} current={current} returnToReview={returnToReview} />
}

function AddressStep({
  draft,
  current,
  returnToReview,
}: Pick<ReturnType<typeof useLoaderData<typeof loader>>, 'draft' | 'current' | 'returnToReview'>) {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const { valueOf, errorOf, summary } = useGovForm<Fields>({
    id: 'move-address',
    lastResult: actionData && !('blocked' in actionData) ? actionData : null,
    defaultValue: draft?.addressInput ?? undefined,
    message: (field, key, params) => t(`errors.${field}.${key}`, params),
  })
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/gegevens">
          <span aria-hidden="true">← </span>
          {t('common.back')}
        </Link>
      </p>
      <p className="mt-4 text-lg text-muted">
        {t('move.heading')} · {t('common.stepOf', { step: 1, total: 4 })}
      </p>
      <h1 className="text-3xl md:text-4xl">{t('move.addressHeading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      <p className="mt-3">{t('move.addressLead')}</p>
      {current ? <p className="mt-2">{t('move.currentAddress', { address: current.oneLine })}</p> : null}
      <p className="mt-2">{t('common.draftKept', { days: DRAFT_LIFETIME_DAYS })}</p>
      <Form method="post" noValidate className="mt-6">
        {moveWizard.hidden({ draftId: draft?.id ?? null, returnToReview })}
        <FormField id="postcode" label={t('move.postcode')} hint={t('move.postcodeHint')} error={errorOf('postcode')}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="postal-code"
              spellCheck={false}
              defaultValue={valueOf('postcode')}
              className={`${inputClass} max-w-[10rem] uppercase`}
            />
          )}
        </FormField>
        <FormField
          id="houseNumber"
          label={t('move.houseNumber')}
          hint={t('move.houseNumberHint')}
          error={errorOf('houseNumber')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              defaultValue={valueOf('houseNumber')}
              className={`${inputClass} max-w-[8rem]`}
            />
          )}
        </FormField>
        <FormField id="addition" label={t('move.addition')} hint={t('move.additionHint')} error={errorOf('addition')}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              defaultValue={valueOf('addition')}
              className={`${inputClass} max-w-[8rem]`}
            />
          )}
        </FormField>
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
