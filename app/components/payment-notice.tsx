import { useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { outcomeOf, PAYMENT_OUTCOME_PARAM } from '~/domain/payments'

/**
 * After a payment that did not go through, the check page says so at the top: why, that no
 * money was taken, and that the citizen can pay again. It reads `?betaling=mislukt|geannuleerd|verlopen`
 * (set by the payment's return page) and shows nothing without it. The page's route loads the
 * `payments` namespace (`handle.i18n`).
 */
export function PaymentNotice() {
  const [params] = useSearchParams()
  const { t } = useTranslation('payments')
  const outcome = outcomeOf(params.get(PAYMENT_OUTCOME_PARAM))
  if (!outcome) return null
  return (
    <div role="alert" aria-labelledby="payment-notice-heading" className="mb-8 border-l-8 border-danger bg-surface p-4">
      <h2 id="payment-notice-heading" className="text-xl">
        {t('notice.heading')}
      </h2>
      <p className="mt-2">{t(`notice.${outcome}`)}</p>
    </div>
  )
}
