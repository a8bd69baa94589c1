/**
 * The payment service provider, spoken over HTTP: the subset of Mollie's Payments API v2 the
 * portal uses (README: Payments) — create a payment (POST /v2/payments) and get one
 * (GET /v2/payments/:id). The request and response shapes are @mollie/api-client's own types;
 * its client is not used, because it pins its own CA bundle and refuses http:, so it cannot talk
 * to the mock provider (server/mock-psp) that tests and the demo run.
 *
 * Every answer is checked before it is believed: a payment's status and amount come from here
 * only, and only in the shape below. A refusal (4xx) or a failure (5xx, timeout, no connection)
 * becomes a `PaymentProviderError` naming what happened; no key, no body and no personal data
 * goes into its message.
 */
import type { Locale, PaymentCreateParams, PaymentStatus as MollieStatus } from '@mollie/api-client'
import type { PaymentData } from '@mollie/api-client/dist/types/data/payments/data'
import { z } from 'zod'
import { settings } from '~/context.server'
import { isPaymentStatus, PROVIDER_ID_PATTERN, type PaymentStatus } from '~/domain/payments'

/** Where the provider is and how the portal signs in to it (server/config.ts: PAYMENTS_*). */
export interface PaymentProvider {
  /** e.g. https://api.mollie.com/v2, without a trailing slash */
  apiUrl: string
  /** `test_…` or `live_…`: the profile's API key (Bearer) */
  apiKey: string
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10_000

/** The provider of the settings (PAYMENTS_API_URL, PAYMENTS_API_KEY). */
export function configuredProvider(): PaymentProvider {
  const { apiUrl, apiKey } = settings().payments
  return { apiUrl, apiKey }
}

/** What the portal sends to create a payment: the fields of Mollie's create call it uses. */
export type CreatePaymentRequest = Required<
  Pick<PaymentCreateParams, 'amount' | 'description' | 'redirectUrl' | 'webhookUrl'>
> & { metadata: { applicationId: string }; locale: `${Locale.nl_NL}` | `${Locale.en_US}` }

/** The fields of a payment the portal reads, as Mollie's type has them (statuses as strings). */
export type ProviderPayment = Pick<PaymentData, 'id' | 'amount' | 'description' | 'createdAt'> & {
  status: `${MollieStatus}`
  method: string | null
  expiresAt: string | null
  paidAt: string | null
  checkoutUrl: string | null
  metadata: unknown
}

// A status Mollie adds one day must fail the check here, not slip through as something else.
const statusOf = z.string().refine(isPaymentStatus)
const amountSchema = z.object({ currency: z.string().length(3), value: z.string().regex(/^\d{1,9}\.\d{2}$/) })
const paymentSchema = z.object({
  resource: z.literal('payment').optional(),
  id: z.string().regex(PROVIDER_ID_PATTERN),
  createdAt: z.string().datetime({ offset: true }),
  status: statusOf,
  amount: amountSchema,
  description: z.string(),
  method: z.string().nullish(),
  expiresAt: z.string().datetime({ offset: true }).nullish(),
  paidAt: z.string().datetime({ offset: true }).nullish(),
  metadata: z.unknown().optional(),
  _links: z.object({ checkout: z.object({ href: z.string().url() }).nullish() }).passthrough(),
})

/** Why the provider could not be used: the page says "try again later", the log says which. */
export class PaymentProviderError extends Error {
  constructor(
    /** unreachable: no answer in time; refused: a 4xx (our request or key is wrong); failed: a 5xx or an answer we cannot read */
    readonly kind: 'unreachable' | 'refused' | 'failed' | 'not_found',
    /** the HTTP status, when there was an answer */
    readonly status: number | null,
    /** the provider's `title`/`field` (never its whole body): what to fix */
    detail: string,
  ) {
    super(`payment provider ${kind}${status ? ` (${status})` : ''}: ${detail}`)
    this.name = 'PaymentProviderError'
  }
}

/** POST /v2/payments: a new payment; its checkout link is where the citizen pays. */
export async function createProviderPayment(
  provider: PaymentProvider,
  request: CreatePaymentRequest,
): Promise<ProviderPayment> {
  return readPayment(await call(provider, 'POST', '/payments', request))
}

/** GET /v2/payments/:id: the payment as the provider holds it now. */
export async function getProviderPayment(provider: PaymentProvider, id: string): Promise<ProviderPayment> {
  if (!PROVIDER_ID_PATTERN.test(id)) throw new PaymentProviderError('not_found', null, 'not a payment id')
  return readPayment(await call(provider, 'GET', `/payments/${encodeURIComponent(id)}`))
}

async function call(provider: PaymentProvider, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`${provider.apiUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${provider.apiKey}`,
        accept: 'application/hal+json, application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(provider.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    })
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'no connection'
    throw new PaymentProviderError('unreachable', null, `${method} ${path.split('/')[1]}: ${reason}`)
  }
  const text = await response.text().catch(() => '')
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (response.ok) return json
  // Mollie's error body (application/hal+json): { status, title, detail, field? }. Only its
  // title and the field it names go further: the detail may echo what was sent.
  const problem = z
    .object({ title: z.string().max(200).optional(), field: z.string().max(100).optional() })
    .safeParse(json)
  const what = problem.success ? [problem.data.title, problem.data.field].filter(Boolean).join(', ') : ''
  const kind = response.status === 404 ? 'not_found' : response.status < 500 ? 'refused' : 'failed'
  throw new PaymentProviderError(kind, response.status, what || response.statusText || 'error')
}

function readPayment(json: unknown): ProviderPayment {
  const parsed = paymentSchema.safeParse(json)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ')
    throw new PaymentProviderError('failed', null, `unreadable payment (${fields})`)
  }
  const p = parsed.data
  return {
    id: p.id,
    createdAt: p.createdAt,
    status: p.status as PaymentStatus,
    amount: p.amount,
    description: p.description,
    method: p.method ?? null,
    expiresAt: p.expiresAt ?? null,
    paidAt: p.paidAt ?? null,
    checkoutUrl: p._links.checkout?.href ?? null,
    metadata: p.metadata,
  }
}
