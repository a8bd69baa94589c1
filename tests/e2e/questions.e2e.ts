import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import {
  expectNoAxeViolations,
  launchBrowser,
  loggedInContext,
  newContext,
  screenshot,
  type viewports,
} from './browser'

/**
 * Asking the municipality a question in the browser: the form with the norm shown beforehand,
 * a refusal that keeps the text, the acknowledgement on screen, Mijn vragen and the thread, with
 * JavaScript on and off; and the public contact form without DigiD. Every page: no axe-core
 * violations, Dutch and English, phone and desktop.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const jan = personaByKey('jan')
const QUESTION = 'Mag ik mijn oude kast bij het grofvuil zetten, en wanneer wordt het opgehaald?'

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

async function askAndCheck(page: Page, js: boolean) {
  await page.goto(`${baseUrl}/mijn/vragen`)
  await expect.poll(() => h1(page)).toBe('Mijn vragen')
  await page.getByRole('link', { name: 'Stel een vraag' }).first().click()
  await page.waitForURL(`${baseUrl}/mijn/vragen/nieuw`)
  await expect.poll(() => main(page)).toContain('U krijgt binnen 6 weken antwoord, meestal sneller.')
  await page.getByLabel('Waar gaat uw vraag over?').selectOption('waste')
  // Refused first (a call back without a number): the text stays.
  await page.getByRole('textbox', { name: 'Uw vraag' }).fill(QUESTION)
  await page.getByRole('radio', { name: 'Bel mij terug' }).check()
  await page.getByRole('textbox', { name: 'Uw telefoonnummer' }).fill('')
  await page.getByRole('button', { name: 'Vraag versturen' }).click()
  await page.locator('#phone-error').waitFor()
  await expect.poll(() => main(page)).toContain('Vul uw telefoonnummer in, dan bellen wij u terug.')
  expect(await page.getByRole('textbox', { name: 'Uw vraag' }).inputValue()).toBe(QUESTION)
  if (js) await expectNoAxeViolations(page)
  // Sent: the acknowledgement on screen.
  await page.getByRole('radio', { name: 'In Mijn Stad' }).check()
  await page.getByRole('button', { name: 'Vraag versturen' }).click()
  await page.waitForURL(/\/mijn\/vragen\/[0-9a-f-]{36}\?verstuurd=1/)
  await expect.poll(() => main(page)).toContain('Uw vraag is verstuurd')
  const sent = await main(page)
  expect(sent).toContain('Uw vraag is verstuurd')
  expect(sent).toMatch(/Uw vraag heeft nummer V-\d{4}-\d{6}\./)
  expect(sent).toContain(QUESTION)
  const reference = /V-\d{4}-\d{6}/.exec(sent)![0]
  if (js) await expectNoAxeViolations(page)
  // The list.
  await page.getByRole('link', { name: 'Terug naar Mijn vragen' }).click()
  await page.waitForURL(`${baseUrl}/mijn/vragen`)
  await expect.poll(() => main(page)).toContain(reference)
  await expect.poll(() => main(page)).toContain('Ontvangen')
  return reference
}

describe('asking a question (JavaScript on)', () => {
  it('asks, sees the acknowledgement, the list and the thread, in Dutch and English, axe-clean', async () => {
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'basis'))
    const page = await citizen.newPage()
    const reference = await askAndCheck(page, true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'questions-list-nl-desktop')
    await page.getByRole('link', { name: new RegExp(reference) }).click()
    await page.waitForURL(/\/mijn\/vragen\/[0-9a-f-]{36}$/)
    await expect.poll(() => h1(page)).toBe(`Vraag ${reference}`)
    await expect.poll(() => main(page)).toContain('Reageren')
    await expectNoAxeViolations(page)
    await screenshot(page, 'questions-thread-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe(`Question ${reference}`)
    await expectNoAxeViolations(page)
    await page.goto(`${baseUrl}/mijn/vragen/nieuw`)
    await expectNoAxeViolations(page)
    await page.goto(`${baseUrl}/mijn/vragen`)
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')
    await citizen.close()
  })

  it('fits a phone, in Dutch and English', async () => {
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'basis'), 'phone')
    const page = await citizen.newPage()
    await page.goto(`${baseUrl}/mijn/vragen/nieuw`)
    await expectNoAxeViolations(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'questions-form-nl-phone')
    await switchLanguage(page, 'en')
    await expectNoAxeViolations(page)
    await screenshot(page, 'questions-form-en-phone')
    await page.goto(`${baseUrl}/mijn/vragen`)
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')
    await citizen.close()
  })
})

describe('asking a question with JavaScript off', () => {
  it('keeps the text of a refused form and sends the question', async () => {
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'basis'), 'desktop', false)
    const page = await citizen.newPage()
    await askAndCheck(page, false)
    await citizen.close()
  })
})

describe('the contact form without DigiD', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    it(`sends a question from the home page and confirms it (${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      await page.goto(baseUrl)
      await page.getByRole('link', { name: 'Stel een vraag zonder DigiD' }).click()
      await page.waitForURL(`${baseUrl}/contactformulier`)
      await expect.poll(() => h1(page)).toBe('Stel een vraag zonder DigiD')
      await expectNoAxeViolations(page)
      await screenshot(page, `questions-public-nl-${viewport}`)
      await page.getByRole('button', { name: 'Vraag versturen' }).click()
      await page.locator('#email-error').waitFor()
      await expectNoAxeViolations(page)
      await page.getByRole('textbox', { name: 'Uw e-mailadres' }).fill('bezoeker@example.org')
      await page.getByLabel('Waar gaat uw vraag over?').selectOption('publicSpace')
      await page.getByRole('textbox', { name: 'Uw vraag' }).fill('Er is een lantaarnpaal kapot in de Oosterstraat.')
      await page.getByRole('button', { name: 'Vraag versturen' }).click()
      await page.waitForURL(`${baseUrl}/contactformulier/verstuurd`)
      await expect.poll(() => h1(page)).toBe('Wij hebben uw vraag ontvangen')
      await expectNoAxeViolations(page)
      await switchLanguage(page, 'en')
      await expect.poll(() => h1(page)).toBe('We have received your question')
      await expectNoAxeViolations(page)
      await page.goto(`${baseUrl}/contactformulier`)
      await expectNoAxeViolations(page)
      await switchLanguage(page, 'nl')
      await context.close()
    })
  }
})
