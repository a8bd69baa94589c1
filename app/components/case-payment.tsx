import { useTranslation } from 'react-i18next'
import { SummaryList } from '~/components/summary-list'
import { formatInstant } from '~/domain/data-export-document'
import { formatAmount, type PaymentStatus } from '~/domain/payments'

/** A case's payment as the pages get it (app/services/payments/views.server.ts). */
export interface CasePaymentProps {
  amountCents: number
  currency: string
  status: PaymentStatus
  paidAt: string | null
  method: string | null
  providerId: string
  earlierAttempts: number
}

const lang = (language: string) => (language === 'en' ? 'en' : 'nl')

/** Its method as people name it: "iDEAL", "Creditcard"; one we do not know, as the provider wrote it. */
function useMethodName() {
  const { t } = useTranslation('payments')
  return (method: string) => t(`method.${method}`, { defaultValue: method })
}

/** The caseworker's view: amount, status in words, when and how it was paid, the provider's id. */
export function CasePayment({ payment }: { payment: CasePaymentProps }) {
  const { t, i18n } = useTranslation('payments')
  const methodName = useMethodName()
  const language = lang(i18n.language)
  return (
    <section aria-labelledby="payment-heading">
      <h2 id="payment-heading" className="mb-4 text-2xl">
        {t('case.heading')}
      </h2>
      <SummaryList
        rows={[
          { key: t('case.amount'), value: formatAmount(payment.amountCents, language, payment.currency) },
          { key: t('case.status'), value: t(`status.${payment.status}`) },
          {
            key: t('case.paidAt'),
            value: payment.paidAt ? (
              <time dateTime={payment.paidAt}>{formatInstant(payment.paidAt, language)}</time>
            ) : (
              t('case.none')
            ),
          },
          { key: t('case.method'), value: payment.method ? methodName(payment.method) : t('case.none') },
          { key: t('case.providerId'), value: <span className="break-all">{payment.providerId}</span> },
          ...(payment.earlierAttempts > 0
            ? [{ key: t('case.attempts'), value: t('case.attemptsValue', { count: payment.earlierAttempts }) }]
            : []),
        ]}
      />
    </section>
  )
}

/** The citizen's line on their case: "Betaald op 1 december 2026, 09:12 (€ 65,90)". */
export function PaidLine({ payment }: { payment: CasePaymentProps }) {
  const { t, i18n } = useTranslation('payments')
  const language = lang(i18n.language)
  if (payment.status !== 'paid' || !payment.paidAt) return null
  return (
    <p>
      {t('case.paidLine', {
        date: formatInstant(payment.paidAt, language),
        amount: formatAmount(payment.amountCents, language, payment.currency),
      })}{' '}
      {t('case.receiptNote')}
    </p>
  )
}
