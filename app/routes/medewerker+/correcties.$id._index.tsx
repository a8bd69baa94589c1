import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { ReviewDecision } from '~/components/review-decision'
import { useActsOnCases } from '~/components/staff-role'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { useGovForm } from '~/components/use-gov-form'
import { reviewDecisionSchema } from '~/domain/review-decision'
import { CASE_READERS } from '~/domain/staff-areas'
import { formRefused, parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import {
  acceptCorrection,
  getCorrectionForCaseworker,
  refuseCorrection,
} from '~/services/requests/correction-review.server'
import { getFixedT } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * A correction request as the caseworker decides it (Wet BRP art. 2.58): accept (the data
 * corrected, history kept) or refuse with a reason; the letter is written from the decision.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const correction = await getCorrectionForCaseworker(staff, params.id ?? '')
  if (!correction) throw notFound()
  const t = await getFixedT(request)
  const done = new URL(request.url).searchParams.get('besluit')
  return json({
    correction,
    done: done === 'verbeterd' || done === 'afgewezen' ? done : null,
    title: `${correction.reference} – ${t('mydata:staff.correctionsTitle')}`,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Correctie' }]
export const handle = { i18n: 'mydata' }

const Decision = reviewDecisionSchema(['accept'])

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  const submission = await parseForm(request, Decision)
  if (submission.status !== 'success') return formRefused(submission)
  const decision = submission.value
  const id = params.id ?? ''
  const result =
    decision.intent === 'refuse'
      ? await refuseCorrection(staff, id, decision.reason)
      : await acceptCorrection(staff, id)
  if (!result.ok) {
    if (result.error === 'not_found') throw notFound()
    return formRefused(submission, [{ field: 'decision', code: result.error }], 409)
  }
  return redirect(`/medewerker/correcties/${id}?besluit=${decision.intent === 'accept' ? 'verbeterd' : 'afgewezen'}`)
}

const tone = { submitted: 'warning', accepted: 'success', refused: 'danger' } as const

export default function CorrectionRequest() {
  const { correction: c, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('mydata')
  const acts = useActsOnCases()
  const { errorOf, valueOf, summary } = useGovForm<{ reason: string; decision: string }>({
    id: 'decision',
    lastResult: actionData,
    message: (field, key) => t(field === 'decision' ? `staff.errors.${key}` : `errors.${field}.${key}`),
  })
  const show = (value: string | null) =>
    value === null || value === ''
      ? t('correction.emptyValue')
      : c.field === 'birth_date'
        ? formatLocalDate(value, i18n.language)
        : value
  return (
    <div className="prose-width">
      <p>
        <Link to="/medewerker/correcties">
          <span aria-hidden="true">← </span>
          {t('staff.backToCorrections')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">
        {t('staff.correctionsHeading')}: {c.reference}
      </h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      {done ? (
        <p role="status" className="mt-4 border-l-4 border-success pl-3 font-bold">
          {t(done === 'verbeterd' ? 'staff.accepted' : 'staff.correctionRefused')}
        </p>
      ) : null}
      <p className="mt-4">
        <StatusTag tone={tone[c.status]}>{t(`staff.statuses.${c.status}`)}</StatusTag>
      </p>
      <SummaryList
        className="mt-6"
        rows={[
          { key: t('staff.citizen'), value: c.citizenName },
          { key: t('staff.item'), value: t(`items.${c.field}`) },
          { key: t('staff.currentValue'), value: show(c.currentValue) },
          { key: t('staff.registerValue'), value: show(c.registerValue) },
          { key: t('staff.proposedValue'), value: show(c.proposedValue) },
          { key: t('staff.explanation'), value: <span className="whitespace-pre-line">{c.explanation}</span> },
          {
            key: t('staff.evidence'),
            value: c.evidence ? (
              <a href={`/medewerker/correcties/${c.id}/bewijs`} download>
                {t('staff.downloadEvidence', { name: c.evidence.name })}
              </a>
            ) : (
              t('correction.noEvidence')
            ),
          },
          ...(c.decisionReason ? [{ key: t('staff.decisionReason'), value: c.decisionReason }] : []),
        ]}
      />
      {c.status === 'submitted' ? (
        <ReviewDecision
          readOnly={!acts}
          approve={{ intent: 'accept', label: t('staff.accept') }}
          refuse={{ label: t('staff.refuseCorrection') }}
          reason={{
            label: t('staff.reason'),
            hint: t('staff.reasonHint'),
            error: errorOf('reason'),
            value: valueOf('reason'),
          }}
        />
      ) : null}
    </div>
  )
}
