import type { LoaderFunctionArgs } from '@remix-run/node'
import { CASE_READERS } from '~/domain/staff-areas'
import { requireStaff } from '~/services/auth/guards.server'
import { renderLetterPdf } from '~/services/letters/pdf.server'
import { getLetterForPrinting } from '~/services/letters/post.server'
import { notFound } from '~/responses'

/** A paper letter's PDF for printing (caseworkers only); opening it is audited on the citizen's record. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const letter = await getLetterForPrinting(staff.employeeId, params.letterId ?? '')
  if (!letter) throw notFound()
  const pdf = await renderLetterPdf(letter)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="brief-${letter.reference}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
