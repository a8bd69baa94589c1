import type { StaffRole } from '../../../db/schema'
import type { DigidLevel } from '~/domain/digid-level'
import type { Language } from '~/i18n'

/** Who is signed in: the types every guard, route and service shares (one home). */
export interface CitizenUser {
  kind: 'citizen'
  /** the session's id as stored (a hash of the cookie's token): safe to put in an audit row */
  sessionId: string
  /** whose data is shown: the citizen, or under DigiD Machtigen the person represented */
  bsn: string
  level: DigidLevel
  name: string
  /** the portal's language for this request */
  language: Language
  /** DigiD Machtigen: the BSN of the person acting on `bsn`'s behalf */
  actingBsn?: string
  /** set while a support employee looks along with this citizen (impersonation/citizen-view.server.ts) */
  impersonatedBy?: { employeeId: string; name: string; impersonationId: string }
}

export interface StaffUser {
  kind: 'staff'
  sessionId: string
  employeeId: string
  name: string
  roles: StaffRole[]
  /** set while this employee looks along with a citizen (impersonation/start-stop.server.ts) */
  impersonationId?: string
}

export type User = CitizenUser | StaffUser
export type LoginKind = 'citizen' | 'staff'
