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
  return parseWithZod(await request.formData(), { schema })
}

/** A refusal a service returns: the field it is about and a message key. */
export interface FieldRefusal {
  field: string
  code: string
}

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
): TypedResponse<SubmissionResult<string[]>> {
  const fieldErrors: Record<string, string[]> = {}
  for (const { field, code } of refusals) (fieldErrors[field] ??= []).push(code)
  return json(submission.reply({ ...(refusals.length ? { fieldErrors } : {}), hideFields }), { status })
}
