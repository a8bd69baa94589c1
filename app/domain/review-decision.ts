import { z } from 'zod'

/**
 * The caseworker's decision on a citizen's request (a move, a correction, the next kind too), as
 * its form posts it: one of the kind's intents (approve, or another step such as an address
 * investigation), or `refuse` with a reason. Awb 3:46–3:47: a refusal states its reason, so the
 * reason is required; the decision letter quotes it. Only the shape is checked here (README,
 * "Forms"); whether the request can still be decided is the service's to say.
 */
export const REVIEW_REASON_MAX = 1000

export function reviewDecisionSchema<const Intents extends readonly [string, ...string[]]>(intents: Intents) {
  type Decision = { intent: Intents[number] } | { intent: 'refuse'; reason: string }
  const known = new Set<string>(intents)
  // conform hands an empty field over as undefined. Whatever is wrong (an unknown intent too),
  // the form asks for the reason: the one thing a caseworker types here.
  return z
    .object({ intent: z.string().optional(), reason: z.string().trim().optional() })
    .superRefine((value, ctx) => {
      const refusing = value.intent === 'refuse'
      const valid = refusing
        ? Boolean(value.reason) && (value.reason ?? '').length <= REVIEW_REASON_MAX
        : value.intent !== undefined && known.has(value.intent)
      if (!valid) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'required' })
    })
    .transform((value): Decision =>
      value.intent === 'refuse' ? { intent: 'refuse', reason: value.reason ?? '' } : { intent: value.intent! },
    )
}

/** The confirmation step before an approval (a page of its own, so it works without JavaScript). */
export const CONFIRM_APPROVAL = 'confirm-approve'
export const ConfirmApprovalSchema = z.object({ intent: z.literal(CONFIRM_APPROVAL) })
