import { describe, expect, it } from 'vitest'
import { loadConfig as load, MOCK_PSP_DEFAULT_KEY } from '../../server/config'

/**
 * The payment settings (README: Configuration, Payments): the mock provider is the demo's and
 * the tests', never production's by accident; a real provider needs its key.
 */
const base = { PORT: '3000', DATA_DIR: '/tmp/x', BASE_URL: 'https://mijn.groningen.example' }
const realIdp = {
  MOCK_IDP: 'false',
  OIDC_ISSUER: 'https://broker.example/digid',
  STAFF_OIDC_ISSUER: 'https://sso.example',
  APP_SECRET: 'a-production-secret-of-at-least-32-characters',
}
const KEY = 'live_abcdefghijklmnopqrstuvwxyz0123'
const loadConfig = (vars: Record<string, string>) => load(vars as unknown as NodeJS.ProcessEnv)

describe('MOCK_PSP', () => {
  it('follows MOCK_IDP when unset: the demo pays at the mock, on its own address', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'development' })
    expect(config.payments).toEqual({
      mock: true,
      apiUrl: 'https://mijn.groningen.example/mock-psp/v2',
      apiKey: MOCK_PSP_DEFAULT_KEY,
      publicBaseUrl: 'https://mijn.groningen.example',
      checkoutOrigin: 'https://mijn.groningen.example',
    })
    expect(loadConfig({ ...base, NODE_ENV: 'development', ...realIdp, PAYMENTS_API_KEY: KEY }).payments.mock).toBe(
      false,
    )
    expect(
      loadConfig({ ...base, NODE_ENV: 'development', MOCK_PSP: 'false', PAYMENTS_API_KEY: KEY }).payments.mock,
    ).toBe(false)
  })

  it('is refused in production unless allowed, and allowed with the mock DigiD of a demo', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', ...realIdp, MOCK_PSP: 'true' })).toThrow(
      /MOCK_PSP \(the mock payment provider\) is on while NODE_ENV=production/,
    )
    expect(
      loadConfig({
        ...base,
        NODE_ENV: 'production',
        ...realIdp,
        MOCK_PSP: 'true',
        MOCK_PSP_ALLOW_IN_PRODUCTION: 'true',
      }).payments.mock,
    ).toBe(true)
    // `npm start`: the demo allows both mocks.
    const demo = { ...base, NODE_ENV: 'production', MOCK_IDP_ALLOW_IN_PRODUCTION: 'true' }
    expect(loadConfig(demo).payments.mock).toBe(true)
    expect(() => loadConfig({ ...demo, MOCK_PSP_ALLOW_IN_PRODUCTION: 'false' })).toThrow(/MOCK_PSP/)
  })
})

describe('PAYMENTS_API_URL and PAYMENTS_API_KEY', () => {
  it("point at Mollie by default, whose checkout is on www.mollie.com (the check page's form leads there)", () => {
    const config = loadConfig({ ...base, NODE_ENV: 'production', ...realIdp, PAYMENTS_API_KEY: KEY })
    expect(config.payments).toMatchObject({
      mock: false,
      apiUrl: 'https://api.mollie.com/v2',
      apiKey: KEY,
      checkoutOrigin: 'https://www.mollie.com',
    })
  })

  it('the key is required without the mock, and must look like a Mollie key', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', ...realIdp })).toThrow(
      /with MOCK_PSP=false, PAYMENTS_API_KEY must be set/,
    )
    for (const key of ['secret', 'test_short', `prod_${'a'.repeat(30)}`])
      expect(() => loadConfig({ ...base, NODE_ENV: 'development', PAYMENTS_API_KEY: key })).toThrow(/PAYMENTS_API_KEY/)
    expect(
      loadConfig({ ...base, NODE_ENV: 'development', PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM' }).payments
        .apiKey,
    ).toBe('test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM')
  })

  it('in production a real provider is reached over https only', () => {
    const env = { ...base, NODE_ENV: 'production', ...realIdp, PAYMENTS_API_KEY: KEY }
    expect(() => loadConfig({ ...env, PAYMENTS_API_URL: 'http://psp.example/v2' })).toThrow(/must be https/)
    expect(loadConfig({ ...env, PAYMENTS_API_URL: 'https://psp.example/v2/' }).payments.apiUrl).toBe(
      'https://psp.example/v2',
    )
    expect(() => loadConfig({ ...env, PAYMENTS_API_URL: 'not a url' })).toThrow(/PAYMENTS_API_URL/)
  })
})
