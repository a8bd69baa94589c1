import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot } from './browser'

/**
 * The documents of a case in the browser: a back office sends the application's drawing, the
 * caseworker adds an advice on the case screen (JavaScript on, and off), and the citizen finds
 * both with the case's letter on the case page and downloads them. Every page: no axe-core
 * violations, in Dutch and English.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

// Reads letters online (no paper letters for the post queue another suite empties).
const thomas = personaByKey('thomas')
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)])

/** A permit application of Thomas from the demo back office, with its drawing as a document. */
async function permitWithDrawing(drawing: Buffer) {
  const subject = `ZS-DOC-${randomUUID().slice(0, 8)}`
  const received = await fetch(`${baseUrl}/api/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SOURCE.token}`, 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:nld:gemeente-groningen:zaaksysteem',
      type: 'nl.groningen.zaak.ontvangen',
      subject,
      time: new Date().toISOString(),
      data: {
        caseType: 'omgevingsvergunning',
        bsn: thomas.bsn,
        description: 'Dakkapel aan de achterkant',
        channel: 'internet',
        receivedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
      },
    }),
  })
  expect(received.status).toBe(202)
  const { reference } = (await received.json()) as { reference: string }
  const form = new FormData()
  form.append('title', 'Bouwtekening dakkapel')
  form.append('kind', 'application')
  form.append('documentId', `TEK-${randomUUID()}`)
  form.append('file', new Blob([new Uint8Array(drawing)]), 'tekening.pdf')
  const added = await fetch(`${baseUrl}/api/v1/cases/${subject}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SOURCE.token}` },
    body: form,
  })
  expect(added.status).toBe(201)
  return reference
}

const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')

async function switchLanguage(page: Page, to: 'en' | 'nl') {
  const before = page.url()
  await page.getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Wissel naar Nederlands' }).click()
  await page.waitForURL(before)
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to)
}

/** The caseworker's screen of the case with this reference, from the work list. */
async function openStaffCase(page: Page, reference: string) {
  await page.goto(`${baseUrl}/medewerker/zaken?alle=1`)
  await page.getByRole('link', { name: reference }).click()
  await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
  await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
  return page.url().split('/').pop()!
}

async function addAdvice(page: Page, caseId: string, title: string, bytes: Buffer) {
  await page.getByRole('link', { name: 'Document toevoegen' }).click()
  await page.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}/documenten/toevoegen`)
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Document', { exact: true }).check()
  await page.getByLabel('Bestand').setInputFiles({ name: 'advies.pdf', mimeType: 'application/pdf', buffer: bytes })
  await page.getByRole('button', { name: 'Toevoegen' }).click()
  await page.waitForURL(new RegExp(`/medewerker/zaken/${caseId}\\?document=toegevoegd`))
}

describe('the documents of a case (JavaScript on)', () => {
  it('caseworker adds an advice (a refused file first) → the citizen sees and downloads every document, in Dutch and English', async () => {
    const drawing = pdf('bouwtekening')
    const reference = await permitWithDrawing(drawing)

    const staff = await loggedInContext(browser, baseUrl, await loginAsStaff(baseUrl, 'E1001'))
    const work = await staff.newPage()
    const caseId = await openStaffCase(work, reference)
    await expect.poll(() => main(work)).toContain('Bouwtekening dakkapel')
    await expect.poll(() => main(work)).toContain('van Zaaksysteem (demo)')

    // A program named .pdf is refused at the field; the typed title stays.
    await work.getByRole('link', { name: 'Document toevoegen' }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}/documenten/toevoegen`)
    await expectNoAxeViolations(work)
    await work.getByLabel('Titel').fill('Advies welstandscommissie')
    await work.getByLabel('Bijlage', { exact: true }).check()
    await work.getByLabel('Bestand').setInputFiles({ name: 'advies.pdf', mimeType: 'application/pdf', buffer: exe })
    await work.getByRole('button', { name: 'Toevoegen' }).click()
    await expect.poll(() => work.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await work.getByRole('alert').textContent()).toContain('Het bestand advies.pdf is geen PDF, JPG of PNG')
    expect(await work.getByLabel('Titel').inputValue()).toBe('Advies welstandscommissie')
    await expectNoAxeViolations(work)
    await screenshot(work, 'documents-add-refused-desktop')

    const advice = pdf('advies welstand')
    await work.getByLabel('Bestand').setInputFiles({ name: 'advies.pdf', mimeType: 'application/pdf', buffer: advice })
    await work.getByRole('button', { name: 'Toevoegen' }).click()
    await work.waitForURL(new RegExp(`/medewerker/zaken/${caseId}\\?document=toegevoegd`))
    expect(await work.getByRole('status').textContent()).toContain('Het document is toegevoegd.')
    await expect.poll(() => main(work)).toContain('van Mirjam Kuipers (E1001)')
    await expectNoAxeViolations(work)
    await staff.close()

    // On a phone the forms with a file field fit the screen, errors and all: no sideways scrolling.
    const phone = await loggedInContext(browser, baseUrl, await loginAsStaff(baseUrl, 'E1001'), 'phone')
    const small = await phone.newPage()
    for (const path of ['documenten/toevoegen', 'besluiten']) {
      await small.goto(`${baseUrl}/medewerker/zaken/${caseId}/${path}`)
      await small.locator('main form[enctype] button[type="submit"]').click()
      await expect.poll(() => small.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    }
    await phone.close()

    for (const viewport of ['desktop', 'phone'] as const) {
      const citizen = await loggedInContext(browser, baseUrl, await loginAsCitizen(baseUrl, thomas.bsn), viewport)
      const page = await citizen.newPage()
      await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
      const section = page.locator('section[aria-labelledby="documents-heading"]')
      const text = ((await section.textContent()) ?? '').replace(/\s+/g, ' ')
      expect(text).toContain('Bouwtekening dakkapel')
      expect(text).toContain('Advies welstandscommissie')
      expect(text).toContain('Wij hebben uw aanvraag ontvangen') // the acknowledgement letter
      expect(text).toContain('van Vergunningen')
      expect(text).not.toContain('E1001')
      expect(text).not.toContain('Zaaksysteem')
      await expectNoAxeViolations(page)
      await screenshot(page, `documents-case-nl-${viewport}`)

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('link', { name: 'Advies welstandscommissie' }).click(),
      ])
      expect(download.suggestedFilename()).toBe('Advies welstandscommissie.pdf')
      expect(sha256(await readFile((await download.path())!))).toBe(sha256(advice))

      await switchLanguage(page, 'en')
      const english = ((await section.textContent()) ?? '').replace(/\s+/g, ' ')
      expect(english).toContain('Documents')
      expect(english).toContain('Application')
      expect(english).toContain('Download as PDF')
      await expectNoAxeViolations(page)
      await screenshot(page, `documents-case-en-${viewport}`)
      await switchLanguage(page, 'nl')
      await citizen.close()
    }
  })
})

describe('the documents of a case (JavaScript off)', () => {
  it('caseworker adds a document with a plain form post; the citizen downloads it', async () => {
    const reference = await permitWithDrawing(pdf('tekening zonder js'))
    const staff = await loggedInContext(browser, baseUrl, await loginAsStaff(baseUrl, 'E1001'), 'desktop', {
      javaScriptEnabled: false,
    })
    const work = await staff.newPage()
    const caseId = await openStaffCase(work, reference)
    const advice = pdf('advies zonder js')
    await addAdvice(work, caseId, 'Advies brandweer', advice)
    await expect.poll(() => main(work)).toContain('Advies brandweer')
    await staff.close()

    const citizen = await loggedInContext(browser, baseUrl, await loginAsCitizen(baseUrl, thomas.bsn), 'phone', {
      javaScriptEnabled: false,
    })
    const page = await citizen.newPage()
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
    // The link is a plain download: fetched with the page's session, as the browser would.
    const href = await page.getByRole('link', { name: 'Advies brandweer' }).getAttribute('href')
    const res = await citizen.request.get(`${baseUrl}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-disposition']).toContain('filename="Advies brandweer.pdf"')
    expect(sha256(await res.body())).toBe(sha256(advice))
    await citizen.close()
  })
})
