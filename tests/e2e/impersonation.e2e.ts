import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations as axeCheck, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * In the browser: a support employee finds a citizen, starts viewing as them with a
 * reason and a reference, sees the citizen's overview under the banner, tries a write (refused,
 * with and without JavaScript), and stops. axe-core on the banner pages and the new staff and
 * citizen pages, in Dutch and English; screenshots on phone and desktop.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
const jan = personaByKey('jan')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** axe once the web font is in: a layout mid-swap can put the header's buttons against each other. */
async function expectNoAxeViolations(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await axeCheck(page)
}

async function loggedIn(
  cookieHeader: string,
  viewport: keyof typeof viewports = 'desktop',
  lang: 'nl' | 'en' = 'nl',
): Promise<BrowserContext> {
  // The language cookie as the portal writes it (Remix cookies hold base64 JSON).
  const lng = encodeURIComponent(Buffer.from(JSON.stringify(lang)).toString('base64'))
  const pairs = cookieHeader.split(/;\s*/).filter((c) => c && !c.startsWith('lng='))
  return loggedInContext(browser, baseUrl, [...pairs, `lng=${lng}`].join('; '), viewport)
}

const text = {
  nl: {
    bsn: 'BSN',
    search: 'Zoeken',
    choose: 'Kies Jan Willem Jansen',
    phone: 'Telefonische vraag',
    reference: 'Contact- of ticketnummer',
    start: 'Meekijken starten',
    stop: 'Stoppen',
    banner: 'kijkt mee als Jan Willem Jansen',
    refused: 'Wijzigen kan niet tijdens meekijken',
    stopped: 'U bent gestopt met meekijken.',
    reasonError: 'Kies een reden',
  },
  en: {
    bsn: 'BSN',
    search: 'Search',
    choose: 'Choose Jan Willem Jansen',
    phone: 'Question by phone',
    reference: 'Contact or ticket number',
    start: 'Start viewing as citizen',
    stop: 'Stop',
    banner: 'is viewing as Jan Willem Jansen',
    refused: 'Nothing can be changed while viewing as a citizen',
    stopped: 'You have stopped viewing.',
    reasonError: 'Choose a reason',
  },
}

/** The whole support journey, checking axe on every page it passes. */
async function journey(page: Page, lang: 'nl' | 'en', shots: string | null) {
  const tx = text[lang]
  await page.goto(`${baseUrl}/medewerker/burgers`)
  await expectNoAxeViolations(page)
  if (shots) await screenshot(page, `impersonation-search-${shots}`)
  await page.getByLabel(tx.bsn, { exact: true }).fill(jan.bsn)
  await page.locator('form:has(input[name="kind"][value="bsn"])').getByRole('button', { name: tx.search }).click()
  await page.getByRole('button', { name: tx.choose }).waitFor()
  expect(page.url()).not.toContain(jan.bsn)
  await expectNoAxeViolations(page)
  if (shots) await screenshot(page, `impersonation-results-${shots}`)
  await page.getByRole('button', { name: tx.choose }).click()
  await page.getByRole('button', { name: tx.start }).waitFor()
  // Without a reason or a reference: the error summary, focused.
  await page.getByRole('button', { name: tx.start }).click()
  await expect.poll(() => page.locator('#error-summary-title').count()).toBe(1)
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')))
    .toBe('error-summary-title')
  expect(await page.textContent('main')).toContain(tx.reasonError)
  await expectNoAxeViolations(page)
  if (shots) await screenshot(page, `impersonation-start-error-${shots}`)
  await page.getByLabel(tx.phone).check()
  await page.getByLabel(tx.reference).fill('T-2026-0042')
  await page.getByRole('button', { name: tx.start }).click()
  await page.waitForURL(`${baseUrl}/mijn`)
  await page.getByText(tx.banner).waitFor()
  await expectNoAxeViolations(page)
  if (shots) await screenshot(page, `impersonation-overview-${shots}`)
  await page.goto(`${baseUrl}/mijn/brieven`)
  expect(await page.textContent('body')).toContain(tx.banner)
  await expectNoAxeViolations(page)
  await page.goto(`${baseUrl}/mijn/inzage`)
  expect(await page.textContent('body')).toContain(tx.banner)
  await expectNoAxeViolations(page)
}

async function stop(page: Page, lang: 'nl' | 'en') {
  await page.getByRole('button', { name: text[lang].stop, exact: true }).click()
  await page.waitForURL(/\/medewerker\/burgers\?melding=gestopt$/)
  await page.getByText(text[lang].stopped).waitFor()
  expect(await page.textContent('body')).not.toContain(text[lang].banner)
}

describe('a support employee views as a citizen', () => {
  it('searches, starts with a reason, sees the citizen’s pages under the banner, is refused a write, and stops (nl, desktop)', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E2001'))
    const page = await context.newPage()
    const urls: string[] = []
    page.on('request', (r) => urls.push(r.url()))
    page.on('response', (r) => {
      const location = r.headers().location
      if (location) urls.push(location)
    })
    await journey(page, 'nl', 'nl-desktop')

    // A write with JavaScript ("Dit herken ik niet" on the citizen's inzage page): refused, explained.
    const report = page.getByRole('button', { name: 'Dit herken ik niet' }).first()
    await report.click()
    await expect.poll(async () => (await page.textContent('main')) ?? '').toContain(text.nl.refused)
    expect(await page.textContent('body')).toContain(text.nl.banner)
    await expectNoAxeViolations(page)
    await screenshot(page, 'impersonation-refused-js-nl-desktop')
    // The same write as a plain form post (no JavaScript): a 403 page, with the banner.
    await page.goto(`${baseUrl}/mijn/inzage`)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.evaluate(() => (document.querySelector('form[action="/mijn/inzage"]') as HTMLFormElement).submit()),
    ])
    expect(response.status()).toBe(403)
    await page.waitForLoadState()
    expect(await page.textContent('main')).toContain(text.nl.refused)
    expect(await page.textContent('body')).toContain(text.nl.banner)
    await expectNoAxeViolations(page)
    await screenshot(page, 'impersonation-refused-nl-desktop')
    // Nothing was recorded: the citizen's page still offers the button on every entry.
    await page.goto(`${baseUrl}/mijn/inzage`)
    expect(await page.textContent('main')).not.toContain('U heeft gemeld dat u dit niet herkent.')

    await stop(page, 'nl')
    await expectNoAxeViolations(page)
    await screenshot(page, 'impersonation-stopped-nl-desktop')
    const withBsn = urls.filter((u) => u.includes(jan.bsn))
    expect(withBsn).toEqual([])
    await context.close()
  })

  it('the same in English on a phone; the banner keeps Stop in reach', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E2001'), 'phone', 'en')
    const page = await context.newPage()
    await journey(page, 'en', 'en-phone')
    await page.goto(`${baseUrl}/mijn`)
    await page.mouse.wheel(0, 2000)
    // Sticky: after scrolling, Stop is still inside the window.
    const box = await page.getByRole('button', { name: 'Stop', exact: true }).boundingBox()
    expect(box && box.y >= 0 && box.y < viewports.phone.height).toBe(true)
    await screenshot(page, 'impersonation-overview-en-phone-scrolled')
    await stop(page, 'en')
    await context.close()
  })

  it('phone screenshots in Dutch and desktop in English of the banner page', async () => {
    for (const [viewport, lang] of [
      ['phone', 'nl'],
      ['desktop', 'en'],
    ] as const) {
      const context = await loggedIn(await loginAsStaff(baseUrl, 'E2001'), viewport, lang)
      const page = await context.newPage()
      await journey(page, lang, `${lang}-${viewport}`)
      await stop(page, lang)
      await context.close()
    }
  })
})

describe('the pages around it', () => {
  it('the citizen’s "Wie heeft mijn gegevens bekeken" and the manager’s review pass axe in nl and en', async () => {
    const citizen = await loginAsCitizen(baseUrl, jan.bsn)
    const manager = await loginAsStaff(baseUrl, 'E3001')
    for (const lang of ['nl', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const c = await loggedIn(citizen, viewport, lang)
        const page = await c.newPage()
        await page.goto(`${baseUrl}/mijn/inzage`)
        expect(await page.textContent('main')).toContain(
          lang === 'nl' ? 'Sanne Visser keek met u mee' : 'Sanne Visser viewed as you',
        )
        await expectNoAxeViolations(page)
        await screenshot(page, `inzage-${lang}-${viewport}`)
        await c.close()
        const m = await loggedIn(manager, viewport, lang)
        const review = await m.newPage()
        await review.goto(`${baseUrl}/medewerker/meekijken`)
        expect(await review.textContent('main')).toContain('Sanne Visser')
        await expectNoAxeViolations(review)
        await screenshot(review, `impersonation-review-${lang}-${viewport}`)
        await m.close()
      }
    }
  })
})
