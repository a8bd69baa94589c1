import { cloneElement, isValidElement, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useRefusedInput } from './refused-input'

/**
 * A labelled form field with an optional hint and error message (GOV.UK pattern). The input
 * itself is the child, given the ids this wrapper hands out through `describedBy`, so the
 * hint and the error are read with the field (WCAG 1.3.1, 3.3.1).
 * When the server refused the form for characters no field may hold (refused-input.tsx), the
 * field it names shows why, and a text field shows again what was typed, minus those characters.
 */
export function FormField({
  id,
  label,
  hint,
  error: ownError,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}) {
  const { t } = useTranslation()
  const refused = useRefusedInput()
  const error = ownError ?? (refused?.field === id ? t('errors.invalidCharactersField') : undefined)
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
        {keepTyped(
          children({
            id,
            name: id,
            'aria-describedby': describedBy,
            ...(error ? { 'aria-invalid': true as const } : {}),
          }),
          refused?.values[id],
        )}
      </div>
    </div>
  )
}

const NOT_TEXT = new Set(['checkbox', 'radio', 'file', 'hidden', 'submit', 'button'])

/** A text input or text area shows `typed` instead of its own default value. */
function keepTyped(element: ReactNode, typed: string | undefined): ReactNode {
  if (typed === undefined || !isValidElement<{ type?: string; defaultValue?: unknown }>(element)) return element
  const textual =
    element.type === 'textarea' || (element.type === 'input' && !NOT_TEXT.has(String(element.props.type ?? 'text')))
  return textual ? cloneElement(element, { defaultValue: typed }) : element
}

/** The input styling used across the forms: 2 px border, a clear focus ring from the base styles. */
export const inputClass = 'block w-full max-w-xl rounded-none border-2 border-ink bg-white px-2 py-1.5 text-lg'
