import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot } from './browser'

/**
 * The whole way of a question, across both sides of the counter: a citizen asks it in Mijn
 * Stad, the contact centre finds it in its inbox and answers it with a knowledge-base article
 * inserted, the citizen reads the answer in the thread, and Mijn contact shows the question
 * and the answer. Each page axe-clean.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const mehmet = personaByKey('mehmet')
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

describe('a question from asking to the answer in the contact history', () => {
  it('the citizen asks, the contact centre answers with an article, the citizen reads it and sees both in Mijn contact', async () => {
    const QUESTION = `Ik ga verhuizen naar Haren. Moet ik dat zelf doorgeven? (${Date.now()})`

    // 1. The citizen asks.
    const citizen = await loggedInContext(browser, baseUrl, await loginAsCitizen(baseUrl, mehmet.bsn, 'basis'), 'phone')
    const mine = await citizen.newPage()
    await mine.goto(`${baseUrl}/mijn/vragen/nieuw`)
    await mine.getByLabel('Waar gaat uw vraag over?').selectOption('moving')
    await mine.getByRole('textbox', { name: 'Uw vraag' }).fill(QUESTION)
    await mine.getByRole('radio', { name: 'In Mijn Stad' }).check()
    await mine.getByRole('button', { name: 'Vraag versturen' }).click()
    await mine.waitForURL(/\/mijn\/vragen\/[0-9a-f-]{36}\?verstuurd=1/)
    const threadUrl = mine.url().replace('?verstuurd=1', '')
    await expect.poll(() => main(mine)).toMatch(/V-\d{4}-\d{6}/)
    const reference = /V-\d{4}-\d{6}/.exec(await main(mine))![0]

    // 2. The contact centre answers it from its inbox, with the article inserted.
    const staff = await loggedInContext(browser, baseUrl, await loginAsStaff(baseUrl, 'E2002'), 'desktop')
    const desk = await staff.newPage()
    await desk.goto(`${baseUrl}/medewerker/vragen`)
    await desk.getByRole('link', { name: reference }).click()
    await desk.waitForURL(/\/medewerker\/vragen\/[0-9a-f-]{36}$/)
    await expect.poll(() => main(desk)).toContain(QUESTION.slice(0, 40))
    const answer = desk.getByRole('textbox', { name: 'Uw antwoord' })
    await answer.fill('Beste heer Yilmaz,\n\nJa, dat geeft u zelf door. Zo werkt het:\n\n')
    await desk.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('verhuizing')
    await desk.getByRole('button', { name: 'Artikelen zoeken' }).click()
    await desk.getByRole('button', { name: 'Invoegen: Verhuizing doorgeven' }).click()
    await expect.poll(() => answer.inputValue()).toContain('/onderwerpen/verhuizing-doorgeven')
    await desk.getByRole('button', { name: 'Antwoord versturen' }).click()
    await desk.waitForURL(/\?gedaan=answer$/)
    await expect.poll(() => main(desk)).toContain('Het antwoord is verstuurd.')
    await staff.close()

    // 3. The citizen reads the answer in the thread: the article's text, and the question answered.
    await mine.goto(threadUrl)
    await expect.poll(() => h1(mine)).toBe(`Vraag ${reference}`)
    const thread = await main(mine)
    expect(thread).toContain('Ja, dat geeft u zelf door.')
    expect(thread).toContain('Verhuizing doorgeven')
    expect(thread).toContain('Beantwoord')
    await expectNoAxeViolations(mine)
    await screenshot(mine, 'question-journey-answer-nl-phone')
    await mine.goto(`${baseUrl}/mijn/vragen`)
    const row = mine.locator('main li, main tr').filter({ hasText: reference }).first()
    expect(await row.textContent()).toContain('Beantwoord')

    // 4. Mijn contact shows the question and the answer, with its reference.
    await mine.goto(`${baseUrl}/mijn/contact?soort=vragen`)
    const history = await main(mine)
    expect(history).toContain('Vraag gesteld')
    expect(history).toContain('Antwoord')
    expect(history).toContain(reference)
    // Newest first: the answer comes before the question.
    expect(history.indexOf('Antwoord')).toBeLessThan(history.lastIndexOf('Vraag gesteld'))
    await expectNoAxeViolations(mine)
    await screenshot(mine, 'question-journey-contact-nl-phone')
    await citizen.close()
  })
})
