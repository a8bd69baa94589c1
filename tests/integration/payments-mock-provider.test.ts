import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { MOCK_PSP_DEFAULT_KEY } from '../../server/config'
import {
  createProviderPayment,
  getProviderPayment,
  PaymentProviderError,
  type CreatePaymentRequest,
  type PaymentProvider,
} from '~/services/payments/mollie.server'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The mock payment provider (server/mock-psp) speaks Mollie's Payments API v2 as the portal's
 * client (app/services/payments/mollie.server.ts) expects it: the same JSON, the same refusals.
 * Only mounted with MOCK_PSP.
 */
let server: TestServer
let provider: PaymentProvider
const { get, post } = portalClient(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  provider = { apiUrl: `${server.url}/mock-psp/v2`, apiKey: MOCK_PSP_DEFAULT_KEY }
})
afterAll(() => server?.close())

const request = (over: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest => ({
  amount: { currency: 'EUR', value: '14.55' },
  description: 'Uittreksel uit de BRP',
  redirectUrl: `${server.url}/terug`,
  webhookUrl: `${server.url}/betalingen/webhook`,
  metadata: { applicationId: '6d7c2f36-9f55-4ae4-a3c6-0d4c6f1b1a11' },
  locale: 'en_US',
  ...over,
})

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/mock-psp/v2${path}`, {
    ...init,
    headers: { authorization: `Bearer ${MOCK_PSP_DEFAULT_KEY}`, 'content-type': 'application/json', ...init.headers },
  })

describe('the API', () => {
  it("creates an open payment with Mollie's shape: tr_ id, amount as a string, checkout link, expiry in 15 minutes", async () => {
    const res = await raw('/payments', { method: 'POST', body: JSON.stringify(request()) })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/hal\+json/)
    const body = (await res.json()) as {
      id: string
      createdAt: string
      expiresAt: string
      _links: { checkout: { href: string } }
    }
    expect(body).toMatchObject({
      resource: 'payment',
      mode: 'test',
      status: 'open',
      amount: { currency: 'EUR', value: '14.55' },
      description: 'Uittreksel uit de BRP',
      metadata: { applicationId: '6d7c2f36-9f55-4ae4-a3c6-0d4c6f1b1a11' },
      method: null,
      _links: { checkout: { href: `${server.url}/mock-psp/checkout/${body.id}`, type: 'text/html' } },
    })
    expect(body.id).toMatch(/^tr_[A-Za-z0-9]{10}$/)
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(15 * 60_000)

    const again = await getProviderPayment(provider, body.id)
    expect(again).toMatchObject({ id: body.id, status: 'open', checkoutUrl: body._links.checkout.href, paidAt: null })
  })

  it('answers 401 without the key, or with another, and the client says it was refused', async () => {
    for (const authorization of ['', 'Bearer test_wrongwrongwrongwrongwrongwrong00', `Basic ${MOCK_PSP_DEFAULT_KEY}`]) {
      const res = await raw('/payments', {
        method: 'POST',
        body: JSON.stringify(request()),
        headers: { authorization },
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized Request' })
    }
    const error = await createProviderPayment(
      { ...provider, apiKey: 'test_wrongwrongwrongwrongwrongwrong00' },
      request(),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect(error).toMatchObject({ kind: 'refused', status: 401 })
    expect((error as Error).message).not.toContain('wrongwrong')
  })

  it('answers 404 as a problem for an id it does not know', async () => {
    const res = await raw('/payments/tr_nothere000')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found' })
    await expect(getProviderPayment(provider, 'tr_nothere000')).rejects.toMatchObject({ kind: 'not_found' })
  })

  it.each([
    [{ value: '14.5' }, 'amount.value'],
    [{ value: '0.00' }, 'amount.value'],
    [{ value: '-1.00' }, 'amount.value'],
    [{ value: '14,55' }, 'amount.value'],
    [{ currency: 'euro' }, 'amount.currency'],
  ])('answers 422 naming the field for a bad amount %j', async (amount, field) => {
    const res = await raw('/payments', {
      method: 'POST',
      body: JSON.stringify(request({ amount: { currency: 'EUR', value: '14.55', ...amount } })),
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({ status: 422, field })
    await expect(
      createProviderPayment(provider, request({ amount: { currency: 'EUR', value: '14.55', ...amount } })),
    ).rejects.toMatchObject({ kind: 'refused', status: 422 })
  })

  it('lets an open payment expire after its time', async () => {
    const created = await createProviderPayment(provider, request())
    await getDb()
      .updateTable('mock_psp_payments')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', created.id)
      .execute()
    expect(await getProviderPayment(provider, created.id)).toMatchObject({ status: 'expired', checkoutUrl: null })
  })
})

describe('the checkout page', () => {
  it('is a real form in the payment’s language, marked as a test environment; a choice it does not know changes nothing', async () => {
    const created = await createProviderPayment(provider, request())
    const path = new URL(created.checkoutUrl!).pathname
    const html = await (await get(path)).text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Test environment — no real money is paid.')
    expect(html).toMatch(/<form method="post" action="\/mock-psp\/checkout\/tr_/)
    for (const label of ['Paid', 'Failed', 'Cancelled', 'Expired']) expect(html).toContain(`>${label}</button>`)
    expect(html).toContain('€14.55')

    const odd = await post(path, '', { status: 'refunded' })
    expect(odd.status).toBe(303)
    expect(odd.headers.get('location')).toBe(path)
    expect((await getProviderPayment(provider, created.id)).status).toBe('open')

    const paid = await post(path, '', { status: 'paid' })
    expect(paid.headers.get('location')).toBe(`${server.url}/terug`)
    expect(await getProviderPayment(provider, created.id)).toMatchObject({ status: 'paid', method: 'ideal' })
    // A second choice after the first: the first stands.
    await post(path, '', { status: 'failed' })
    expect((await getProviderPayment(provider, created.id)).status).toBe('paid')
  })

  it('answers 404 for a payment it does not know', async () => {
    expect((await get('/mock-psp/checkout/tr_nothere000')).status).toBe(404)
    expect((await get('/mock-psp/checkout/..%2f')).status).toBe(404)
  })
})

describe('without MOCK_PSP', () => {
  it('is not there', async () => {
    const real = await startTestServer({ MOCK_PSP: 'false', PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM' })
    try {
      const res = await fetch(`${real.url}/mock-psp/v2/payments/tr_anything00`, {
        headers: { authorization: 'Bearer test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM' },
      })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).not.toMatch(/hal\+json/)
    } finally {
      await real.close()
    }
  })
})
