import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, type viewports } from './browser'

/**
 * In the browser: the citizen opens a letter and downloads its PDF; the PDF says what
 * the page says; every letters page has no axe-core violations, in Dutch and English, on phone
 * and desktop. The demo data writes the letters (server/seed/cases.ts plays the cases through the
 * cases service, which writes them). Needs poppler-utils (pdftotext, pdftoppm): never skipped.
 */
let browser: Browser
let work: string
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
  work = mkdtempSync(path.join(tmpdir(), 'mijnstad-e2e-pdf-'))
})
afterAll(async () => {
  await browser?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

function poppler(tool: 'pdftotext' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is not installed: apt-get install -y poppler-utils`)
    throw error
  }
}

const loggedIn = (cookieHeader: string, viewport: keyof typeof viewports = 'desktop') =>
  loggedInContext(browser, baseUrl, cookieHeader, viewport)

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('reading a letter', () => {
  it('the citizen opens a new letter, reads it on screen and downloads the same text as PDF', async () => {
    const jan = personaByKey('jan')
    const context = await loggedIn(await loginAsCitizen(baseUrl, jan.bsn))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/brieven`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn brieven')
    await expectNoAxeViolations(page)
    await screenshot(page, 'letters-list-nl-desktop')

    // Unread is a word with an icon, not a colour.
    const unread = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Nieuw' })
    const before = await unread.count()
    expect(before).toBeGreaterThan(0)
    const first = unread.first()
    const title = (await first.getByRole('link').textContent())!.trim()
    expect(await first.textContent()).toMatch(/Kenmerk\s*Z-\d{4}-\d{6}/)
    await first.getByRole('link').click()
    await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
    // The URL changes as the client-side navigation starts; the page follows when its data is in.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    await expectNoAxeViolations(page)
    await screenshot(page, 'letter-nl-desktop')
    const onScreen = normalise(await page.locator('article').innerText())
    expect(onScreen).toContain('Ons kenmerk')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als PDF' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^brief-Z-\d{4}-\d{6}\.pdf$/)
    const file = path.join(work, download.suggestedFilename())
    await download.saveAs(file)
    expect(normalise(poppler('pdftotext', ['-enc', 'UTF-8', file, '-']))).toBe(onScreen)

    // A picture of the PDF's first page, to look at next to the screenshots.
    mkdirSync('tests/e2e/screenshots', { recursive: true })
    poppler('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      'tests/e2e/screenshots/letter-pdf-page-1',
    ])

    // Back to the list: the letter just read is no longer marked new.
    await page.goto(`${baseUrl}/mijn/brieven`)
    expect(await page.getByRole('main').getByRole('listitem').filter({ hasText: 'Nieuw' }).count()).toBe(before - 1)
    await context.close()
  })

  it('reads the same pages in English and on a phone, without axe-core violations', async () => {
    const liam = personaByKey('liam')
    const cookie = await loginAsCitizen(baseUrl, liam.bsn)
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await loggedIn(cookie, viewport)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/mijn/brieven`)
      if ((await page.getAttribute('html', 'lang')) !== 'en') await switchLanguage(page, 'en')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My letters')
      await expectNoAxeViolations(page)
      await screenshot(page, `letters-list-en-${viewport}`)
      await page.getByRole('main').getByRole('listitem').first().getByRole('link').click()
      await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
      await expect.poll(() => page.getAttribute('article', 'lang')).toBe('en')
      await expect.poll(() => page.getByRole('link', { name: 'Download as PDF' }).count()).toBe(1)
      await expectNoAxeViolations(page)
      await screenshot(page, `letter-en-${viewport}`)
      await context.close()
    }
  })

  it('shows the Dutch pages on a phone without axe-core violations', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, personaByKey('anneke').bsn), 'phone')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/brieven`)
    await expectNoAxeViolations(page)
    await screenshot(page, 'letters-list-nl-phone')
    await page.getByRole('main').getByRole('listitem').first().getByRole('link').click()
    await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
    await page.locator('article').waitFor()
    await expectNoAxeViolations(page)
    await screenshot(page, 'letter-nl-phone')
    await context.close()
  })
})

describe('the post queue', () => {
  it('shows a caseworker the paper letters and marks one printed, without axe-core violations', async () => {
    const context = await loggedIn(await loginAsStaff(baseUrl, 'E1004'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/post`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Post om te printen')
    const row = page.getByRole('row').filter({ hasText: 'Geertruida van Dijk' }).first()
    await expect.poll(() => row.count()).toBe(1)
    await expectNoAxeViolations(page)
    await screenshot(page, 'post-queue-nl-desktop')
    await row.getByRole('button', { name: /^Gedrukt/ }).click()
    await page.waitForURL(/\/medewerker\/post\?gedrukt=1$/)
    expect(await page.getByRole('status').textContent()).toContain('1 brief staat op Gedrukt.')
    expect(await page.getByRole('row').filter({ hasText: 'Geertruida van Dijk' }).count()).toBe(0)
    await expectNoAxeViolations(page)
    await context.close()
  })

  it('has the demo mailbox, as `npm start` runs it (production build, mock providers on)', async () => {
    // Closed with real identity providers: tests/integration/dev-mail.test.ts.
    expect((await fetch(`${baseUrl}/dev/mail`)).status).toBe(200)
  })
})
