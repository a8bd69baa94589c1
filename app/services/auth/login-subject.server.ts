import { createHash } from 'node:crypto'
import { z } from 'zod'
import { getDb } from '../../../db/instance'
import type { StaffRole } from '../../../db/schema'
import { isValidBsn } from '~/domain/bsn'
import {
  ACTING_SUBJECT_CLAIM,
  LEGAL_SUBJECT_CLAIM,
  levelFromAcr,
  meetsLevel,
  type DigidLevel,
} from '~/domain/digid-level'
import { personNameOf } from '~/domain/person-name'
import type { Language } from '~/i18n'
import type { AuditEntry } from '../audit.server'
import { appContext, type AppSettings } from '~/context.server'
import { LoginError } from './oidc.server'
import type { NewSession } from './session-store.server'

/**
 * From a checked ID token to the session to start: whose data (the BSN, or under DigiD
 * Machtigen the person represented), at which level, or which employee with which roles.
 */
export interface SessionToStart {
  input: NewSession
  language?: Language
}

const STAFF_ROLES: readonly StaffRole[] = ['support', 'caseworker', 'manager', 'kcc', 'editor']

/**
 * A salted fingerprint of a subject for log lines, in groups of four ("3f9a-0c12-…"): the log's
 * BSN scrubber blanks any run of nine digits, which a plain hex string would now and then hold.
 */
export function fingerprint(subject: string, settings: AppSettings): string {
  const hex = createHash('sha256').update(`${settings.logSalt}:${subject}`).digest('hex').slice(0, 16)
  return hex.match(/.{4}/g)!.join('-')
}

export async function citizenSession(
  claims: Record<string, unknown>,
  idToken: string,
  wanted: DigidLevel,
  settings: AppSettings,
): Promise<SessionToStart> {
  const own = claims[settings.digid.bsnClaim]
  const legal = claims[LEGAL_SUBJECT_CLAIM]
  const acting = claims[ACTING_SUBJECT_CLAIM]
  // DigiD Machtigen: the represented person's data is shown; the acting person is kept for the audit.
  const subject = typeof legal === 'string' ? legal : own
  if (typeof subject !== 'string' || !isValidBsn(subject)) throw new LoginError('tokenInvalid', 'bsn-claim')
  const level = levelFromAcr(claims[settings.digid.levelClaim])
  if (!level) throw new LoginError('tokenInvalid', 'acr-claim')
  if (!meetsLevel(level, wanted)) throw new LoginError('levelTooLow', `acr-${level}-below-${wanted}`)
  let actingBsn: string | null = null
  if (typeof legal === 'string') {
    const candidate = typeof acting === 'string' ? acting : own
    actingBsn = typeof candidate === 'string' && isValidBsn(candidate) && candidate !== subject ? candidate : null
  }
  const db = getDb()
  const person = await db
    .selectFrom('persons')
    .leftJoin('contact_details', 'contact_details.bsn', 'persons.bsn')
    .select(['persons.given_names', 'persons.name_prefix', 'persons.surname', 'contact_details.language'])
    .where('persons.bsn', '=', subject)
    .executeTakeFirst()
  if (!person) {
    // Known to DigiD, not to us: no session. The log gets a salted hash, never the number.
    appContext().logger.warn(
      { event: 'login_unknown_person', subject: fingerprint(subject, settings) },
      'no person in the register',
    )
    throw new LoginError('unknownPerson', 'no-person')
  }
  let actingName: string | null = null
  if (actingBsn) {
    const actor = await db
      .selectFrom('persons')
      .select(['given_names', 'name_prefix', 'surname'])
      .where('bsn', '=', actingBsn)
      .executeTakeFirst()
    actingName = actor ? personNameOf(actor) : null
  }
  return {
    input: { kind: 'citizen', subject, actingBsn, actingName, level, name: personNameOf(person), idToken },
    language: person.language ?? undefined,
  }
}

const EmployeeId = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/)

export function staffSession(claims: Record<string, unknown>, idToken: string, settings: AppSettings): SessionToStart {
  const s = settings.staff
  const id = EmployeeId.safeParse(claims[s.employeeIdClaim])
  if (!id.success) throw new LoginError('tokenInvalid', 'employee-id-claim')
  const rawRoles = claims[s.rolesClaim]
  const roles = (
    Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : []
  ).filter((r): r is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(r))
  const name =
    typeof claims[s.nameClaim] === 'string' && claims[s.nameClaim] ? String(claims[s.nameClaim]).slice(0, 200) : id.data
  return { input: { kind: 'staff', subject: id.data, name, roles, idToken } }
}

/** Login in the audit log: who, at which level; never a BSN as the actor. */
export function loginAudit(input: NewSession): AuditEntry {
  if (input.kind === 'staff')
    return { actorKind: 'staff', actorId: input.subject, action: 'login', details: { roles: input.roles ?? [] } }
  return {
    actorKind: input.actingBsn ? 'representative' : 'citizen',
    actorId: input.actingBsn ? 'representative' : 'citizen',
    action: 'login',
    subjectBsn: input.subject,
    details: { level: input.level ?? null, ...(input.actingName ? { actingName: input.actingName } : {}) },
  }
}
