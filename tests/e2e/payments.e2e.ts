import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { MOCK_PSP_DEFAULT_KEY } from '../../server/config'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, newContext, screenshot, viewports } from './browser'

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

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

describe('applying for a parking permit and paying for it', () => {
  // Jan, whose plate is known, has a permit application being decided in the demo (the service
  // is not available to him now): Noor applies, and types her plate.
  it('Noor: a failed payment, paid again, the case with its acknowledgement and receipt', async () => {
    const noor = personaByKey('noor')
    const context = await loggedInContext(browser, baseUrl, await loginAsCitizen(baseUrl, noor.bsn, 'midden'), 'phone')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/aanvragen/parkeervergunning`)
    await expect.poll(() => h1(page)).toBe('Parkeervergunning voor bewoners aanvragen')
    await page.getByRole('button', { name: /Aanvraag starten|Verder gaan met uw aanvraag/ }).click()
    await expect.poll(() => h1(page)).toBe('Kenteken')
    await page.getByLabel('Wat is het kenteken van de auto?').fill('34-xyz-5')
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => h1(page)).toBe('Van wie is de auto?')
    await page.getByLabel('De auto staat op mijn naam').check()
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => h1(page)).toBe('Ingangsdatum')
    const start = new Date(Date.now() + 7 * 86_400_000)
    await page.getByLabel('Dag').fill(String(start.getDate()))
    await page.getByLabel('Maand').fill(String(start.getMonth() + 1))
    await page.getByLabel('Jaar').fill(String(start.getFullYear()))
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    const check = page.url()

    // To the provider; back before paying: the page waits for the confirmation.
    await page.getByRole('button', { name: 'Verder naar betalen' }).click()
    await page.waitForURL(/\/mock-psp\/checkout\/tr_/)
    const checkout = page.url()
    await page.goto(check.replace(/controleren$/, 'betaling'))
    await expect.poll(() => h1(page)).toBe('Wij wachten op de bevestiging van uw betaling')
    await expectNoAxeViolations(page)
    await screenshot(page, 'payments-waiting-nl-phone')

    // The payment fails: back on the check page, told why.
    await page.goto(checkout)
    await page.getByRole('button', { name: 'Mislukt' }).click()
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    expect(page.url()).toMatch(/controleren\?betaling=mislukt$/)
    expect(await main(page)).toContain('De betaling is niet gelukt. Er is niets afgeschreven. U kunt opnieuw betalen.')
    await expectNoAxeViolations(page)
    await screenshot(page, 'payments-failed-nl-phone')

    // Paid the second time: the case, its acknowledgement, and the receipt among its documents.
    await page.getByRole('button', { name: 'Verder naar betalen' }).click()
    await page.waitForURL(/\/mock-psp\/checkout\/tr_/)
    expect(page.url()).not.toBe(checkout)
    await page.getByRole('button', { name: 'Betaald', exact: true }).click()
    await expect.poll(() => h1(page)).toBe('Uw aanvraag is verstuurd')
    const reference = /Z-\d{4}-\d+/.exec(await main(page))?.[0]
    expect(reference).toBeTruthy()
    const sent = page.url()
    await page.getByRole('link', { name: 'Ontvangstbevestiging lezen' }).click()
    await expect.poll(() => main(page)).toContain(reference!)
    await page.goto(sent)
    await expect.poll(() => h1(page)).toBe('Uw aanvraag is verstuurd')
    await page.getByRole('link', { name: 'Naar uw zaak' }).click()
    await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]+$/)
    await expect.poll(() => main(page)).toContain('Betaalbewijs')
    expect(await main(page)).toMatch(/Betaald op .+\(€\s?65,90\)/)
    expect(await main(page)).toContain(`Betaalbewijs ${reference}.pdf`)
    await expectNoAxeViolations(page)
    await context.close()
  })
})
