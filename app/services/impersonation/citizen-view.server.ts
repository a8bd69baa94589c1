import { json, redirect } from '@remix-run/node'
import { getDb } from '../../../db/instance'
import { meetsLevel, type DigidLevel } from '~/domain/digid-level'
import type { Language } from '~/i18n'
import { recordAudit } from '../audit.server'
import { appContext } from '~/context.server'
import type { CitizenUser, StaffUser } from '../auth/user.server'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { READ_ONLY_CODE } from './read-only.server'
import { endExpiredImpersonation, EXPIRED_LANDING } from './start-stop.server'
import { impersonationOf, reasonLine } from './state.server'

/** A page above IMPERSONATION_MAX_LEVEL: 403 with a code the error page explains (nl and en). */
const LEVEL_CODE = IMPERSONATION_REFUSAL.level

function refusal(code: string): Response {
  // X-Remix-Catch: a client-side navigation shows the error page rather than treating it as data.
  return json({ code }, { status: 403, headers: { 'X-Remix-Catch': 'yes' } })
}

/**
 * `requireCitizen` for a staff session: the citizen being viewed, read-only. Throws a redirect
 * to the staff view when the viewing has run out (ending it, audited), 403 for a write (the
 * backstop behind the server's guard, see read-only.server.ts) or for a page above the
 * permitted level, and 403 for a staff session that is not viewing at all.
 * Every page seen is audited with its path (once per request).
 */
export async function citizenView(
  request: Request,
  staff: StaffUser,
  level: DigidLevel,
  language: Language,
): Promise<CitizenUser> {
  const state = await impersonationOf(staff)
  if (state.status === 'none') throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  if (state.status === 'expired') {
    await endExpiredImpersonation(staff)
    throw redirect(EXPIRED_LANDING)
  }
  const { impersonation } = state
  if (request.method !== 'GET' && request.method !== 'HEAD') throw refusal(READ_ONLY_CODE)
  const settings = appContext().settings.impersonation
  if (!meetsLevel(settings.maxLevel, level)) throw refusal(LEVEL_CODE)
  const memo = appContext().memo
  const key = `impersonation-seen:${impersonation.id}`
  if (!memo.has(key)) {
    const path = new URL(request.url).pathname
    const seen = recordAudit(getDb(), {
      actorKind: 'staff_as_citizen',
      actorId: staff.employeeId,
      action: 'impersonation.page_viewed',
      subjectBsn: impersonation.bsn,
      resource: path,
      reason: reasonLine(impersonation.reasonCode, impersonation.reasonText),
      details: { impersonationId: impersonation.id, path },
    })
    memo.set(key, seen)
    await seen
  }
  return {
    kind: 'citizen',
    sessionId: staff.sessionId,
    bsn: impersonation.bsn,
    level: settings.maxLevel,
    name: impersonation.citizenName,
    language,
    impersonatedBy: { employeeId: staff.employeeId, name: staff.name, impersonationId: impersonation.id },
  }
}
