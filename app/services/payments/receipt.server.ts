/**
 * The receipt of a payment ("Betaalbewijs"): a small tagged PDF with the letters' fonts and
 * letterhead, stored as a document of kind 'receipt' on the case the payment paid for.
 */
import type { Language } from '~/domain/language'
import { formatInstant } from '~/domain/data-export-document'
import { formatAmount } from '~/domain/payments'
import { createI18nInstance } from '~/services/i18n.server'
import { renderDocumentPdf } from '~/services/letters/pdf.server'
import { MUNICIPALITY } from '~/services/letters/stored.server'
import type { NewDocument } from '~/services/cases/documents.server'

export interface ReceiptFacts {
  language: Language
  amountCents: number
  currency: string
  paidAt: Date
  /** what it paid for: the payment's description */
  description: string
  method: string | null
  providerId: string
  caseReference: string
}

export async function receiptDocument(facts: ReceiptFacts): Promise<NewDocument> {
  const lang = facts.language
  const t = (await createI18nInstance(lang)).getFixedT(lang, 'payments')
  const method = facts.method ? t(`method.${facts.method}`, { defaultValue: facts.method }) : null
  const bytes = await renderDocumentPdf(
    {
      language: lang,
      title: t('receipt.title'),
      intro: [t('receipt.intro')],
      sections: [
        {
          heading: t('receipt.heading'),
          parts: [
            {
              blocks: [
                {
                  kind: 'facts',
                  items: [
                    { label: t('receipt.amount'), value: formatAmount(facts.amountCents, lang, facts.currency) },
                    { label: t('receipt.paidAt'), value: formatInstant(facts.paidAt.toISOString(), lang) },
                    { label: t('receipt.for'), value: facts.description },
                    ...(method ? [{ label: t('receipt.method'), value: method }] : []),
                    { label: t('receipt.paymentReference'), value: facts.providerId },
                    { label: t('receipt.caseReference'), value: facts.caseReference },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    { author: MUNICIPALITY.name[lang], subject: t('receipt.subject', { reference: facts.caseReference }) },
  )
  return {
    kind: 'receipt',
    title: t('receipt.fileName', { reference: facts.caseReference }),
    mediaType: 'application/pdf',
    bytes,
  }
}
