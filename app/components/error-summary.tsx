import { useEffect, useRef } from 'react'

export interface ErrorSummaryItem {
  /** The id of the field the message is about; the link moves focus there. */
  field: string
  message: string
}

/**
 * GOV.UK error summary: at the top of the form, lists every problem as a link to its field and
 * takes focus when it appears, so a screen reader announces it and a keyboard user starts
 * there (WCAG 3.3.1). Without JavaScript it is still the first thing in the form.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: ErrorSummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus()
  }, [errors])
  if (errors.length === 0) return null
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      role="alert"
      className="mb-8 border-4 border-danger p-4 focus:outline-none focus-visible:outline-3"
    >
      <h2 id="error-summary-title" className="text-xl">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a href={`#${error.field}`} className="font-bold text-danger">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
