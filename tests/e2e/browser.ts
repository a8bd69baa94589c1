import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const

export async function newContext(
  browser: Browser,
  viewport: keyof typeof viewports = 'desktop',
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ viewport: viewports[viewport], locale: 'nl-NL', ...options })
}

/** Puts the cookies of a Cookie header (a login done over HTTP, tests/support/login.ts) in a context. */
export async function addCookieHeader(context: BrowserContext, baseUrl: string, cookieHeader: string) {
  const { hostname } = new URL(baseUrl)
  await context.addCookies(
    cookieHeader
      .split(/;\s*/)
      .filter(Boolean)
      .map((pair) => {
        const i = pair.indexOf('=')
        return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: hostname, path: '/' }
      }),
  )
}

/** A browser context that is logged in with the session of `cookieHeader`. */
export async function loggedInContext(
  browser: Browser,
  baseUrl: string,
  cookieHeader: string,
  viewport: keyof typeof viewports = 'desktop',
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await newContext(browser, viewport, options)
  await addCookieHeader(context, baseUrl, cookieHeader)
  return context
}

/** Zero axe-core violations against WCAG 2.0–2.2 A and AA; lists them when there are any. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary).toEqual([])
}

/** Screenshots for people to look at (not compared): tests/e2e/screenshots/NAME.png */
export async function screenshot(page: Page, name: string) {
  mkdirSync('tests/e2e/screenshots', { recursive: true })
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true })
}
