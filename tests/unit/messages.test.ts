import { describe, expect, it } from 'vitest'
import { messageDue, messageTerms, tallyMessages, type MessageNorms } from '~/domain/messages'
import { createHolidayCalendar } from '~/domain/working-days'

const cal = createHolidayCalendar()
const norms: MessageNorms = { acknowledgeWorkingDays: 5, answerWeeks: 6 }

describe('the terms of a message (the charter e-mail norms)', () => {
  it('counts 5 working days from the day after, skipping a weekend', () => {
    // Friday 6 March 2026 → Mon 9 … Fri 13 March.
    expect(messageTerms('2026-03-06', norms, cal).acknowledgeBy).toBe('2026-03-13')
  })

  it("skips King's Day 2026 (Monday 27 April) and Liberation Day (Tuesday 5 May)", () => {
    // Thursday 30 April: Fri 1 May, Mon 4, (Tue 5 May), Wed 6, Thu 7, Fri 8 May.
    expect(messageTerms('2026-04-30', norms, cal).acknowledgeBy).toBe('2026-05-08')
    expect(messageTerms('2026-04-22', norms, cal).acknowledgeBy).toBe('2026-04-30')
  })

  it('moves six weeks ending on Christmas Day 2026 to Monday 28 December (Atw art. 1)', () => {
    // Friday 13 November + 42 days = Friday 25 December; Saturday the 26th is Boxing Day.
    expect(messageTerms('2026-11-13', norms, cal).answerBy).toBe('2026-12-28')
  })

  it('asks for the acknowledgement first, then the answer, late only after the day', () => {
    const terms = messageTerms('2026-03-06', norms, cal)
    expect(messageDue({ sentOn: '2026-03-06', acknowledgedOn: null }, terms, '2026-03-13')).toEqual({
      owed: 'acknowledgement',
      dueOn: '2026-03-13',
      late: false,
    })
    expect(messageDue({ sentOn: '2026-03-06', acknowledgedOn: null }, terms, '2026-03-14').late).toBe(true)
    expect(messageDue({ sentOn: '2026-03-06', acknowledgedOn: '2026-03-09' }, terms, '2026-03-14')).toEqual({
      owed: 'answer',
      dueOn: '2026-04-17',
      late: false,
    })
  })
})

describe('tallying messages for the quality dashboard', () => {
  const termsOf = (sentOn: string) => messageTerms(sentOn, norms, cal)

  it('counts an answer as the acknowledgement, and leaves out what can still be in time', () => {
    const tally = tallyMessages(
      [
        // answered on day 3: both in time
        { sentOn: '2026-03-02', acknowledgedOn: null, answeredOn: '2026-03-05' },
        // still running on 10 March: counted neither way
        { sentOn: '2026-03-09', acknowledgedOn: null, answeredOn: null },
        // no reply by 10 March: the acknowledgement is late, the answer can still come
        { sentOn: '2026-03-02', acknowledgedOn: null, answeredOn: null },
      ],
      termsOf,
      '2026-03-10',
    )
    expect(tally).toEqual({
      received: 3,
      acknowledgement: { inTime: 1, settled: 2 },
      answer: { inTime: 1, settled: 1 },
    })
  })

  it('takes the earlier of a holding reply and the answer as the acknowledgement', () => {
    const tally = tallyMessages(
      [{ sentOn: '2026-03-02', acknowledgedOn: '2026-03-20', answeredOn: '2026-03-06' }],
      termsOf,
      '2026-06-01',
    )
    expect(tally.acknowledgement).toEqual({ inTime: 1, settled: 1 })
  })
})
