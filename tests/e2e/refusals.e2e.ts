import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import {
  addCookieHeader,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  viewports,
  watchForPageErrors,
} from './browser'

/**
 * What a visitor sees when the server refuses a request before any page answers it
 * (server/request-guard.ts): the portal's own error page, accessible, in both languages; and a
 * form sent with characters no field may hold, shown again with the message at the field.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** The language cookie as the language switch sets it. */
async function inEnglish(context: BrowserContext) {
  const res = await fetch(`${baseUrl}/taal`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ lng: 'en', returnTo: '/' }),
  })
  const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=')
  await context.addCookies([{ name, value, domain: new URL(baseUrl).hostname, path: '/' }])
}
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('a request the server refuses', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`shows an address that cannot be read as the portal's error page, 400, in Dutch and English (${viewport})`, async () => {
      const context = watchForPageErrors(await newContext(browser, viewport), true)
      const page = await context.newPage()
      const res = await page.goto(`${baseUrl}/mijn/zaken/%E0%A4%A`)
      expect(res?.status()).toBe(400)
      await expect.poll(() => h1(page)).toBe('Dit verzoek klopt niet')
      expect(await page.getByText('Hulp nodig? Bel 14 050.').isVisible()).toBe(true)
      expect(await page.getByRole('link', { name: 'Naar de startpagina', exact: true }).isVisible()).toBe(true)
      await expectNoAxeViolations(page)
      await screenshot(page, `refused-url-nl-${viewport}`)
      await inEnglish(context)
      await page.reload()
      await expect.poll(() => h1(page)).toBe('This request is not right')
      await expectNoAxeViolations(page)
      await screenshot(page, `refused-url-en-${viewport}`)
      await context.close()
    })
  }
})

describe('a form with characters no field may hold', () => {
  /** The browser sends what is typed; the route puts a NUL in it, as a crafted request would. */
  async function withNulInEmail(page: Page) {
    await page.route('**/mijn/voorkeuren*', async (route) => {
      const request = route.request()
      if (request.method() !== 'POST') return route.continue()
      const body = new URLSearchParams(request.postData() ?? '')
      body.set('email', `${body.get('email')}\u0000`)
      await route.continue({ postData: body.toString() })
    })
  }

  it('comes back without JavaScript with the message at the field and the input kept, in Dutch and English', async () => {
    const cookie = await loginAsCitizen(baseUrl, personaByKey('lisa').bsn)
    const context = watchForPageErrors(await newContext(browser, 'desktop', { javaScriptEnabled: false }), false)
    await addCookieHeader(context, baseUrl, cookie)
    const page = await context.newPage()
    await withNulInEmail(page)
    for (const language of ['nl', 'en'] as const) {
      if (language === 'en') await inEnglish(context)
      await page.goto(`${baseUrl}/mijn/voorkeuren`)
      await page.getByLabel(language === 'nl' ? 'E-mailadres' : 'Email address').fill('lisa.nieuw@example.org')
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: language === 'nl' ? 'Opslaan' : 'Save' }).click(),
      ])
      expect(response.status()).toBe(400)
      await page.waitForLoadState()
      expect(await page.getByRole('alert').textContent()).toContain(
        language === 'nl' ? 'Er stonden tekens in uw invoer' : 'Your input held characters',
      )
      expect(await page.locator('#email-error').textContent()).toContain(
        language === 'nl' ? 'Hier stonden tekens' : 'There were characters here',
      )
      expect(await page.locator('#email').inputValue()).toBe('lisa.nieuw@example.org')
    }
    await context.close()
  })

  it('is a page that loads cleanly with JavaScript and has no axe violations, in Dutch and English', async () => {
    const cookie = await loginAsCitizen(baseUrl, personaByKey('lisa').bsn)
    const context = watchForPageErrors(await newContext(browser, 'desktop'), true)
    await addCookieHeader(context, baseUrl, cookie)
    const page = await context.newPage()
    await withNulInEmail(page)
    for (const language of ['nl', 'en'] as const) {
      if (language === 'en') await inEnglish(context)
      await page.goto(`${baseUrl}/mijn/voorkeuren`)
      await page.locator('#email').fill('lisa.nieuw@example.org')
      // A plain form post, as a browser without JavaScript sends it; the page then hydrates.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 400),
        page.locator('form:has(#email)').evaluate((form: HTMLFormElement) => form.submit()),
      ])
      await page.waitForLoadState()
      await expect.poll(() => page.locator('#email-error').isVisible()).toBe(true)
      expect(await page.locator('#email').inputValue()).toBe('lisa.nieuw@example.org')
      await expectNoAxeViolations(page)
      await screenshot(page, `refused-input-${language}-desktop`)
    }
    await context.close()
  })
})
