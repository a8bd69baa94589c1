import { describe, expect, it } from 'vitest'
import { REVIEW_REASON_MAX, reviewDecisionSchema } from '~/domain/review-decision'

const Decision = reviewDecisionSchema(['approve', 'investigate'])
const issuesOf = (input: unknown) => {
  const parsed = Decision.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('the caseworker’s decision on a request (app/domain/review-decision.ts)', () => {
  it('takes one of the kind’s own intents without a reason', () => {
    expect(Decision.parse({ intent: 'approve' })).toEqual({ intent: 'approve' })
    expect(Decision.parse({ intent: 'investigate', reason: 'ignored' })).toEqual({ intent: 'investigate' })
  })

  it('refuses only with a reason (Awb 3:46), trimmed, and asks for it at the reason field otherwise', () => {
    expect(Decision.parse({ intent: 'refuse', reason: '  Het adres bestaat niet.  ' })).toEqual({
      intent: 'refuse',
      reason: 'Het adres bestaat niet.',
    })
    expect(issuesOf({ intent: 'refuse' })).toEqual(['reason:required'])
    expect(issuesOf({ intent: 'refuse', reason: '   ' })).toEqual(['reason:required'])
    expect(issuesOf({ intent: 'refuse', reason: 'x'.repeat(REVIEW_REASON_MAX + 1) })).toEqual(['reason:required'])
    expect(Decision.safeParse({ intent: 'refuse', reason: 'x'.repeat(REVIEW_REASON_MAX) }).success).toBe(true)
  })

  it('answers an intent of another kind, or none, like a missing reason: nothing is decided', () => {
    expect(issuesOf({ intent: 'accept' })).toEqual(['reason:required'])
    expect(issuesOf({})).toEqual(['reason:required'])
  })
})
