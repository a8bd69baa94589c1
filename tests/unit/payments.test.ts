import { describe, expect, it } from 'vitest'
import { amountValue, centsOf, formatAmount, isActive, isUnpaid, outcomeOf, PAYMENT_OUTCOMES } from '~/domain/payments'

/** The payment rules that need neither a provider nor a database (app/domain/payments.ts). */
describe('amounts as the Payments API writes them', () => {
  it.each([
    [6590, '65.90'],
    [1455, '14.55'],
    [5, '0.05'],
    [100, '1.00'],
    [123456789, '1234567.89'],
  ])('%i cents is "%s", and back', (cents, value) => {
    expect(amountValue(cents)).toBe(value)
    expect(centsOf(value)).toBe(cents)
  })

  it.each(['65.9', '65,90', '65', '-1.00', ' 1.00', '1.000', 'abc', '', '1e3'])('refuses %j', (value) => {
    expect(centsOf(value)).toBeNull()
  })

  it('refuses a negative or broken number of cents', () => {
    expect(() => amountValue(-1)).toThrow(RangeError)
    expect(() => amountValue(1.5)).toThrow(RangeError)
  })

  it('shows an amount as people read it', () => {
    expect(formatAmount(6590, 'nl')).toMatch(/^€\s?65,90$/)
    expect(formatAmount(6590, 'en')).toBe('€65.90')
  })
})

describe("a payment's status", () => {
  it('open, pending and authorized are still running; failed, canceled and expired paid nothing', () => {
    expect(['open', 'pending', 'authorized'].every((s) => isActive(s as never))).toBe(true)
    expect(isActive('paid')).toBe(false)
    expect(['failed', 'canceled', 'expired'].every((s) => isUnpaid(s as never))).toBe(true)
    expect(isUnpaid('paid')).toBe(false)
    expect(isUnpaid('open')).toBe(false)
  })

  it('names the outcome for the check page, and only those', () => {
    expect(PAYMENT_OUTCOMES).toEqual({ failed: 'mislukt', canceled: 'geannuleerd', expired: 'verlopen' })
    expect(outcomeOf('mislukt')).toBe('mislukt')
    expect(outcomeOf('betaald')).toBeNull()
    expect(outcomeOf(null)).toBeNull()
  })
})
