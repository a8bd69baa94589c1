/**
 * Why the server refused a request before (or instead of) a page answering it, as the error
 * page and the error summary show it. The server sets these (server/request-guard.ts,
 * server/database-faults.ts); the root route renders them (app/root.tsx).
 */
export const REFUSAL_CODES = [
  'bad_url',
  'bad_request',
  'malformed_body',
  'method_not_allowed',
  'not_implemented',
  'payload_too_large',
  'unsupported_media_type',
  'database_unavailable',
] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

export interface Refusal {
  status: number
  code: RefusalCode
  /** seconds, for 503: when to try again (also the Retry-After header) */
  retryAfter?: number
}

/** How long a client waits before trying again while the database is away (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 30

/** A form field (or query parameter) held characters no field may hold (text-input.ts). */
export interface RefusedInput {
  field: string
  /** what was sent, those characters taken out, to show in the form again */
  values: Record<string, string>
}

export function isRefusal(value: unknown): value is Refusal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Refusal).status === 'number' &&
    (REFUSAL_CODES as readonly string[]).includes((value as Refusal).code)
  )
}

export function isRefusedInput(value: unknown): value is RefusedInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RefusedInput).field === 'string' &&
    typeof (value as RefusedInput).values === 'object' &&
    (value as RefusedInput).values !== null
  )
}
