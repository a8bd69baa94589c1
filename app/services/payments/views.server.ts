/**
 * A case's payment as the caseworker and the citizen see it: the payments of the application
 * the case came from, the paid one first.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { PaymentStatus } from '~/domain/payments'

export interface CasePaymentView {
  amountCents: number
  currency: string
  status: PaymentStatus
  /** ISO instant */
  paidAt: string | null
  method: string | null
  providerId: string
  /** payments of the same application that did not go through */
  earlierAttempts: number
}

/** The payment of the case's application (the paid one, else the latest), or null: not paid online. */
export async function paymentOfCase(
  caseId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<CasePaymentView | null> {
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select(['p.amount_cents', 'p.currency', 'p.status', 'p.paid_at', 'p.method', 'p.provider_id', 'p.created_at'])
    .where('a.case_id', '=', caseId)
    .orderBy('p.created_at', 'desc')
    .execute()
  if (rows.length === 0) return null
  const shown = rows.find((r) => r.status === 'paid') ?? rows[0]
  return {
    amountCents: shown.amount_cents,
    currency: shown.currency,
    status: shown.status,
    paidAt: shown.paid_at ? shown.paid_at.toISOString() : null,
    method: shown.method,
    providerId: shown.provider_id,
    earlierAttempts: rows.filter((r) => r !== shown && r.status !== 'paid').length,
  }
}
