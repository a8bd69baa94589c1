import { createContext, useContext, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { RefusedInput } from '~/domain/refusal'
import { ErrorSummary } from './error-summary'

/**
 * A form the server refused for characters no field may hold (NUL, a lone surrogate): the page
 * comes back with this summary at the top, the message at the field (FormField reads the
 * context) and what was typed, those characters taken out (server/request-guard.ts).
 */
const RefusedInputContext = createContext<RefusedInput | null>(null)

export const RefusedInputProvider = RefusedInputContext.Provider

export function useRefusedInput(): RefusedInput | null {
  return useContext(RefusedInputContext)
}

export function RefusedInputSummary({ refused }: { refused: RefusedInput }) {
  const { t } = useTranslation()
  // The same list for the life of the page: the summary takes focus when its list changes.
  const errors = useMemo(() => [{ field: refused.field, message: t('errors.invalidCharacters') }], [refused, t])
  return <ErrorSummary title={t('errors.problemTitle')} errors={errors} />
}
