/**
 * A payment's state, as the provider says it is: fetched from the provider (never taken from a
 * webhook's body or a browser) and applied in one transaction under a lock on the payment row.
 * README: Payments.
 *
 * - paid: the payment records when and how; the application becomes its case (the e-loket's
 *   `submitApplication`, in this transaction) with the receipt among its documents.
 * - failed, canceled, expired: the application goes back to its draft, to be paid again.
 * - open, pending, authorized: nothing to do but remember it.
 * The same status twice changes nothing, and a final status never changes again: a webhook
 * twice, the webhook and the return page at once, or the job after both, make one case.
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import type { Database } from '../../../db/schema'
import { getDb } from '../../../db/instance'
import { centsOf, isActive, isUnpaid, PAYMENT_EXPIRY_MINUTES, type PaymentStatus } from '~/domain/payments'
import { isLanguage } from '~/domain/language'
import { recordAudit } from '~/services/audit.server'
import { addDocuments } from '~/services/cases/documents.server'
import { submitApplication } from '~/services/eloket/submit.server'
import {
  configuredProvider,
  getProviderPayment,
  PaymentProviderError,
  type PaymentProvider,
  type ProviderPayment,
} from '~/services/payments/mollie.server'
import { receiptDocument } from '~/services/payments/receipt.server'

export interface RefreshOptions {
  db?: DB
  now?: Date
  provider?: PaymentProvider
}

export type RefreshResult =
  /** no payment of ours has this id */
  | { outcome: 'unknown' }
  | { outcome: 'unchanged' | 'changed'; status: PaymentStatus; applicationId: string; caseId: string | null }

/** The audit's actor for what the provider's word changes: no person did it. */
const SYSTEM = { actorKind: 'system', actorId: 'system:payments' } as const
/** Who added the receipt, as documents name it: the portal itself. */
const RECEIPT_ADDED_BY = 'system:mijn-stad'

/**
 * Fetches the payment from the provider and applies its status. Throws PaymentProviderError
 * when the provider does not answer (nothing is written then).
 */
export async function refreshPayment(providerId: string, options: RefreshOptions = {}): Promise<RefreshResult> {
  const { db = getDb(), now = new Date(), provider = configuredProvider() } = options
  const known = await db.selectFrom('payments').select('id').where('provider_id', '=', providerId).executeTakeFirst()
  if (!known) return { outcome: 'unknown' }
  const remote = await getProviderPayment(provider, providerId)
  return db.transaction().execute((trx) => apply(trx, providerId, remote, now))
}

async function apply(
  trx: Transaction<Database>,
  providerId: string,
  remote: ProviderPayment,
  now: Date,
): Promise<RefreshResult> {
  const row = await trx
    .selectFrom('payments')
    .selectAll()
    .where('provider_id', '=', providerId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) return { outcome: 'unknown' }
  const app = await trx
    .selectFrom('applications')
    .select(['id', 'bsn', 'service', 'status', 'case_id', 'language'])
    .where('id', '=', row.application_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const result = (outcome: 'unchanged' | 'changed', status: PaymentStatus, caseId = app.case_id) =>
    ({ outcome, status, applicationId: app.id, caseId }) as const

  // The provider's payment must be the one we asked for: the amount and the application.
  const metadata = remote.metadata as { applicationId?: unknown } | null | undefined
  if (
    centsOf(remote.amount.value) !== row.amount_cents ||
    remote.amount.currency !== row.currency ||
    (metadata && typeof metadata === 'object' && metadata.applicationId !== row.application_id)
  ) {
    throw new PaymentProviderError('failed', null, 'the payment does not match the one created')
  }
  // Mollie's final statuses are final: once applied, a later answer cannot undo them.
  if (row.status === remote.status || !isActive(row.status)) return result('unchanged', row.status)

  const status = remote.status
  if (isActive(status)) {
    await trx
      .updateTable('payments')
      .set({ status, expires_at: remote.expiresAt ? new Date(remote.expiresAt) : row.expires_at, updated_at: now })
      .where('id', '=', row.id)
      .execute()
    return result('changed', status)
  }

  if (status === 'paid') {
    const paidAt = remote.paidAt ? new Date(remote.paidAt) : now
    await trx
      .updateTable('payments')
      .set({ status, paid_at: paidAt, method: remote.method, updated_at: now })
      .where('id', '=', row.id)
      .execute()
    const submitted = await submitApplication(trx, app.id, { now, paymentId: row.id })
    const language = isLanguage(app.language) ? app.language : 'nl'
    const receipt = await receiptDocument({
      language,
      amountCents: row.amount_cents,
      currency: row.currency,
      paidAt,
      description: row.description,
      method: remote.method,
      providerId: row.provider_id,
      caseReference: submitted.reference,
    })
    await addDocuments(trx, submitted.caseId, [receipt], { addedBy: RECEIPT_ADDED_BY, addedAt: now })
    await recordAudit(trx, {
      ...SYSTEM,
      action: 'payment.paid',
      subjectBsn: app.bsn,
      resource: `application:${app.id}`,
      details: {
        payment: row.provider_id,
        amountCents: row.amount_cents,
        caseId: submitted.caseId,
        // paid for an application that was already a case: the caseworker refunds one of them
        ...(submitted.duplicate ? { alreadySubmitted: true } : {}),
      },
    })
    return result('changed', status, submitted.caseId)
  }

  // failed, canceled, expired: nothing was paid.
  await trx.updateTable('payments').set({ status, updated_at: now }).where('id', '=', row.id).execute()
  if (isUnpaid(status) && app.status === 'awaiting_payment') {
    // Back to the draft, to be paid again — unless the citizen has started another draft of
    // the same service meanwhile (one draft per service): then it waits here, payable still.
    const otherDraft = await trx
      .selectFrom('applications')
      .select('id')
      .where('bsn', '=', app.bsn)
      .where('service', '=', app.service)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (!otherDraft) {
      await trx.updateTable('applications').set({ status: 'draft', updated_at: now }).where('id', '=', app.id).execute()
    }
  }
  await recordAudit(trx, {
    ...SYSTEM,
    action: 'payment.failed',
    subjectBsn: app.bsn,
    resource: `application:${app.id}`,
    details: { payment: row.provider_id, status },
  })
  return result('changed', status)
}

/**
 * The webhook: the provider says "something happened to tr_…", nothing more. Unknown ids and a
 * provider that does not answer change nothing (the return page and the job look again).
 */
export async function receivePaymentWebhook(
  providerId: string,
  options: RefreshOptions & { onProviderError?: (error: PaymentProviderError) => void } = {},
): Promise<RefreshResult> {
  try {
    return await refreshPayment(providerId, options)
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error
    options.onProviderError?.(error)
    return { outcome: 'unknown' }
  }
}

/**
 * The job (app/services/jobs.server.ts): payments still open past their expiry — a webhook
 * that never came — are fetched again, so an expired one sends its application back to the
 * draft and a paid one becomes its case after all.
 */
export async function refreshStalePayments(
  options: RefreshOptions & { limit?: number } = {},
): Promise<{ checked: number; changed: number; failed: number }> {
  const { db = getDb(), now = new Date(), limit = 200 } = options
  const cutoff = new Date(now.getTime() - PAYMENT_EXPIRY_MINUTES * 60_000)
  const stale = await db
    .selectFrom('payments')
    .select('provider_id')
    .where('status', 'in', ['open', 'pending', 'authorized'])
    .where((eb) =>
      eb.or([eb('expires_at', '<', now), eb.and([eb('expires_at', 'is', null), eb('created_at', '<', cutoff)])]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute()
  let changed = 0
  let failed = 0
  for (const { provider_id } of stale) {
    try {
      const r = await refreshPayment(provider_id, { ...options, db, now })
      if (r.outcome === 'changed') changed++
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error
      failed++
    }
  }
  return { checked: stale.length, changed, failed }
}
