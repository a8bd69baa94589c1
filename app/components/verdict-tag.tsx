import { useTranslation } from 'react-i18next'
import { StatusTag, type StatusTone } from './status-tag'

export type Verdict = 'met' | 'missed' | 'no_cases' | 'no_target'

const TONE: Record<Verdict, StatusTone> = {
  met: 'success',
  missed: 'danger',
  no_cases: 'neutral',
  no_target: 'neutral',
}

/** Met or missed, as a word with an icon (never colour alone, WCAG 1.4.1). */
export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('quality')
  return (
    <span className="whitespace-nowrap">
      <StatusTag tone={TONE[verdict]}>{t(`verdict.${verdict}`)}</StatusTag>
    </span>
  )
}
