/**
 * Why a support employee looking along with a citizen was refused (answered 403 with one of
 * these codes). The server, the routes and the 403 page in the browser (ImpersonationRefused in
 * app/components/impersonation-banner.tsx) share them from here: a constant in a .server module
 * would not exist in the browser.
 */
export const IMPERSONATION_REFUSAL = {
  /** a write (any non-GET) while looking along: read-only */
  readOnly: 'impersonation_read_only',
  /** a page above IMPERSONATION_MAX_LEVEL */
  level: 'impersonation_level',
  /** a download of all the citizen's data (AVG art. 15 and 20 are the citizen's own right) */
  export: 'impersonation_export',
} as const
