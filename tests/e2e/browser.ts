import { appendFileSync, mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { PAGE_COUNT_FILE } from './page-count'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, headless, with the flags this closed network needs (no background calls).
 * Every context it opens is watched for page errors (see `watchForPageErrors`).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
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
  const open = browser.newContext.bind(browser)
  browser.newContext = async (options) => watchForPageErrors(await open(options), options?.javaScriptEnabled !== false)
  return browser
}

/**
 * A page that renders on the server and then breaks in the browser (an uncaught error, a failed
 * hydration, a chunk that does not load) is broken for its users, whatever its HTML says. Every
 * page of a context is watched: an uncaught page error or a console error fails the test when the
 * context closes, naming the page. The only console errors allowed are the browser's own notes of
 * an answer that the page asked for on purpose: the document itself answering 4xx/5xx (a test that
 * visits a 404 page), and a 4xx answer to one of Remix's data requests for this page (a form that
 * was refused with its field messages). A 5xx data answer, or a missing script, still fails.
 * Each page visited is counted in `PAGE_COUNT_FILE`, for the suite's summary.
 */
export function watchForPageErrors(context: BrowserContext, javaScriptEnabled: boolean): BrowserContext {
  const problems: string[] = []
  let visited = 0
  context.on('page', (page) => {
    openPages.add(page)
    page.on('close', () => openPages.delete(page))
    page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error' || isExpectedStatus(message.text(), message.location().url, page.url())) return
      const source = message.location().url
      problems.push(`console error on ${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`)
    })
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited++
    })
  })
  const close = context.close.bind(context)
  context.close = async (options) => {
    await close(options)
    if (visited) appendFileSync(PAGE_COUNT_FILE, `${JSON.stringify({ visited, javaScriptEnabled })}\n`)
    if (problems.length) throw new Error(`the browser reported errors:\n${problems.join('\n')}`)
  }
  return context
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

/** The pages open now, in every watched context: what a failed test left on screen. */
const openPages = new Set<Page>()

/**
 * A screenshot of every page still open, into test-results/e2e/ (not committed), named after
 * the test: a test that fails stops before it closes its context, so its pages show where it
 * stood. Called by tests/e2e/setup.ts after each failed test; forgets the pages either way.
 */
export async function saveOpenPages(testName: string | null): Promise<string[]> {
  const pages = [...openPages]
  openPages.clear()
  if (testName === null) return []
  mkdirSync('test-results/e2e', { recursive: true })
  const base = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 100)
  const saved: string[] = []
  for (const [i, page] of pages.entries()) {
    const path = `test-results/e2e/${base}-${i + 1}.png`
    // A page that is closing or crashed cannot be shot; the failure itself says enough then.
    if (
      await page.screenshot({ path, fullPage: true }).then(
        () => true,
        () => false,
      )
    )
      saved.push(path)
  }
  return saved
}

/** Screenshots for people to look at (not compared): tests/e2e/screenshots/NAME.png */
export async function screenshot(page: Page, name: string) {
  mkdirSync('tests/e2e/screenshots', { recursive: true })
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true })
}

function isExpectedStatus(text: string, resourceUrl: string, pageUrl: string): boolean {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text)?.[1]
  if (!status) return false
  if (resourceUrl === pageUrl) return true
  const resource = new URL(resourceUrl)
  return status.startsWith('4') && resource.searchParams.has('_data') && resource.pathname === new URL(pageUrl).pathname
}
