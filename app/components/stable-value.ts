import { useMemo } from 'react'

/**
 * The error list of one form submission, kept as the same array until the next submission.
 * The error summary takes focus whenever its list changes: a list rebuilt on every render (a
 * navigation state change, following a link in the summary) would pull focus back to it each
 * time, away from the field the user just went to. A new submission, even with the same
 * mistakes, is a new list, so the summary takes focus again (GOV.UK pattern).
 */
export function useSubmissionErrors<T>(errors: T, submission: unknown): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => errors, [submission])
}
