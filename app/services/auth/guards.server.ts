import { redirect } from '@remix-run/node'
import type { StaffRole } from '../../../db/schema'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'
import { safeReturnPath } from '~/domain/return-path'
import { getLanguage } from '../i18n.server'
import { citizenView } from '../impersonation/citizen-view.server'
import { readCookie } from './cookies.server'
import { getUser } from './current-user.server'
import type { CitizenUser, LoginKind, StaffUser } from './user.server'

function returnPathOf(request: Request): string {
  const url = new URL(request.url)
  return safeReturnPath(url.pathname + url.search)
}

/** Where a request without a live session goes: the login, or first "you were logged out" if it had one. */
async function toLogin(request: Request, kind: LoginKind, level?: DigidLevel): Promise<never> {
  const terug = returnPathOf(request)
  const hadSession = (await readCookie(request, 'session')) !== null
  const query = new URLSearchParams({ terug })
  if (hadSession) {
    if (kind === 'staff') query.set('wie', 'medewerker')
    query.set('reden', 'verlopen')
    throw redirect(`/uitgelogd?${query}`)
  }
  if (level && level !== 'basis') query.set('niveau', level)
  throw redirect(`${kind === 'staff' ? '/inloggen/medewerker' : '/inloggen'}?${query}`)
}

const forbidden = () => new Response('Forbidden', { status: 403, statusText: 'Forbidden' })

/**
 * The signed-in citizen, or a thrown response: to the DigiD login (not signed in), through
 * DigiD again asking for the level needed (step-up: a page above the session's level is never
 * a refusal, see `startLogin`), or 403 for a staff session.
 */
export async function requireCitizen(request: Request, opts: { level?: DigidLevel } = {}): Promise<CitizenUser> {
  const level = opts.level ?? 'basis'
  const user = await getUser(request)
  if (!user) return toLogin(request, 'citizen', level)
  // A support employee looking along with this citizen gets the citizen, read-only (or a refusal).
  if (user.kind === 'staff') return citizenView(request, user, level, await getLanguage(request))
  if (user.kind !== 'citizen') throw forbidden()
  if (!meetsLevel(user.level, level)) {
    throw redirect(`/inloggen?${new URLSearchParams({ niveau: level, terug: returnPathOf(request) })}`)
  }
  return user
}

/**
 * The signed-in employee, or a thrown response: to the staff login, or 403 (citizen, or without
 * the role — or without any of the roles, given a list).
 */
export async function requireStaff(request: Request, role?: StaffRole | readonly StaffRole[]): Promise<StaffUser> {
  const user = await getUser(request)
  if (!user) return toLogin(request, 'staff')
  if (user.kind !== 'staff') throw forbidden()
  const anyOf: readonly StaffRole[] = role === undefined ? [] : typeof role === 'string' ? [role] : role
  if (anyOf.length && !anyOf.some((r) => user.roles.includes(r))) throw forbidden()
  return user
}
