import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, type viewports } from './browser'

/**
 * The contact centre in the browser: a letter with a question is registered (the one intake,
 * which sends the acknowledgement), the contact centre finds it in "Vragen", answers it with a
 * knowledge-base article inserted at the cursor, and the citizen gets the answer; the same with
 * JavaScript off, the article coming in by a round trip that keeps the typed text. A call is
 * recorded from the question's page. Every page: no axe-core violations, Dutch and English,
 * desktop and phone.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const jan = personaByKey('jan')
const loggedIn = (cookie: string, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  loggedInContext(browser, baseUrl, cookie, viewport, { javaScriptEnabled })
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url().split('#')[0]
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL((url) => url.href.split('#')[0] === before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

/** The contact centre registers a letter's question for Jan; returns the question's page address. */
async function registerLetter(page: Page, text: string): Promise<string> {
  await page.goto(`${baseUrl}/medewerker/vragen/registreren`)
  await expect.poll(() => h1(page)).toBe('Vraag registreren')
  await page.getByRole('radio', { name: 'Post' }).check()
  await page.getByRole('textbox', { name: 'BSN van de inwoner' }).fill(jan.bsn)
  await page.getByRole('combobox', { name: 'Onderwerp' }).selectOption('moving')
  await page.getByRole('textbox', { name: 'De vraag' }).fill(text)
  await page.getByRole('radio', { name: 'In Mijn Stad' }).check()
  await page.getByRole('button', { name: 'Vraag registreren' }).click()
  await page.waitForURL(/\/medewerker\/vragen\/[0-9a-f-]{36}$/)
  await expect.poll(() => h1(page)).toMatch(/^Vraag V-\d{4}-\d{6}$/)
  return page.url()
}

describe('the contact centre answers a question (JavaScript on)', () => {
  it('registers a letter → finds it in the inbox → answers with an article inserted → the citizen is told', async () => {
    const QUESTION = 'Hoe geef ik mijn verhuizing door? Ik verhuis volgende maand.'
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E2002'))
    const page = await staff.newPage()

    // An empty registration is refused at the fields, with the summary first.
    await page.goto(`${baseUrl}/medewerker/vragen/registreren`)
    await page.getByRole('button', { name: 'Vraag registreren' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.getByRole('alert').textContent()).toContain('Kies een onderwerp.')
    await expectNoAxeViolations(page)

    const questionUrl = await registerLetter(page, QUESTION)
    const reference = ((await h1(page)) ?? '').replace('Vraag ', '')
    expect(reference).toMatch(/^V-\d{4}-\d{6}$/)
    await expect.poll(() => main(page)).toContain('Ontvangstbevestiging')
    await expectNoAxeViolations(page)

    // The inbox lists it, with its state in words.
    await page.goto(`${baseUrl}/medewerker`)
    await expect.poll(() => main(page)).toContain('Vragen van inwoners')
    await page.getByRole('link', { name: 'Naar de vragen' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/vragen`)
    const row = page.getByRole('row', { name: new RegExp(reference) })
    expect(await row.textContent()).toContain('Op tijd')
    expect(await row.textContent()).toContain('Post')
    await expectNoAxeViolations(page)
    await screenshot(page, 'kcc-inbox-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe('Questions')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    // Answer: typed greeting, then the article inserted at the cursor without a reload.
    await page.getByRole('link', { name: reference }).click()
    await page.waitForURL(questionUrl)
    const answer = page.getByRole('textbox', { name: 'Uw antwoord' })
    await answer.fill('Beste heer Jansen,\n\n')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('verhuizing')
    await page.getByRole('button', { name: 'Artikelen zoeken' }).click()
    await page.getByRole('button', { name: 'Invoegen: Verhuizing doorgeven' }).click()
    await expect.poll(() => answer.inputValue()).toContain('Verhuizing doorgeven')
    const text = await answer.inputValue()
    expect(text.startsWith('Beste heer Jansen,\n\nVerhuizing doorgeven')).toBe(true)
    expect(text).toContain('/onderwerpen/verhuizing-doorgeven')
    await expectNoAxeViolations(page)
    await screenshot(page, 'kcc-answer-nl-desktop')
    await answer.fill(`${text}\nMet vriendelijke groet,\nLotte de Vries`)
    await page.getByRole('button', { name: 'Antwoord versturen' }).click()
    await page.waitForURL(/\?gedaan=answer$/)
    await expect.poll(() => main(page)).toContain('Het antwoord is verstuurd.')
    await expect.poll(() => main(page)).toContain('Gebruikte artikelen: verhuizing-doorgeven')
    await expect.poll(() => main(page)).toContain('verstuurd in Mijn Stad')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe(`Question ${reference}`)
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    // A call about it, recorded from the question's page: the question comes along.
    await page.getByRole('link', { name: 'Contact vastleggen over deze vraag' }).click()
    await page.waitForURL(/\/medewerker\/contacten\/nieuw\?vraag=/)
    expect(await page.getByRole('textbox', { name: 'Vraagnummer (niet verplicht)' }).inputValue()).toBe(reference)
    await page.getByRole('textbox', { name: 'Korte samenvatting' }).fill('Belde om te vragen of het antwoord klopt.')
    await page.getByRole('button', { name: 'Contact vastleggen' }).click()
    await page.waitForURL(/opgeslagen=1/)
    await expect.poll(() => main(page)).toContain('Het contact is vastgelegd.')
    await expectNoAxeViolations(page)
    await page.goto(questionUrl)
    await expect.poll(() => main(page)).toContain('Belde om te vragen of het antwoord klopt.')
    await staff.close()

    // The citizen reads the answer in Mijn vragen (/mijn/vragen/:id, the questions part's page) and
    // sees the call in Mijn contact (the contact history's page); here: the staff page stays shut to him.
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'basis'))
    const mine = await citizen.newPage()
    expect((await mine.goto(questionUrl))?.status()).toBe(403)
    await citizen.close()
  })

  it('shows the inbox, a question and the forms on a phone without violations, in Dutch and English', async () => {
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E2002'), 'phone')
    const page = await staff.newPage()
    const questionUrl = await registerLetter(page, 'Waar kan ik mijn grofvuil kwijt?')
    for (const path of [
      '/medewerker/vragen',
      questionUrl.replace(baseUrl, ''),
      '/medewerker/vragen/registreren',
      '/medewerker/contacten/nieuw',
    ]) {
      await page.goto(`${baseUrl}${path}`)
      await expectNoAxeViolations(page)
      // Nothing scrolls sideways on a phone but the table's own region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await switchLanguage(page, 'en')
      await expectNoAxeViolations(page)
      await switchLanguage(page, 'nl')
    }
    await screenshot(page, 'kcc-contact-nl-phone')
    await staff.close()
  })
})

describe('the contact centre answers a question (JavaScript off)', () => {
  it('inserts the article by a round trip that keeps the typed text, and sends the answer', async () => {
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E2002'), 'desktop', false)
    const page = await staff.newPage()
    const questionUrl = await registerLetter(page, 'Ik ben verhuisd, wat moet ik doen?')
    await page.getByRole('textbox', { name: 'Uw antwoord' }).fill('Beste heer Jansen,')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('verhuizing')
    // Enter in the search field searches; it never sends the answer.
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).press('Enter')
    await page.getByRole('button', { name: 'Invoegen: Verhuizing doorgeven' }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Uw antwoord' }).inputValue()).toBe('Beste heer Jansen,')
    await page.getByRole('button', { name: 'Invoegen: Verhuizing doorgeven' }).click()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Uw antwoord' }).inputValue())
      .toMatch(/^Beste heer Jansen,\n\nVerhuizing doorgeven/)
    await page.getByRole('button', { name: 'Antwoord versturen' }).click()
    await page.waitForURL(`${questionUrl}?gedaan=answer`)
    await expect.poll(() => main(page)).toContain('Het antwoord is verstuurd.')
    await expect.poll(() => main(page)).toContain('Gebruikte artikelen: verhuizing-doorgeven')
    await staff.close()
  })
})
