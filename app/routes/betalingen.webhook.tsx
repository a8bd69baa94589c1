import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { PROVIDER_ID_PATTERN } from '~/domain/payments'
import { serverLogger } from '~/services/log.server'
import { receivePaymentWebhook } from '~/services/payments/refresh.server'

/**
 * POST /betalingen/webhook — the payment provider's webhook (Mollie: `id=tr_…`,
 * application/x-www-form-urlencoded). It carries nothing to believe: the payment is fetched
 * from the provider and its status applied (README: Payments). The answer is 200 for every
 * payment id, known or not, so the webhook tells nobody which exist; a provider that does not
 * answer now is logged, and the return page and the job look again. Called by a server, not a
 * browser: exempt from the Origin check (server/app.ts), and it touches no session.
 */
const WebhookForm = z.object({ id: z.string().regex(PROVIDER_ID_PATTERN) })

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { Allow: 'POST' } })
  const form = WebhookForm.safeParse(Object.fromEntries(new URLSearchParams(await request.text())))
  if (form.success) {
    await receivePaymentWebhook(form.data.id, {
      onProviderError: (error) =>
        serverLogger().warn(
          { event: 'payment_webhook_provider_error', kind: error.kind, status: error.status },
          'payment webhook: the provider did not answer; the return page and the job look again',
        ),
    })
  }
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } })
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}
