import { AsyncLocalStorage } from 'node:async_hooks'
import { remember } from '@epic-web/remember'
import { isDigidLevel, type DigidLevel } from '~/domain/digid-level'

export interface ImpersonationSettings {
  /** the highest DigiD level the view reaches (IMPERSONATION_MAX_LEVEL, default Midden) */
  maxLevel: DigidLevel
  /** "Wie heeft mijn gegevens bekeken" names staff (true) or shows their employee number */
  showStaffNames: boolean
}

/** The server puts the settings around each request (server/app.ts), as it does for sign-in. */
export const impersonationSettingsStorage = remember(
  'mijn-stad:impersonation-settings',
  () => new AsyncLocalStorage<ImpersonationSettings>(),
)

export function impersonationSettings(): ImpersonationSettings {
  const current = impersonationSettingsStorage.getStore()
  if (current) return current
  const level = process.env.IMPERSONATION_MAX_LEVEL
  return {
    maxLevel: isDigidLevel(level) ? level : 'midden',
    showStaffNames: !['false', '0', 'off'].includes(process.env.AUDIT_SHOW_STAFF_NAMES ?? ''),
  }
}
