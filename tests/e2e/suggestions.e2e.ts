import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { LISA_MOVED_DAYS_AGO } from '../../server/seed/suggestions'
import { formatLocalDate } from '~/components/date-text'
import { addDays, todayIn } from '~/domain/local-date'
import { loginAsCitizen } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'

/**
 * "Voor u" on Mijn overzicht in the browser, with the demo seed (server/seed/suggestions.ts):
 * Lisa has just moved, Anneke receives social assistance. Each suggestion says why in the
 * citizen's own facts; "Niet meer tonen" works with JavaScript (a fetcher: the card goes, the
 * focus moves, a polite status says so) and without (the form posts and comes back), and what
 * was put away stays away. Axe-clean in Dutch and English, on phone and desktop.
 *
 * Other suites give Lisa parking-permit cases of their own (received after her move), which
 * rightly ends the permit suggestion; the waste pass is hers whatever ran before.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const lisa = personaByKey('lisa')
const anneke = personaByKey('anneke')
const movedOn = addDays(todayIn(new Date()), -LISA_MOVED_DAYS_AGO)
const WASTE = 'Een afvalpas voor uw nieuwe adres'
const ASSISTANCE = 'Hulp bij kosten die u niet kunt betalen'

const loggedIn = (
  cookie: string,
  viewport: keyof typeof viewports = 'desktop',
  options: { javaScriptEnabled?: boolean } = {},
) => loggedInContext(browser, baseUrl, cookie, viewport, options)

const section = (page: Page) => page.locator('#voor-u')
const text = async (page: Page) => ((await section(page).textContent()) ?? '').replace(/\s+/g, ' ')
const card = (page: Page, title: string) => section(page).getByRole('listitem').filter({ hasText: title })

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

describe('Voor u on Mijn overzicht', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`shows Lisa's suggestions with their why, after the cases, without axe violations in Dutch and English — ${viewport}`, async () => {
      const context = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'midden'), viewport)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/mijn`)
      await expect.poll(() => page.getByRole('heading', { name: 'Voor u', level: 2 }).isVisible()).toBe(true)
      expect(await text(page)).toContain(
        `U bent op ${formatLocalDate(movedOn, 'nl')} verhuisd naar Nieuwe Ebbingestraat 23A. Een afvalpas hoort bij een adres.`,
      )
      expect(await text(page)).toContain('U ziet er hoogstens 3 tegelijk.')
      expect(await card(page, WASTE).getByRole('link', { name: 'Afvalpas aanvragen' }).getAttribute('href')).toBe(
        '/mijn/aanvragen/afval',
      )
      // what needs action stays first
      const order = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('main h2')].map((h) => h.id)
        return ids.indexOf('suggestions-heading') > ids.indexOf('overview-open-heading')
      })
      expect(order).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `suggestions-overview-nl-${viewport}`)
      await switchLanguage(page, 'en')
      expect(await page.getByRole('heading', { name: 'For you', level: 2 }).isVisible()).toBe(true)
      expect(await text(page)).toContain(`You moved to Nieuwe Ebbingestraat 23A on ${formatLocalDate(movedOn, 'en')}.`)
      await expectNoAxeViolations(page)
      await screenshot(page, `suggestions-overview-en-${viewport}`)
      await switchLanguage(page, 'nl')
      await context.close()
    })
  }

  it('puts one away with JavaScript: the card goes, the focus moves, a polite status says so; it stays away', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'midden'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn`)
    await expect.poll(() => card(page, WASTE).count()).toBe(1)
    const others = (await section(page).getByRole('listitem').count()) - 1
    await card(page, WASTE)
      .getByRole('button', { name: /Niet meer tonen/ })
      .click()
    await expect.poll(() => card(page, WASTE).count()).toBe(0)
    const status = section(page).getByRole('status')
    expect(await status.getAttribute('aria-live')).toBe('polite')
    await expect.poll(() => status.textContent()).toContain(`Verborgen: ${WASTE}.`)
    // the focus is on the next card's heading, or on the section's heading when none is left
    const focused = await page.evaluate(() => {
      const el = document.activeElement
      return { tag: el?.tagName, inSection: Boolean(el?.closest('#voor-u')) }
    })
    expect(focused).toEqual({ tag: others > 0 ? 'H3' : 'H2', inSection: true })
    await expectNoAxeViolations(page)
    await screenshot(page, 'suggestions-dismissed-js-nl-desktop')
    // the server's answer: the page's data no longer has it either
    await page.waitForLoadState('networkidle')
    await page.reload()
    await expect.poll(() => page.getByRole('heading', { name: /Mijn overzicht/, level: 1 }).isVisible()).toBe(true)
    expect(await card(page, WASTE).count()).toBe(0)
    expect(await page.locator('main').textContent()).not.toContain(WASTE)
    await context.close()
  })

  it('puts one away without JavaScript: the form posts, /mijn comes back and says so; it stays away', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, anneke.bsn, 'midden'), 'phone', {
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn`)
    expect(await card(page, ASSISTANCE).count()).toBe(1)
    expect(await text(page)).toMatch(
      /U krijgt een bijstandsuitkering \(zaak [A-Z0-9-]+, toegekend op \d+ \w+ \d{4}\)\./,
    )
    expect(await card(page, ASSISTANCE).getByRole('link').getAttribute('href')).toBe(
      '/mijn/aanvragen/bijzondere-bijstand',
    )
    await card(page, ASSISTANCE)
      .getByRole('button', { name: /Niet meer tonen/ })
      .click()
    await page.waitForURL(/\/mijn\?verborgen=1#voor-u$/)
    expect(await section(page).getByRole('status').textContent()).toBe(
      'De suggestie is verborgen. U ziet hem niet meer.',
    )
    expect(await card(page, ASSISTANCE).count()).toBe(0)
    // (axe needs JavaScript: the same markup is checked with JavaScript on above)
    await screenshot(page, 'suggestions-dismissed-nojs-nl-phone')
    await page.goto(`${baseUrl}/mijn`)
    expect(await page.locator('main').textContent()).not.toContain(ASSISTANCE)
    await context.close()
  })
})
