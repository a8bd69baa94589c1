import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { safeReturnPath } from '~/domain/return-path'
import { parseForm } from '~/form.server'
import { keepAlive, sessionStatus } from '~/services/auth/current-user.server'

/**
 * The idle-timeout warning's server side (a resource route, no page):
 * GET  — is the session still live, and until when? Does not count as activity.
 * POST — "Ingelogd blijven": counts as activity. With JavaScript (mode=fetch) it answers JSON;
 *        a plain form post goes back to the page it came from.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const info = await sessionStatus(request)
  return json(
    info
      ? {
          active: true as const,
          idleEndsAt: info.idleEndsAt,
          absoluteEndsAt: info.absoluteEndsAt,
          now: info.now,
          maxHours: info.maxHours,
        }
      : { active: false as const },
    {
      headers: { 'Cache-Control': 'no-store' },
    },
  )
}

const KeepAliveForm = z.object({
  mode: z.enum(['fetch', 'form']).catch('form'),
  // An over-long or odd return path is no reason to fail: it goes home instead.
  returnTo: z.string().max(2048).optional().catch(undefined),
})

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, KeepAliveForm)
  // Odd values fall back to defaults; only a field that is not text (a file) is refused.
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const form = submission.value
  const info = await keepAlive(request)
  if (form.mode === 'form') return redirect(info ? safeReturnPath(form.returnTo) : '/uitgelogd?reden=verlopen')
  return json(
    info
      ? {
          active: true as const,
          idleEndsAt: info.idleEndsAt,
          absoluteEndsAt: info.absoluteEndsAt,
          now: info.now,
          maxHours: info.maxHours,
        }
      : { active: false as const },
    {
      headers: { 'Cache-Control': 'no-store' },
    },
  )
}
