import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { MOCK_PSP_DEFAULT_KEY } from '../../server/config'
import type { Fee } from '~/domain/eloket/form'
import { PAYMENT_EXPIRY_MINUTES } from '~/domain/payments'
import { createTaskList } from '~/services/jobs.server'
import { PaymentProviderError, type PaymentProvider } from '~/services/payments/mollie.server'
import { PAYMENTS_REFRESH_TASK } from '~/services/payments/jobs.server'
import { refreshPayment, refreshStalePayments } from '~/services/payments/refresh.server'
import { ApplicationNotFound, startPayment } from '~/services/payments/start.server'
import { ReadOnlyImpersonation } from '~/services/requests/kernel.server'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Paying for an application against the mock payment provider over HTTP (README: Payments):
 * the portal creates the payment, the tester chooses at the checkout page, the provider calls
 * the webhook (or does not), the citizen comes back (or does not) — and whatever the order,
 * a paid application becomes exactly one case with one receipt, and an unpaid one goes back to
 * its draft to be paid again.
 */
let server: TestServer
let db: DB
let provider: PaymentProvider
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const { get, post } = portalClient(() => server.url)

/** A parking permit's answers as the e-loket's check page accepts them (the car in one's name, from next week). */
const PERMIT = {
  licencePlate: '12-ABC-3',
  carOwner: 'own',
  startDate: new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
}

const FEE: Fee = {
  amountCents: 6590,
  description: { nl: 'Parkeervergunning voor bewoners', en: 'Resident parking permit' },
}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  provider = { apiUrl: `${server.url}/mock-psp/v2`, apiKey: MOCK_PSP_DEFAULT_KEY }
  cookies.jan = await loginAsCitizen(server.url, jan.bsn)
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn)
  cookies.staff = await loginAsStaff(server.url, 'E1001') // caseworker, Vergunningen
})
afterAll(() => server?.close())

// --- helpers -------------------------------------------------------------------------------

/** An application whose answers are checked, as the e-loket's check page leaves it. */
async function application(bsn = jan.bsn, service = 'parkeervergunning') {
  // one draft per (bsn, service): earlier tests' drafts are put aside first
  await db
    .deleteFrom('applications')
    .where('bsn', '=', bsn)
    .where('service', '=', service)
    .where('status', '=', 'draft')
    .execute()
  const row = await db
    .insertInto('applications')
    .values({ bsn, service, answers: JSON.stringify(PERMIT), last_page: 'ingangsdatum' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const start = (applicationId: string, options: { bsn?: string; base?: string } = {}) =>
  startPayment({ bsn: options.bsn ?? jan.bsn }, applicationId, {
    fee: FEE,
    language: 'nl',
    provider,
    publicBaseUrl: options.base ?? server.url,
  })

async function checkoutUrl(applicationId: string, options?: { base?: string }) {
  const started = await start(applicationId, options)
  if (!('checkoutUrl' in started)) throw new Error('expected a checkout URL')
  return new URL(started.checkoutUrl)
}

/** The tester's choice on the checkout page, as the browser sends the form. */
async function choose(checkout: URL, status: 'paid' | 'failed' | 'canceled' | 'expired') {
  const page = await get(checkout.pathname)
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toContain('Testomgeving — er wordt geen echt geld betaald')
  expect(html).toContain(`value="${status}"`)
  return post(checkout.pathname, '', { status })
}

const appRow = (id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const paymentRows = (id: string) =>
  db.selectFrom('payments').selectAll().where('application_id', '=', id).orderBy('created_at').execute()
const receipts = (caseId: string) =>
  db
    .selectFrom('documents')
    .select(['title', 'media_type', 'bytes'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'receipt')
    .execute()
const casesOf = (bsn: string) => db.selectFrom('cases').select('id').where('bsn', '=', bsn).execute()
const audits = (action: string, applicationId: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_kind', 'details'])
    .where('action', '=', action)
    .where('resource', '=', `application:${applicationId}`)
    .execute()

/** The webhook runs in the background after the checkout: wait for what it does. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}

const returnPath = (id: string) => `/mijn/aanvragen/parkeervergunning/${id}/betaling`
const webhook = (id: string) =>
  fetch(`${server.url}/betalingen/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `id=${encodeURIComponent(id)}`,
  })

// --- paying --------------------------------------------------------------------------------

describe('paying at the provider', () => {
  it('paid: one case with its receipt, the webhook before the citizen returns, and the return page leads to the sent page', async () => {
    const id = await application()
    const checkout = await checkoutUrl(id)
    expect(checkout.pathname).toMatch(/^\/mock-psp\/checkout\/tr_[A-Za-z0-9]+$/)
    expect(await appRow(id)).toMatchObject({ status: 'awaiting_payment', fee_cents: 6590 })
    const [payment] = await paymentRows(id)
    expect(payment).toMatchObject({
      status: 'open',
      amount_cents: 6590,
      description: 'Parkeervergunning voor bewoners',
    })
    expect(payment.expires_at!.getTime() - payment.created_at.getTime()).toBeCloseTo(
      PAYMENT_EXPIRY_MINUTES * 60_000,
      -4,
    )

    const chosen = await choose(checkout, 'paid')
    expect(chosen.status).toBe(303)
    expect(chosen.headers.get('location')).toBe(`${server.url}${returnPath(id)}`)

    // The webhook (in the background) has made the case before the citizen's browser is back.
    const app = await eventually(
      () => appRow(id),
      (a) => a.status === 'submitted',
    )
    expect(app.case_id).not.toBeNull()
    expect(await paymentRows(id)).toMatchObject([{ status: 'paid', method: 'ideal' }])
    expect((await paymentRows(id))[0].paid_at).toBeInstanceOf(Date)
    const [receipt, ...more] = await receipts(app.case_id!)
    expect(more).toEqual([])
    expect(receipt.media_type).toBe('application/pdf')
    expect(receipt.title).toMatch(/^Betaalbewijs Z-\d{4}-\d+\.pdf$/)
    expect(receipt.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(await audits('payment.started', id)).toHaveLength(1)
    expect(await audits('payment.paid', id)).toMatchObject([{ actor_kind: 'system' }])

    const back = await get(returnPath(id), cookies.jan)
    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe(`/mijn/aanvragen/parkeervergunning/${id}/verstuurd`)

    // Paying again for a case already made: it says so instead of charging twice.
    expect(await start(id)).toEqual({ alreadyPaid: true, caseId: app.case_id })
  })

  it('the webhook twice, and at once: still one case and one receipt', async () => {
    const id = await application()
    const checkout = await checkoutUrl(id)
    const before = (await casesOf(jan.bsn)).length
    await choose(checkout, 'paid')
    const app = await eventually(
      () => appRow(id),
      (a) => a.status === 'submitted',
    )
    const providerId = (await paymentRows(id))[0].provider_id
    const answers = await Promise.all([webhook(providerId), webhook(providerId), webhook(providerId)])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(await casesOf(jan.bsn)).toHaveLength(before + 1)
    expect(await receipts(app.case_id!)).toHaveLength(1)
    expect(await audits('payment.paid', id)).toHaveLength(1)
  })

  it('the webhook never comes: the return page settles it, once', async () => {
    const id = await application()
    // The provider's webhook goes to an address where nobody listens.
    const checkout = await checkoutUrl(id, { base: 'http://127.0.0.1:9' })
    const chosen = await choose(checkout, 'paid')
    expect(chosen.headers.get('location')).toBe(`http://127.0.0.1:9${returnPath(id)}`)
    expect((await appRow(id)).status).toBe('awaiting_payment')

    const [first, second] = await Promise.all([get(returnPath(id), cookies.jan), get(returnPath(id), cookies.jan)])
    for (const back of [first, second]) {
      expect(back.status).toBe(302)
      expect(back.headers.get('location')).toMatch(/\/verstuurd$/)
    }
    const app = await appRow(id)
    expect(app.status).toBe('submitted')
    expect(await receipts(app.case_id!)).toHaveLength(1)
  })

  it('the webhook never comes and the citizen never returns: the job settles it', async () => {
    const id = await application()
    const checkout = await checkoutUrl(id, { base: 'http://127.0.0.1:9' })
    await choose(checkout, 'paid')
    // Not yet past its expiry: the job leaves it alone.
    expect(await refreshStalePayments({ provider })).toMatchObject({ checked: 0 })
    const later = new Date(Date.now() + (PAYMENT_EXPIRY_MINUTES + 1) * 60_000)
    const tasks = createTaskList({
      mailer: { kind: 'files', send: async () => ({ messageId: 'x' }), close() {} },
      baseUrl: server.url,
      now: () => later,
      paymentProvider: provider,
    })
    const task = tasks[PAYMENTS_REFRESH_TASK]!
    const logged: string[] = []
    await task({}, { logger: { info: (m: string) => logged.push(m) } } as unknown as Parameters<typeof task>[1])
    expect(logged.join()).toMatch(/stale payments: \d+ checked, [1-9]\d* changed/)
    const app = await appRow(id)
    expect(app.status).toBe('submitted')
    expect(await receipts(app.case_id!)).toHaveLength(1)
  })
})

describe('not paid', () => {
  it('failed, then paid again: two payments, one case, and the check page tells why', async () => {
    const id = await application()
    const first = await checkoutUrl(id)
    await choose(first, 'failed')
    await eventually(
      () => appRow(id),
      (a) => a.status === 'draft',
    )
    const back = await get(returnPath(id), cookies.jan)
    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe(`/mijn/aanvragen/parkeervergunning/${id}/controleren?betaling=mislukt`)
    expect(await audits('payment.failed', id)).toMatchObject([{ details: { status: 'failed' } }])

    const second = await checkoutUrl(id)
    expect(second.pathname).not.toBe(first.pathname)
    // The first payment's checkout cannot be used again.
    expect((await get(first.pathname)).status).toBe(409)
    await choose(second, 'paid')
    const app = await eventually(
      () => appRow(id),
      (a) => a.status === 'submitted',
    )
    expect((await paymentRows(id)).map((p) => p.status)).toEqual(['failed', 'paid'])
    expect(await receipts(app.case_id!)).toHaveLength(1)

    // The caseworker sees the payment on the case; the citizen sees when it was paid.
    const staffPage = await (await get(`/medewerker/zaken/${app.case_id}`, cookies.staff)).text()
    expect(staffPage).toContain('Betaling')
    expect(staffPage).toMatch(/€\s?65,90/)
    expect(staffPage).toContain((await paymentRows(id))[1].provider_id)
    expect(staffPage).toContain('1 betaling niet gelukt')
    const citizenPage = await (await get(`/mijn/zaken/${app.case_id}`, cookies.jan)).text()
    expect(citizenPage).toMatch(/Betaald op [^<]+\(€\s?65,90\)/)
  })

  it('cancelled: back to the draft, with its own message', async () => {
    const id = await application()
    await choose(await checkoutUrl(id), 'canceled')
    await eventually(
      () => appRow(id),
      (a) => a.status === 'draft',
    )
    const back = await get(returnPath(id), cookies.jan)
    expect(back.headers.get('location')).toMatch(/\/controleren\?betaling=geannuleerd$/)
    expect((await paymentRows(id))[0].status).toBe('canceled')
  })

  it('left open: the provider lets it expire and the job sends the application back to its draft', async () => {
    const id = await application()
    await checkoutUrl(id)
    const [payment] = await paymentRows(id)
    // Sixteen minutes on, at the provider and here.
    const past = new Date(Date.now() - 60_000)
    await db.updateTable('mock_psp_payments').set({ expires_at: past }).where('id', '=', payment.provider_id).execute()
    await db.updateTable('payments').set({ expires_at: past }).where('id', '=', payment.id).execute()
    const result = await refreshStalePayments({ provider })
    expect(result.changed).toBeGreaterThanOrEqual(1)
    expect((await paymentRows(id))[0].status).toBe('expired')
    expect((await appRow(id)).status).toBe('draft')
    expect(await audits('payment.failed', id)).toMatchObject([{ details: { status: 'expired' } }])
    const back = await get(returnPath(id), cookies.jan)
    expect(back.headers.get('location')).toMatch(/\/controleren\?betaling=verlopen$/)
    // Its checkout page says it is over.
    expect((await get(new URL(payment.checkout_url!).pathname)).status).toBe(409)
  })

  it('still open when the citizen comes back: the page waits, without JavaScript too', async () => {
    const id = await application()
    await checkoutUrl(id)
    const page = await get(returnPath(id), cookies.jan)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Wij wachten op de bevestiging van uw betaling')
    expect(html).toContain(`href="${returnPath(id)}"`)
    // Started again meanwhile: the same open payment, not a second one.
    const again = await checkoutUrl(id)
    expect(again.pathname).toBe(new URL((await paymentRows(id))[0].checkout_url!).pathname)
    expect(await paymentRows(id)).toHaveLength(1)
    expect(await audits('payment.started', id)).toHaveLength(1)
  })
})

describe('what the webhook and the return page believe', () => {
  it('a webhook for an unknown or malformed id answers 200 and changes nothing', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`select (select count(*) from payments where status = 'paid')::int
        + (select count(*) from cases)::int as n`.execute(db)
      ).rows[0].n
    const before = await count()
    for (const id of ['tr_doesNotExist1', 'nonsense', '']) {
      const answer = await webhook(id)
      expect(answer.status).toBe(200)
    }
    // Without an Origin (a server calls it) it is not refused as a cross-site post.
    const bare = await fetch(`${server.url}/betalingen/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=tr_unknown2',
    })
    expect(bare.status).toBe(200)
    expect(await count()).toBe(before)
    // Only the webhook is exempt: another form without an Origin is still refused.
    const other = await fetch(`${server.url}/mijn/voorkeuren`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.jan },
      body: 'email=x@example.org',
    })
    expect(other.status).toBe(403)
  })

  it("a webhook's body is not believed: the provider is asked", async () => {
    const id = await application()
    await checkoutUrl(id)
    const [payment] = await paymentRows(id)
    const answer = await fetch(`${server.url}/betalingen/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${payment.provider_id}&status=paid`,
    })
    expect(answer.status).toBe(200)
    expect((await paymentRows(id))[0].status).toBe('open')
    expect((await appRow(id)).status).toBe('awaiting_payment')
  })

  it("another citizen's application, an unknown one and a malformed id: the same 404", async () => {
    const id = await application()
    await checkoutUrl(id)
    for (const [path, cookie] of [
      [returnPath(id), cookies.fatima],
      [returnPath('00000000-0000-4000-8000-000000000000'), cookies.jan],
      [returnPath('not-an-id'), cookies.jan],
      [`/mijn/aanvragen/uittreksel-brp/${id}/betaling`, cookies.jan],
    ] as const) {
      expect((await get(path, cookie)).status).toBe(404)
    }
    await expect(start(id, { bsn: fatima.bsn })).rejects.toBeInstanceOf(ApplicationNotFound)
    await expect(
      startPayment({ bsn: jan.bsn, impersonatedBy: 'E2001' }, id, { fee: FEE, language: 'nl', provider }),
    ).rejects.toBeInstanceOf(ReadOnlyImpersonation)
  })
})

describe('the provider down', () => {
  const down: PaymentProvider = { apiUrl: 'http://127.0.0.1:9/v2', apiKey: MOCK_PSP_DEFAULT_KEY, timeoutMs: 2_000 }

  it('starting a payment: a clear error, and nothing written', async () => {
    const id = await application()
    const before = await appRow(id)
    const error = await startPayment({ bsn: jan.bsn }, id, { fee: FEE, language: 'nl', provider: down }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect((error as PaymentProviderError).kind).toBe('unreachable')
    expect((error as Error).message).not.toContain(MOCK_PSP_DEFAULT_KEY)
    expect(await paymentRows(id)).toEqual([])
    expect(await appRow(id)).toMatchObject({ status: before.status, fee_cents: null })
    expect(await audits('payment.started', id)).toEqual([])
  })

  it('coming back: "we cannot check your payment now", and nothing changes', async () => {
    const id = await application()
    const checkout = await checkoutUrl(id, { base: 'http://127.0.0.1:9' })
    await choose(checkout, 'paid')
    const elsewhere = await startTestServer({ PAYMENTS_API_URL: 'http://127.0.0.1:9/v2' })
    try {
      const cookie = await loginAsCitizen(elsewhere.url, jan.bsn)
      const page = await get(returnPath(id), cookie, { base: elsewhere.url })
      expect(page.status).toBe(503)
      expect(await page.text()).toContain('Wij kunnen uw betaling nu niet controleren')
      expect(await appRow(id)).toMatchObject({ status: 'awaiting_payment', case_id: null })
      expect((await paymentRows(id))[0].status).toBe('open')
      // When the provider answers again, it is settled after all.
      expect(await refreshPayment((await paymentRows(id))[0].provider_id, { provider })).toMatchObject({
        outcome: 'changed',
        status: 'paid',
      })
    } finally {
      await elsewhere.close()
    }
  })
})
