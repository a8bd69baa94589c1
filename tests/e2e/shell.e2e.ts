import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { expectNoAxeViolations, launchBrowser, newContext, screenshot, viewports } from './browser'

let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('the public home page', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`shows Dutch by default and switches to English and back (${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      await page.goto(baseUrl)
      expect(await page.getAttribute('html', 'lang')).toBe('nl')
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Uw zaken met de gemeente op één plek')
      expect(await page.getByRole('link', { name: 'Inloggen met DigiD' }).isVisible()).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `home-nl-${viewport}`)

      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.waitForURL(`${baseUrl}/`)
      expect(await page.getAttribute('html', 'lang')).toBe('en')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Your business with the municipality in one place',
      )
      expect(await page.getByRole('link', { name: 'Log in with DigiD' }).isVisible()).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `home-en-${viewport}`)

      // The choice is remembered on the next visit.
      await page.goto(`${baseUrl}/`)
      expect(await page.getAttribute('html', 'lang')).toBe('en')
      await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
      await page.waitForURL(`${baseUrl}/`)
      expect(await page.getAttribute('html', 'lang')).toBe('nl')
      await context.close()
    })
  }

  it('can be used by keyboard alone: the skip link comes first and moves focus to the content', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(baseUrl)
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    expect(await focused.textContent()).toBe('Direct naar de inhoud')
    expect(await focused.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    // Onward from the content the first stop is a control inside main.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
    await context.close()
  })

  it('shows a 404 page in both languages without accessibility violations', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const res = await page.goto(`${baseUrl}/bestaat-niet`)
    expect(res?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pagina niet gevonden')
    await expectNoAxeViolations(page)
    await screenshot(page, '404-nl-desktop')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.waitForURL(`${baseUrl}/bestaat-niet`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    await expectNoAxeViolations(page)
    await context.close()
  })
})
