import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext } from './browser'

/**
 * The demo works however it is opened: the server's BASE_URL is http://localhost:PORT, and a
 * newcomer types http://127.0.0.1:PORT. The first login used to end at "Foutcode:
 * no-login-cookie"; now the browser is sent to BASE_URL first and the login goes through.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('opening the demo on 127.0.0.1', () => {
  it('goes to BASE_URL’s host and logs in end to end with the mock DigiD', async () => {
    const other = baseUrl.replace('//localhost:', '//127.0.0.1:')
    expect(other).not.toBe(baseUrl)
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${other}/`)
    expect(new URL(page.url()).origin).toBe(baseUrl)
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
    await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
    await page.getByRole('radio', { name: 'Als testpersoon' }).check()
    await page.getByLabel('Testpersoon', { exact: true }).selectOption({ label: 'Lisa van der Berg' })
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.waitForURL(`${baseUrl}/mijn`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn overzicht')
    expect(await page.getByText('Welkom, Lisa van der Berg').isVisible()).toBe(true)
    await context.close()
  })
})
