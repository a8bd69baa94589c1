import { describe, expect, it } from 'vitest'
import { actsOnCases, currentStaffArea, staffNavigation } from '~/domain/staff-areas'

const keys = (roles: string[]) =>
  staffNavigation(roles).map((g) => `${g.group}: ${g.areas.map((a) => a.key).join(', ')}`)

describe('the staff navigation', () => {
  it('shows a caseworker the case areas, registering included, and nothing of support or managers', () => {
    expect(keys(['caseworker'])).toEqual([
      'work: start, questions',
      'caseworker: cases, messages, register, moves, corrections, post',
    ])
  })

  it("shows the contact centre its questions, the citizen search and the knowledge base, and the caseworkers' areas not", () => {
    expect(keys(['kcc'])).toEqual(['work: start, questions', 'support: findCitizen, knowledge'])
  })

  it('shows an editor the knowledge base only', () => {
    expect(keys(['editor'])).toEqual(['work: start', 'support: knowledge'])
  })

  it('shows support staff finding a citizen to look along', () => {
    expect(keys(['support'])).toEqual(['work: start', 'support: findCitizen'])
  })

  it('shows a manager quality and the review, and the case areas to look at — not registering', () => {
    expect(keys(['manager'])).toEqual([
      'work: start, questions',
      'caseworker: cases, messages, moves, corrections, post',
      'manager: quality, review',
    ])
    expect(actsOnCases(['manager'])).toBe(false)
    expect(actsOnCases(['manager', 'caseworker'])).toBe(true)
  })

  it('shows each area once to someone with several roles, and only the start page without a role', () => {
    expect(keys(['manager', 'caseworker', 'support'])).toEqual([
      'work: start, questions',
      'caseworker: cases, messages, register, moves, corrections, post',
      'support: findCitizen',
      'manager: quality, review',
    ])
    expect(keys([])).toEqual(['work: start'])
  })

  it('marks the area a page belongs to: the deepest that holds it, the start page only itself', () => {
    const area = (path: string) => currentStaffArea(path)?.key ?? null
    expect(area('/medewerker')).toBe('start')
    expect(area('/medewerker/')).toBe('start')
    expect(area('/medewerker/zaken')).toBe('cases')
    expect(area('/medewerker/zaken/0b0e6c1e-0000-4000-8000-000000000000/besluiten')).toBe('cases')
    expect(area('/medewerker/zaken/nieuw')).toBe('register')
    expect(area('/medewerker/zakenarchief')).toBe(null)
    expect(area('/medewerker/meekijken')).toBe('review')
    expect(area('/medewerker/zoeken')).toBe(null)
  })
})
