import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, type viewports } from './browser'

/**
 * Answering a request for information (Awb 4:15) in the browser: the citizen sees "Wat wij nog
 * van u nodig hebben" on /mijn and on the case, answers with a PDF and a note, sees the new latest
 * decision date and the acknowledgement letter; the caseworker finds the case back on the list as
 * "information received" and reads what came in. The answer journey also with JavaScript off.
 * Every page: no axe-core violations, in Dutch and English.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

// Thomas reads his letters online: nothing joins the post queue another suite empties.
const thomas = personaByKey('thomas')
const QUESTION = 'Een bouwtekening met de maten van de dakkapel.'
const NOTE = 'De tekening met de maten zit als PDF bij dit bericht.'
const pdf = Buffer.from('%PDF-1.4\n% bouwtekening\n1 0 obj << >> endobj\n%%EOF\n')

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
const isoDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })

/** A case event from the demo back office, as a real one would send it. */
async function backOffice(type: string, subject: string, data: Record<string, unknown>, time: Date) {
  const res = await fetch(`${baseUrl}/api/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:nld:gemeente-groningen:zaaksysteem',
      type: `nl.groningen.zaak.${type}`,
      subject,
      time: time.toISOString(),
      data,
    }),
  })
  expect(res.status).toBe(202)
  return (await res.json()) as { reference: string }
}

/** An environmental permit of Thomas, received 10 days ago and waiting for a drawing since 3 days. */
async function waitingCase() {
  const subject = `ZS-E2E-${randomUUID().slice(0, 8)}`
  const { reference } = await backOffice(
    'ontvangen',
    subject,
    {
      caseType: 'omgevingsvergunning',
      bsn: thomas.bsn,
      description: 'Dakkapel aan de achterkant',
      channel: 'internet',
      receivedOn: isoDate(daysAgo(10)),
    },
    daysAgo(10),
  )
  await backOffice(
    'opgeschort',
    subject,
    { information: QUESTION, respondBy: isoDate(new Date(Date.now() + 11 * 86_400_000)) },
    daysAgo(3),
  )
  return reference
}

const loggedIn = (cookie: string, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  loggedInContext(browser, baseUrl, cookie, viewport, { javaScriptEnabled })
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

/** The panel on /mijn for this case, and through its button the form; returns the case id. */
async function toTheForm(page: Page, reference: string): Promise<string> {
  await page.goto(`${baseUrl}/mijn`)
  const panel = page.getByRole('region', { name: new RegExp(`Wat wij nog van u nodig hebben: .*${reference}`) })
  await expect.poll(() => panel.textContent()).toContain(QUESTION)
  expect(await panel.textContent()).toContain('Wij beslissen dan met de informatie die wij al hebben.')
  await panel.getByRole('link', { name: 'Informatie sturen' }).click()
  await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}\/aanvullen$/)
  await expect.poll(() => h1(page)).toBe('Informatie sturen')
  return page.url().split('/').at(-2)!
}

describe('answering a request for information (JavaScript on)', () => {
  it('citizen answers with a PDF and a note → new date and acknowledgement → caseworker sees it back on the list', async () => {
    const reference = await waitingCase()
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, thomas.bsn, 'midden'))
    const page = await citizen.newPage()

    // /mijn: the panel, axe-clean in both languages.
    await page.goto(`${baseUrl}/mijn`)
    await expectNoAxeViolations(page)
    await screenshot(page, 'information-overview-nl-desktop')
    await switchLanguage(page, 'en')
    await expect.poll(() => main(page)).toContain('What we still need from you')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    const caseId = await toTheForm(page, reference)
    // Sending nothing is refused at the field; the error summary takes focus.
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await page.getByRole('alert').textContent()).toContain('Schrijf een antwoord of kies een bestand.')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'en')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    await page.getByLabel('Uw antwoord').fill(NOTE)
    await page
      .getByLabel('Bestanden')
      .setInputFiles({ name: 'bouwtekening.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/aanvullen/verstuurd`)
    await expect.poll(() => h1(page)).toBe('Wij hebben uw informatie ontvangen')
    const sent = await main(page)
    expect(sent).toContain(reference)
    expect(sent).toContain(NOTE)
    expect(sent).toContain('1 bestand')
    const due = /Uiterlijke beslisdatum\s*(\d+ \w+ \d{4})/.exec(sent)?.[1]
    expect(due).toBeTruthy()
    expect(sent).toContain(`Wij beslissen uiterlijk op ${due}.`)
    await expectNoAxeViolations(page)
    await screenshot(page, 'information-sent-nl-desktop')
    await switchLanguage(page, 'en')
    await expectNoAxeViolations(page)
    await switchLanguage(page, 'nl')

    // The acknowledgement letter names the same date.
    await page.getByRole('link', { name: 'Wij hebben uw aanvulling ontvangen' }).click()
    await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
    await expect.poll(() => h1(page)).toBe('Wij hebben uw aanvulling ontvangen')
    await expect.poll(() => main(page)).toContain(`Wij nemen uiterlijk op ${due} een besluit.`)
    await expectNoAxeViolations(page)

    // The case page: no request open any more, the date fixed.
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
    const casePage = await main(page)
    expect(casePage).not.toContain('Wat wij nog van u nodig hebben')
    expect(casePage).toContain(due!)
    await citizen.close()

    // The caseworker: the case on the list as "Informatie ontvangen", the answer and the file on the case.
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1001'))
    const work = await staff.newPage()
    await work.goto(`${baseUrl}/medewerker/zaken?alle=1`)
    await work.getByRole('link', { name: /Informatie ontvangen \(\d+\)/ }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken?alle=1&ontvangen=1`)
    const row = work.getByRole('row', { name: new RegExp(reference) })
    expect(await row.textContent()).toContain('Informatie ontvangen')
    await expectNoAxeViolations(work)
    await screenshot(work, 'information-staff-list-nl-desktop')
    await row.getByRole('link', { name: reference }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}`)
    await work.locator('#information-answer-heading').waitFor()
    const screen = await main(work)
    expect(screen).toContain(NOTE)
    const answer = work.getByRole('region', { name: 'Informatie ontvangen', exact: true })
    expect(await answer.getByRole('link', { name: 'bouwtekening.pdf' }).isVisible()).toBe(true)
    expect(await answer.textContent()).toContain(NOTE)
    await expectNoAxeViolations(work)
    await switchLanguage(work, 'en')
    await expect.poll(() => main(work)).toContain('Information received')
    await expectNoAxeViolations(work)
    await switchLanguage(work, 'nl')
    await staff.close()
  })
})

describe('answering a request for information (JavaScript off)', () => {
  it('sends a note and a PDF on a phone, and a refused file keeps the note', async () => {
    const reference = await waitingCase()
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, thomas.bsn, 'midden'), 'phone', false)
    const page = await citizen.newPage()
    const caseId = await toTheForm(page, reference)
    // (axe-core runs in the page: the JavaScript-on journey checks these pages.)
    await screenshot(page, 'information-form-nojs-nl-phone')

    // A program dressed up as a PDF: refused at the field, the note kept, nothing sent.
    await page.getByLabel('Uw antwoord').fill(NOTE)
    await page.getByLabel('Bestanden').setInputFiles({
      name: 'tekening.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
    })
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(/\/aanvullen(\?index)?$/)
    expect(await page.locator('#files-error').textContent()).toContain(
      'Het bestand tekening.pdf is geen PDF, JPG of PNG.',
    )
    expect(await page.getByLabel('Uw antwoord').inputValue()).toBe(NOTE)
    expect(await page.getByRole('alert').textContent()).toContain('tekening.pdf')

    await page
      .getByLabel('Bestanden')
      .setInputFiles({ name: 'bouwtekening.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/aanvullen/verstuurd`)
    await expect.poll(() => h1(page)).toBe('Wij hebben uw informatie ontvangen')
    await expect.poll(() => main(page)).toMatch(/Uiterlijke beslisdatum\s*\d+ \w+ \d{4}/)
    await citizen.close()
  })
})
