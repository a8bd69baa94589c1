import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { expectNoAxeViolations, launchBrowser, newContext, screenshot, viewports } from './browser'

/**
 * Sign-in in the browser: a persona logs in with the mock DigiD at Midden and sees their name,
 * logs out, steps up from Basis to Midden; a caseworker signs in to /medewerker; the idle warning
 * offers "Ingelogd blijven". Every page on the way passes axe-core, in Dutch and English.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

async function toEnglish(page: Page) {
  const before = page.url()
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
}

/** On the mock DigiD: choose a persona and a level, and log in. */
async function digidLogin(page: Page, { persona = 'Jan Willem Jansen', level = 'Midden', login = 'Inloggen' } = {}) {
  await page.getByRole('radio', { name: /testpersoon|test person/i }).check()
  await page.getByLabel(/^(Testpersoon|Test person)$/).selectOption({ label: persona })
  await page.getByRole('radio', { name: level, exact: true }).check()
  await page.getByRole('button', { name: login, exact: true }).click()
}

describe('logging in with DigiD', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`a persona logs in at Midden, sees their own name on Mijn overzicht, and logs out (nl, ${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      await page.goto(baseUrl)
      await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
      await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
      await expect.poll(() => h1(page)).toBe('Inloggen bij DigiD')
      expect(await page.getByText('Testomgeving', { exact: true }).isVisible()).toBe(true)
      expect(await page.getByRole('heading', { name: 'Hoe wilt u inloggen?' }).isVisible()).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `digid-login-nl-${viewport}`)

      await digidLogin(page, { persona: 'Fatima el Amrani' })
      await page.waitForURL(`${baseUrl}/mijn`)
      await expect.poll(() => h1(page)).toBe('Mijn overzicht')
      expect(await page.getByText('Welkom, Fatima el Amrani').isVisible()).toBe(true)
      const account = page.getByRole('group', { name: 'Uw account' })
      expect(await account.textContent()).toContain('Ingelogd als')
      expect(await account.textContent()).toContain('Fatima el Amrani')
      await expectNoAxeViolations(page)
      await screenshot(page, `mijn-overzicht-nl-${viewport}`)

      await account.getByRole('button', { name: 'Uitloggen' }).click()
      await page.waitForURL(`${baseUrl}/uitgelogd`)
      await expect.poll(() => h1(page)).toBe('U bent uitgelogd')
      expect(await page.getByRole('group', { name: 'Uw account' }).count()).toBe(0)
      await expectNoAxeViolations(page)
      await screenshot(page, `uitgelogd-nl-${viewport}`)

      // Logged out for real: Mijn overzicht asks for DigiD again.
      await page.goto(`${baseUrl}/mijn`)
      await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
      await context.close()
    })
  }

  it('the same in English, DigiD included (ui_locales), on a phone', async () => {
    const context = await newContext(browser, 'phone')
    const page = await context.newPage()
    await page.goto(baseUrl)
    await toEnglish(page)
    await page.getByRole('link', { name: 'Log in with DigiD' }).click()
    await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await expect.poll(() => h1(page)).toBe('Log in with DigiD')
    await expectNoAxeViolations(page)
    await screenshot(page, 'digid-login-en-phone')
    await digidLogin(page, { persona: "Liam O'Connor", login: 'Log in' })
    await page.waitForURL(`${baseUrl}/mijn`)
    await expect.poll(() => h1(page)).toBe('My overview')
    expect(await page.getByText("Welcome, Liam O'Connor").isVisible()).toBe(true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'mijn-overzicht-en-phone')
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL(`${baseUrl}/uitgelogd`)
    await expect.poll(() => h1(page)).toBe('You are logged out')
    await expectNoAxeViolations(page)
    await screenshot(page, 'uitgelogd-en-phone')
    await context.close()
  })

  it('says clearly when a BSN fails the eleven test; the error summary takes focus', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/inloggen`)
    await page.getByRole('radio', { name: 'Met een burgerservicenummer' }).check()
    await page.getByLabel('Burgerservicenummer', { exact: true }).fill('123456789')
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.getByRole('alert').textContent()).toContain('Dit burgerservicenummer klopt niet.')
    expect(await page.getByLabel('Burgerservicenummer', { exact: true }).inputValue()).toBe('123456789')
    await expectNoAxeViolations(page)
    await screenshot(page, 'digid-bsn-error-nl-desktop')
    // The link in the summary leads to the field.
    await page.getByRole('link', { name: /Dit burgerservicenummer klopt niet/ }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsn')
    await page.getByLabel('Burgerservicenummer', { exact: true }).fill('999993653')
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.waitForURL(`${baseUrl}/mijn`)
    expect(await page.getByText('Welkom, Jan Willem Jansen').isVisible()).toBe(true)
    await context.close()
  })

  for (const lang of ['nl', 'en'] as const) {
    it(`cancelling at DigiD comes back to the portal with a clear message (${lang})`, async () => {
      const context = await newContext(browser)
      const page = await context.newPage()
      await page.goto(baseUrl)
      if (lang === 'en') await toEnglish(page)
      await page.goto(`${baseUrl}/inloggen`)
      await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Annuleren' }).click()
      await page.waitForURL(/\/inloggen\/callback/)
      await expect
        .poll(() => h1(page))
        .toBe(lang === 'en' ? 'You cancelled logging in' : 'U heeft het inloggen geannuleerd')
      expect(
        await page.getByRole('link', { name: lang === 'en' ? 'Log in again' : 'Opnieuw inloggen' }).isVisible(),
      ).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `login-cancelled-${lang}-desktop`)
      await context.close()
    })
  }
})

describe('the mock providers when something is off', () => {
  it('an expired login page says so and leads back to the portal', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const res = await page.goto(`${baseUrl}/mock-idp/digid/interaction/verlopen`)
    expect(res?.status()).toBe(400)
    await expect.poll(() => h1(page)).toBe('Inloggen lukt nu niet')
    await expectNoAxeViolations(page)
    await screenshot(page, 'digid-expired-nl-desktop')
    await context.close()
  })
})

describe('step-up', () => {
  it('a Basis session asking for a Midden page first reads why, goes through DigiD again as the same person and lands on that page', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/inloggen`)
    await digidLogin(page, { level: 'Basis' })
    await page.waitForURL(`${baseUrl}/mijn`)
    expect(await page.getByText('betrouwbaarheidsniveau Basis').isVisible()).toBe(true)

    // Mijn gegevens needs Midden (app/domain/digid-level.ts): first the reason, in plain words.
    await page.goto(`${baseUrl}/mijn/gegevens`)
    await page.waitForURL(/\/inloggen\?/)
    await expect.poll(() => h1(page)).toBe('Log opnieuw in met DigiD')
    expect(
      await page
        .getByText(
          'Voor Mijn gegevens heeft u een hoger betrouwbaarheidsniveau nodig: inloggen met de DigiD app of met sms-controle.',
        )
        .isVisible(),
    ).toBe(true)
    expect(await page.getByRole('link', { name: 'Terug naar Mijn overzicht' }).getAttribute('href')).toBe('/mijn')
    await expectNoAxeViolations(page)
    await screenshot(page, 'step-up-explanation-nl-desktop')
    await page.getByRole('button', { name: 'Doorgaan naar DigiD' }).click()

    await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
    expect(page.url()).not.toContain('999993653')
    expect(await page.getByText('vraagt minimaal het betrouwbaarheidsniveau Midden').isVisible()).toBe(true)
    // The person logged in is offered, and the level asked for is chosen already.
    expect(await page.getByLabel('Testpersoon', { exact: true }).inputValue()).toBe('jan')
    expect(await page.getByRole('radio', { name: 'Midden', exact: true }).isChecked()).toBe(true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'digid-step-up-nl-desktop')
    // "Inloggen" as it stands.
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.waitForURL(`${baseUrl}/mijn/gegevens`)
    expect(await page.getByRole('group', { name: 'Uw account' }).textContent()).toContain('Jan Willem Jansen')
    await page.goto(`${baseUrl}/mijn`)
    expect(await page.getByText('betrouwbaarheidsniveau Midden').isVisible()).toBe(true)
    await context.close()
  })

  for (const [lang, viewport] of [
    ['nl', 'phone'],
    ['en', 'desktop'],
  ] as const) {
    it(`cancelling the step-up says the Basis login still holds, as the header does, and leads back (${lang}, ${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      await page.goto(baseUrl)
      if (lang === 'en') await toEnglish(page)
      await page.goto(`${baseUrl}/inloggen`)
      await digidLogin(page, {
        level: 'Basis',
        persona: 'Fatima el Amrani',
        login: lang === 'en' ? 'Log in' : 'Inloggen',
      })
      await page.waitForURL(`${baseUrl}/mijn`)
      await page.goto(`${baseUrl}/mijn/gegevens`)
      await expectNoAxeViolations(page)
      await screenshot(page, `step-up-explanation-${lang}-${viewport}`)
      await page.getByRole('button', { name: lang === 'en' ? 'Continue to DigiD' : 'Doorgaan naar DigiD' }).click()
      await page.waitForURL(/\/mock-idp\/digid\/interaction\//)
      await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Annuleren' }).click()
      await page.waitForURL(/\/inloggen\/callback/)
      await expect
        .poll(() => h1(page))
        .toBe(lang === 'en' ? 'You cancelled logging in' : 'U heeft het inloggen geannuleerd')
      const main = page.getByRole('main')
      expect(await main.textContent()).toContain(
        lang === 'en'
          ? 'You are still logged in with DigiD Basis; this page needs Midden.'
          : 'U bent nog ingelogd met DigiD Basis; voor deze pagina is Midden nodig.',
      )
      expect(
        await page.getByRole('group', { name: lang === 'en' ? 'Your account' : 'Uw account' }).textContent(),
      ).toContain('Fatima el Amrani')
      await expectNoAxeViolations(page)
      await screenshot(page, `step-up-cancelled-${lang}-${viewport}`)
      await page
        .getByRole('link', { name: lang === 'en' ? 'Back to My overview' : 'Terug naar Mijn overzicht' })
        .click()
      await page.waitForURL(`${baseUrl}/mijn`)
      await context.close()
    })
  }
})

describe('staff sign-in', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`a caseworker signs in to /medewerker (${lang})`, async () => {
      const context = await newContext(browser)
      const page = await context.newPage()
      await page.goto(baseUrl)
      if (lang === 'en') await toEnglish(page)
      await page.goto(`${baseUrl}/medewerker`)
      await page.waitForURL(/\/mock-idp\/staff\/interaction\//)
      await expect.poll(() => h1(page)).toBe(lang === 'en' ? 'Log in as an employee' : 'Inloggen als medewerker')
      await expectNoAxeViolations(page)
      await screenshot(page, `staff-login-${lang}-desktop`)
      await page.getByLabel(lang === 'en' ? 'Employee' : 'Medewerker').selectOption({ value: 'E1001' })
      await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'Inloggen', exact: true }).click()
      await page.waitForURL(`${baseUrl}/medewerker`)
      await expect.poll(() => h1(page)).toBe(lang === 'en' ? 'Mijn Stad for staff' : 'Mijn Stad voor medewerkers')
      expect(
        await page.getByText(lang === 'en' ? 'Welcome, Mirjam Kuipers' : 'Welkom, Mirjam Kuipers').isVisible(),
      ).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `medewerker-${lang}-desktop`)
      await page.getByRole('button', { name: lang === 'en' ? 'Log out' : 'Uitloggen' }).click()
      await page.waitForURL(/\/uitgelogd/)
      await expect.poll(() => h1(page)).toBe(lang === 'en' ? 'You are logged out' : 'U bent uitgelogd')
      await expectNoAxeViolations(page)
      await context.close()
    })
  }
})

describe('the idle timeout warning', () => {
  it('two minutes before the end it offers "Ingelogd blijven", which keeps the session', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.clock.install()
    await page.goto(`${baseUrl}/inloggen`)
    await digidLogin(page, { level: 'Basis' })
    await page.waitForURL(`${baseUrl}/mijn`)
    const banner = page.getByRole('region', { name: 'U wordt bijna uitgelogd' })
    expect(await banner.count()).toBe(0)
    // The warning's timers start when the page hydrates: move the clock only after that.
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter))
    await page.waitForLoadState('networkidle')

    await page.clock.fastForward('13:10') // 13 minutes and 10 seconds without activity
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/loggen wij u om \d\d:\d\d uur automatisch uit/)
    await expectNoAxeViolations(page)
    await screenshot(page, 'session-warning-nl-desktop')

    await banner.getByRole('button', { name: 'Ingelogd blijven' }).click()
    await banner.waitFor({ state: 'detached' })
    expect(page.url()).toBe(`${baseUrl}/mijn`)
    await context.close()
  })
})

describe('without JavaScript', () => {
  it('logging in and out still works: every step is a link or a form', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/inloggen`)
    await digidLogin(page, { persona: 'Anneke Bakker' })
    await page.waitForURL(`${baseUrl}/mijn`)
    expect(await page.getByText('Welkom, Anneke Bakker').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    // DigiD's logout page: without its script, the button does the work.
    await page.waitForURL(/\/mock-idp\/digid\/session\/end/)
    await expect.poll(() => h1(page)).toBe('U wordt uitgelogd')
    await screenshot(page, 'digid-logout-nl-desktop')
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.waitForURL(`${baseUrl}/uitgelogd`)
    await expect.poll(() => h1(page)).toBe('U bent uitgelogd')
    await context.close()
  })
})
