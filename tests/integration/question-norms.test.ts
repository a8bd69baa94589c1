import { describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { startOfDayIn } from '~/domain/local-date'
import { questionNorms, questionTerms } from '~/services/questions/norms.server'

/**
 * A question's terms come from the charter's norms of the channel it came in by (service_norms)
 * and the holiday calendar: 5 working days for the acknowledgement, 6 weeks for the answer, a
 * term ending on a holiday or in a weekend running on to the next working day.
 */
const at = (day: string) => new Date(startOfDayIn(day).getTime() + 10 * 3_600_000) // 10:00 in Groningen

describe('the charter terms of a question', () => {
  it('reads the norms and targets of each written channel', async () => {
    const norms = await questionNorms(getDb())
    expect(norms.email).toMatchObject({ acknowledgeWorkingDays: 5, answerWeeks: 6, answerTarget: 95 })
    expect(norms.post).toMatchObject({ acknowledgeWorkingDays: 5, answerWeeks: 6, answerTarget: 100 })
    expect(norms.internet.acknowledgeWorkingDays).toBe(5)
  })

  it("skips King's Day when counting working days for the acknowledgement", async () => {
    // Wednesday 21 April 2027: Thu 22, Fri 23, Mon 26, (Tue 27 King's Day), Wed 28, Thu 29.
    const terms = await questionTerms('email', at('2027-04-21'))
    expect(terms).toMatchObject({ receivedOn: '2027-04-21', acknowledgeBy: '2027-04-29', answerBy: '2027-06-02' })
  })

  it("moves six weeks that end on King's Day to the next working day", async () => {
    // Tuesday 16 March 2027 + 6 weeks = Tuesday 27 April 2027, King's Day.
    const terms = await questionTerms('post', at('2027-03-16'))
    expect(terms.answerBy).toBe('2027-04-28')
  })

  it('counts from the day in Groningen, not in UTC', async () => {
    // 23:30 UTC on Friday 4 December 2026 is already Saturday 5 December in Groningen.
    const terms = await questionTerms('internet', new Date('2026-12-04T23:30:00Z'))
    expect(terms.receivedOn).toBe('2026-12-05')
    expect(terms.acknowledgeBy).toBe('2026-12-11') // Mon 7 … Fri 11
  })
})
