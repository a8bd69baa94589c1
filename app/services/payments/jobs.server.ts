import type { Task } from 'graphile-worker'
import type { DB } from '../../../db/client'
import type { PaymentProvider } from '~/services/payments/mollie.server'
import { refreshStalePayments } from '~/services/payments/refresh.server'

/** Every five minutes (app/services/jobs.server.ts CRON_ITEMS): payments open past their expiry. */
export const PAYMENTS_REFRESH_TASK = 'payments_refresh_stale'

export function paymentsRefreshTask({
  db,
  now = () => new Date(),
  provider,
}: {
  db?: DB
  now?: () => Date
  provider?: PaymentProvider
}): Task {
  return async (_payload, helpers) => {
    const { checked, changed, failed } = await refreshStalePayments({ db, now: now(), provider })
    if (checked > 0) helpers.logger.info(`stale payments: ${checked} checked, ${changed} changed, ${failed} unanswered`)
  }
}
