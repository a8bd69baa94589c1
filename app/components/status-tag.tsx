import type { ReactNode } from 'react'

export type StatusTone = 'info' | 'success' | 'warning' | 'danger' | 'neutral'

const styles: Record<StatusTone, string> = {
  info: 'border-info text-info',
  success: 'border-success text-success',
  warning: 'border-warning text-warning',
  danger: 'border-danger text-danger',
  neutral: 'border-muted text-muted',
}

/** One icon per tone, so a status never depends on colour alone (WCAG 1.4.1): word + shape. */
function Icon({ tone }: { tone: StatusTone }) {
  const common = { 'aria-hidden': true, width: 16, height: 16, viewBox: '0 0 16 16', className: 'shrink-0' } as const
  switch (tone) {
    case 'success':
      return (
        <svg {...common}>
          <path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      )
    case 'warning':
      return (
        <svg {...common}>
          <path d="M8 1l7 14H1z" fill="currentColor" />
          <path d="M8 6v4M8 11.5v1.5" stroke="#fff" strokeWidth="1.8" />
        </svg>
      )
    case 'danger':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5 5l6 6M11 5l-6 6" stroke="#fff" strokeWidth="1.8" />
        </svg>
      )
    case 'info':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 4v5l3 2" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      )
    default:
      return (
        <svg {...common}>
          <rect x="2" y="2" width="12" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      )
  }
}

/** A status label: a word with an icon and a border in the tone's colour (GOV.UK tag). */
export function StatusTag({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return (
    <strong
      className={`inline-flex items-center gap-1.5 rounded-sm border-2 bg-white px-2 py-0.5 text-base font-bold ${styles[tone]}`}
    >
      <Icon tone={tone} />
      {children}
    </strong>
  )
}
