import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CheckAnswers } from '~/components/eloket/check-answers'
import { KnownFacts } from '~/components/eloket/known-facts'
import { knownFacts, mergeAnswers, reviewRows, serviceByCode } from '~/domain/eloket/engine'
import { contextOf } from '../unit/eloket-fixtures'

const ctx = contextOf()
const parking = serviceByCode('parkeervergunning')!
const answers = mergeAnswers(parking, {}, { carOwner: 'own', startDate: '2026-03-15' }, ctx)
const href = (pageId: string) => `/mijn/aanvragen/parkeervergunning/app-1/${pageId}`

describe('the check page’s answers', () => {
  it('lists each answer with its question and a "Wijzigen" link back to its page', () => {
    render(<CheckAnswers rows={reviewRows(parking, answers, ctx)} changeHref={href} lang="nl" />)
    const terms = screen.getAllByRole('term').map((term) => term.textContent)
    expect(terms).toEqual(['Kenteken', 'Eigenaar van de auto', 'Ingangsdatum'])
    expect(screen.getByText('15 maart 2026')).toBeInTheDocument()
    const change = screen.getByRole('link', { name: 'Wijzigen ingangsdatum' })
    expect(change).toHaveAttribute('href', '/mijn/aanvragen/parkeervergunning/app-1/ingangsdatum')
  })

  it('changes a known value on its page with ?anders=1', () => {
    render(<CheckAnswers rows={reviewRows(parking, answers, ctx)} changeHref={href} lang="en" />)
    expect(screen.getByRole('link', { name: 'Change licence plate' })).toHaveAttribute(
      'href',
      '/mijn/aanvragen/parkeervergunning/app-1/kenteken?anders=1',
    )
    expect(screen.getByText('The car is registered in my name')).toBeInTheDocument()
  })
})

describe('what we already know', () => {
  it('shows each fact under "Dit weten wij al van u" with a "Klopt dit niet?" link to where it is corrected', () => {
    render(<KnownFacts facts={knownFacts(parking, ctx, 'app-1')} lang="nl" />)
    const section = screen.getByRole('region', { name: 'Dit weten wij al van u' })
    expect(within(section).getByText('Korreweg 17-1, 9715 AB Groningen')).toBeInTheDocument()
    expect(within(section).getByRole('link', { name: 'Klopt dit niet? (adres)' })).toHaveAttribute(
      'href',
      '/mijn/gegevens/correctie',
    )
    expect(within(section).getByRole('link', { name: 'Klopt dit niet? (kenteken)' })).toHaveAttribute(
      'href',
      '/mijn/aanvragen/parkeervergunning/app-1/kenteken?anders=1',
    )
  })

  it('shows nothing when nothing is known', () => {
    const { container } = render(<KnownFacts facts={[]} lang="en" />)
    expect(container).toBeEmptyDOMElement()
  })
})
