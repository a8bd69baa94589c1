import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient, redirectTarget } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const JAN = '999993653'

/** The payloads that once led a logged-in visitor away: each normalises to `//evil.example`. */
const EVIL = [
  '/.//evil.example',
  '/%2e//evil.example',
  '/a/..//evil.example',
  '/a/%2e%2e//evil.example',
  '//evil.example',
  '/\\evil.example',
  '/\t/evil.example',
  'https:evil.example',
  'https://evil.example/',
]

let server: TestServer
let citizen: string
let staff: string
beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer()
  citizen = await loginAsCitizen(server.url, JAN, 'midden')
  staff = await loginAsStaff(server.url, 'E1001')
})
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)

/** Where the browser goes next, as it would resolve the Location header. */
const next = (res: Response) => redirectTarget(res, server.url)

describe('return paths never lead to another site', () => {
  it('GET /inloggen?terug=%2F.%2F%2Fevil.example sends a logged-in citizen to their overview, not away', async () => {
    const res = await get('/inloggen?terug=%2F.%2F%2Fevil.example', citizen)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/mijn')
  })

  for (const evil of EVIL) {
    it(`keeps a logged-in citizen on the portal for terug=${JSON.stringify(evil)}`, async () => {
      const res = await get(`/inloggen?terug=${encodeURIComponent(evil)}`, citizen)
      expect(next(res).origin).toBe(server.url)
      expect(next(res).pathname).toBe('/mijn')
    })

    it(`keeps a logged-in employee on the portal for terug=${JSON.stringify(evil)}`, async () => {
      const res = await get(`/inloggen/medewerker?terug=${encodeURIComponent(evil)}`, staff)
      expect(next(res).origin).toBe(server.url)
      expect(next(res).pathname).toBe('/medewerker')
    })

    it(`switches the language and stays on the portal for returnTo=${JSON.stringify(evil)}`, async () => {
      const res = await post('/taal', citizen, { lng: 'en', returnTo: evil })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe('/')
    })

    it(`keeps the session alive and stays on the portal for returnTo=${JSON.stringify(evil)}`, async () => {
      const res = await post('/sessie', citizen, { mode: 'form', returnTo: evil })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe('/')
    })

    it(`offers a login back to the portal after logging out for terug=${JSON.stringify(evil)}`, async () => {
      const res = await get(`/uitgelogd?terug=${encodeURIComponent(evil)}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      const href = /href="(\/inloggen[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
      expect(href).toBeDefined()
      expect(href).not.toContain('evil.example')
      const terug = new URL(href!, server.url).searchParams.get('terug')
      expect(new URL(terug ?? '/', server.url).origin).toBe(server.url)
    })
  }

  it('still returns to a path on the portal, normalised', async () => {
    expect((await get('/inloggen?terug=%2Fmijn%2F.%2Fzaken%3Fx%3D1', citizen)).headers.get('location')).toBe(
      '/mijn/zaken?x=1',
    )
    expect((await post('/taal', citizen, { lng: 'nl', returnTo: '/mijn/brieven' })).headers.get('location')).toBe(
      '/mijn/brieven',
    )
    const html = await (await get('/uitgelogd?terug=%2Fmijn%2Fzaken')).text()
    expect(html).toContain('href="/inloggen?terug=%2Fmijn%2Fzaken"')
  })
})
