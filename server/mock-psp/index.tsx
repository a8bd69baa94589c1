/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { timingSafeEqual } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import { z } from 'zod'
import { getDb } from '../../db/instance'
import type { DB } from '../../db/client'
import { centsOf, PAYMENT_EXPIRY_MINUTES, PROVIDER_ID_PATTERN } from '../../app/domain/payments'
import type { Config } from '../config'
import { languageOfLocale } from './i18n'
import { findPayment, insertPayment, newPaymentId, settlePayment, type MockPayment } from './store'
import { CheckoutPage, isCheckoutChoice, NotPayablePage, renderPage } from './views'

/**
 * A mock payment service provider: the subset of Mollie's Payments API v2 the portal uses, over
 * HTTP with Mollie's JSON shapes, and a checkout page where a tester chooses what happens.
 * Mounted at /mock-psp when MOCK_PSP is on (development, tests, the demo); config.ts refuses it
 * in production unless MOCK_PSP_ALLOW_IN_PRODUCTION. README: Payments.
 *
 * - POST /mock-psp/v2/payments, GET /mock-psp/v2/payments/:id — Bearer key (the portal's
 *   PAYMENTS_API_KEY), else 401; an unknown id 404; a bad amount 422 — all as Mollie answers
 *   (application/hal+json with status, title, detail, field).
 * - GET /mock-psp/checkout/:id — the checkout page: Betaald, Mislukt, Geannuleerd, Verlopen.
 *   POST sets the status, calls the webhook in the background (`id=tr_…`, form-encoded, a few
 *   tries) and sends the browser to the payment's redirectUrl.
 * - An open payment expires after PAYMENT_EXPIRY_MINUTES.
 */
const assets = fileURLToPath(new URL('./assets', import.meta.url))
const DOCS = 'https://docs.mollie.com/reference/create-payment'
const WEBHOOK_TIMEOUT_MS = 5_000
/** Mollie retries a failed webhook call for hours; the mock tries a few times within seconds. */
const WEBHOOK_RETRY_MS = [0, 1_000, 3_000]

export interface MockPspOptions {
  config: Config
  logger: Logger
  db?: () => DB
  now?: () => Date
}

export function mountMockPsp(app: Express, { config, logger, db = getDb, now = () => new Date() }: MockPspOptions) {
  if (config.production) {
    logger.warn(
      'MOCK_PSP is on in production (MOCK_PSP_ALLOW_IN_PRODUCTION): payments are marked paid at a click. Demo use only.',
    )
  }
  const key = Buffer.from(config.payments.apiKey)
  const base = config.payments.publicBaseUrl
  const json = express.json({ limit: '16kb', type: () => true })
  const form = express.urlencoded({ extended: false, limit: '2kb' })

  app.use('/mock-psp/assets', express.static(assets, { maxAge: '1h' }))

  const authenticated = (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '')
    if (given.length === key.length && timingSafeEqual(given, key)) return next()
    problem(res, 401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate')
  }

  app.post('/mock-psp/v2/payments', authenticated, json, async (req, res, next) => {
    try {
      const parsed = createSchema.safeParse(req.body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const field = issue.path.join('.') || 'body'
        return problem(res, 422, 'Unprocessable Entity', `The ${field} is invalid`, field)
      }
      const body = parsed.data
      const at = now()
      const payment = await insertPayment(db(), {
        id: newPaymentId(),
        amount_value: body.amount.value,
        currency: body.amount.currency,
        description: body.description,
        redirect_url: body.redirectUrl,
        webhook_url: body.webhookUrl ?? null,
        metadata: body.metadata ?? null,
        locale: body.locale ?? null,
        created_at: at,
        expires_at: new Date(at.getTime() + PAYMENT_EXPIRY_MINUTES * 60_000),
      })
      res.status(201).type('application/hal+json').json(asMollie(payment, base))
    } catch (error) {
      next(error)
    }
  })

  app.get('/mock-psp/v2/payments/:id', authenticated, async (req, res, next) => {
    try {
      const payment = PROVIDER_ID_PATTERN.test(req.params.id)
        ? await findPayment(db(), req.params.id, now())
        : undefined
      if (!payment) return problem(res, 404, 'Not Found', `No payment exists with token ${req.params.id.slice(0, 70)}.`)
      res.type('application/hal+json').json(asMollie(payment, base))
    } catch (error) {
      next(error)
    }
  })

  app.get('/mock-psp/checkout/:id', async (req, res, next) => {
    try {
      const payment = PROVIDER_ID_PATTERN.test(req.params.id)
        ? await findPayment(db(), req.params.id, now())
        : undefined
      res.set('Cache-Control', 'no-store')
      if (!payment) {
        return res
          .status(404)
          .type('html')
          .send(renderPage(<NotPayablePage lang="nl" reason="not_found" returnUrl={null} />))
      }
      const lang = languageOfLocale(payment.locale)
      if (payment.status !== 'open') {
        return res
          .status(409)
          .type('html')
          .send(renderPage(<NotPayablePage lang={lang} reason="settled" returnUrl={payment.redirect_url} />))
      }
      res.type('html').send(renderPage(<CheckoutPage lang={lang} payment={payment} />))
    } catch (error) {
      next(error)
    }
  })

  app.post('/mock-psp/checkout/:id', form, async (req, res, next) => {
    try {
      const id = req.params.id
      const choice: unknown = (req.body as Record<string, unknown> | undefined)?.status
      const known = PROVIDER_ID_PATTERN.test(id) ? await findPayment(db(), id, now()) : undefined
      if (!known) {
        return res
          .status(404)
          .type('html')
          .send(renderPage(<NotPayablePage lang="nl" reason="not_found" returnUrl={null} />))
      }
      if (!isCheckoutChoice(choice)) return res.redirect(303, `/mock-psp/checkout/${id}`)
      const settled = await settlePayment(db(), id, choice, now())
      // Settled already (another tab, or it expired meanwhile): back to the shop all the same,
      // which asks the API what became of it.
      if (settled?.webhook_url) deliverWebhook(settled.webhook_url, settled.id, logger)
      res.redirect(303, (settled ?? known).redirect_url)
    } catch (error) {
      next(error)
    }
  })
}

const createSchema = z.object({
  amount: z.object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    value: z.string().refine((v) => (centsOf(v) ?? 0) > 0, 'an amount with two decimals, more than 0.00'),
  }),
  description: z.string().trim().min(1).max(255),
  redirectUrl: z.string().url().max(2000),
  webhookUrl: z.string().url().max(2000).optional(),
  metadata: z.unknown().optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2}_[A-Z]{2}$/)
    .optional(),
})

/** A payment as Mollie's API writes it (the fields of its payment resource the portal reads, and a few more). */
export function asMollie(p: MockPayment, base: string) {
  const iso = (d: Date | null) => (d ? d.toISOString() : undefined)
  const settledAs = (status: string) => (p.status === status ? iso(p.settled_at) : undefined)
  return {
    resource: 'payment',
    id: p.id,
    mode: 'test',
    createdAt: iso(p.created_at),
    amount: { value: p.amount_value, currency: p.currency },
    description: p.description,
    method: p.method,
    metadata: p.metadata ?? null,
    status: p.status,
    isCancelable: p.status === 'open' ? true : undefined,
    ...(p.status === 'open' ? { expiresAt: iso(p.expires_at) } : {}),
    paidAt: settledAs('paid'),
    failedAt: settledAs('failed'),
    canceledAt: settledAs('canceled'),
    expiredAt: settledAs('expired'),
    profileId: 'pfl_mockpsp000',
    sequenceType: 'oneoff',
    redirectUrl: p.redirect_url,
    webhookUrl: p.webhook_url ?? undefined,
    locale: p.locale ?? undefined,
    _links: {
      self: { href: `${base}/mock-psp/v2/payments/${p.id}`, type: 'application/hal+json' },
      ...(p.status === 'open' ? { checkout: { href: `${base}/mock-psp/checkout/${p.id}`, type: 'text/html' } } : {}),
      documentation: { href: DOCS, type: 'text/html' },
    },
  }
}

function problem(res: Response, status: number, title: string, detail: string, field?: string) {
  res
    .status(status)
    .type('application/hal+json')
    .json({
      status,
      title,
      detail,
      ...(field ? { field } : {}),
      _links: { documentation: { href: DOCS, type: 'text/html' } },
    })
}

/**
 * Mollie's webhook: POST `id=tr_…` (application/x-www-form-urlencoded), nothing else — the
 * receiver must fetch the payment. In the background: the checkout page never waits for it.
 */
function deliverWebhook(url: string, id: string, logger: Logger, attempt = 0): void {
  const timer = setTimeout(() => {
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id }).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
      .then((response) => {
        if (response.ok) return
        throw new Error(`status ${response.status}`)
      })
      .catch((error: unknown) => {
        const next = attempt + 1
        if (next < WEBHOOK_RETRY_MS.length) return deliverWebhook(url, id, logger, next)
        logger.warn(
          { component: 'mock-psp', payment: id, err: error instanceof Error ? error.message : String(error) },
          'mock payment provider: webhook not delivered',
        )
      })
  }, WEBHOOK_RETRY_MS[attempt])
  timer.unref()
}
