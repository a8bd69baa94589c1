/**
 * Paying for an application (README: Payments): one open payment per application at the
 * provider, reused while it can still be paid; otherwise a new one. The e-loket's check page
 * calls this for a service with a fee and sends the citizen to the checkout URL it returns.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Fee } from '~/domain/eloket/form'
import { isUuid } from '~/domain/ids'
import type { Language } from '~/domain/language'
import {
  ACTIVE_PAYMENT_STATUSES,
  amountValue,
  PAYMENT_WEBHOOK_PATH,
  paymentReturnPath,
  providerLocale,
} from '~/domain/payments'
import { settings } from '~/context.server'
import { recordAudit } from '~/services/audit.server'
import { citizenAudit, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import {
  configuredProvider,
  createProviderPayment,
  PaymentProviderError,
  type PaymentProvider,
} from '~/services/payments/mollie.server'
import { refreshPayment } from '~/services/payments/refresh.server'

export type StartPaymentResult = { checkoutUrl: string } | { alreadyPaid: true; caseId: string }

/** Not the citizen's application, or no such application: the route answers 404. */
export class ApplicationNotFound extends Error {
  constructor() {
    super('application not found')
    this.name = 'ApplicationNotFound'
  }
}

export interface StartPaymentOptions {
  db?: DB
  now?: Date
  fee: Fee
  language: Language
  provider?: PaymentProvider
  /** the portal's public address (the webhook, the way back); default: the settings' */
  publicBaseUrl?: string
}

/**
 * Where the citizen pays for `applicationId`: the checkout of its open payment, or of a new one
 * (the application then waits for its payment, with the fee fixed). Already paid and a case:
 * says so. Throws ApplicationNotFound, ReadOnlyImpersonation, or PaymentProviderError when the
 * provider does not answer — and then nothing is written.
 */
export async function startPayment(
  actor: CitizenActor,
  applicationId: string,
  options: StartPaymentOptions,
): Promise<StartPaymentResult> {
  refuseWhileImpersonating(actor)
  const { db = getDb(), now = new Date(), fee, language, provider = configuredProvider() } = options
  const base = (options.publicBaseUrl ?? settings().payments.publicBaseUrl).replace(/\/$/, '')
  const app = await ownApplication(db, actor.bsn, applicationId)
  if (app.status === 'submitted' && app.case_id) return { alreadyPaid: true, caseId: app.case_id }

  const active = await activePayment(db, app.id)
  if (active) {
    if (active.status === 'open' && active.checkout_url && active.expires_at && active.expires_at > now) {
      return { checkoutUrl: active.checkout_url }
    }
    // Past its time, or being processed: ask the provider what became of it.
    await refreshPayment(active.provider_id, { db, now, provider })
    const after = await ownApplication(db, actor.bsn, applicationId)
    if (after.status === 'submitted' && after.case_id) return { alreadyPaid: true, caseId: after.case_id }
    const still = await activePayment(db, app.id)
    if (still) {
      // Still running at the provider: its checkout, or else the page that waits for it.
      return {
        checkoutUrl:
          still.status === 'open' && still.checkout_url
            ? still.checkout_url
            : `${base}${paymentReturnPath(app.service, app.id)}`,
      }
    }
  }

  const remote = await createProviderPayment(provider, {
    amount: { currency: 'EUR', value: amountValue(fee.amountCents) },
    description: fee.description[language].slice(0, 255),
    redirectUrl: `${base}${paymentReturnPath(app.service, app.id)}`,
    webhookUrl: `${base}${PAYMENT_WEBHOOK_PATH}`,
    metadata: { applicationId: app.id },
    locale: providerLocale(language),
  })
  if (remote.status !== 'open' || !remote.checkoutUrl || remote.amount.value !== amountValue(fee.amountCents)) {
    throw new PaymentProviderError('failed', null, 'the new payment is not open for this amount')
  }
  const checkoutUrl = remote.checkoutUrl

  return db.transaction().execute(async (trx): Promise<StartPaymentResult> => {
    // The lock serialises two tabs starting at once: the second finds the first one's payment.
    const locked = await trx
      .selectFrom('applications')
      .select(['status', 'case_id'])
      .where('id', '=', app.id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (locked.status === 'submitted' && locked.case_id) return { alreadyPaid: true, caseId: locked.case_id }
    const raced = await trx
      .selectFrom('payments')
      .select('checkout_url')
      .where('application_id', '=', app.id)
      .where('status', 'in', ACTIVE_PAYMENT_STATUSES)
      .executeTakeFirst()
    // The payment made above then expires unused at the provider.
    if (raced?.checkout_url) return { checkoutUrl: raced.checkout_url }
    await trx
      .insertInto('payments')
      .values({
        application_id: app.id,
        provider_id: remote.id,
        amount_cents: fee.amountCents,
        currency: 'EUR',
        description: remote.description.slice(0, 255) || fee.description.nl,
        status: remote.status,
        checkout_url: checkoutUrl,
        expires_at: remote.expiresAt ? new Date(remote.expiresAt) : null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await trx
      .updateTable('applications')
      .set({ status: 'awaiting_payment', fee_cents: fee.amountCents, updated_at: now })
      .where('id', '=', app.id)
      .execute()
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'payment.started',
      subjectBsn: actor.bsn,
      resource: `application:${app.id}`,
      details: { payment: remote.id, amountCents: fee.amountCents },
    })
    return { checkoutUrl }
  })
}

async function ownApplication(db: DB, bsn: string, applicationId: string) {
  const app = isUuid(applicationId)
    ? await db
        .selectFrom('applications')
        .select(['id', 'service', 'status', 'case_id'])
        .where('id', '=', applicationId)
        .where('bsn', '=', bsn)
        .executeTakeFirst()
    : undefined
  if (!app) throw new ApplicationNotFound()
  return app
}

function activePayment(db: DB, applicationId: string) {
  return db
    .selectFrom('payments')
    .select(['provider_id', 'status', 'checkout_url', 'expires_at'])
    .where('application_id', '=', applicationId)
    .where('status', 'in', ACTIVE_PAYMENT_STATUSES)
    .executeTakeFirst()
}
