/**
 * The citizen back from the provider (`/mijn/aanvragen/<service>/<id>/betaling`): the payment is
 * looked up at the provider now — the webhook may come later, or never — and the page says
 * what became of it.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { isUuid } from '~/domain/ids'
import { isActive, isUnpaid, PAYMENT_OUTCOMES, type PaymentOutcome } from '~/domain/payments'
import { PaymentProviderError, type PaymentProvider } from '~/services/payments/mollie.server'
import { refreshPayment } from '~/services/payments/refresh.server'

export type PaymentReturn =
  | { state: 'not_found' }
  /** paid: the application is its case */
  | { state: 'paid'; caseId: string }
  /** failed, cancelled or expired: back to the check page with the reason */
  | { state: 'unpaid'; outcome: PaymentOutcome }
  /** still open or being processed: wait */
  | { state: 'waiting' }
  /** the provider does not answer: try again later, nothing is lost */
  | { state: 'unavailable' }
  /** no payment was ever started: the check page */
  | { state: 'none' }

export async function paymentReturn(
  bsn: string,
  service: string,
  applicationId: string,
  { db = getDb(), now = new Date(), provider }: { db?: DB; now?: Date; provider?: PaymentProvider } = {},
): Promise<PaymentReturn> {
  const read = () =>
    isUuid(applicationId)
      ? db
          .selectFrom('applications')
          .select(['id', 'status', 'case_id'])
          .where('id', '=', applicationId)
          .where('bsn', '=', bsn)
          .where('service', '=', service)
          .executeTakeFirst()
      : Promise.resolve(undefined)
  const latest = () =>
    db
      .selectFrom('payments')
      .select(['provider_id', 'status'])
      .where('application_id', '=', applicationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()

  const app = await read()
  if (!app) return { state: 'not_found' }
  if (app.status === 'submitted' && app.case_id) return { state: 'paid', caseId: app.case_id }
  const payment = await latest()
  if (!payment) return { state: 'none' }
  if (isActive(payment.status)) {
    try {
      await refreshPayment(payment.provider_id, { db, now, provider })
    } catch (error) {
      if (error instanceof PaymentProviderError) return { state: 'unavailable' }
      throw error
    }
  }
  const [after, last] = await Promise.all([read(), latest()])
  if (after?.status === 'submitted' && after.case_id) return { state: 'paid', caseId: after.case_id }
  if (!last) return { state: 'none' }
  if (isUnpaid(last.status)) return { state: 'unpaid', outcome: PAYMENT_OUTCOMES[last.status] }
  return { state: 'waiting' }
}
