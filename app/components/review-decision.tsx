import { Form, Link, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormField, inputClass } from '~/components/form-field'
import { ReadOnlyNote } from '~/components/staff-role'
import { CONFIRM_APPROVAL } from '~/domain/review-decision'

/**
 * The caseworker's decision on a citizen's request, the same for every kind (a move, a
 * correction, the next one): approve, any step of the kind's own (an address investigation), or
 * refuse with a reason. Each is a real form posting its `intent` (schema: `reviewDecisionSchema`
 * in app/domain/review-decision.ts), so it works without JavaScript; the reason typed comes back
 * with a refusal. An employee who may only read sees a note instead.
 */
export function ReviewDecision({
  readOnly,
  heading,
  approve,
  steps,
  refuse,
  reason,
}: {
  readOnly: boolean
  /** a heading over the decision (h2), when the page has more sections */
  heading?: string
  approve: { intent: string; label: string; hint?: string }
  /** the kind's own steps between approving and refusing, each its own form */
  steps?: ReactNode
  refuse: { label: string }
  reason: { label: string; hint: string; error?: string; value: string }
}) {
  if (readOnly)
    return (
      <div className="mt-8">
        <ReadOnlyNote />
      </div>
    )
  const forms = (
    <>
      <Form method="post">
        <input type="hidden" name="intent" value={approve.intent} />
        {approve.hint ? <p className="mb-3 text-base">{approve.hint}</p> : null}
        <button type="submit" className="btn-primary">
          {approve.label}
        </button>
      </Form>
      {steps}
      <Form method="post" noValidate className="border-t-2 border-line pt-6">
        <input type="hidden" name="intent" value="refuse" />
        <FormField id="reason" label={reason.label} hint={reason.hint} error={reason.error}>
          {(p) => <textarea {...p} rows={3} defaultValue={reason.value} className={inputClass} />}
        </FormField>
        <button type="submit" className="btn-secondary">
          {refuse.label}
        </button>
      </Form>
    </>
  )
  return heading ? (
    <section id="decision" tabIndex={-1} aria-labelledby="decision-heading" className="mt-10 space-y-8">
      <h2 id="decision-heading" className="text-2xl">
        {heading}
      </h2>
      {forms}
    </section>
  ) : (
    <div id="decision" tabIndex={-1} className="mt-8 space-y-8">
      {forms}
    </div>
  )
}

/**
 * The confirmation step of an approval, on a page of its own that says what will happen: only
 * its button approves (`ConfirmApprovalSchema`); the link goes back without deciding.
 */
export function ConfirmApproval({ confirm, cancel }: { confirm: string; cancel: { to: string; label: string } }) {
  const navigation = useNavigation()
  return (
    <Form method="post" id="confirm" className="mt-8 flex flex-wrap items-center gap-6">
      <input type="hidden" name="intent" value={CONFIRM_APPROVAL} />
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {confirm}
      </button>
      <Link to={cancel.to}>{cancel.label}</Link>
    </Form>
  )
}
