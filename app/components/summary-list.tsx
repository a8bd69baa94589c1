import type { ReactNode } from 'react'

export interface SummaryRow {
  key: ReactNode
  value: ReactNode
  /** An optional link or button, such as "Wijzigen" (Change). */
  action?: ReactNode
}

/**
 * GOV.UK summary list: label/value pairs as a real description list (`<dl>`), so a screen
 * reader reads each value with its label. On phones label and value stack.
 */
export function SummaryList({ rows, className = '' }: { rows: SummaryRow[]; className?: string }) {
  return (
    <dl className={`divide-y divide-line border-y border-line ${className}`}>
      {rows.map((row, index) => (
        <div key={index} className="grid gap-1 py-3 sm:grid-cols-[minmax(10rem,1fr)_2fr_auto] sm:gap-4">
          <dt className="font-bold">{row.key}</dt>
          <dd className="m-0">{row.value}</dd>
          {row.action ? <dd className="m-0 sm:text-right">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  )
}
