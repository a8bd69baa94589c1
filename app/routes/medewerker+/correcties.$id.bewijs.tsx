import type { LoaderFunctionArgs } from '@remix-run/node'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { getEvidenceForCaseworker } from '~/services/requests/correction-review.server'
import { notFound } from '~/responses'

/**
 * The evidence of a correction request, for the caseworker; opening it is audited. Served as an
 * attachment with its checked type (and the server's `nosniff`), so a browser never runs it as something else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const file = await getEvidenceForCaseworker(staff, params.id ?? '')
  if (!file) throw notFound()
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
