import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { SummaryList } from '~/components/summary-list'
import { useGovForm } from '~/components/use-gov-form'
import { MAX_GROUNDS_LENGTH, MAX_LATE_REASON_LENGTH } from '~/domain/objection'
import { formRefused, parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { getObjectionForm } from '~/services/objections/draft.server'
import { submitObjection } from '~/services/objections/submit.server'
import { notFound } from '~/responses'

/** "Controleer uw gegevens", then send: the objection becomes a case of its own (Awb 6:4). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const form = await getObjectionForm(citizen, caseId, lang)
  if (form.status === 'not_found' || form.status === 'not_objectable') throw notFound()
  if (form.status === 'existing' || !form.draft) throw redirect(`/mijn/zaken/${caseId}/bezwaar`)
  return json({ form: { ...form, draft: form.draft }, title: t('objections:review.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Controleer uw gegevens' }]
export const handle = { i18n: 'objections' }

/** The check page's form is only its button: the answers are in the draft. */
const SendForm = z.object({})

/** A refused answer's message points at its "change" link, which leads to the field in the form. */
const changeLink = (field: string) => `change-${field}`

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const caseId = params.caseId ?? ''
  const submission = await parseForm(request, SendForm)
  const result = await submitObjection(citizen, caseId)
  switch (result.status) {
    case 'not_found':
    case 'not_objectable':
      throw notFound()
    case 'no_draft':
      return redirect(`/mijn/zaken/${caseId}/bezwaar`)
    case 'submitted':
      return redirect(`/mijn/zaken/${caseId}/bezwaar/verstuurd`)
    case 'invalid':
      // The term ran out while the citizen checked, or the text was emptied in another tab.
      return formRefused(
        submission,
        result.errors.map((e) => ({ field: changeLink(e.field), code: e.code })),
        409,
      )
  }
}

export default function ObjectionReview() {
  const { form } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation('objections')
  const { decision, draft, late } = form
  const edit = `/mijn/zaken/${decision.caseId}/bezwaar`
  const change = (field: string, what: string) => (
    <Link to={`${edit}#${field}`} id={changeLink(field)}>
      {t('review.change')}
      <span className="sr-only"> {what}</span>
    </Link>
  )
  const { summary } = useGovForm({
    id: 'objection-send',
    lastResult: actionData,
    message: (field, key) =>
      t(`errors.${key}`, { max: field === changeLink('lateReason') ? MAX_LATE_REASON_LENGTH : MAX_GROUNDS_LENGTH }),
  })
  return (
    <div className="prose-width">
      <p>
        <Link to={edit}>
          <span aria-hidden="true">← </span>
          {t('form.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{t('review.heading')}</h1>
      <ErrorSummary title={t('form.errorTitle')} errors={summary} />
      <p className="mt-3">{t('review.lead')}</p>
      <SummaryList
        className="mt-6"
        rows={[
          {
            key: t('review.decision'),
            value: `${decision.reference}: ${decision.caseType}, ${formatLocalDate(decision.decidedOn, i18n.language)}`,
          },
          {
            key: t('review.grounds'),
            value: <span className="whitespace-pre-line">{draft.grounds}</span>,
            action: change('grounds', t('review.grounds')),
          },
          ...(late
            ? [
                {
                  key: t('review.lateReason'),
                  value: <span className="whitespace-pre-line">{draft.lateReason ?? ''}</span>,
                  action: change('lateReason', t('review.lateReason')),
                },
              ]
            : []),
          {
            key: t('review.files'),
            value: draft.files.length ? (
              <ul className="m-0 list-none p-0">
                {draft.files.map((f) => (
                  <li key={f.id}>{f.name}</li>
                ))}
              </ul>
            ) : (
              t('review.noFiles')
            ),
            action: change('attachments', t('review.files')),
          },
        ]}
      />
      <p className="mt-6">{t('review.declaration')}</p>
      <Form method="post" className="mt-6">
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {t('review.submit')}
        </button>
      </Form>
    </div>
  )
}
