import type { ReactNode } from 'react'

/**
 * A labelled form field with an optional hint and error message (GOV.UK pattern). The input
 * itself is the child, given the ids this wrapper hands out through `describedBy`, so the
 * hint and the error are read with the field (WCAG 1.3.1, 3.3.1).
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`mb-6 ${error ? 'border-l-4 border-danger pl-4' : ''}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="m-0 text-base text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="m-0 font-bold text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-1">
        {children({
          id,
          name: id,
          'aria-describedby': describedBy,
          ...(error ? { 'aria-invalid': true as const } : {}),
        })}
      </div>
    </div>
  )
}

/** The input styling used across the forms: 2 px border, a clear focus ring from the base styles. */
export const inputClass = 'block w-full max-w-xl rounded-none border-2 border-ink bg-white px-2 py-1.5 text-lg'
