import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { formDefaults } from '~/domain/knowledge-form'
import { portalClient } from '../support/http'
import { loginAsStaff } from '../support/login'
import {
  expectNoAxeViolations as axeCheck,
  launchBrowser,
  loggedInContext,
  newContext,
  screenshot,
  viewports,
} from './browser'

/**
 * The knowledge base in the browser: a visitor searches "Onderwerpen" (with JavaScript and
 * without), typos included, and reads an article with its ways onward, in Dutch and English, on
 * a phone and a desktop, axe-clean; the editor publishes a change and the public page shows it.
 * The test publishes an article of its own first, so it holds whatever the published content is.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
let editorCookie: string
const slug = `fietsenstalling-${Date.now().toString(36)}`
const article = {
  slug,
  topic: 'parking',
  synonyms: ['fietskelder', 'bike storage'],
  onward: { apply: '/mijn/zaken', ask: true, appointment: true },
  nl: {
    title: 'Fietsenstalling huren',
    summary: 'Huur een plek voor uw fiets in een bewaakte stalling.',
    what: 'In de stad zijn bewaakte fietsenstallingen.\n\nU huurt er een vaste plek.',
    forWhom: 'Voor iedereen die in de binnenstad woont.',
    cost: '€ 10 per maand.',
    duration: 'U krijgt binnen 2 weken een plek.',
    bring: ['Uw DigiD', 'Uw fiets'],
  },
  en: {
    title: 'Rent a bicycle shed',
    summary: 'Rent a place for your bicycle in a guarded shed.',
    what: 'The city has guarded bicycle sheds.\n\nYou rent a fixed place.',
    forWhom: 'For everyone living in the city centre.',
    cost: '€ 10 a month.',
    duration: 'You get a place within 2 weeks.',
    bring: ['Your DigiD', 'Your bicycle'],
  },
}

beforeAll(async () => {
  browser = await launchBrowser()
  editorCookie = await loginAsStaff(baseUrl, 'E4001')
  const created = await portalClient(() => baseUrl).post('/medewerker/kennisbank/nieuw', editorCookie, {
    ...(formDefaults(article) as Record<string, string>),
    ...(article.onward.ask ? { ask: 'on' } : {}),
    ...(article.onward.appointment ? { appointment: 'on' } : {}),
    baseVersion: '0',
    intent: 'publish',
  })
  if (created.status !== 302) throw new Error(`publishing the test article answered ${created.status}`)
})
afterAll(() => browser?.close())

const lngCookie = (lang: 'nl' | 'en') =>
  `lng=${encodeURIComponent(Buffer.from(JSON.stringify(lang)).toString('base64'))}`

async function visitor(viewport: keyof typeof viewports, lang: 'nl' | 'en', javaScriptEnabled = true) {
  return loggedInContext(browser, baseUrl, lngCookie(lang), viewport, { javaScriptEnabled })
}

async function expectNoAxeViolations(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await axeCheck(page)
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
/** Waits for the page with this h1: after a click, with or without JavaScript. */
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor()

describe('Onderwerpen for visitors', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>)
    for (const javaScriptEnabled of [true, false])
      it(`finds an article by a typo and opens it (nl, ${viewport}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const context: BrowserContext = javaScriptEnabled
          ? await newContext(browser, viewport)
          : await visitor(viewport, 'nl', false)
        const page = await context.newPage()
        await page.goto(baseUrl)
        await page.getByRole('contentinfo').getByRole('link', { name: 'Onderwerpen' }).click()
        await heading(page, 'Onderwerpen')
        if (javaScriptEnabled) await expectNoAxeViolations(page) // axe runs in the page
        await page.getByLabel('Zoek een onderwerp').fill('fietsenstaling')
        await page.getByRole('button', { name: 'Zoeken' }).click()
        await page.getByText('gevonden voor “fietsenstaling”').waitFor()
        const result = page.getByRole('link', { name: 'Fietsenstalling huren' })
        await result.waitFor()
        if (javaScriptEnabled) await expectNoAxeViolations(page) // axe runs in the page
        await screenshot(page, `onderwerpen-zoeken-nl-${viewport}-js-${javaScriptEnabled}`)
        await result.click()
        await heading(page, 'Fietsenstalling huren')
        for (const heading of ['Wat is het?', 'Voor wie?', 'Wat kost het?', 'Hoe lang duurt het?', 'Wat neemt u mee?'])
          expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible()).toBe(true)
        expect(await page.getByRole('link', { name: 'Stel een vraag' }).getAttribute('href')).toBe(
          '/contactformulier?onderwerp=parking',
        )
        expect(await page.getByText(/^Laatst bijgewerkt op \d+ \w+ \d{4}$/).isVisible()).toBe(true)
        if (javaScriptEnabled) await expectNoAxeViolations(page) // axe runs in the page
        await screenshot(page, `onderwerpen-artikel-nl-${viewport}-js-${javaScriptEnabled}`)
        await context.close()
      })

  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>)
    it(`shows the English text, and "Did you mean …?" (en, ${viewport})`, async () => {
      const context = await visitor(viewport, 'en')
      const page = await context.newPage()
      await page.goto(`${baseUrl}/onderwerpen?q=fiedskelter`)
      await expect.poll(() => h1(page)).toBe('Topics')
      await page.getByText('No results for “fiedskelter”.').waitFor()
      await page.getByRole('link', { name: 'fietskelder' }).click()
      await page.getByRole('link', { name: 'Rent a bicycle shed' }).click()
      await heading(page, 'Rent a bicycle shed')
      expect(await page.getByRole('heading', { level: 2, name: 'What does it cost?' }).isVisible()).toBe(true)
      expect(await page.getByRole('link', { name: 'Apply online' }).getAttribute('href')).toBe('/mijn/zaken')
      await expectNoAxeViolations(page)
      await screenshot(page, `onderwerpen-artikel-en-${viewport}`)
      await context.close()
    })
})

describe('the editor', () => {
  it('publishes a change, and the public page shows it at once (nl, desktop)', async () => {
    const context = await loggedInContext(browser, baseUrl, `${editorCookie}; ${lngCookie('nl')}`, 'desktop')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/kennisbank`)
    await expect.poll(() => h1(page)).toBe('Kennisbank')
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Fietsenstalling huren' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/kennisbank/${slug}`)
    await expectNoAxeViolations(page)
    const dutch = page.getByRole('group', { name: 'Nederlands' })
    await dutch.getByLabel('Wat kost het?').fill('€ 12 per maand.')
    await page.getByLabel('Wat heeft u veranderd?').fill('Nieuw tarief')
    await page.getByRole('button', { name: 'Publiceren' }).click()
    await page.getByText('Gepubliceerd als versie 2.').waitFor()
    await screenshot(page, 'kennisbank-gepubliceerd-nl-desktop')

    await page.getByRole('link', { name: 'Versiegeschiedenis' }).click()
    await page.getByRole('cell', { name: 'Nieuw tarief' }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Bekijk versie 1' }).click()
    await page.getByText('€ 10 per maand.').first().waitFor()
    await expectNoAxeViolations(page)

    const visitorPage = await (await newContext(browser, 'phone')).newPage()
    await visitorPage.goto(`${baseUrl}/onderwerpen/${slug}`)
    expect(await visitorPage.getByText('€ 12 per maand.').isVisible()).toBe(true)
    await visitorPage.context().close()
    await context.close()
  })

  it('is axe-clean in English on a phone', async () => {
    const context = await loggedInContext(browser, baseUrl, `${editorCookie}; ${lngCookie('en')}`, 'phone')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/kennisbank/${slug}`)
    await expect.poll(() => h1(page)).toBe('Edit article: Rent a bicycle shed')
    await expectNoAxeViolations(page)
    await page.goto(`${baseUrl}/medewerker/kennisbank/nieuw`)
    await page.getByRole('button', { name: 'Publish' }).click()
    await page.getByRole('alert').getByText('There is a problem').waitFor()
    await expectNoAxeViolations(page)
    await screenshot(page, 'kennisbank-nieuw-fout-en-phone')
    await context.close()
  })
})
