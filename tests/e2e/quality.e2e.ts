import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personas } from '../../db/seed/personas'
import { loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, newContext, screenshot, viewports } from './browser'

/**
 * In the browser: the public quality charter and the manager's dashboard, in Dutch and
 * English, on phone and desktop, without axe-core violations. The figures come from the demo
 * cases (server/seed/cases.ts), which are dated relative to today.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
let managerCookie: string
beforeAll(async () => {
  browser = await launchBrowser()
  managerCookie = await loginAsStaff(baseUrl, 'E3001')
})
afterAll(() => browser?.close())

const withCookie = (cookieHeader: string, viewport: keyof typeof viewports) =>
  loggedInContext(browser, baseUrl, cookieHeader, viewport)

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('the public quality charter (/kwaliteitshandvest)', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`states the norms and last quarter's figures per channel, in Dutch and English (${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      const response = await page.goto(`${baseUrl}/kwaliteitshandvest`)
      expect(response?.status()).toBe(200)
      await expect.poll(() => h1(page)).toBe('Wat u van ons mag verwachten')
      await expect
        .poll(() => page.getByText('U krijgt binnen 5 werkdagen een ontvangstbevestiging van uw brief.').isVisible())
        .toBe(true)
      expect(
        await page
          .getByText('Komt u zonder afspraak naar de balie? Dan bent u binnen 15 minuten aan de beurt.')
          .isVisible(),
      ).toBe(true)
      // Last quarter per channel, each channel its own block; and an honest word about what is not measured.
      for (const channel of ['Internet', 'E-mail', 'Post', 'Balie', 'Telefoon']) {
        expect(await page.getByRole('heading', { level: 3, name: channel, exact: true }).count()).toBe(1)
      }
      expect(await page.getByRole('heading', { name: 'Wat wij hier (nog) niet laten zien' }).isVisible()).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `quality-charter-nl-${viewport}`)

      await switchLanguage(page, 'en')
      await expect.poll(() => h1(page)).toBe('What you can expect from us')
      expect(await page.getByText('You get an acknowledgement within 5 working days of your letter.').isVisible()).toBe(
        true,
      )
      expect(await page.getByRole('heading', { level: 3, name: 'Counter', exact: true }).count()).toBe(1)
      await expectNoAxeViolations(page)
      await screenshot(page, `quality-charter-en-${viewport}`)
      await switchLanguage(page, 'nl')
      await context.close()
    })
  }
})

describe('the manager dashboard (/medewerker/kwaliteit)', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`shows the figures per channel and case type against the targets, in Dutch and English (${viewport})`, async () => {
      const context = await withCookie(managerCookie, viewport)
      const page = await context.newPage()
      const response = await page.goto(`${baseUrl}/medewerker/kwaliteit`)
      expect(response?.status()).toBe(200)
      await expect.poll(() => h1(page)).toBe('Houden wij ons aan onze normen?')
      // Every chart is an image with a name and a description, and has a table with its figures.
      const charts = page.getByRole('img', { name: /per kanaal|per soort zaak|per periode/ })
      expect(await charts.count()).toBe(5)
      const description = await charts.first().evaluate((svg) => svg.querySelector('desc')?.textContent ?? '')
      expect(description).toMatch(/^Staafdiagram van Ontvangstbevestiging op tijd, per kanaal\. Internet: /)
      await page.getByText('Bekijk de cijfers bij deze grafiek').first().click()
      expect(await page.getByRole('table', { name: 'Ontvangstbevestiging op tijd, per kanaal' }).isVisible()).toBe(true)
      // Met or missed in words, never by colour alone.
      expect(await page.getByText(/^(Gehaald|Niet gehaald)$/).count()).toBeGreaterThan(0)
      await expectNoAxeViolations(page)
      await screenshot(page, `quality-dashboard-nl-${viewport}`)

      // The last quarter, chosen with the form (a GET, so it works without JavaScript).
      const choice = await page.getByLabel('Kies een maand of kwartaal').locator('option').nth(1).getAttribute('value')
      await page.getByLabel('Kies een maand of kwartaal').selectOption(choice!)
      await page.getByRole('button', { name: 'Toon cijfers' }).click()
      await page.waitForURL(`${baseUrl}/medewerker/kwaliteit?period=${choice}`)
      expect(await page.getByRole('heading', { level: 2, name: /kwartaal \d{4} in het kort$/ }).isVisible()).toBe(true)

      await switchLanguage(page, 'en')
      await expect.poll(() => h1(page)).toBe('Do we keep our norms?')
      expect(await page.getByRole('img', { name: 'Decided in time, by channel' }).count()).toBe(1)
      await expectNoAxeViolations(page)
      await screenshot(page, `quality-dashboard-en-${viewport}`)
      await switchLanguage(page, 'nl')
      await context.close()
    })
  }

  it('offers the figures as CSV: a header row, one row per channel and case type, no BSN', async () => {
    const response = await fetch(`${baseUrl}/medewerker/kwaliteit.csv?period=2026-Q1`, {
      headers: { cookie: managerCookie },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="kwaliteit-2026-Q1.csv"')
    const text = await response.text()
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^periode,kanaal,soort zaak,ontvangen,/)
    expect(lines[1]).toMatch(/^2026-Q1,Alle kanalen,Alle soorten zaken,\d+,/)
    expect(lines.filter((l) => l.includes(',Alle soorten zaken,')).length).toBe(6) // total + 5 channels
    for (const { bsn } of personas) expect(text).not.toContain(bsn)
  })

  it('refuses a caseworker (403) and an unknown period (400), and sends a visitor to the login', async () => {
    const caseworker = await loginAsStaff(baseUrl, 'E1001')
    expect(
      (await fetch(`${baseUrl}/medewerker/kwaliteit`, { headers: { cookie: caseworker }, redirect: 'manual' })).status,
    ).toBe(403)
    expect(
      (await fetch(`${baseUrl}/medewerker/kwaliteit.csv`, { headers: { cookie: caseworker }, redirect: 'manual' }))
        .status,
    ).toBe(403)
    expect(
      (
        await fetch(`${baseUrl}/medewerker/kwaliteit?period=2026-Q9`, {
          headers: { cookie: managerCookie },
          redirect: 'manual',
        })
      ).status,
    ).toBe(400)
    const anonymous = await fetch(`${baseUrl}/medewerker/kwaliteit`, { redirect: 'manual' })
    expect(anonymous.status).toBeGreaterThanOrEqual(300)
    expect(anonymous.status).toBeLessThan(400)
    expect(anonymous.headers.get('location')).toMatch(/\/inloggen\/medewerker/)
  })
})

describe('cases at risk on the caseworker start page (/medewerker)', () => {
  it('shows the caseworker their overdue case first, with what to do, without accessibility violations', async () => {
    // Demo: Mehmet's grant (contact Mirjam Kuipers, E1001) passed its 13-week term weeks ago.
    const context = await withCookie(await loginAsStaff(baseUrl, 'E1001'), 'desktop')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    const section = page.getByRole('region', { name: 'Mijn zaken die bijna te laat zijn' })
    expect(await section.isVisible()).toBe(true)
    const first = section.getByRole('row').nth(1)
    expect(await first.textContent()).toContain('Te laat')
    expect(await first.textContent()).toContain('Subsidie buurtwinkel Zonnelaan')
    expect(await first.textContent()).toContain('Beslis zo snel mogelijk')
    await expectNoAxeViolations(page)
    await screenshot(page, 'quality-at-risk-nl-desktop')
    await context.close()
  })

  it('shows a manager the way to the dashboard', async () => {
    const context = await withCookie(managerCookie, 'phone')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    await page.getByRole('link', { name: /Kwaliteit van de dienstverlening/ }).click()
    await page.waitForURL(`${baseUrl}/medewerker/kwaliteit`)
    await context.close()
  })
})
