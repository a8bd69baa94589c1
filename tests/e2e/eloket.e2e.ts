import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * The e-loket in the browser: Fatima goes on with the Wmo request she left halfway (the demo's
 * draft), sees what we already know of her, leaves again, resumes from Mijn aanvragen, changes
 * an answer from the check page, sends it, and finds the case and its acknowledgement. Pieter
 * applies for the same with JavaScript off. Every page: no axe-core violations, in Dutch and
 * English, on phone and desktop.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const fatima = personaByKey('fatima')
const pieter = personaByKey('pieter')
const jan = personaByKey('jan')

const loggedIn = (cookie: string, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  loggedInContext(browser, baseUrl, cookie, viewport, { javaScriptEnabled })
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'nl' | 'en') {
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

describe('applying online', () => {
  it('Fatima resumes her Wmo request, leaves, resumes again, changes an answer on the check page and sends it', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, fatima.bsn, 'midden'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn`)
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click()
    await expect.poll(() => h1(page)).toBe('Mijn aanvragen')
    // Her draft of yesterday, with the day it is kept until.
    expect(await main(page)).toContain('Nog niet verstuurd')
    expect(await main(page)).toMatch(/Bewaard tot \d+ \w+ \d{4}/)
    await page.getByRole('link', { name: 'Hulp of ondersteuning thuis aanvragen (Wmo)', exact: true }).click()
    await expect.poll(() => h1(page)).toBe('Hulp of ondersteuning thuis aanvragen (Wmo)')
    // What we already know: shown, not asked.
    expect(await main(page)).toContain('Helperzoom 8')
    expect(await main(page)).toContain('Fatima el Amrani')
    await page.getByRole('button', { name: 'Verder gaan met uw aanvraag' }).click()
    // On at the first question not answered yet.
    await expect.poll(() => h1(page)).toBe('Hulp die u al krijgt')
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => page.locator('[role="alert"]').count()).toBeGreaterThan(0)
    expect(await main(page)).toContain('Kies ja als iemand u al helpt')
    await page.getByLabel('Nee').check()
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => h1(page)).toBe('Documenten')
    // Leaves halfway, and comes back through Mijn aanvragen.
    await page.getByRole('link', { name: 'Later verder gaan' }).click()
    await expect.poll(() => h1(page)).toBe('Mijn aanvragen')
    // Nothing is missing any more (the documents are optional): on to the check page.
    await page.getByRole('link', { name: /Verder gaan.*Wmo/ }).click()
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    expect(await main(page)).toContain('stofzuigen')
    // Change an answer: back to the check page after.
    await page.locator(`a[href*="/situatie?terug=controleren"]`).click()
    await expect.poll(() => h1(page)).toBe('Uw situatie')
    await page
      .getByLabel('Wat lukt er niet meer goed?')
      .fill('Ik kan niet meer stofzuigen en geen boodschappen dragen.')
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    expect(await main(page)).toContain('geen boodschappen dragen')
    await expectNoAxeViolations(page)
    await screenshot(page, 'eloket-check-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe('Check your answers')
    await expectNoAxeViolations(page)
    await screenshot(page, 'eloket-check-en-desktop')
    await switchLanguage(page, 'nl')
    await page.getByRole('button', { name: 'Verzenden' }).click()
    await expect.poll(() => h1(page)).toBe('Uw aanvraag is verstuurd')
    await expectNoAxeViolations(page)
    await screenshot(page, 'eloket-sent-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe('Your application has been sent')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')
    const reference = /Z-\d{4}-\d+/.exec(await main(page))?.[0]
    expect(reference).toBeTruthy()
    await page.getByRole('link', { name: 'Ontvangstbevestiging lezen' }).click()
    await expect.poll(() => main(page)).toContain(reference!)
    await page.goBack()
    await expect.poll(() => h1(page)).toBe('Uw aanvraag is verstuurd')
    await page.getByRole('link', { name: 'Naar uw zaak' }).click()
    await expect.poll(() => main(page)).toContain(reference!)
    await context.close()
  })

  it('Pieter applies for Wmo support with JavaScript off, and a refused answer keeps what he typed', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, pieter.bsn, 'midden'), 'phone', false)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/aanvragen/wmo`)
    expect(await h1(page)).toBe('Hulp of ondersteuning thuis aanvragen (Wmo)')
    await page.getByRole('button', { name: 'Aanvraag starten' }).click()
    expect(await h1(page)).toBe('Waarmee heeft u hulp nodig?')
    await page.getByLabel('Ergens naartoe gaan').check()
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    expect(await h1(page)).toBe('Uw situatie')
    await page.getByLabel('Wat lukt er niet meer goed?').fill('x'.repeat(1501))
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    expect(await h1(page)).toBe('Uw situatie')
    expect(await page.getByLabel('Wat lukt er niet meer goed?').inputValue()).toHaveLength(1501)
    await page.getByLabel('Wat lukt er niet meer goed?').fill('Ik kan niet meer fietsen na mijn val.')
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    expect(await h1(page)).toBe('Hulp die u al krijgt')
    await page.getByLabel('Nee').check()
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    expect(await h1(page)).toBe('Documenten')
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click()
    expect(await h1(page)).toBe('Controleer uw gegevens')
    await page.getByRole('button', { name: 'Verzenden' }).click()
    expect(await h1(page)).toBe('Uw aanvraag is verstuurd')
    await page.getByRole('link', { name: 'Naar uw zaak' }).click()
    expect(await main(page)).toContain('Melding Wmo: ergens naartoe gaan')
    await context.close()
  })
})

describe('the e-loket pages: accessible in Dutch and English, on phone and desktop', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`Mijn aanvragen, a start page, a question page, the check page — ${viewport}`, async () => {
      const context = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn, 'midden'), viewport)
      const page = await context.newPage()
      const pages: string[] = []
      await page.goto(`${baseUrl}/mijn/aanvragen`)
      await expect.poll(() => h1(page)).toBe('Mijn aanvragen')
      pages.push(page.url())
      await page.goto(`${baseUrl}/mijn/aanvragen/afval`)
      await expect.poll(() => h1(page)).toBe('Extra container of afvalpas aanvragen')
      pages.push(page.url())
      await page.getByRole('button', { name: /Aanvraag starten|Verder gaan met uw aanvraag/ }).click()
      await expect.poll(() => page.url()).toMatch(/\/mijn\/aanvragen\/afval\/[0-9a-f-]{36}\/\w+/)
      pages.push(page.url())
      for (const [index, url] of pages.entries()) {
        await page.goto(url)
        await expect.poll(() => page.locator('h1').count()).toBe(1)
        await expectNoAxeViolations(page)
        await screenshot(page, `eloket-${index}-nl-${viewport}`)
        await switchLanguage(page, 'en')
        await expectNoAxeViolations(page)
        await screenshot(page, `eloket-${index}-en-${viewport}`)
        await switchLanguage(page, 'nl')
      }
      await context.close()
    })
  }
})
