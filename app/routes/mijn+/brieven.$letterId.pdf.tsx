import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/services/auth/guards.server'
import { renderLetterPdf } from '~/services/letters/pdf.server'
import { getLetterForCitizen } from '~/services/letters/citizen.server'
import { notFound } from '~/responses'

/**
 * The letter as an accessible PDF (resource route). The file is named after the case reference,
 * never after anything personal: `brief-Z-2026-000123.pdf`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const letter = await getLetterForCitizen(citizen.bsn, params.letterId ?? '', { markRead: false })
  if (!letter) throw notFound()
  const pdf = await renderLetterPdf(letter)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="brief-${letter.reference}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
