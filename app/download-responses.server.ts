/**
 * The answers of a document download (a resource route, which has no page of its own): the file,
 * or — when the stored bytes no longer match their SHA-256 — a short page that says so in the
 * reader's language, with the way back to the case. Not a crash: the fault is logged by the
 * documents service, and the reader learns what to do.
 */
import type { DocumentOpening } from '~/services/cases/documents.server'
import { downloadHeaders } from '~/services/cases/documents.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { notFound } from '~/responses'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export async function downloadResponse(request: Request, opening: DocumentOpening, back: string): Promise<Response> {
  if (opening.ok) return new Response(new Uint8Array(opening.file.bytes), { headers: downloadHeaders(opening.file) })
  if (opening.reason === 'not_found') throw notFound()
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const title = escape(t('documents:damaged.title'))
  const html = `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c">
<main><h1>${title}</h1><p>${escape(t('documents:damaged.text'))}</p>
<p><a href="${escape(back)}" style="color: #1d4ed8">${escape(t('documents:damaged.back'))}</a></p></main>
</body></html>`
  // 500: the fault is ours and trying again does not help; the page is the answer, not a crash.
  return new Response(html, {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
