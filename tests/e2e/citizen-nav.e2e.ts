import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, newContext, screenshot } from './browser'

let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function citizenPage(viewport: 'phone' | 'desktop') {
  const cookie = await loginAsCitizen(baseUrl, personaByKey('jan').bsn, 'midden')
  const context = await loggedInContext(browser, baseUrl, cookie, viewport)
  return { context, page: await context.newPage() }
}

describe('the citizen navigation', () => {
  it('shows every citizen area beside the page on a wide screen, marks the current one, and leads there', async () => {
    const { context, page } = await citizenPage('desktop')
    await page.goto(`${baseUrl}/mijn`)
    const nav = page.getByRole('navigation', { name: 'Mijn Stad' })
    for (const name of [
      'Mijn overzicht',
      'Mijn zaken',
      'Mijn aanvragen',
      'Mijn brieven',
      'Mijn gegevens',
      'Wie heeft mijn gegevens bekeken',
      'Voorkeuren',
    ]) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true)
    }
    expect(await nav.getByRole('link', { name: 'Mijn overzicht' }).getAttribute('aria-current')).toBe('page')
    await expectNoAxeViolations(page)
    await screenshot(page, 'citizen-nav-nl-desktop')
    await nav.getByRole('link', { name: 'Mijn brieven' }).click()
    await page.waitForURL(`${baseUrl}/mijn/brieven`)
    await expect.poll(() => nav.getByRole('link', { name: 'Mijn brieven' }).getAttribute('aria-current')).toBe('page')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.waitForURL(`${baseUrl}/mijn/brieven`)
    await expect.poll(() => nav.getByRole('link', { name: 'My letters' }).getAttribute('aria-current')).toBe('page')
    await expectNoAxeViolations(page)
    await screenshot(page, 'citizen-nav-en-desktop')
    await context.close()
  })

  it('folds into a menu on a phone that opens by keyboard, without JavaScript needed', async () => {
    const { context, page } = await citizenPage('phone')
    await page.goto(`${baseUrl}/mijn`)
    const menu = page.getByText('Menu Mijn Stad')
    expect(await menu.isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Mijn gegevens', exact: true }).isVisible()).toBe(false)
    await menu.focus()
    await page.keyboard.press('Enter')
    expect(await page.getByRole('link', { name: 'Mijn gegevens', exact: true }).isVisible()).toBe(true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'citizen-nav-nl-phone')
    await context.close()
  })

  it('is not shown to visitors who are not logged in', async () => {
    const context = await newContext(browser, 'desktop')
    const page = await context.newPage()
    await page.goto(baseUrl)
    expect(await page.getByRole('navigation', { name: 'Mijn Stad' }).count()).toBe(0)
    await context.close()
  })
})
