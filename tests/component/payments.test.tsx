import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { beforeEach, describe, expect, it } from 'vitest'
import { CasePayment, PaidLine, type CasePaymentProps } from '~/components/case-payment'
import { PaymentNotice } from '~/components/payment-notice'

beforeEach(() => i18next.changeLanguage('nl'))

function renderAt(path: string, element: JSX.Element) {
  const Stub = createRemixStub([{ path: '/mijn/aanvragen/:service/:id/controleren', Component: () => element }])
  return render(<Stub initialEntries={[path]} />)
}

const check = '/mijn/aanvragen/parkeervergunning/6d7c2f36-9f55-4ae4-a3c6-0d4c6f1b1a11/controleren'

describe('the notice on the check page after a payment without money', () => {
  it.each([
    ['mislukt', 'De betaling is niet gelukt. Er is niets afgeschreven. U kunt opnieuw betalen.'],
    ['geannuleerd', 'U heeft de betaling geannuleerd. Er is niets afgeschreven. U kunt opnieuw betalen.'],
    [
      'verlopen',
      'De betaling is verlopen, omdat u niet op tijd betaalde. Er is niets afgeschreven. U kunt opnieuw betalen.',
    ],
  ])('?betaling=%s says why, that nothing was taken and that one can pay again', async (outcome, text) => {
    renderAt(`${check}?betaling=${outcome}`, <PaymentNotice />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(text)
    expect(screen.getByRole('heading', { name: 'De betaling is niet gelukt' })).toBeInTheDocument()
  })

  it('shows nothing without it, or with a word it does not know', async () => {
    for (const path of [check, `${check}?betaling=betaald`]) {
      const { container, unmount } = renderAt(path, <PaymentNotice />)
      await new Promise((r) => setTimeout(r, 0))
      expect(container.querySelector('[role=alert]')).toBeNull()
      unmount()
    }
  })
})

const paid: CasePaymentProps = {
  amountCents: 6590,
  currency: 'EUR',
  status: 'paid',
  paidAt: '2026-12-01T08:12:00.000Z',
  method: 'ideal',
  providerId: 'tr_WDqYK6vllg',
  earlierAttempts: 1,
}

describe("a case's payment", () => {
  it('for the caseworker: amount, status in words, paid at in Amsterdam time, method, the provider id, earlier attempts', async () => {
    renderAt(check, <CasePayment payment={paid} />)
    const section = await screen.findByRole('region', { name: 'Betaling' })
    expect(section).toHaveTextContent(/Bedrag€\s?65,90/)
    expect(section).toHaveTextContent('StatusBetaald')
    expect(section).toHaveTextContent('Betaald op1 december 2026 om 09:12')
    expect(section).toHaveTextContent('BetaalmethodeiDEAL')
    expect(section).toHaveTextContent('tr_WDqYK6vllg')
    expect(section).toHaveTextContent('1 betaling niet gelukt')
  })

  it('for the citizen: one line, only once paid', async () => {
    const { unmount } = renderAt(check, <PaidLine payment={paid} />)
    expect(await screen.findByText(/Betaald op 1 december 2026 om 09:12 \(€\s?65,90\)/)).toBeInTheDocument()
    unmount()
    const { container } = renderAt(check, <PaidLine payment={{ ...paid, status: 'failed', paidAt: null }} />)
    await new Promise((r) => setTimeout(r, 0))
    expect(container).not.toHaveTextContent('Betaald op')
  })
})
