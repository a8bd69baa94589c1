import type { ReactNode } from 'react'

export interface IndicatorStep {
  name: string
  explanation?: string
  state: 'done' | 'current' | 'upcoming'
  /** Already formatted, e.g. "12 maart 2026"; shown under the name. */
  date?: ReactNode
}

/**
 * The case timeline as an ordered list (NL Design System step indicator): each step says in
 * words whether it is done, current or still to come (visually hidden text plus an icon), so
 * the state never depends on colour alone; the current step carries aria-current="step".
 */
export function StepIndicator({
  steps,
  labels,
}: {
  steps: IndicatorStep[]
  labels: Record<IndicatorStep['state'], string>
}) {
  return (
    <ol className="relative space-y-0">
      {steps.map((step, index) => (
        <li
          key={index}
          aria-current={step.state === 'current' ? 'step' : undefined}
          className="relative flex gap-4 pb-6 last:pb-0"
        >
          {index < steps.length - 1 ? (
            <span
              aria-hidden="true"
              className={`absolute left-[15px] top-8 bottom-0 w-0.5 ${step.state === 'done' ? 'bg-success' : 'bg-line'}`}
            />
          ) : null}
          <Marker state={step.state} number={index + 1} />
          <div className="pt-0.5">
            <p className={`m-0 ${step.state === 'current' ? 'text-xl font-bold' : 'font-bold'}`}>
              {step.name}
              <span className="sr-only"> ({labels[step.state]})</span>
            </p>
            <p className="m-0 text-base text-muted" aria-hidden="true">
              {labels[step.state]}
              {step.date ? <> · {step.date}</> : null}
            </p>
            {step.date ? <p className="sr-only">{step.date}</p> : null}
            {step.explanation && step.state !== 'done' ? <p className="mt-1 text-base">{step.explanation}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  )
}

function Marker({ state, number }: { state: IndicatorStep['state']; number: number }) {
  const base =
    'relative z-10 flex h-8 w-8 shrink-0 items-center justify-center rounded-full border-2 text-base font-bold'
  if (state === 'done') {
    return (
      <span aria-hidden="true" className={`${base} border-success bg-success text-white`}>
        <svg width="16" height="16" viewBox="0 0 16 16">
          <path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      </span>
    )
  }
  if (state === 'current')
    return (
      <span aria-hidden="true" className={`${base} border-brand bg-brand text-white`}>
        {number}
      </span>
    )
  return (
    <span aria-hidden="true" className={`${base} border-muted bg-white text-muted`}>
      {number}
    </span>
  )
}
