/**
 * Paying for a service online: the rules of a payment's life that do not need a provider or a
 * database (README: Payments). A payment's status is the payment service provider's — Mollie's
 * Payments API v2 statuses — as last fetched from it, never as a browser or a webhook said.
 */
import type { PaymentStatus } from '../../db/schema'

export type { PaymentStatus }

export const PAYMENT_STATUSES = ['open', 'pending', 'authorized', 'paid', 'failed', 'canceled', 'expired'] as const

/** Still running at the provider: the citizen may yet pay. At most one per application. */
export const ACTIVE_PAYMENT_STATUSES = ['open', 'pending', 'authorized'] as const satisfies readonly PaymentStatus[]
/** Over without money: the application goes back to its draft, to be paid again. */
export const UNPAID_PAYMENT_STATUSES = ['failed', 'canceled', 'expired'] as const satisfies readonly PaymentStatus[]
export type UnpaidStatus = (typeof UNPAID_PAYMENT_STATUSES)[number]

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value)
}

export function isActive(status: PaymentStatus): boolean {
  return (ACTIVE_PAYMENT_STATUSES as readonly string[]).includes(status)
}

export function isUnpaid(status: PaymentStatus): status is UnpaidStatus {
  return (UNPAID_PAYMENT_STATUSES as readonly string[]).includes(status)
}

/**
 * How long an open payment waits for the citizen: the mock provider lets it expire after this,
 * as Mollie does for most methods; the portal's job looks again at payments open longer.
 */
export const PAYMENT_EXPIRY_MINUTES = 15

/**
 * Where the provider sends the citizen back, and the words the check page reads from
 * `?betaling=` after a payment without money (app/components/payment-notice.tsx).
 */
export const PAYMENT_OUTCOME_PARAM = 'betaling'
export const PAYMENT_OUTCOMES = { failed: 'mislukt', canceled: 'geannuleerd', expired: 'verlopen' } as const
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[UnpaidStatus]

export function outcomeOf(value: string | null | undefined): PaymentOutcome | null {
  const found = Object.values(PAYMENT_OUTCOMES).find((o) => o === value)
  return found ?? null
}

/** The return page of an application (where the provider sends the citizen back). */
export function paymentReturnPath(service: string, applicationId: string): string {
  return `/mijn/aanvragen/${service}/${applicationId}/betaling`
}

/** The webhook the provider calls with a payment's id (`id=tr_…`), on the portal's public address. */
export const PAYMENT_WEBHOOK_PATH = '/betalingen/webhook'

/** A provider's payment id as Mollie writes it: `tr_` and letters and digits. */
export const PROVIDER_ID_PATTERN = /^tr_[A-Za-z0-9]{1,64}$/

/** Whole cents as the Payments API writes an amount: "65.90" (a string, two decimals, a dot). */
export function amountValue(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`)
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/** The other way: "65.90" → 6590; anything but digits, a dot and exactly two decimals → null. */
export function centsOf(value: string): number | null {
  const m = /^(\d{1,9})\.(\d{2})$/.exec(value)
  return m ? Number(m[1]) * 100 + Number(m[2]) : null
}

/** An amount as people read it: "€ 65,90" (nl) or "€65.90" (en). */
export function formatAmount(cents: number, language: 'nl' | 'en', currency = 'EUR'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency }).format(
    cents / 100,
  )
}

/** The provider's page language for the portal's: Mollie's locales. */
export function providerLocale(language: 'nl' | 'en'): 'nl_NL' | 'en_US' {
  return language === 'en' ? 'en_US' : 'nl_NL'
}
