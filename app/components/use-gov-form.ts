import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { useLocation } from '@remix-run/react'
import type { ErrorSummaryItem } from '~/components/error-summary'
import { useSubmissionErrors } from '~/components/stable-value'

/**
 * The browser half of the one form pattern (README, "Forms"; the server half is
 * app/form.server.ts): conform keeps the form's state from the last answer of the server — what
 * was typed and the message keys — and this hook turns it into what the GOV.UK components show:
 * a message per field (`errorOf`, for `FormField`) and the list for `ErrorSummary`, in the order
 * of the form. Validation stays on the server, so a form works the same without JavaScript.
 * Inputs keep the field's name as their id, so the summary's links lead to them.
 */
/** The values messages name (`FieldRefusal.params` in app/form.server.ts), per field in the order of its keys. */
type MessageParamsByField = Record<string, Array<Record<string, string | number>>>

export function useGovForm<Fields extends Record<string, unknown>>({
  id,
  lastResult,
  defaultValue,
  message,
  everyMessage = false,
}: {
  /** the form's id: one per page, stable between the server's render and the browser's */
  id: string
  /** the action's answer (useActionData): null before any submission */
  lastResult: (SubmissionResult<string[]> & { messageParams?: MessageParamsByField }) | null | undefined
  /** what the fields hold before anything was typed (the loader's data) */
  defaultValue?: Partial<Record<keyof Fields, unknown>>
  /** the text of a message key for a field, in the page's language, with the values it names */
  message: (field: string, key: string, params: Record<string, string | number>) => string
  /** the summary lists every message of a field, not only its first (a field refused for several people) */
  everyMessage?: boolean
}) {
  // A new page (the redirect after a saved form, too) starts the form afresh from its defaults;
  // a refusal is answered on the same page, into the same form.
  const { key } = useLocation()
  const [form, fields] = useForm<Fields, string[]>({
    id: `${id}-${key}`,
    lastResult: lastResult ?? undefined,
    defaultValue: defaultValue as DefaultValue<Fields>,
    shouldValidate: 'onSubmit',
  })
  // The messages of the server's last answer: read from the answer itself, so the first render
  // with it already shows them (conform takes the answer over in an effect).
  const errors: Record<string, string[]> = {}
  for (const [field, keys] of Object.entries(lastResult?.error ?? {})) if (keys?.length) errors[field] = keys
  const text = (field: string, key: string, index = 0) =>
    message(field, key, lastResult?.messageParams?.[field]?.[index] ?? {})
  /** Every message of a field, in the order the server gave them. */
  const messagesOf = (field: keyof Fields & string): string[] =>
    (errors[field] ?? []).map((key, index) => text(field, key, index))
  const errorOf = (field: keyof Fields & string): string | undefined => {
    const key = errors[field]?.[0]
    return key ? text(field, key) : undefined
  }
  /** What was typed (after a refusal) or the field's default, as an input's defaultValue. */
  const valueOf = (field: keyof Fields & string): string => {
    const value = fields[field].initialValue
    return typeof value === 'string' ? value : ''
  }
  const summary: ErrorSummaryItem[] = useSubmissionErrors(
    Object.entries(errors).flatMap(([field, keys]) =>
      field === ''
        ? []
        : (everyMessage ? keys : keys.slice(0, 1)).map((key, index) => ({ field, message: text(field, key, index) })),
    ),
    lastResult,
  )
  return { form, fields, errorOf, messagesOf, valueOf, summary }
}
