import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loginAsStaff } from '../support/login'
import {
  expectNoAxeViolations as axeCheck,
  launchBrowser,
  loggedInContext,
  screenshot,
  type viewports,
} from './browser'

/**
 * The staff side in the browser: every staff page a caseworker, a support employee and a
 * manager can open shows the navigation of their roles, on a phone (a folding menu) and a
 * desktop (a side navigation), with the current area marked, and passes axe-core in Dutch and
 * English. The search on every page finds a case by number and a citizen by name. The
 * navigation and the search work without JavaScript too.
 */
let browser: Browser
const baseUrl = inject('baseUrl')
const cookies: Record<string, string> = {}
beforeAll(async () => {
  browser = await launchBrowser()
  cookies.caseworker = await loginAsStaff(baseUrl, 'E1001')
  cookies.support = await loginAsStaff(baseUrl, 'E2001')
  cookies.manager = await loginAsStaff(baseUrl, 'E3001')
})
afterAll(() => browser?.close())

type Role = 'caseworker' | 'support' | 'manager'
type Lang = 'nl' | 'en'

async function contextFor(
  role: Role,
  viewport: keyof typeof viewports,
  lang: Lang,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  // The language cookie as the portal writes it (Remix cookies hold base64 JSON).
  const lng = encodeURIComponent(Buffer.from(JSON.stringify(lang)).toString('base64'))
  return loggedInContext(browser, baseUrl, `${cookies[role]}; lng=${lng}`, viewport, options)
}

/** axe once the web font is in: a layout mid-swap can put the header's buttons against each other. */
async function expectNoAxeViolations(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await axeCheck(page)
}

const labels = {
  nl: {
    nav: 'Werkgebieden voor medewerkers',
    menu: 'Menu',
    areas: {
      start: 'Start: mijn werk vandaag',
      questions: 'Vragen',
      cases: 'Zaken',
      messages: 'Berichten',
      register: 'Zaak registreren',
      moves: 'Verhuizingen',
      corrections: 'Correcties',
      post: 'Post',
      findCitizen: 'Meekijken',
      quality: 'Kwaliteit',
      review: 'Meekijken controleren',
    },
    search: 'Zoek op zaaknummer, naam of BSN',
    searchButton: 'Zoeken',
  },
  en: {
    nav: 'Staff work areas',
    menu: 'Menu',
    areas: {
      start: 'Start: my work today',
      questions: 'Questions',
      cases: 'Cases',
      messages: 'Messages',
      register: 'Register a case',
      moves: 'Moves',
      corrections: 'Corrections',
      post: 'Post',
      findCitizen: 'View as citizen',
      quality: 'Quality',
      review: 'Review viewing as citizen',
    },
    search: 'Search by case number, name or BSN',
    searchButton: 'Search',
  },
}
type AreaKey = keyof (typeof labels)['nl']['areas']

/** Each role's areas in the navigation, and the pages visited with the area that holds them. */
const journeys: Record<Role, { areas: AreaKey[]; pages: Array<[string, AreaKey | null]> }> = {
  caseworker: {
    areas: ['start', 'questions', 'cases', 'messages', 'register', 'moves', 'corrections', 'post'],
    pages: [
      ['/medewerker', 'start'],
      ['/medewerker/vragen', 'questions'],
      ['/medewerker/zaken', 'cases'],
      ['CASE', 'cases'],
      ['/medewerker/berichten', 'messages'],
      ['/medewerker/zaken/nieuw', 'register'],
      ['/medewerker/verhuizingen', 'moves'],
      ['/medewerker/correcties', 'corrections'],
      ['/medewerker/post', 'post'],
      ['/medewerker/zoeken', null],
    ],
  },
  support: {
    areas: ['start', 'findCitizen'],
    pages: [
      ['/medewerker', 'start'],
      ['/medewerker/burgers', 'findCitizen'],
      ['/medewerker/zoeken', null],
    ],
  },
  manager: {
    areas: ['start', 'questions', 'cases', 'messages', 'moves', 'corrections', 'post', 'quality', 'review'],
    pages: [
      ['/medewerker', 'start'],
      ['/medewerker/vragen', 'questions'],
      ['/medewerker/zaken', 'cases'],
      ['CASE', 'cases'],
      ['/medewerker/berichten', 'messages'],
      ['/medewerker/verhuizingen', 'moves'],
      ['/medewerker/correcties', 'corrections'],
      ['/medewerker/post', 'post'],
      ['/medewerker/kwaliteit', 'quality'],
      ['/medewerker/meekijken', 'review'],
      ['/medewerker/zoeken', null],
    ],
  },
}

/** The first case in the work list: its page is a staff page like the others. */
async function firstCasePath(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/medewerker/zaken`)
  const href = await page.locator('main tbody a[href^="/medewerker/zaken/"]').first().getAttribute('href')
  expect(href).toMatch(/^\/medewerker\/zaken\/[0-9a-f-]{36}$/)
  return href!
}

async function checkNavigation(
  page: Page,
  role: Role,
  viewport: keyof typeof viewports,
  lang: Lang,
  current: AreaKey | null,
) {
  const l = labels[lang]
  const { areas } = journeys[role]
  const visibleNav = page.getByRole('navigation', { name: l.nav })
  expect(await visibleNav.count()).toBe(1) // the other one (phone or desktop) is hidden
  if (viewport === 'phone') {
    const menu = visibleNav.getByText(l.menu, { exact: true })
    expect(await menu.isVisible()).toBe(true)
    expect(await visibleNav.getByRole('link').first().isVisible()).toBe(false)
    await menu.click()
  }
  const links = visibleNav.getByRole('link')
  expect(await links.allTextContents()).toEqual(areas.map((a) => l.areas[a]))
  const marked = await visibleNav.locator('a[aria-current]').allTextContents()
  expect(marked).toEqual(current ? [l.areas[current]] : [])
  expect(await page.getByRole('search').count()).toBe(1)
}

describe('the staff navigation on every staff page', () => {
  for (const role of ['caseworker', 'support', 'manager'] as const) {
    for (const viewport of ['desktop', 'phone'] as const) {
      it(`${role}, ${viewport}: every page in Dutch and English shows the role’s areas, the current one marked, axe-clean`, async () => {
        for (const lang of ['nl', 'en'] as const) {
          const context = await contextFor(role, viewport, lang)
          const page = await context.newPage()
          const casePath = journeys[role].pages.some(([p]) => p === 'CASE') ? await firstCasePath(page) : null
          for (const [path, current] of journeys[role].pages) {
            const url = `${baseUrl}${path === 'CASE' ? casePath : path}`
            const res = await page.goto(url)
            expect(res?.status(), url).toBe(200)
            await checkNavigation(page, role, viewport, lang, current)
            await expectNoAxeViolations(page)
            if (lang === 'nl' || path === '/medewerker')
              await screenshot(
                page,
                `staff-${role}-${path === 'CASE' ? 'zaak' : path.slice(1).replace(/\//g, '-')}-${lang}-${viewport}`,
              )
          }
          await context.close()
        }
      }, 150_000) // ten pages (with Berichten and Vragen), each in two languages and checked by axe
    }
  }

  it('keeps the navigation on a page the role may not open (403), axe-clean', async () => {
    const context = await contextFor('support', 'desktop', 'nl')
    const page = await context.newPage()
    const res = await page.goto(`${baseUrl}/medewerker/zaken`)
    expect(res?.status()).toBe(403)
    // Zaken is no area of support's: nothing is marked, the navigation is theirs.
    await checkNavigation(page, 'support', 'desktop', 'nl', null)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Geen toegang')
    expect(await page.getByRole('link', { name: 'Naar de startpagina voor medewerkers' }).getAttribute('href')).toBe(
      '/medewerker',
    )
    await expectNoAxeViolations(page)
    await context.close()
  })
})

describe('without JavaScript', () => {
  it('the phone menu opens by keyboard and leads to each area; the search still works', async () => {
    const context = await contextFor('caseworker', 'phone', 'nl', { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    const nav = page.getByRole('navigation', { name: labels.nl.nav })
    await nav.getByText('Menu', { exact: true }).focus()
    await page.keyboard.press('Enter')
    await nav.getByRole('link', { name: 'Verhuizingen' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/verhuizingen`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Verhuizingen')
    expect(await nav.locator('a[aria-current]').allTextContents()).toEqual(['Verhuizingen'])
    // Search by case number from this page, as a plain form post.
    const reference = await caseReference(page)
    await page.getByLabel(labels.nl.search).fill(reference)
    await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zoeken`)
    await page.getByRole('link', { name: reference }).click()
    await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(reference)
    await screenshot(page, 'staff-search-nojs-case-nl-phone')
    await context.close()
  })

  it('the desktop navigation leads to each area', async () => {
    const context = await contextFor('manager', 'desktop', 'nl', { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    const nav = page.getByRole('navigation', { name: labels.nl.nav })
    for (const [name, path] of [
      ['Kwaliteit', '/medewerker/kwaliteit'],
      ['Meekijken controleren', '/medewerker/meekijken'],
      ['Zaken', '/medewerker/zaken'],
    ] as const) {
      await nav.getByRole('link', { name, exact: true }).click()
      await page.waitForURL(`${baseUrl}${path}`)
      expect(await nav.locator('a[aria-current]').allTextContents()).toEqual([name])
    }
    await context.close()
  })
})

/** A case number from the caseworker's work list. */
async function caseReference(page: Page): Promise<string> {
  const response = await page.request.get(`${baseUrl}/medewerker/zaken?alle=1`)
  const reference = />(Z-\d{4}-\d{6})<\/a>/.exec(await response.text())?.[1]
  expect(reference).toBeTruthy()
  return reference!
}

describe('search from every staff page', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`a caseworker finds a case by its number and opens it (${lang})`, async () => {
      const context = await contextFor('caseworker', 'desktop', lang)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/medewerker/post`)
      const reference = await caseReference(page)
      await page.getByLabel(labels[lang].search).fill(reference.toLowerCase().replace(/-/g, ''))
      await page.getByRole('search').getByRole('button', { name: labels[lang].searchButton }).click()
      await page.waitForURL(`${baseUrl}/medewerker/zoeken`)
      const link = page.getByRole('main').getByRole('link', { name: reference })
      await link.waitFor()
      expect(await page.getByRole('status').first().textContent()).toBe(
        lang === 'en' ? '1 case found.' : '1 zaak gevonden.',
      )
      await expectNoAxeViolations(page)
      await screenshot(page, `staff-search-case-${lang}-desktop`)
      await link.click()
      await page.waitForURL(/\/medewerker\/zaken\/[0-9a-f-]{36}$/)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(reference)
      await context.close()
    })
  }

  it('a caseworker finds the cases of a citizen by name, and by BSN without it reaching the URL', async () => {
    const context = await contextFor('caseworker', 'phone', 'nl')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    await page.getByLabel(labels.nl.search).fill('Yilmaz')
    await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zoeken`)
    await page.getByRole('main').getByText('Mehmet Yilmaz').first().waitFor()
    expect(await page.getByLabel(labels.nl.search).inputValue()).toBe('Yilmaz')
    await expectNoAxeViolations(page)
    await screenshot(page, 'staff-search-name-nl-phone')
    // By BSN: found, and the number reaches no URL (the page's HTML is checked over HTTP).
    await page.getByLabel(labels.nl.search).fill('9999 90 123')
    await page.getByRole('main').getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => page.getByRole('main').getByRole('status').first().textContent()).toMatch(/zaak|zaken/)
    expect(page.url()).toBe(`${baseUrl}/medewerker/zoeken`)
    expect(await page.getByRole('main').textContent()).toContain('Mehmet Yilmaz')
    await context.close()
  })

  it('a support employee finds a citizen by name and goes on to start looking along', async () => {
    const context = await contextFor('support', 'desktop', 'nl')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker`)
    await page.getByLabel(labels.nl.search).fill('Geertruida van Dijk')
    await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zoeken`)
    const start = page.getByRole('button', { name: 'Meekijken starten met Geertruida van Dijk' })
    await start.waitFor()
    await expectNoAxeViolations(page)
    await screenshot(page, 'staff-search-citizen-nl-desktop')
    await start.click()
    await page.waitForURL(`${baseUrl}/medewerker/burgers`)
    await page.getByRole('heading', { level: 1, name: 'Meekijken starten' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('Geertruida van Dijk')
    await expectNoAxeViolations(page)
    await context.close()
  })

  it('says what to fix, and the error summary takes focus', async () => {
    const context = await contextFor('caseworker', 'desktop', 'en')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/medewerker/zaken`)
    await page.getByLabel(labels.en.search).fill('J')
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(`${baseUrl}/medewerker/zoeken`)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')))
      .toBe('error-summary-title')
    expect(await page.getByRole('alert').textContent()).toContain('Enter at least 2 letters of the name')
    await expectNoAxeViolations(page)
    await screenshot(page, 'staff-search-error-en-desktop')
    await context.close()
  })
})
