import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { defaultLanguage } from '~/i18n'
import { safeReturnPath } from '~/domain/return-path'
import { languageCookie } from '~/services/i18n.server'

const LanguageForm = z.object({ lng: z.enum(['nl', 'en']).catch(defaultLanguage), returnTo: z.string().optional() })

/** Switches the language and goes back where the visitor was (same-site paths only). */
export async function action({ request }: ActionFunctionArgs) {
  const form = LanguageForm.parse(Object.fromEntries(await request.formData()))
  return redirect(safeReturnPath(form.returnTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(form.lng) },
  })
}

export async function loader() {
  return redirect('/')
}
