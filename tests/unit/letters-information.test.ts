import { letterAsText } from '~/domain/letters'
import { lettersForEvent } from '~/domain/letters-for-event'
import { events, letterContext, type LetterFixture } from '../support/letters'

/**
 * The acknowledgement of an answer to a request for information: the day it came in and the
 * latest decision date that follows now the suspension ended that day (Awb 4:15(1)(a)).
 */
const received = events.received('2026-03-03') // Tuesday: due Tuesday 28 April 2026
const asked = events.suspended('2026-03-10', 'Een bouwtekening met de maten van de dakkapel', '2026-03-24')

function letterFor(fixture: LetterFixture) {
  const letters = lettersForEvent(letterContext(fixture))
  expect(letters).toHaveLength(1)
  return letters[0]
}

describe('the letter "Wij hebben uw aanvulling ontvangen"', () => {
  const fixture: LetterFixture = {
    history: [received, asked, events.informationReceived('2026-03-16', 'Hierbij de tekening.')],
    letterDate: '2026-03-16',
  }

  it('names the day of the answer and the new latest decision date (6 days on: Monday 4 May)', () => {
    const letter = letterFor(fixture)
    expect(letter.templateCode).toBe('information_received')
    expect(letter.title).toBe('Wij hebben uw aanvulling ontvangen')
    const text = letterAsText(letter)
    expect(text).toContain('Wij hebben uw aanvulling ontvangen op 16 maart 2026.')
    expect(text).toContain('Uiterlijke beslisdatum: 4 mei 2026')
    expect(text).toContain('Wij nemen uiterlijk op 4 mei 2026 een besluit.')
    expect(text).not.toContain('verandert daarom niet')
  })

  it('is in English for a reader who chose English', () => {
    const text = letterAsText(letterFor({ ...fixture, language: 'en' }))
    expect(text).toContain('We received your answer on 16 March 2026.')
    expect(text).toContain('Latest decision date: 4 May 2026')
  })

  it('says the date did not change when the answer came on the day of the request', () => {
    const text = letterAsText(
      letterFor({ history: [received, asked, events.informationReceived('2026-03-10')], letterDate: '2026-03-10' }),
    )
    expect(text).toContain('Wij nemen uiterlijk op 28 april 2026 een besluit.')
    expect(text).toContain('De datum van ons besluit verandert daarom niet.')
  })
})
