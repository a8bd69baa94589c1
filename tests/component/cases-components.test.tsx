import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatLocalDate } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { StatusTag } from '~/components/status-tag'
import { StepIndicator } from '~/components/step-indicator'
import { SummaryList } from '~/components/summary-list'

describe('the step indicator (case timeline)', () => {
  it('says in words which steps are done, current and to come, and marks the current one', () => {
    render(
      <StepIndicator
        labels={{ done: 'klaar', current: 'nu bezig', upcoming: 'komt nog' }}
        steps={[
          { name: 'Ontvangen', state: 'done', date: '2 maart 2026' },
          { name: 'Beoordeling', state: 'current', explanation: 'Wij toetsen uw plan.' },
          { name: 'Besluit', state: 'upcoming' },
        ]}
      />,
    )
    const items = screen.getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(items[0]).toHaveTextContent('Ontvangen (klaar)')
    expect(items[1]).toHaveAttribute('aria-current', 'step')
    expect(items[1]).toHaveTextContent('Wij toetsen uw plan.')
    expect(items[2]).toHaveTextContent('Besluit (komt nog)')
  })
})

describe('the error summary', () => {
  it('lists each problem as a link to its field and takes focus', () => {
    render(<ErrorSummary title="Er is een probleem" errors={[{ field: 'bsn', message: 'Vul een geldig BSN in' }]} />)
    const summary = screen.getByRole('alert')
    expect(summary).toHaveFocus()
    expect(screen.getByRole('link', { name: 'Vul een geldig BSN in' })).toHaveAttribute('href', '#bsn')
  })

  it('renders nothing without errors', () => {
    const { container } = render(<ErrorSummary title="Er is een probleem" errors={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('the summary list and the status tag', () => {
  it('pairs every label with its value in a description list', () => {
    render(<SummaryList rows={[{ key: 'Kenmerk', value: 'Z-2026-000001' }]} />)
    expect(screen.getByRole('term')).toHaveTextContent('Kenmerk')
    expect(screen.getByRole('definition')).toHaveTextContent('Z-2026-000001')
  })

  it('never shows a status by colour alone: a word and an icon', () => {
    const { container } = render(<StatusTag tone="danger">Te laat</StatusTag>)
    expect(container).toHaveTextContent('Te laat')
    expect(container.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
  })

  it('writes calendar dates out in the reader’s language, never shifted by a time zone', () => {
    expect(formatLocalDate('2026-03-01', 'nl')).toBe('1 maart 2026')
    expect(formatLocalDate('2026-03-01', 'en')).toBe('1 March 2026')
  })
})
