import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { exportFileName } from '~/domain/data-export'
import type { Translate } from '~/domain/data-export-document'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { requireCitizen } from '~/services/auth/guards.server'
import { exportPersonalData, renderDataExportPdf } from '~/services/requests/data-export.server'
import { PersonNotFound, ReadOnlyImpersonation } from '~/services/requests/kernel.server'
import { getFixedT } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * The citizen's own copy of all their data, to read and keep (AVG art. 15(3)): the same data as
 * the JSON, as an accessible PDF (tagged, fonts embedded) in the portal's language. DigiD
 * Midden; refused (403, with the explanation) for a support employee looking along, see
 * `exportPersonalData`. Audited per download.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  try {
    const [data, t] = await Promise.all([
      exportPersonalData(citizen, { format: 'pdf', language: citizen.language }),
      getFixedT(request),
    ])
    const translate: Translate = (key, values) => String(t(`export:${key}`, values ?? {}))
    const pdf = await renderDataExportPdf(data, translate)
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        // Named after what it is and the day; never after the person (no BSN, no name).
        'Content-Disposition': `attachment; filename="${exportFileName('pdf', data.generatedAt)}"`,
        'Content-Length': String(pdf.length),
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
