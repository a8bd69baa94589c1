/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { centsOf, formatAmount } from '../../app/domain/payments'
import type { MockPayment } from './store'
import { translator, type MockPspLanguage } from './i18n'

/**
 * The mock provider's checkout page: server-rendered HTML (React escapes everything), one
 * stylesheet, no script — a real form that works without JavaScript. It says at the top, in
 * words, that no real money is paid.
 */
export function renderPage(element: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`
}

function Page({ lang, title, children }: { lang: MockPspLanguage; title: string; children: ReactNode }) {
  const t = translator(lang)
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href="/mock-psp/assets/mock-psp.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        <header className="psp-header">
          <div className="psp-bar">
            <span className="psp-brand">{t('brand')}</span>
            <span className="psp-badge">{t('badge')}</span>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <p className="psp-notice">{t('testNotice')}</p>
          {children}
        </main>
      </body>
    </html>
  )
}

const CHOICES = ['paid', 'failed', 'canceled', 'expired'] as const
export type CheckoutChoice = (typeof CHOICES)[number]
export const isCheckoutChoice = (value: unknown): value is CheckoutChoice =>
  typeof value === 'string' && (CHOICES as readonly string[]).includes(value)

export function CheckoutPage({ lang, payment }: { lang: MockPspLanguage; payment: MockPayment }) {
  const t = translator(lang)
  const cents = centsOf(payment.amount_value) ?? 0
  return (
    <Page lang={lang} title={t('checkout.title')}>
      <h1>{t('checkout.heading')}</h1>
      <dl>
        <div>
          <dt>{t('checkout.amount')}</dt>
          <dd>{formatAmount(cents, lang, payment.currency)}</dd>
        </div>
        <div>
          <dt>{t('checkout.description')}</dt>
          <dd>{payment.description}</dd>
        </div>
        <div>
          <dt>{t('checkout.reference')}</dt>
          <dd>{payment.id}</dd>
        </div>
      </dl>
      <form method="post" action={`/mock-psp/checkout/${payment.id}`}>
        <fieldset aria-describedby="choice-hint">
          <legend>{t('checkout.legend')}</legend>
          <p id="choice-hint">{t('checkout.hint')}</p>
          <div className="buttons">
            {CHOICES.map((choice) => (
              <button
                key={choice}
                type="submit"
                name="status"
                value={choice}
                className={choice === 'paid' ? 'primary' : undefined}
              >
                {t(`checkout.choice.${choice}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
    </Page>
  )
}

/** A payment that cannot be paid here (any more): unknown, or already settled. */
export function NotPayablePage({
  lang,
  reason,
  returnUrl,
}: {
  lang: MockPspLanguage
  reason: 'not_found' | 'settled'
  returnUrl: string | null
}) {
  const t = translator(lang)
  return (
    <Page lang={lang} title={t(`notPayable.${reason}`)}>
      <h1>{t(`notPayable.${reason}`)}</h1>
      {returnUrl ? (
        <p>
          <a href={returnUrl}>{t('notPayable.back')}</a>
        </p>
      ) : null}
    </Page>
  )
}
