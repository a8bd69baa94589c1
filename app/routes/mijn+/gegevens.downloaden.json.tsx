import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { exportFileName } from '~/domain/data-export'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { requireCitizen } from '~/services/auth/guards.server'
import { exportPersonalData } from '~/services/requests/data-export.server'
import { PersonNotFound, ReadOnlyImpersonation } from '~/services/requests/kernel.server'
import { notFound } from '~/responses'

/**
 * The citizen's own copy of all their data, machine-readable (AVG art. 20): JSON in the layout
 * `mijn-stad/personal-data-export` version 1 (`~/domain/data-export`, README). DigiD Midden, as
 * for the rest of Mijn gegevens. A support employee looking along gets 403 with the
 * explanation, although this is a GET: see `exportPersonalData`. Audited per download.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  try {
    const data = await exportPersonalData(citizen, { format: 'json', language: citizen.language })
    const body = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`)
    return new Response(body, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        // Named after what it is and the day; never after the person (no BSN, no name).
        'Content-Disposition': `attachment; filename="${exportFileName('json', data.generatedAt)}"`,
        'Content-Length': String(body.length),
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof ReadOnlyImpersonation) {
      throw json(
        { code: IMPERSONATION_REFUSAL.export },
        { status: 403, headers: { 'X-Remix-Catch': 'yes', 'Cache-Control': 'no-store' } },
      )
    }
    if (error instanceof PersonNotFound) throw notFound()
    throw error
  }
}
