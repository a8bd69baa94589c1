import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, type viewports } from './browser'

/**
 * The citizen's own copy of their data in the browser: from Mijn gegevens to "Uw gegevens
 * downloaden", both files downloaded, in Dutch and English, with JavaScript on and off, on phone
 * and desktop, every page free of axe-core violations; the download shows on "Wie heeft mijn
 * gegevens bekeken"; a support employee looking along gets the explanation instead.
 * Needs poppler-utils (pdftotext): never skipped.
 */
let browser: Browser
let work: string
const baseUrl = inject('baseUrl')
const mehmet = personaByKey('mehmet')
beforeAll(async () => {
  browser = await launchBrowser()
  work = mkdtempSync(path.join(tmpdir(), 'mijnstad-e2e-export-'))
})
afterAll(async () => {
  await browser?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

const loggedIn = (cookie: string, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  loggedInContext(browser, baseUrl, cookie, viewport, { javaScriptEnabled })

async function heading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim()
}

async function download(page: Page, linkName: string): Promise<{ name: string; file: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()])
  const target = path.join(work, `${Math.random().toString(36).slice(2)}-${file.suggestedFilename()}`)
  await file.saveAs(target)
  return { name: file.suggestedFilename(), file: target }
}

function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is not installed: apt-get install -y poppler-utils')
    throw error
  }
}

describe('downloading my data', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`goes from Mijn gegevens to both files, in Dutch and English (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await loggedIn(await loginAsCitizen(baseUrl, mehmet.bsn, 'midden'), 'desktop', javaScriptEnabled)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/mijn/gegevens`)
      await page.getByRole('link', { name: 'Uw gegevens downloaden' }).click()
      await page.waitForURL(`${baseUrl}/mijn/gegevens/downloaden`)
      await expect.poll(() => heading(page)).toBe('Uw gegevens downloaden')
      // axe-core runs in the page: with JavaScript off only the flow is checked.
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      if (javaScriptEnabled) await screenshot(page, 'data-export-nl-desktop')

      const pdf = await download(page, 'Download als PDF')
      expect(pdf.name).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.pdf$/)
      const text = pdfText(pdf.file)
      expect(text).toContain('Uw gegevens bij de gemeente Groningen')
      expect(text).toContain('Mehmet')
      const json = await download(page, 'Download als JSON')
      expect(json.name).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/)
      const data = JSON.parse(readFileSync(json.file, 'utf8'))
      expect(data).toMatchObject({ schema: 'mijn-stad/personal-data-export', version: 1, language: 'nl' })
      expect(data.person.bsn).toBe(mehmet.bsn)

      // The same in English.
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
      await expect.poll(() => heading(page)).toBe('Download your details')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      const english = await download(page, 'Download as JSON')
      expect(JSON.parse(readFileSync(english.file, 'utf8')).language).toBe('en')
      const englishPdf = pdfText((await download(page, 'Download as PDF')).file)
      expect(englishPdf).toContain('Your details at the Municipality of Groningen')
      if (javaScriptEnabled) await screenshot(page, 'data-export-en-desktop')

      // Each download is on "Who viewed my details", as the citizen's own.
      await page.getByRole('main').getByRole('link', { name: 'Who viewed my details' }).click()
      await expect.poll(() => heading(page)).toBe('Who viewed my details')
      expect(await page.getByRole('main').textContent()).toContain('You downloaded a copy of your details (JSON)')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl')
      await context.close()
    })
  }

  it('reads well on a phone', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, mehmet.bsn, 'midden'), 'phone')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens/downloaden`)
    await expect.poll(() => heading(page)).toBe('Uw gegevens downloaden')
    await expectNoAxeViolations(page)
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'data-export-nl-phone')
    await context.close()
  })

  it('tells a support employee looking along that downloading is not possible', async () => {
    const staffCookie = await loginAsStaff(baseUrl, 'E2001')
    const post = (form: Record<string, string>) =>
      fetch(`${baseUrl}/medewerker/burgers`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: staffCookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      })
    const found = await (await post({ intent: 'search', kind: 'bsn', bsn: mehmet.bsn })).text()
    const choice = /name="choice" value="([^"]+)"/.exec(found)?.[1]
    expect(choice).toBeTruthy()
    expect(
      (await post({ intent: 'start', choice: choice!, reasonCode: 'phone', reference: 'T-E2E-EXPORT' })).status,
    ).toBe(302)

    const context = await loggedIn(staffCookie)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/gegevens`)
    await page.getByRole('link', { name: 'Uw gegevens downloaden' }).click()
    await expect.poll(() => heading(page)).toBe('Downloaden kan niet tijdens meekijken')
    expect(await page.getByRole('link', { name: 'Download als PDF' }).count()).toBe(0)
    await expectNoAxeViolations(page)
    await screenshot(page, 'data-export-refused-nl-desktop')
    await page.getByRole('button', { name: 'Stoppen' }).click()
    await page.waitForURL(/\/medewerker\/burgers/)
    await context.close()
  })
})
