import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, type viewports } from './browser'

/**
 * Messages with the caseworker in the browser: the citizen writes on the case, the caseworker
 * finds it on the list "Berichten" and answers, the citizen reads the answer (marked new once).
 * Sending also works with JavaScript off. Every page: no axe-core violations, Dutch and English.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const lisa = personaByKey('lisa')
const QUESTION = 'Mag ik de vergunning ook gebruiken voor de auto van mijn huisgenoot?'
const ANSWER = 'Nee, de vergunning hoort bij één kenteken. Uw huisgenoot kan zelf een vergunning aanvragen.'

/** A parking permit application of Lisa's, received today through the demo back office. */
async function permitCase(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:nld:gemeente-groningen:zaaksysteem',
      type: 'nl.groningen.zaak.ontvangen',
      subject: `ZS-MSG-${randomUUID().slice(0, 8)}`,
      time: new Date().toISOString(),
      data: {
        caseType: 'parkeervergunning',
        bsn: lisa.bsn,
        description: 'Bewonersvergunning, kenteken 88-MSG-1',
        channel: 'internet',
        receivedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
      },
    }),
  })
  expect(res.status).toBe(202)
  return ((await res.json()) as { reference: string }).reference
}

const loggedIn = (cookie: string, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  loggedInContext(browser, baseUrl, cookie, viewport, { javaScriptEnabled })
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  // The language switch comes back to the page, without the fragment that pointed at the last message.
  const before = page.url().split('#')[0]
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL((url) => url.href.split('#')[0] === before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

async function openCase(page: Page, reference: string) {
  await page.goto(`${baseUrl}/mijn/zaken`)
  await page.getByRole('link', { name: new RegExp(reference) }).click()
  await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
  await page.locator('#facts-heading').waitFor()
  return page.url().split('/').pop()!
}

describe('messages with the caseworker (JavaScript on)', () => {
  it('citizen writes → caseworker sees it on the list and answers → citizen reads the answer', async () => {
    const reference = await permitCase()

    // The citizen: from the case page to the conversation; an empty message is refused first.
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'basis'))
    const page = await citizen.newPage()
    const caseId = await openCase(page, reference)
    await page.getByRole('link', { name: 'Bericht sturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/berichten`)
    await expect.poll(() => h1(page)).toBe('Berichten')
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.getByRole('alert').textContent()).toContain('Schrijf uw bericht.')
    await expectNoAxeViolations(page)
    await page.getByRole('textbox', { name: 'Uw bericht' }).fill(QUESTION)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(/\/berichten\?verstuurd=1/)
    await expect.poll(() => main(page)).toContain('Uw bericht is verstuurd.')
    await expect.poll(() => main(page)).toContain(QUESTION)
    expect(await page.getByRole('textbox', { name: 'Uw bericht' }).inputValue()).toBe('') // sent: the form is empty again
    await expectNoAxeViolations(page)
    await screenshot(page, 'messages-citizen-sent-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => h1(page)).toBe('Messages')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    // The caseworker: the list "Berichten", then the conversation and the answer.
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1001'))
    const work = await staff.newPage()
    await work.goto(`${baseUrl}/medewerker`)
    await work.getByRole('link', { name: 'Berichten', exact: true }).first().click()
    await work.waitForURL(`${baseUrl}/medewerker/berichten`)
    await expect.poll(() => h1(work)).toBe('Berichten')
    const row = work.getByRole('row', { name: new RegExp(reference) })
    expect(await row.textContent()).toContain('Ontvangst bevestigen')
    expect(await row.textContent()).toContain('Op tijd')
    await expectNoAxeViolations(work)
    await screenshot(work, 'messages-staff-list-nl-desktop')
    await work.getByRole('link', { name: reference }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}/berichten`)
    await expect.poll(() => main(work)).toContain(QUESTION)
    await expectNoAxeViolations(work)
    await work.getByRole('textbox', { name: 'Uw antwoord' }).fill(ANSWER)
    await work.getByRole('button', { name: 'Versturen' }).click()
    await work.waitForURL(/\/berichten\?verstuurd=1/)
    await expect.poll(() => main(work)).toContain('Uw bericht is verstuurd. De inwoner krijgt een e-mail.')
    await expect.poll(() => main(work)).toContain('Beantwoord')
    expect(await work.getByRole('textbox', { name: 'Uw antwoord' }).inputValue()).toBe('')
    await expectNoAxeViolations(work)
    await screenshot(work, 'messages-staff-answered-nl-desktop')
    await switchLanguage(work, 'en')
    await expect.poll(() => h1(work)).toBe(`Messages on case ${reference}`)
    await expectNoAxeViolations(work)
    await work.goto(`${baseUrl}/medewerker/berichten`)
    expect(await main(work)).not.toContain(reference)
    await expectNoAxeViolations(work)
    await switchLanguage(work, 'nl')
    await staff.close()

    // The citizen: one new answer on the case page; read once, it is no longer new.
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
    await expect.poll(() => main(page)).toContain('1 nieuw antwoord')
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Berichten lezen en sturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/berichten`)
    await expect.poll(() => main(page)).toContain(ANSWER)
    const thread = await main(page)
    expect(thread).toContain(ANSWER)
    expect(thread).toContain('Nieuw')
    await expectNoAxeViolations(page)
    await screenshot(page, 'messages-citizen-answer-nl-desktop')
    await page.reload()
    expect(await page.getByText('Nieuw', { exact: true }).count()).toBe(0)
    await citizen.close()
  })

  it('shows the conversation on a phone, in English too', async () => {
    const reference = await permitCase()
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'basis'), 'phone')
    const page = await citizen.newPage()
    const caseId = await openCase(page, reference)
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}/berichten`)
    await page.getByRole('textbox', { name: 'Uw bericht' }).fill(QUESTION)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(/verstuurd=1/)
    await expectNoAxeViolations(page)
    await screenshot(page, 'messages-citizen-sent-nl-phone')
    await switchLanguage(page, 'en')
    await expectNoAxeViolations(page)
    await screenshot(page, 'messages-citizen-sent-en-phone')
    await switchLanguage(page, 'nl')
    await citizen.close()
  })
})

describe('messages with JavaScript off', () => {
  it('sends a message and keeps the text of a refused one', async () => {
    const reference = await permitCase()
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'basis'), 'desktop', false)
    const page = await citizen.newPage()
    const caseId = await openCase(page, reference)
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}/berichten`)
    const tooLong = `Een lang bericht ${'x'.repeat(4000)}`
    await page.getByRole('textbox', { name: 'Uw bericht' }).fill(tooLong)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.locator('#body-error').waitFor()
    await expect.poll(() => main(page)).toContain('Uw bericht is te lang. Gebruik maximaal 4000 tekens.')
    expect(await page.getByRole('textbox', { name: 'Uw bericht' }).inputValue()).toBe(tooLong)
    await page.getByRole('textbox', { name: 'Uw bericht' }).fill(QUESTION)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(/\/berichten\?verstuurd=1/)
    await expect.poll(() => main(page)).toContain('Uw bericht is verstuurd.')
    await expect.poll(() => main(page)).toContain(QUESTION)
    // (axe-core runs as a script in the page: the same pages are checked with JavaScript on above)
    await citizen.close()
  })
})
