import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { MOCK_PSP_DEFAULT_KEY } from '../../server/config'
import { expectNoAxeViolations, launchBrowser, newContext, screenshot, viewports } from './browser'

/**
 * Paying in the browser (README: Payments). The mock provider's checkout page: marked as a test
 * environment, a real form that works with JavaScript off, no axe-core violations in Dutch and
 * English on phone and desktop.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A payment at the mock provider, as the portal creates one; the way back is the home page. */
async function mockPayment(locale: 'nl_NL' | 'en_US') {
  const res = await fetch(`${baseUrl}/mock-psp/v2/payments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MOCK_PSP_DEFAULT_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: { currency: 'EUR', value: '65.90' },
      description: locale === 'en_US' ? 'Resident parking permit' : 'Parkeervergunning voor bewoners',
      redirectUrl: `${baseUrl}/`,
      locale,
    }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { id: string; _links: { checkout: { href: string } } }
  return { id: body.id, checkout: body._links.checkout.href }
}

async function status(id: string) {
  const res = await fetch(`${baseUrl}/mock-psp/v2/payments/${id}`, {
    headers: { authorization: `Bearer ${MOCK_PSP_DEFAULT_KEY}` },
  })
  return ((await res.json()) as { status: string }).status
}

describe('the checkout page of the mock provider', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    for (const [locale, lang, notice, paid] of [
      ['nl_NL', 'nl', 'Testomgeving — er wordt geen echt geld betaald.', 'Betaald'],
      ['en_US', 'en', 'Test environment — no real money is paid.', 'Paid'],
    ] as const) {
      it(`says it is a test, passes axe and pays by keyboard (${lang}, ${viewport})`, async () => {
        const payment = await mockPayment(locale)
        const context = await newContext(browser, viewport)
        const page = await context.newPage()
        await page.goto(payment.checkout)
        expect(await page.locator('html').getAttribute('lang')).toBe(lang)
        expect(await page.getByText(notice).isVisible()).toBe(true)
        expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
        await expectNoAxeViolations(page)
        await screenshot(page, `payments-checkout-${lang}-${viewport}`)
        await page.getByRole('button', { name: paid, exact: true }).focus()
        await page.keyboard.press('Enter')
        await page.waitForURL(`${baseUrl}/`)
        expect(await status(payment.id)).toBe('paid')
        await context.close()
      })
    }
  }

  it('works with JavaScript off, and a settled payment cannot be paid again', async () => {
    const payment = await mockPayment('nl_NL')
    const context = await newContext(browser, 'phone', { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(payment.checkout, { timeout: 10_000 })
    await Promise.all([
      page.waitForNavigation({ timeout: 10_000 }),
      page.getByRole('button', { name: 'Mislukt' }).click({ timeout: 10_000 }),
    ])
    expect(page.url()).toBe(`${baseUrl}/`)
    expect(await status(payment.id)).toBe('failed')
    await page.goto(payment.checkout)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze betaling is al afgerond')
    await context.close()
  })
})
