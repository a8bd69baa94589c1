import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * Issue 6 in the browser: a persona reports a move with a co-mover, by mouse and by keyboard
 * alone; a caseworker approves it; "Mijn gegevens" then shows the new address. Every page of
 * "my data" has no axe-core violations in Dutch and English, error states included.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const loggedIn = (
  cookieHeader: string,
  viewport: keyof typeof viewports = 'desktop',
  options: { javaScriptEnabled?: boolean } = {},
) => loggedInContext(browser, baseUrl, cookieHeader, viewport, options)

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

/** Axe in Dutch, then in English, then back to Dutch; a screenshot of each. */
async function checkBothLanguages(page: Page, name: string, viewport: keyof typeof viewports = 'desktop') {
  await expectNoAxeViolations(page)
  await screenshot(page, `${name}-nl-${viewport}`)
  await switchLanguage(page, 'en')
  await expectNoAxeViolations(page)
  await screenshot(page, `${name}-en-${viewport}`)
  await switchLanguage(page, 'nl')
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const focusedSummary = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') ?? null)
const moveDate = addDays(todayIn(new Date()), 14)
const [year, month, day] = moveDate.split('-')

describe('reporting a move in the browser', () => {
  it('Pieter reports the family’s move with Fatima and the children; a caseworker approves; every system gets the new address', async () => {
    const pieter = personaByKey('pieter')
    const context = await loggedIn(await loginAsCitizen(baseUrl, pieter.bsn, 'midden'))
    const page = await context.newPage()

    await page.goto(`${baseUrl}/mijn/gegevens`)
    expect(await h1(page)).toBe('Mijn gegevens')
    expect(await page.getByText('Helperzoom 8, 9722 BA Groningen').first().isVisible()).toBe(true)
    await checkBothLanguages(page, 'my-data')

    await page.getByRole('link', { name: 'Verhuizing doorgeven' }).click()
    await expect.poll(() => h1(page)).toBe('Wat is uw nieuwe adres?')
    await checkBothLanguages(page, 'move-address')

    // A wrong postcode: the error summary appears after the h1 and takes focus; the typed values stay.
    await page.getByLabel('Postcode').fill('0712 AB')
    await page.getByLabel('Huisnummer', { exact: true }).fill('15')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await expect.poll(() => focusedSummary(page), { timeout: 5000 }).toBe('error-summary-title')
    expect(await page.getByRole('alert').textContent()).toContain('Een postcode begint niet met een 0')
    expect(await page.getByLabel('Postcode').inputValue()).toBe('0712 AB')
    expect(await page.getByLabel('Huisnummer', { exact: true }).inputValue()).toBe('15')
    // (Switching the language reloads the page: the form starts empty again.)
    await checkBothLanguages(page, 'move-address-error')

    await page.getByLabel('Postcode').fill('9726 BB')
    await page.getByLabel('Huisnummer', { exact: true }).fill('15')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/datum\?aanvraag=/)
    expect(page.url()).not.toContain(pieter.bsn)
    await expect.poll(() => h1(page)).toBe('Wanneer verhuist u?')
    await checkBothLanguages(page, 'move-date')
    await page.getByLabel('Dag').fill(day)
    await page.getByLabel('Maand').fill(month)
    await page.getByLabel('Jaar').fill(year)
    await page.getByRole('button', { name: 'Doorgaan' }).click()

    await page.waitForURL(/\/verhuizen\/wie\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Wie verhuizen met u mee?')
    await checkBothLanguages(page, 'move-who')
    for (const name of ['Fatima el Amrani', 'Noor de Vries', 'Daan de Vries']) await page.getByLabel(name).check()
    await page.getByRole('button', { name: 'Doorgaan' }).click()

    await page.waitForURL(/\/verhuizen\/controleren\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    const main = page.locator('main')
    expect(await main.textContent()).toContain('Paterswoldseweg 15, 9726 BB Groningen')
    expect(await main.textContent()).toContain('U en Fatima el Amrani, Noor de Vries, Daan de Vries')
    await checkBothLanguages(page, 'move-review')
    for (const viewport of ['phone'] as const) {
      await page.setViewportSize(viewports[viewport])
      await screenshot(page, `move-review-nl-${viewport}`)
      await page.setViewportSize(viewports.desktop)
    }
    await page.getByRole('button', { name: 'Verhuizing doorgeven' }).click()

    await page.waitForURL(/\/verhuizen\/bevestiging\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Uw verhuizing is doorgegeven')
    const reference = /Z-\d{4}-\d{6}/.exec((await main.textContent()) ?? '')?.[0]
    expect(reference).toBeTruthy()
    await checkBothLanguages(page, 'move-done')

    // The caseworker approves it.
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1003'))
    const staffPage = await staff.newPage()
    await staffPage.goto(`${baseUrl}/medewerker/verhuizingen`)
    expect(await h1(staffPage)).toBe('Verhuizingen')
    await checkBothLanguages(staffPage, 'staff-moves')
    await staffPage.getByRole('link', { name: reference! }).click()
    await staffPage.waitForURL(/\/medewerker\/verhuizingen\/[0-9a-f-]{36}$/)
    await checkBothLanguages(staffPage, 'staff-move')
    await staffPage.getByRole('button', { name: 'Verhuizing goedkeuren' }).click()
    await expect.poll(() => staffPage.getByRole('status').textContent()).toContain('De verhuizing is goedgekeurd')
    await staff.close()

    // Pieter sees his new address, and the old one in the history.
    await page.goto(`${baseUrl}/mijn/gegevens`)
    const text = (await main.textContent()) ?? ''
    expect(text).toContain('Paterswoldseweg 15, 9726 BB Groningen')
    expect(text).toContain('Helperzoom 8, 9722 BA Groningen')
    await screenshot(page, 'my-data-after-move-nl-desktop')
    await context.close()
  })

  it('Anneke reports her move with her adult son Thomas using the keyboard alone', async () => {
    const anneke = personaByKey('anneke')
    const context = await loggedIn(await loginAsCitizen(baseUrl, anneke.bsn, 'midden'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens`)

    /** Presses Tab until the element matching `selector` has focus; its focus ring must show. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab')
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
          expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none')
          return
        }
      }
      throw new Error(`${selector} cannot be reached with Tab`)
    }

    await tabTo('a[href="/mijn/gegevens/verhuizen"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/mijn\/gegevens\/verhuizen$/)
    await expect.poll(() => h1(page)).toBe('Wat is uw nieuwe adres?')
    await tabTo('#postcode')
    await page.keyboard.type('9715 AB')
    await page.keyboard.press('Tab')
    await page.keyboard.type('999')
    await page.keyboard.press('Enter')
    // The error summary takes focus; its link leads to the field.
    await expect.poll(() => focusedSummary(page), { timeout: 5000 }).toBe('error-summary-title')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#houseNumber')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#houseNumber')
    await tabTo('#houseNumber')
    expect(await page.locator('#houseNumber').inputValue()).toBe('999')
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('9')
    await page.keyboard.press('Enter')

    await page.waitForURL(/\/verhuizen\/datum\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Wanneer verhuist u?')
    await tabTo('#moveDate-day')
    await page.keyboard.type(day)
    await page.keyboard.press('Tab')
    await page.keyboard.type(month)
    await page.keyboard.press('Tab')
    await page.keyboard.type(year)
    await page.keyboard.press('Enter')

    await page.waitForURL(/\/verhuizen\/wie\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Wie verhuizen met u mee?')
    await tabTo('input[name="meeverhuizer"]')
    await page.keyboard.press('Space')
    expect(await page.getByLabel('Thomas Bakker').isChecked()).toBe(true)
    await tabTo('button[type="submit"]')
    await page.keyboard.press('Enter')

    await page.waitForURL(/\/verhuizen\/controleren\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    expect(await page.locator('main').textContent()).toContain('U en Thomas Bakker')
    await tabTo('main button[type="submit"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/verhuizen\/bevestiging\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Uw verhuizing is doorgegeven')
    await context.close()
  })

  it('works without JavaScript: the error summary comes right after the h1, and the steps go on', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('lisa').bsn, 'midden'), 'phone', {
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens/verhuizen`)
    await page.getByLabel('Postcode').fill('9715AB')
    await page.getByLabel('Huisnummer', { exact: true }).fill('3')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForLoadState('load')
    const order = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!
      return h1.nextElementSibling?.getAttribute('aria-labelledby')
    })
    expect(order).toBe('error-summary-title')
    expect(await page.getByRole('alert').textContent()).toContain('3A, 3B')
    await screenshot(page, 'move-address-error-nojs-nl-phone')
    await page.getByLabel('Huisletter of toevoeging (als die er is)').fill('B')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/datum\?aanvraag=/)
    await context.close()
  })
})

describe('every page of my data is accessible, in Dutch and English, on phone and desktop', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`correction request, preferences and e-mail confirmation (${viewport})`, async () => {
      const jan = personaByKey('jan')
      const context = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'midden'), viewport)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/mijn/gegevens/correctie?gegeven=surname`)
      expect(await h1(page)).toBe('Correctie aanvragen')
      await checkBothLanguages(page, 'correction', viewport)
      // Without an explanation: a message at the field and in the summary, which takes focus.
      await page.getByLabel('Wat is het goede gegeven?').fill('Janssen')
      await page.getByRole('button', { name: 'Doorgaan' }).click()
      await expect.poll(() => focusedSummary(page), { timeout: 5000 }).toBe('error-summary-title')
      expect(await page.getByLabel('Wat is het goede gegeven?').inputValue()).toBe('Janssen')
      await checkBothLanguages(page, 'correction-error', viewport)
      // (Switching the language reloaded the form.)
      await page.getByLabel(/^Achternaam/).check()
      await page.getByLabel('Wat is het goede gegeven?').fill('Janssen')
      await page.getByLabel('Waarom klopt het gegeven niet?').fill('Mijn achternaam heeft twee keer een s.')
      await page
        .getByLabel('Bewijs (niet verplicht)')
        .setInputFiles({ name: 'akte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%test\n') })
      await page.getByRole('button', { name: 'Doorgaan' }).click()
      await page.waitForURL(/\/correctie\/controleren\?aanvraag=/)
      await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
      await checkBothLanguages(page, 'correction-review', viewport)
      await page.getByRole('button', { name: 'Verzoek versturen' }).click()
      await page.waitForURL(/\/correctie\/bevestiging\?aanvraag=/)
      await expect.poll(() => h1(page)).toBe('Uw verzoek is verstuurd')
      await checkBothLanguages(page, 'correction-done', viewport)

      await page.goto(`${baseUrl}/mijn/voorkeuren`)
      expect(await h1(page)).toBe('Voorkeuren')
      await checkBothLanguages(page, 'preferences', viewport)
      await page.getByLabel('E-mailadres').fill('jan@')
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await expect.poll(() => focusedSummary(page), { timeout: 5000 }).toBe('error-summary-title')
      await checkBothLanguages(page, 'preferences-error', viewport)

      await page.goto(`${baseUrl}/mijn/gegevens/email-bevestigen?token=onbekend`)
      expect(await h1(page)).toBe('E-mailadres bevestigen')
      await checkBothLanguages(page, 'email-confirm-invalid', viewport)
      await context.close()
    })
  }

  it('the caseworker’s correction screens', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E1003'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/correcties`)
    expect(await h1(page)).toBe('Verzoeken om correctie')
    await checkBothLanguages(page, 'staff-corrections')
    await page.locator('main table a').first().click()
    await page.waitForURL(/\/medewerker\/correcties\/[0-9a-f-]{36}$/)
    await checkBothLanguages(page, 'staff-correction')
    await context.close()
  })
})
