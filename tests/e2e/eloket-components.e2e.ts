import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAll, mergeAnswers, SERVICES } from '~/domain/eloket/engine'
import type { Language } from '~/domain/language'
import { contextOf } from '../unit/eloket-fixtures'
import { expectNoAxeViolations, launchBrowser, newContext, screenshot, viewports } from './browser'
import { pagesOf, staticPage } from './eloket-static'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const ctx = contextOf()
const languages: Language[] = ['nl', 'en']

/**
 * Every page of every e-loket service, as its components render it, checked by axe in Chromium
 * with the production stylesheet (contrast included): empty, and with every question refused,
 * so the error states are checked too. The routes around them have their own browser tests.
 */
describe('the e-loket’s question pages', () => {
  for (const service of SERVICES)
    for (const lang of languages)
      it(`${service.code} (${lang}): every page without axe violations, empty and with every field refused`, async () => {
        const context = await newContext(browser, lang === 'nl' ? 'phone' : 'desktop')
        const page = await context.newPage()
        for (const { page: formPage } of pagesOf(service, ctx)) {
          await page.setContent(await staticPage(service, formPage, {}, [], ctx, lang))
          await expectNoAxeViolations(page)
          const errors = formPage.questions.map((q) => ({ field: q.id, code: 'required' as const }))
          await page.setContent(await staticPage(service, formPage, {}, errors, ctx, lang))
          await expectNoAxeViolations(page)
          // Every message of the summary has its field to link to.
          for (const error of errors) expect(await page.locator(`[id="${error.field}"]`).count(), error.field).toBe(1)
        }
        await context.close()
      })
})

describe('the check page’s components', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>)
    it(`lists the answers and what is known without axe violations (${viewport})`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      const parking = SERVICES[0]!
      const answers = mergeAnswers(parking, {}, { carOwner: 'lease', useStatement: '2', startDate: '2026-03-20' }, ctx)
      expect(checkAll(parking, answers, ctx, { useStatement: 2 })).toEqual([])
      await page.setContent(await staticPage(parking, 'check', answers, [], ctx, 'nl'))
      await expectNoAxeViolations(page)
      expect(await page.getByRole('link', { name: 'Wijzigen kenteken' }).getAttribute('href')).toBe(
        '/p/kenteken?anders=1',
      )
      await screenshot(page, `eloket-check-${viewport}`)
      await context.close()
    })
})
