import { redirect, redirectDocument } from '@remix-run/node'
import { getDb } from '../../../db/instance'
import type { AuditEntry } from '../audit.server'
import { appContext } from '~/context.server'
import { getLanguage } from '../i18n.server'
import { cookies, readCookie } from './cookies.server'
import { buildLogoutUrl } from './oidc.server'
import { destroySession } from './session-store.server'

/** Logout in the audit log, like the login (login-subject.server.ts): never a BSN as the actor. */
function logoutAudit(row: { kind: string; subject: string; acting_bsn: string | null }): AuditEntry {
  if (row.kind === 'staff') return { actorKind: 'staff', actorId: row.subject, action: 'logout' }
  return {
    actorKind: row.acting_bsn ? 'representative' : 'citizen',
    actorId: row.acting_bsn ? 'representative' : 'citizen',
    action: 'logout',
    subjectBsn: row.subject,
  }
}

/**
 * Ends the portal session and then the provider's (RP-initiated logout), which sends the browser
 * back to /uitgelogd. When the provider is down the portal session still ends.
 */
export async function logout(request: Request): Promise<Response> {
  const ctx = appContext()
  const c = cookies(ctx.settings)
  const token = await readCookie(request, 'session')
  const headers = { 'Set-Cookie': await c.session.serialize('', { maxAge: 0 }) }
  const row = token ? await destroySession(token, { db: getDb(), audit: logoutAudit }) : null
  if (!row) return redirect('/uitgelogd', { headers })
  ctx.logger.info({ event: 'logout', kind: row.kind, session: row.id_hash.slice(0, 12) }, 'signed out')
  const settings = row.kind === 'citizen' ? ctx.settings.digid : ctx.settings.staff
  const url = await buildLogoutUrl(settings, {
    idToken: row.id_token,
    state: row.kind === 'staff' ? 'medewerker' : undefined,
    uiLocales: await getLanguage(request),
  })
  return url
    ? redirectDocument(url.href, { headers })
    : redirect(row.kind === 'staff' ? '/uitgelogd?wie=medewerker' : '/uitgelogd', { headers })
}
