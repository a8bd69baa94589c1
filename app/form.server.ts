/**
 * The server half of the one form pattern (README, "Forms"): a route checks a form's shape with
 * its zod schema through conform, and answers a refused form with everything typed and every
 * message, for the page to show again. What a form means (may this e-mail get letters? is the
 * term still open?) is the service's to judge: it returns codes, which go back the same way.
 */
import { parseWithZod } from '@conform-to/zod'
import type { Submission, SubmissionResult } from '@conform-to/react'
import { json, type TypedResponse } from '@remix-run/node'
import type { z } from 'zod'

/** The form of `request`, checked against `schema`; a value only when every field is right. */
export async function parseForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
): Promise<Submission<z.input<Schema>, string[], z.output<Schema>>> {
  return parseFormData(await request.formData(), schema)
}

/**
 * A form the route has read already (a multipart upload, whose files the route's upload handler
 * took out), checked against `schema` the same way.
 */
export function parseFormData<Schema extends z.ZodTypeAny>(
  formData: FormData,
  schema: Schema,
): Submission<z.input<Schema>, string[], z.output<Schema>> {
  return parseWithZod(formData, { schema })
}

/**
 * The text fields of a submission as they were posted, for what reads a form's hidden fields
 * besides its schema (the wizard's draft id and way back, `app/wizard.tsx`).
 */
export function postedFields(submission: Submission<unknown, string[], unknown>): URLSearchParams {
  const posted = new URLSearchParams()
  for (const [name, value] of Object.entries(submission.payload))
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') posted.append(name, one)
  return posted
}

/**
 * A refusal a service returns: the field it is about and a message key, with the values the
 * message names where it names any (the additions to choose from, a person's name).
 */
export interface FieldRefusal {
  field: string
  code: string
  params?: MessageParams
}

/** The values a message names, by name (`{{options}}` in the locale's text). */
export type MessageParams = Record<string, string | number>

/**
 * The answer of a refused form: conform's result, and the values its messages name, per field in
 * the order of the field's message keys (only when a refusal carries any).
 */
export type RefusedForm = SubmissionResult<string[]> & { messageParams?: Record<string, MessageParams[]> }

/**
 * The page again (400, or `status`), with what was typed and the messages: the schema's own, or
 * the service's refusals in their place. `hideFields` are not sent back (a typed BSN: no page
 * shows it again).
 */
export function formRefused(
  submission: Submission<unknown, string[], unknown>,
  refusals: readonly FieldRefusal[] = [],
  status = 400,
  { hideFields = [] }: { hideFields?: string[] } = {},
): TypedResponse<RefusedForm> {
  return json(refusalOf(submission, refusals, { hideFields }), { status })
}

/**
 * What `formRefused` answers, as a value: for an action that sends more beside it (the file kept
 * with a correction request), `json({ result: refusalOf(submission, refusals), … })`.
 */
export function refusalOf(
  submission: Submission<unknown, string[], unknown>,
  refusals: readonly FieldRefusal[] = [],
  { hideFields = [] }: { hideFields?: string[] } = {},
): RefusedForm {
  const fieldErrors: Record<string, string[]> = {}
  const messageParams: Record<string, MessageParams[]> = {}
  for (const { field, code, params } of refusals) {
    ;(fieldErrors[field] ??= []).push(code)
    ;(messageParams[field] ??= []).push(params ?? {})
  }
  const reply: RefusedForm = submission.reply({ ...(refusals.length ? { fieldErrors } : {}), hideFields })
  return refusals.some((r) => r.params) ? { ...reply, messageParams } : reply
}
