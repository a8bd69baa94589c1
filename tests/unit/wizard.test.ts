import { describe, expect, it } from 'vitest'
import { correctionWizard, moveWizard } from '~/flows'

const ID = '3f1e2d4c-5b6a-4789-8abc-def012345678'

describe('a form in steps over a draft (app/wizard.tsx)', () => {
  it('links each step of a draft by its id only, and the first step at the flow’s own address', () => {
    expect(moveWizard.href('address')).toBe('/mijn/gegevens/verhuizen')
    expect(moveWizard.href('date', ID)).toBe(`/mijn/gegevens/verhuizen/datum?aanvraag=${ID}`)
    expect(moveWizard.doneHref(ID)).toBe(`/mijn/gegevens/verhuizen/bevestiging?aanvraag=${ID}`)
  })

  it('lets a change link of the check page lead back to it, unless the flow has one step only', () => {
    expect(moveWizard.changeHref('who', ID)).toBe(`/mijn/gegevens/verhuizen/wie?aanvraag=${ID}&terug=controleren`)
    expect(correctionWizard.changeHref('form', ID)).toBe(`/mijn/gegevens/correctie?aanvraag=${ID}`)
  })

  it('goes on to the next step, or back to the check page when an answer was changed from there', () => {
    expect(moveWizard.next('address', ID, false)).toBe(`/mijn/gegevens/verhuizen/datum?aanvraag=${ID}`)
    expect(moveWizard.next('address', ID, true)).toBe(`/mijn/gegevens/verhuizen/controleren?aanvraag=${ID}`)
    expect(moveWizard.next('who', ID, false)).toBe(`/mijn/gegevens/verhuizen/controleren?aanvraag=${ID}`)
    expect(moveWizard.back('date', ID, false)).toBe(`/mijn/gegevens/verhuizen?aanvraag=${ID}`)
    expect(moveWizard.back('date', ID, true)).toBe(`/mijn/gegevens/verhuizen/controleren?aanvraag=${ID}`)
  })

  it('opens a step only when the steps before it are filled in, and names the first one missing', () => {
    expect(moveWizard.missingBefore('review', ID, { address: true, date: true, who: true })).toBeNull()
    expect(moveWizard.missingBefore('review', ID, { address: true, date: false, who: false })).toBe(
      `/mijn/gegevens/verhuizen/datum?aanvraag=${ID}`,
    )
    expect(moveWizard.missingBefore('review', ID, { address: true, date: true, who: false })).toBe(
      `/mijn/gegevens/verhuizen/wie?aanvraag=${ID}`,
    )
    // Only the steps before it count: the date step does not wait for "who".
    expect(moveWizard.missingBefore('date', ID, { address: true })).toBeNull()
  })

  it('reads the position from a query string or a posted form, and ignores anything but a draft id', () => {
    const fromQuery = moveWizard.read(
      new Request(`https://example.test/mijn/gegevens/verhuizen/datum?aanvraag=${ID}&terug=controleren`),
    )
    expect(fromQuery).toEqual({ draftId: ID, returnToReview: true })
    const form = new FormData()
    form.set('aanvraag', ID)
    expect(moveWizard.read(form)).toEqual({ draftId: ID, returnToReview: false })
    const hostile = new URLSearchParams({ aanvraag: '999999999', terug: 'https://elders.example' })
    expect(moveWizard.read(hostile)).toEqual({ draftId: null, returnToReview: false })
  })
})
