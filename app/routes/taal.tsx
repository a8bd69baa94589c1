import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { defaultLanguage } from '~/i18n'
import { safeReturnPath } from '~/domain/return-path'
import { parseForm } from '~/form.server'
import { languageCookie } from '~/services/i18n.server'

const LanguageForm = z.object({ lng: z.enum(['nl', 'en']).catch(defaultLanguage), returnTo: z.string().optional() })

/** Switches the language and goes back where the visitor was (same-site paths only). */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, LanguageForm)
  // Odd values fall back to defaults; only a field that is not text (a file) is refused.
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const form = submission.value
  return redirect(safeReturnPath(form.returnTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(form.lng) },
  })
}

export async function loader() {
  return redirect('/')
}
