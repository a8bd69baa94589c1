import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * In the browser: the caseworker moves a case, the citizen sees the new step; every
 * page added for cases has no axe-core violations, in Dutch and in English, on phone and desktop.
 * The demo data (server/seed/cases.ts) provides the cases in every state.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A browser context holding the session cookie of a login done over HTTP (tests/support/login.ts). */
const loggedIn = (cookieHeader: string, viewport: keyof typeof viewports = 'desktop') =>
  loggedInContext(browser, baseUrl, cookieHeader, viewport)

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('following a case', () => {
  it('a caseworker moves a case to its next step, and the citizen then sees that step', async () => {
    const jan = personaByKey('jan')
    // The caseworker: the parking permit Jan applied for today waits at "Ontvangen".
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1001'))
    const page = await staff.newPage()
    await page.goto(`${baseUrl}/medewerker/zaken`)
    await expect.poll(() => h1(page)).toBe('Zaken')
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Parkeervergunning' })
      .filter({ hasText: 'Jan Willem Jansen' })
      .filter({ hasText: 'Ontvangen' })
    await row.getByRole('link').first().click()
    await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
    const caseId = page.url().split('/').pop()!
    await page.getByRole('link', { name: 'Naar de volgende stap' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}/volgende-stap`)

    // Submitting without a choice: the error summary appears and takes focus; nothing is written.
    await page.getByRole('button', { name: 'Vastleggen' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.getByRole('alert').textContent()).toContain('Kies een van de mogelijkheden')
    await expectNoAxeViolations(page)
    await screenshot(page, 'cases-staff-step-error-nl-desktop')

    await page.getByLabel('Controle').check()
    await page.getByRole('button', { name: 'Vastleggen' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}?vastgelegd=volgende-stap`)
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Vastgelegd')
    await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain('Controle')
    await staff.close()

    // The citizen: the case page shows "Controle" as the current step.
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn))
    const mine = await citizen.newPage()
    await mine.goto(`${baseUrl}/mijn/zaken`)
    await mine
      .getByRole('link', { name: /Parkeervergunning/ })
      .filter({ hasText: 'Parkeervergunning' })
      .first()
      .click()
    await mine.waitForURL(`${baseUrl}/mijn/zaken/${caseId}`)
    const current = mine.locator('[aria-current="step"]')
    expect(await current.textContent()).toContain('Controle')
    expect(await current.textContent()).toContain('nu bezig')
    await citizen.close()
  })

  it('answers another citizen’s case with the same 404 as a case that does not exist', async () => {
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1004'))
    const page = await staff.newPage()
    await page.goto(`${baseUrl}/medewerker/zaken?alle=1`)
    await page.getByRole('row').filter({ hasText: 'Fatima' }).getByRole('link').first().click()
    await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
    const fatimasCase = page.url().split('/').pop()!
    await staff.close()

    const citizen = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('jan').bsn))
    const jan = await citizen.newPage()
    const foreign = await jan.goto(`${baseUrl}/mijn/zaken/${fatimasCase}`)
    expect(foreign?.status()).toBe(404)
    const foreignText = await jan.locator('main').textContent()
    const missing = await jan.goto(`${baseUrl}/mijn/zaken/00000000-0000-4000-8000-000000000000`)
    expect(missing?.status()).toBe(404)
    expect(await jan.locator('main').textContent()).toBe(foreignText)
    expect((await jan.goto(`${baseUrl}/mijn/zaken/not-an-id`))?.status()).toBe(404)
    await citizen.close()
  })
})

const seededSubject = {
  fatima: 'Huishoudelijke hulp',
  anneke: 'Bijstandsuitkering voor alleenstaande ouder',
  mehmet: 'Subsidie buurtwinkel Zonnelaan',
  pieter: 'Verhuizing binnen Groningen',
} as const

describe('citizen case pages: accessible in Dutch and English, on phone and desktop', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`Fatima (information asked), Anneke (extended), Mehmet (late), Pieter (closed) — ${viewport}`, async () => {
      for (const key of ['fatima', 'anneke', 'mehmet', 'pieter'] as const) {
        const context = await loggedIn(await loginAsCitizen(baseUrl, personaByKey(key).bsn), viewport)
        const page = await context.newPage()
        await page.goto(`${baseUrl}/mijn/zaken`)
        await expect.poll(() => h1(page)).toBe('Mijn zaken')
        await expectNoAxeViolations(page)
        await screenshot(page, `cases-list-${key}-nl-${viewport}`)
        // The persona's seeded case by its subject: other suites (moving house) add cases of their own.
        const seeded = page.locator('main ul li', { hasText: seededSubject[key] }).locator('h3 a').first()
        await page.goto(new URL((await seeded.getAttribute('href'))!, baseUrl).href)
        await expect.poll(() => page.locator('[aria-current="step"], ol li').count()).toBeGreaterThan(0)
        await expectNoAxeViolations(page)
        await screenshot(page, `cases-case-${key}-nl-${viewport}`)
        if (key === 'fatima') {
          // Mijn overzicht: the information asked for is the first thing, with the date.
          const caseUrl = page.url()
          await page.goto(`${baseUrl}/mijn`)
          expect(await page.getByRole('heading', { name: 'Actie nodig' }).isVisible()).toBe(true)
          expect(await page.locator('main').textContent()).toContain('Eerstvolgende datum')
          await screenshot(page, `cases-overview-${key}-nl-${viewport}`)
          await expectNoAxeViolations(page)
          await switchLanguage(page, 'en')
          expect(await page.getByRole('heading', { name: 'Action needed' }).isVisible()).toBe(true)
          await expectNoAxeViolations(page)
          await screenshot(page, `cases-overview-${key}-en-${viewport}`)
          await switchLanguage(page, 'nl')
          await page.goto(caseUrl)
          expect(await page.getByRole('heading', { name: 'Wat wij nog van u nodig hebben' }).isVisible()).toBe(true)
          expect(await page.locator('main').textContent()).toContain('opgeschort')
        }
        if (key === 'anneke') expect(await page.locator('main').textContent()).toContain('Verdaagd op')
        if (key === 'mehmet') expect(await page.locator('main').textContent()).toContain('Te laat')
        await switchLanguage(page, 'en')
        await expectNoAxeViolations(page)
        await screenshot(page, `cases-case-${key}-en-${viewport}`)
        await page.goto(`${baseUrl}/mijn/zaken`)
        await expect.poll(() => h1(page)).toBe('My cases')
        await expectNoAxeViolations(page)
        await context.close()
      }
    })
  }
})

describe('caseworker screens: accessible, with forms that keep what was typed', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`work list, case, register and every action form, nl and en — ${viewport}`, async () => {
      const context = await loggedIn(await loginAsStaff(baseUrl, 'E3002'), viewport) // manager + caseworker
      const page = await context.newPage()
      for (const lang of ['nl', 'en'] as const) {
        await page.goto(`${baseUrl}/medewerker/zaken?alle=1`)
        if (lang === 'en') await switchLanguage(page, 'en')
        await screenshot(page, `cases-staff-list-${lang}-${viewport}`)
        await expectNoAxeViolations(page)
        // The late case comes first.
        expect(await page.locator('tbody tr').first().textContent()).toMatch(lang === 'nl' ? /Te laat/ : /Late/)

        await page.locator('tbody tr').filter({ hasText: 'Anneke' }).getByRole('link').first().click()
        await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
        const caseUrl = page.url()
        await screenshot(page, `cases-staff-case-${lang}-${viewport}`)
        await expectNoAxeViolations(page)
        for (const action of [
          'informatie-opvragen',
          'besluiten',
          'verdagen',
          'hervatten',
          'sluiten',
          'volgende-stap',
        ]) {
          const res = await page.goto(`${caseUrl}/${action}`)
          expect(res?.status()).toBe(200)
          await expectNoAxeViolations(page)
        }

        // Register a case: errors in a summary that takes focus, what was typed kept.
        await page.goto(`${baseUrl}/medewerker/zaken/nieuw`)
        await expectNoAxeViolations(page)
        await page.locator('#subject').fill(lang === 'nl' ? 'Aanvraag per post' : 'Application by post')
        await page.locator('#bsn').fill('123456789')
        await page.locator('main form:not([role="search"]) button[type="submit"]').click()
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
        expect(await page.locator('#subject').inputValue()).toBe(
          lang === 'nl' ? 'Aanvraag per post' : 'Application by post',
        )
        expect(await page.locator('#bsn').inputValue()).toBe('123456789')
        expect(page.url()).toBe(`${baseUrl}/medewerker/zaken/nieuw`) // the BSN never goes into a URL
        await expectNoAxeViolations(page)
        await screenshot(page, `cases-staff-register-error-${lang}-${viewport}`)
        if (lang === 'en') await switchLanguage(page, 'nl')
      }
      await context.close()
    })
  }

  it('registers a case received by post, which the citizen then sees', async () => {
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1003'))
    const page = await staff.newPage()
    await page.goto(`${baseUrl}/medewerker/zaken/nieuw`)
    await page.locator('#bsn').fill(personaByKey('lisa').bsn)
    await page.locator('#caseType').selectOption('brp_correctie')
    await page.locator('#subject').fill('Correctie geboorteplaats')
    await page.getByLabel('Post').check()
    await page.getByRole('button', { name: 'Zaak registreren' }).click()
    await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}\?vastgelegd=registreren$/)
    expect(page.url()).not.toContain(personaByKey('lisa').bsn)
    await expect.poll(() => h1(page)).toMatch(/^Z-\d{4}-\d{6}: Correctie van uw gegevens \(BRP\)$/)
    await staff.close()

    const citizen = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('lisa').bsn), 'phone')
    const lisa = await citizen.newPage()
    await lisa.goto(`${baseUrl}/mijn/zaken`)
    expect(await lisa.locator('main').textContent()).toContain('Correctie geboorteplaats')
    await citizen.close()
  })
})
