import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { expectNoAxeViolations, launchBrowser, loggedInContext, screenshot, viewports } from './browser'
import { plainPng } from '../support/upload-files'

/**
 * Decisions and objections in the browser, JavaScript on: the caseworker records a refusal with
 * its reasons; the citizen reads them with the right to object on the case page and in the
 * letter, objects with a PDF, and finds the objection's case and its acknowledgement. The
 * objection form also works with JavaScript off. Every page: no axe-core violations, in Dutch
 * and English, on phone and desktop.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const lisa = personaByKey('lisa')
// Letters on paper would join the post queue another suite empties: these people read them online.
const kees = personaByKey('kees')
const thomas = personaByKey('thomas')
const REASONS =
  'Het kenteken 77-LIS-9 staat niet op uw naam. Een bewonersvergunning is alleen voor een auto op uw naam.'
const OPTIONS = 'Zet de auto op uw naam en vraag de vergunning opnieuw aan.'
const GROUNDS = 'De auto staat sinds vorige week op mijn naam. Het kentekenbewijs stuur ik mee.'
const pdf = Buffer.from('%PDF-1.4\n% kentekenbewijs\n1 0 obj << >> endobj\n%%EOF\n')
const png = plainPng()

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

/** A parking permit application of `bsn`, received `receivedDaysAgo` days ago; decided `decidedDaysAgo` ago when given. */
async function permitCase(bsn: string, receivedDaysAgo: number, decidedDaysAgo?: number) {
  const subject = `ZS-E2E-${randomUUID().slice(0, 8)}`
  const { reference } = await backOffice(
    'ontvangen',
    subject,
    {
      caseType: 'parkeervergunning',
      bsn,
      description: 'Bewonersvergunning, kenteken 77-LIS-9',
      channel: 'internet',
      receivedOn: isoDate(daysAgo(receivedDaysAgo)),
    },
    daysAgo(receivedDaysAgo),
  )
  if (decidedDaysAgo !== undefined) {
    await backOffice(
      'besloten',
      subject,
      { outcome: 'refused', reasons: REASONS, citizenOptions: OPTIONS },
      daysAgo(decidedDaysAgo),
    )
  }
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

/** The citizen's case with this reference, from Mijn zaken. */
async function openCase(page: Page, reference: string) {
  await page.goto(`${baseUrl}/mijn/zaken`)
  await page.getByRole('link', { name: new RegExp(reference) }).click()
  await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
  await page.locator('#facts-heading').waitFor() // the case page itself, not the list it came from
  return page.url().split('/').pop()!
}

describe('a decision with its reasons, and objecting to it (JavaScript on)', () => {
  it('caseworker decides with reasons → citizen reads them and the clause → objects with a PDF → sees the objection and its acknowledgement', async () => {
    const reference = await permitCase(lisa.bsn, 5)

    // The caseworker records the refusal; first without reasons, which the form refuses.
    const staff = await loggedIn(await loginAsStaff(baseUrl, 'E1001'))
    const work = await staff.newPage()
    await work.goto(`${baseUrl}/medewerker/zaken?alle=1`)
    await work.getByRole('link', { name: reference }).click()
    await work.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
    const caseId = work.url().split('/').pop()!
    await work.getByRole('link', { name: 'Besluit vastleggen' }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}/besluiten`)
    await work.getByLabel('Afgewezen').check()
    await work.getByRole('button', { name: 'Vastleggen' }).click()
    await expect.poll(() => work.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    const alert = await work.getByRole('alert').textContent()
    expect(alert).toContain('Schrijf waarom dit het besluit is')
    expect(alert).toContain('Schrijf wat de inwoner nu kan doen')
    await expectNoAxeViolations(work)
    await screenshot(work, 'objection-staff-decide-error-nl-desktop')
    await work.getByLabel('Waarom is dit het besluit?').fill(REASONS)
    await work.getByLabel('Wat kan de inwoner nu doen?').fill(OPTIONS)
    await work.getByRole('button', { name: 'Vastleggen' }).click()
    await work.waitForURL(`${baseUrl}/medewerker/zaken/${caseId}?vastgelegd=besluiten`)
    await expect.poll(() => main(work)).toContain(REASONS)
    await staff.close()

    // The citizen: the decision in full, the last day to object and the button, on the case page.
    const citizen = await loggedIn(await loginAsCitizen(baseUrl, lisa.bsn, 'midden'))
    const page = await citizen.newPage()
    expect(await openCase(page, reference)).toBe(caseId)
    expect(await page.getByRole('heading', { level: 2, name: 'Het besluit: Afgewezen' }).count()).toBe(1)
    const casePage = await main(page)
    expect(casePage).toContain(REASONS)
    expect(casePage).toContain(OPTIONS)
    expect(casePage).toMatch(/Dan kunt u bezwaar maken, tot en met \d+ \w+ \d{4}\./)
    await expectNoAxeViolations(page)
    await screenshot(page, 'objection-case-decided-nl-desktop')

    // … and in the letter, which is the decision itself.
    await page.getByRole('link', { name: 'Wij hebben een besluit genomen over uw aanvraag' }).click()
    await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
    await expect.poll(() => h1(page)).toBe('Wij hebben een besluit genomen over uw aanvraag')
    const letter = await main(page)
    expect(letter).toContain(REASONS)
    expect(letter).toContain(OPTIONS)
    expect(letter).toContain('Hoe maakt u bezwaar?')
    expect(letter).toContain('Het besluit blijft gelden, ook als u bezwaar maakt.')
    expect(letter).not.toContain('Het hele besluit staat in Mijn Stad')
    await expectNoAxeViolations(page)

    // Objecting, with a PDF.
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
    await page.getByRole('link', { name: 'Bezwaar maken' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar`)
    await expect.poll(() => h1(page)).toBe('Bezwaar maken')
    await page.getByLabel('Waarom bent u het niet eens met het besluit?').fill(GROUNDS)
    await page
      .getByLabel('Documenten toevoegen (niet verplicht)')
      .setInputFiles({ name: 'kentekenbewijs.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar/controleren`)
    await expect.poll(() => h1(page)).toBe('Controleer uw gegevens')
    const review = await main(page)
    expect(review).toContain(GROUNDS)
    expect(review).toContain('kentekenbewijs.pdf')
    await expectNoAxeViolations(page)
    await screenshot(page, 'objection-review-nl-desktop')
    await page.getByRole('button', { name: 'Bezwaar versturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar/verstuurd`)
    await expect.poll(() => h1(page)).toBe('Uw bezwaar is verstuurd')
    const objectionReference = /Z-\d{4}-\d{6}/.exec(await main(page))?.[0]
    expect(objectionReference).toBeTruthy()
    await expectNoAxeViolations(page)
    await screenshot(page, 'objection-sent-nl-desktop')

    // The objection's own case: the decision it is against, the file, the acknowledgement.
    await page.getByRole('link', { name: 'Bekijk uw bezwaar' }).click()
    await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
    await expect.poll(() => h1(page)).toBe('Bezwaar tegen een besluit')
    const objectionPage = await main(page)
    expect(objectionPage).toContain(`Dit bezwaar is tegen het besluit: ${reference}`)
    expect(objectionPage).toContain(GROUNDS)
    expect(await page.getByRole('link', { name: 'kentekenbewijs.pdf' }).isVisible()).toBe(true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'objection-case-nl-desktop')
    await page.getByRole('link', { name: 'Wij hebben uw bezwaar ontvangen' }).click()
    await page.waitForURL(/\/mijn\/brieven\/[0-9a-f-]{36}$/)
    await expect.poll(() => h1(page)).toBe('Wij hebben uw bezwaar ontvangen')
    const acknowledgement = await main(page)
    expect(acknowledgement).toMatch(new RegExp(`Kenmerk van het besluit\\s*${reference}`))
    expect(acknowledgement).toContain('hoorzitting')
    await expectNoAxeViolations(page)

    // Back on the decision: the objection made, by its reference.
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}`)
    await expect.poll(() => main(page)).toContain(`U heeft bezwaar gemaakt: ${objectionReference}`)
    await citizen.close()

    // The caseworker for objections finds it in the work list: grounds, file, the decision it is against.
    const legal = await loggedIn(await loginAsStaff(baseUrl, 'E1005'))
    const desk = await legal.newPage()
    await desk.goto(`${baseUrl}/medewerker/zaken?alle=1`)
    await desk.getByRole('link', { name: objectionReference! }).click()
    await desk.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
    await desk.locator('#objection-heading').waitFor()
    const screen = await main(desk)
    expect(screen).toContain(GROUNDS)
    expect(screen).toContain('Binnen de termijn')
    expect(await desk.getByRole('link', { name: new RegExp(reference) }).getAttribute('href')).toBe(
      `/medewerker/zaken/${caseId}`,
    )
    expect(await desk.getByRole('link', { name: 'kentekenbewijs.pdf' }).count()).toBe(1)
    await expectNoAxeViolations(desk)
    await screenshot(desk, 'objection-staff-case-nl-desktop')
    await switchLanguage(desk, 'en')
    await expectNoAxeViolations(desk)
    await switchLanguage(desk, 'nl')
    await legal.close()
  })
})

describe('objecting with JavaScript off', () => {
  it('Thomas objects to his refused parking permit with a photo, form → check → send, without JavaScript', async () => {
    const context = await loggedIn(await loginAsCitizen(baseUrl, thomas.bsn, 'midden'), 'phone', false)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/mijn/zaken`)
    await page
      .getByRole('link', { name: /Parkeervergunning/ })
      .first()
      .click()
    await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/)
    const caseId = page.url().split('/').pop()!
    await expect.poll(() => main(page)).toContain('De auto met kenteken 45-XYZ-6 staat niet op uw naam.')
    await page.getByRole('link', { name: 'Bezwaar maken' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar`)
    // Sent empty: the page comes back from the server with the summary and the field message.
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.waitForURL(/\/bezwaar(\?index)?$/)
    expect(await page.getByRole('alert').textContent()).toContain('Schrijf waarom u het niet eens bent met het besluit')
    await page.getByLabel('Waarom bent u het niet eens met het besluit?').fill(GROUNDS)
    await page
      .getByLabel('Documenten toevoegen (niet verplicht)')
      .setInputFiles({ name: 'kentekenbewijs.png', mimeType: 'image/png', buffer: png })
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar/controleren`)
    await expect.poll(() => main(page)).toContain('kentekenbewijs.png')
    await page.getByRole('button', { name: 'Bezwaar versturen' }).click()
    await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar/verstuurd`)
    await expect.poll(() => h1(page)).toBe('Uw bezwaar is verstuurd')
    await screenshot(page, 'objection-sent-nojs-nl-phone')
    // A second attempt shows the objection made, not a new form.
    await page.goto(`${baseUrl}/mijn/zaken/${caseId}/bezwaar`)
    await expect.poll(() => h1(page)).toBe('U heeft al bezwaar gemaakt')
    await context.close()
  })
})

describe('the objection pages: accessible in Dutch and English, on phone and desktop', () => {
  for (const viewport of Object.keys(viewports) as Array<keyof typeof viewports>) {
    it(`case page, form (in time and late), errors, check page — ${viewport}`, async () => {
      const inTime = await permitCase(kees.bsn, 12, 2)
      const late = await permitCase(kees.bsn, 70, 60)
      const context: BrowserContext = await loggedIn(await loginAsCitizen(baseUrl, kees.bsn, 'midden'), viewport)
      const page = await context.newPage()
      for (const lang of ['nl', 'en'] as const) {
        const caseId = await openCase(page, inTime)
        if (lang === 'en') await switchLanguage(page, 'en')
        await expectNoAxeViolations(page)
        await screenshot(page, `objection-case-decided-${lang}-${viewport}`)

        await page.goto(`${baseUrl}/mijn/zaken/${caseId}/bezwaar`)
        await expect.poll(() => h1(page)).toBe(lang === 'nl' ? 'Bezwaar maken' : 'Object to a decision')
        await expectNoAxeViolations(page)
        await page
          .locator('#attachments')
          .setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') })
        await page.locator('main form button[type="submit"]').click()
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
        expect(await page.getByRole('alert').textContent()).toContain(
          lang === 'nl' ? 'brief.pdf is geen PDF, JPG of PNG' : 'brief.pdf is not a PDF, JPG or PNG',
        )
        await expectNoAxeViolations(page)
        await screenshot(page, `objection-form-error-${lang}-${viewport}`)
        await page.locator('#grounds').fill(GROUNDS)
        await page.locator('main form button[type="submit"]').click()
        await page.waitForURL(`${baseUrl}/mijn/zaken/${caseId}/bezwaar/controleren`)
        await expectNoAxeViolations(page)
        await screenshot(page, `objection-review-${lang}-${viewport}`)

        const lateId = await openCase(page, late)
        await expect
          .poll(() => main(page))
          .toContain(lang === 'nl' ? 'De tijd voor bezwaar is voorbij.' : 'The time to object has passed.')
        await expectNoAxeViolations(page)
        await page.goto(`${baseUrl}/mijn/zaken/${lateId}/bezwaar`)
        expect(await page.locator('#lateReason').isVisible()).toBe(true)
        await expectNoAxeViolations(page)
        await screenshot(page, `objection-form-late-${lang}-${viewport}`)
        if (lang === 'en') await switchLanguage(page, 'nl')
      }
      await context.close()
    })
  }
})
