import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { seedDemoCases } from '../../server/seed/cases'
import { loadConfig as load } from '../../server/config'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

const JAN = '999993653'
const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv)

let server: TestServer
let citizen: string
let staff: string
beforeAll(async () => {
  await seedPersonas(getDb())
  await seedDemoCases(getDb(), new Date())
  server = await startTestServer()
  citizen = await loginAsCitizen(server.url, JAN, 'midden')
  staff = await loginAsStaff(server.url, 'E1001')
})
afterAll(() => server?.close())

const { get } = portalClient(() => server.url)

describe('the mock identity providers are never on by accident', () => {
  const base = { PORT: '3000', DATA_DIR: '/tmp/x', BASE_URL: 'https://mijn.groningen.example' }

  it('`npm run serve` no longer allows them itself; `npm start`, the demo, says so explicitly', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.serve).not.toContain('MOCK_IDP_ALLOW_IN_PRODUCTION')
    expect(scripts.serve).toContain('NODE_ENV=production')
    expect(scripts.start).toMatch(/MOCK_IDP_ALLOW_IN_PRODUCTION=true npm run serve$/)
  })

  it('refuses a real DigiD beside the mock staff SSO, naming both variables', () => {
    const env = { ...base, NODE_ENV: 'production', MOCK_IDP_ALLOW_IN_PRODUCTION: 'true' }
    expect(() => loadConfig({ ...env, OIDC_ISSUER: 'https://broker.example/digid' })).toThrow(
      /OIDC_ISSUER points at a real identity provider while STAFF_OIDC_ISSUER is unset, so the mock one/,
    )
    expect(() =>
      loadConfig({
        ...env,
        OIDC_ISSUER: 'https://broker.example/digid',
        STAFF_OIDC_ISSUER: 'https://mijn.groningen.example/mock-idp/staff',
      }),
    ).toThrow(/OIDC_ISSUER points at a real identity provider while STAFF_OIDC_ISSUER is the mock one/)
    expect(() => loadConfig({ ...env, STAFF_OIDC_ISSUER: 'https://login.example/sso' })).toThrow(
      /STAFF_OIDC_ISSUER points at a real identity provider while OIDC_ISSUER is unset/,
    )
    // both real, or both the mock (the demo): fine
    expect(
      loadConfig({
        ...base,
        NODE_ENV: 'production',
        MOCK_IDP: 'false',
        PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM', // no mock payment provider either
        OIDC_ISSUER: 'https://broker.example/digid',
        STAFF_OIDC_ISSUER: 'https://login.example/sso',
        APP_SECRET: 'a-secret-of-at-least-thirty-two-characters',
      }).oidc.staff.issuer,
    ).toBe('https://login.example/sso')
    expect(loadConfig(env).oidc.staff.issuer).toBe('https://mijn.groningen.example/mock-idp/staff')
    // in development a developer may try a broker's test environment beside the mock staff SSO
    expect(loadConfig({ ...base, NODE_ENV: 'development', OIDC_ISSUER: 'https://broker.example/digid' }).MOCK_IDP).toBe(
      true,
    )
  })

  /** `npm run serve` as an operator runs it, in an environment without the demo's settings. */
  async function serve(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-serve-'))
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(MOCK_IDP|OIDC_|STAFF_OIDC_|NODE_ENV$|DATABASE_URL$|BASE_URL$)/.test(k),
      ),
    )
    try {
      const child = spawn('npm', ['run', 'serve', '--silent'], {
        env: { ...clean, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env } as unknown as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (c: Buffer) => (output += String(c)))
      child.stderr.on('data', (c: Buffer) => (output += String(c)))
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
        child.on('exit', (c) => {
          clearTimeout(timer)
          resolve(c)
        })
      })
      return { code, output }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }

  it('`npm run serve` with nothing set refuses to start: the mock DigiD is not allowed in production', async () => {
    const { code, output } = await serve({})
    expect(code).not.toBe(0)
    expect(output).toContain('MOCK_IDP is on while NODE_ENV=production')
  })

  it('`npm run serve` with only OIDC_ISSUER set refuses to start rather than let staff in through the mock', async () => {
    const { code, output } = await serve({
      OIDC_ISSUER: 'https://broker.example/digid',
      MOCK_IDP_ALLOW_IN_PRODUCTION: 'true',
    })
    expect(code).not.toBe(0)
    expect(output).toMatch(/OIDC_ISSUER points at a real identity provider while STAFF_OIDC_ISSUER is unset/)
  })
})

describe('nothing personal stays in a cache: Cache-Control: no-store', () => {
  const routeData = (p: string, route: string) => `${p}?_data=${encodeURIComponent(route)}`

  it('on every page, data request and redirect a signed-in citizen gets', async () => {
    const letter = await getDb()
      .selectFrom('letters')
      .innerJoin('cases', 'cases.id', 'letters.case_id')
      .select('letters.id')
      .where('cases.bsn', '=', JAN)
      .executeTakeFirstOrThrow()
    for (const p of [
      '/',
      '/kwaliteitshandvest',
      '/mijn',
      '/mijn/zaken',
      '/mijn/gegevens',
      routeData('/mijn', 'routes/mijn+/_index'),
      routeData('/mijn/gegevens', 'routes/mijn+/gegevens._index'),
      routeData('/', 'root'),
      `/mijn/brieven/${letter.id}`,
      `/mijn/brieven/${letter.id}/pdf`,
      '/bestaat-niet',
      '/inloggen?terug=%2Fmijn', // a redirect
    ]) {
      const res = await get(p, citizen)
      expect(res.status, p).toBeLessThan(500)
      expect(res.headers.get('cache-control'), p).toMatch(/(^|, )no-store$/)
      await res.arrayBuffer()
    }
  })

  it('on the staff pages, PDFs included', async () => {
    for (const p of ['/medewerker', '/medewerker/zaken', '/medewerker/post']) {
      const res = await get(p, staff)
      expect(res.status, p).toBe(200)
      expect(res.headers.get('cache-control'), p).toMatch(/(^|, )no-store$/)
      await res.arrayBuffer()
    }
  })

  it('on the personal pages without a session too (their redirect to the login)', async () => {
    for (const p of ['/mijn', '/mijn/brieven', '/medewerker/zaken']) {
      const res = await get(p)
      expect(res.status, p).toBe(302)
      expect(res.headers.get('cache-control'), p).toMatch(/(^|, )no-store$/)
    }
  })

  it('but public pages for visitors, and scripts and fonts for everyone, keep their caching', async () => {
    for (const p of ['/', '/kwaliteitshandvest']) {
      const res = await get(p)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control') ?? '', p).not.toContain('no-store')
      await res.arrayBuffer()
    }
    const html = await (await get('/', citizen)).text()
    const script = /"(\/build\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const asset = await get(script!, citizen)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('max-age=31536000')
    await asset.arrayBuffer()
  })
})

describe('the Origin check compares scheme, host and port', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/taal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ lng: 'nl', returnTo: '/' }),
    })

  it('accepts our own origin, by Origin or by Referer', async () => {
    expect((await post({ origin: server.url })).status).toBe(302)
    expect((await post({ referer: `${server.url}/mijn` })).status).toBe(302)
  })

  it('refuses the same host under another scheme or port, and an opaque origin', async () => {
    const { host, hostname, port } = new URL(server.url)
    for (const origin of [
      `https://${host}`, // same host and port, other scheme
      `http://${hostname}:${Number(port) + 1}`,
      `http://${hostname}`,
      'null',
    ]) {
      expect((await post({ origin })).status, origin).toBe(403)
    }
    expect((await post({ referer: `https://${host}/mijn` })).status).toBe(403)
  })
})
