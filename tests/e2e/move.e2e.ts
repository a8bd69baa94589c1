import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { formatLocalDate } from '~/components/date-text'
import { addDays, todayIn } from '~/domain/local-date'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * In the browser: a persona reports a move with a co-mover, by mouse and by keyboard
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
const today = todayIn(new Date())
const moveDate = addDays(today, 14)
const [year, month, day] = moveDate.split('-')
const nlDate = (date: string) => formatLocalDate(date, 'nl')

describe('reporting a move in the browser', () => {
  /** The reference of the family's move, from the first test for the ones after it. */
  let familyMove = ''

  it('Pieter reports the family’s move with Fatima and the children', async () => {
    const pieter = personaByKey('pieter')
    const context = await loggedIn(await loginAsCitizen(baseUrl, pieter.bsn, 'midden'))
    const page = await context.newPage()

    await page.goto(`${baseUrl}/mijn/gegevens`)
    await expect.poll(() => h1(page)).toBe('Mijn gegevens')
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

    // Oude Ebbingestraat 5: Geertruida van Dijk (84) lives there alone.
    await page.getByLabel('Postcode').fill('9712 HA')
    await page.getByLabel('Huisnummer', { exact: true }).fill('5')
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
    expect(await main.textContent()).toContain('Oude Ebbingestraat 5, 9712 HA Groningen')
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
    expect(await main.textContent()).toContain('krijgt een eigen brief')
    await checkBothLanguages(page, 'move-done')
    familyMove = reference!
    await context.close()
  })

  it('the caseworker sees who lives at the new address and the warning, and approves on a check page', async () => {
    expect(familyMove).toMatch(/^Z-/)
    const reference = familyMove
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1003'))
    const staffPage = await staff.newPage()
    await staffPage.goto(`${baseUrl}/medewerker/verhuizingen`)
    await expect.poll(() => h1(staffPage)).toBe('Verhuizingen')
    await checkBothLanguages(staffPage, 'staff-moves')
    await staffPage.getByRole('link', { name: reference! }).click()
    await staffPage.waitForURL(/\/medewerker\/verhuizingen\/[0-9a-f-]{36}$/)
    const staffMain = staffPage.locator('main')
    await expect.poll(() => staffMain.textContent()).toMatch(/Geertruida van Dijk, 8\d jaar/)
    expect(await staffMain.textContent()).toMatch(/Hier woont nu iemand van 8\d jaar alleen\./)
    expect(await staffMain.textContent()).toContain('Na de verhuizing wonen hier 5 mensen.')
    expect(await staffMain.textContent()).not.toContain(personaByKey('truus').bsn)
    await checkBothLanguages(staffPage, 'staff-move')
    await staffPage.getByRole('button', { name: 'Verhuizing goedkeuren' }).click()
    await staffPage.waitForURL(/\/goedkeuren$/)
    await expect.poll(() => h1(staffPage)).toBe('Verhuizing goedkeuren?')
    expect(await staffMain.textContent()).toContain(`Het nieuwe adres gaat in op ${nlDate(moveDate)}`)
    await checkBothLanguages(staffPage, 'staff-move-check')
    await staffPage.getByRole('button', { name: 'Bevestigen' }).click()
    await expect
      .poll(() => staffPage.getByRole('status').textContent())
      .toBe(
        `De verhuizing is goedgekeurd. Het nieuwe adres gaat in op ${nlDate(moveDate)}; dan krijgen de afdelingen en organisaties die het moeten weten bericht.`,
      )
    await staff.close()
  })

  it('Pieter keeps his address until the move date; the new one shows "from" that date beside it', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('pieter').bsn, 'midden'))
    const page = await context.newPage()
    const main = page.locator('main')
    await page.goto(`${baseUrl}/mijn/gegevens`)
    const text = (await main.textContent()) ?? ''
    expect(text).toContain('Helperzoom 8, 9722 BA Groningen')
    expect(text).toContain(`Nieuw adres vanaf ${nlDate(moveDate)}`)
    expect(text).toContain('Oude Ebbingestraat 5, 9712 HA Groningen')
    await checkBothLanguages(page, 'my-data-scheduled-move')
    await context.close()
  })

  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`Fatima logs in and finds the move among her own cases, with a letter of her own (${viewport})`, async () => {
      const fatima = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('fatima').bsn, 'midden'), viewport)
      const mine = await fatima.newPage()
      await mine.goto(`${baseUrl}/mijn/zaken`)
      await expect.poll(() => h1(mine)).toBe('Mijn zaken')
      await mine.locator('main ul li', { hasText: 'Oude Ebbingestraat 5' }).locator('h3 a').first().click()
      await mine.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
      await expect
        .poll(() => mine.locator('main').textContent())
        .toContain(`Pieter de Vries heeft deze verhuizing op ${nlDate(today)} voor u doorgegeven.`)
      expect(await mine.locator('main').textContent()).toContain(`Het nieuwe adres gaat in op ${nlDate(moveDate)}.`)
      await checkBothLanguages(mine, 'move-case-co-mover', viewport)
      await mine.getByRole('link', { name: 'Er is een verhuizing voor u doorgegeven' }).click()
      await mine.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
      // The case page says "U verhuist mee." too: wait for the letter itself, by its h1.
      await expect.poll(() => h1(mine)).toBe('Er is een verhuizing voor u doorgegeven')
      const letter = (await mine.locator('main').textContent()) ?? ''
      expect(letter).toContain('U verhuist mee.')
      expect(letter).toContain('Pieter de Vries heeft op')
      await checkBothLanguages(mine, 'move-letter-co-mover', viewport)
      // And she cannot report a second move: the start page shows the one Pieter reported.
      await mine.goto(`${baseUrl}/mijn/gegevens/verhuizen`)
      await expect.poll(() => h1(mine)).toBe('Er is al een verhuizing voor u doorgegeven')
      await checkBothLanguages(mine, 'move-blocked', viewport)
      await fatima.close()
    })
  }

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

  it('works without JavaScript from start to withdrawal: Mehmet reports a move, finds it on his case page and withdraws it', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('mehmet').bsn, 'midden'), 'phone', {
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens/verhuizen`)
    await page.getByLabel('Postcode').fill('9711 LC')
    await page.getByLabel('Huisnummer', { exact: true }).fill('2')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/datum\?aanvraag=/)
    await page.getByLabel('Dag').fill(day)
    await page.getByLabel('Maand').fill(month)
    await page.getByLabel('Jaar').fill(year)
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/wie\?aanvraag=/)
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/controleren\?aanvraag=/)
    await page.getByRole('button', { name: 'Verhuizing doorgeven' }).click()
    await page.waitForURL(/\/verhuizen\/bevestiging\?aanvraag=/)
    await expect.poll(() => h1(page)).toBe('Uw verhuizing is doorgegeven')
    await page.getByRole('link', { name: 'Bekijk uw zaak' }).click()
    await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
    expect(await page.locator('main').textContent()).toContain('Wij controleren de verhuizing.')
    await screenshot(page, 'move-case-own-nojs-nl-phone')
    await page.getByRole('link', { name: 'Verhuizing intrekken' }).click()
    await page.waitForURL(/\/intrekken$/)
    await expect.poll(() => h1(page)).toBe('Verhuizing intrekken')
    await screenshot(page, 'move-withdraw-nojs-nl-phone')
    await page.getByRole('button', { name: 'Ja, verhuizing intrekken' }).click()
    await page.waitForURL(/\?ingetrokken=1$/)
    expect(await page.getByRole('status').textContent()).toBe('U heeft de verhuizing ingetrokken. U krijgt een brief.')
    expect(await page.locator('main').textContent()).toContain('De verhuizing is ingetrokken. Uw adres verandert niet.')
    await context.close()
  })

  it('works without JavaScript for the caseworker too: approving Anneke’s move goes through the check page', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E1003'), 'desktop', { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/verhuizingen`)
    await page.getByRole('row').filter({ hasText: 'Anneke Bakker' }).getByRole('link').first().click()
    await page.waitForURL(/\/medewerker\/verhuizingen\/[0-9a-f-]{36}$/)
    await page.getByRole('button', { name: 'Verhuizing goedkeuren' }).click()
    await page.waitForURL(/\/goedkeuren$/)
    await expect.poll(() => h1(page)).toBe('Verhuizing goedkeuren?')
    await screenshot(page, 'staff-move-check-nojs-nl-desktop')
    await page.getByRole('button', { name: 'Bevestigen' }).click()
    await page.waitForURL(/\?besluit=goedgekeurd$/)
    expect(await page.getByRole('status').textContent()).toContain('De verhuizing is goedgekeurd.')
    await context.close()
  })

  it('the case page and the withdrawal page of one’s own move are accessible in Dutch and English, on phone and desktop', async () => {
    const kees = personaByKey('kees')
    const cookie = await loginAsCitizen(baseUrl, kees.bsn, 'midden')
    const context = await loggedIn(cookie)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens/verhuizen`)
    await page.getByLabel('Postcode').fill('9711 LC')
    await page.getByLabel('Huisnummer', { exact: true }).fill('4')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/datum\?aanvraag=/)
    await page.getByLabel('Dag').fill(day)
    await page.getByLabel('Maand').fill(month)
    await page.getByLabel('Jaar').fill(year)
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/wie\?aanvraag=/)
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.waitForURL(/\/verhuizen\/controleren\?aanvraag=/)
    await page.getByRole('button', { name: 'Verhuizing doorgeven' }).click()
    await page.waitForURL(/\/verhuizen\/bevestiging\?aanvraag=/)
    await page.getByRole('link', { name: 'Bekijk uw zaak' }).click()
    await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
    const caseUrl = page.url()
    await context.close()
    for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
      const ctx = await loggedIn(cookie, viewport)
      const p = await ctx.newPage()
      await p.goto(caseUrl)
      await expect.poll(() => p.locator('main').textContent()).toContain('Wij controleren de verhuizing.')
      await checkBothLanguages(p, 'move-case-own', viewport)
      await p.goto(`${caseUrl}/intrekken`)
      await expect.poll(() => h1(p)).toBe('Verhuizing intrekken')
      await checkBothLanguages(p, 'move-withdraw', viewport)
      await p.goto(`${baseUrl}/mijn/gegevens`)
      expect(await p.locator('main').textContent()).toContain('U heeft een verhuizing doorgegeven naar')
      await checkBothLanguages(p, 'my-data-pending-move', viewport)
      await ctx.close()
    }
  })
})

describe('every page of my data is accessible, in Dutch and English, on phone and desktop', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`correction request, preferences and e-mail confirmation (${viewport})`, async () => {
      const jan = personaByKey('jan')
      const context = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'midden'), viewport)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/mijn/gegevens/correctie?gegeven=surname`)
      await expect.poll(() => h1(page)).toBe('Correctie aanvragen')
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
      await expect.poll(() => h1(page)).toBe('Voorkeuren')
      await checkBothLanguages(page, 'preferences', viewport)
      await page.getByLabel('E-mailadres').fill('jan@')
      await page.getByRole('button', { name: 'Opslaan' }).click()
      await expect.poll(() => focusedSummary(page), { timeout: 5000 }).toBe('error-summary-title')
      await checkBothLanguages(page, 'preferences-error', viewport)

      await page.goto(`${baseUrl}/mijn/gegevens/email-bevestigen?token=onbekend`)
      await expect.poll(() => h1(page)).toBe('E-mailadres bevestigen')
      await checkBothLanguages(page, 'email-confirm-invalid', viewport)
      await context.close()
    })
  }

  it('the caseworker’s correction screens', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E1003'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/correcties`)
    await expect.poll(() => h1(page)).toBe('Verzoeken om correctie')
    await checkBothLanguages(page, 'staff-corrections')
    await page.locator('main table a').first().click()
    await page.waitForURL(/\/medewerker\/correcties\/[0-9a-f-]{36}$/)
    await checkBothLanguages(page, 'staff-correction')
    await context.close()
  })
})
