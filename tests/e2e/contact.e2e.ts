import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, newContext, screenshot, viewports } from './browser'

/**
 * In the browser: the citizen's "Mijn contact" (Dutch and English, phone and desktop; the
 * filter also without JavaScript), the contact centre's klantbeeld from the citizen search, and
 * the questions' figures on the public charter. The data is the demo seed
 * (server/seed/questions.ts). Every page: no axe-core violations.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
const jan = personaByKey('jan')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

describe('Mijn contact', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`shows every contact newest first, in Dutch and English (${viewport})`, async () => {
      const context = await loggedInContext(browser, baseUrl, await loginAsCitizen(baseUrl, jan.bsn), viewport)
      const page = await context.newPage()
      expect((await page.goto(`${baseUrl}/mijn/contact`))?.status()).toBe(200)
      await expect.poll(() => h1(page)).toBe('Mijn contact')
      const text = await main(page)
      for (const kind of ['Vraag gesteld', 'Antwoord', 'Telefoongesprek', 'Bezoek aan de balie', 'Bericht verstuurd'])
        expect(text).toContain(kind)
      expect(text).not.toContain('(intern)')
      // The navigation marks the page.
      const nav = page.locator('nav a[aria-current="page"]', { hasText: 'Mijn contact' })
      expect(await nav.count()).toBeGreaterThan(0)
      await expectNoAxeViolations(page)
      await screenshot(page, `contact-nl-${viewport}`)

      await switchLanguage(page, 'en')
      await expect.poll(() => h1(page)).toBe('My contact')
      await expect.poll(() => main(page)).toContain('Question asked')
      await expectNoAxeViolations(page)
      await screenshot(page, `contact-en-${viewport}`)
      await switchLanguage(page, 'nl')
      await context.close()
    })
  }

  it('filters by kind without JavaScript', async () => {
    const cookie = await loginAsCitizen(baseUrl, jan.bsn)
    const context = await loggedInContext(browser, baseUrl, cookie, 'phone', { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/contact`)
    await page.getByLabel('Soort contact').selectOption('telefoon')
    await page.getByRole('button', { name: 'Toon' }).click()
    await page.waitForURL(/soort=telefoon/)
    await expect.poll(() => main(page)).toContain('Telefoongesprek')
    const text = await main(page)
    expect(text).toContain('Telefoongesprek')
    expect(text).not.toContain('Vraag gesteld')
    expect(await page.getByLabel('Soort contact').inputValue()).toBe('telefoon')
    await context.close()
  })
})

describe('the klantbeeld for the contact centre', () => {
  it('opens from the citizen search and keeps the BSN out of the address', async () => {
    const context = await loggedInContext(browser, baseUrl, await loginAsStaff(baseUrl, 'E2002'), 'desktop')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/burgers`)
    await page.locator('#bsn').fill(jan.bsn)
    await page.locator('form:has(#bsn) button[type="submit"]').click()
    await page.getByRole('button', { name: 'Klantbeeld van Jan Willem Jansen bekijken' }).click()
    await page.waitForURL(/\/medewerker\/klantbeeld\?burger=/)
    expect(page.url()).not.toContain(jan.bsn)
    await expect.poll(() => h1(page)).toBe('Klantbeeld van Jan Willem Jansen')
    await expect.poll(() => main(page)).toContain('Telefoongesprek')
    await expectNoAxeViolations(page)
    await screenshot(page, 'klantbeeld-nl-desktop')
    await context.close()
  })
})

describe('the charter page', () => {
  it("shows last quarter's questions per channel", async () => {
    const context = await newContext(browser, 'desktop')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/kwaliteitshandvest`)
    expect(await page.getByRole('heading', { level: 3, name: 'Vragen', exact: true }).isVisible()).toBe(true)
    for (const channel of ['Internet', 'E-mail', 'Post'])
      expect(await page.getByRole('heading', { level: 4, name: channel, exact: true }).count()).toBe(1)
    expect(await page.getByText('Aantal vragen').count()).toBe(3)
    await expectNoAxeViolations(page)
    await context.close()
  })
})
