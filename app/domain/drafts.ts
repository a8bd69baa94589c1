/**
 * Drafts: what a citizen typed into a form that is not sent yet (a correction request, a move,
 * and the e-loket applications after them). The rules every draft flow keeps, so that storage
 * stays bounded whatever a script posts:
 * - one open draft per citizen per flow: a new start replaces it, it is never added to;
 * - a draft left alone for DRAFT_LIFETIME_DAYS is forgotten and purged (the form says so);
 * - files kept for a citizen — in drafts and in requests not decided yet — stay under
 *   UPLOAD_QUOTA_BYTES together.
 * Pure rules: the clock comes in as `now`.
 */

/** How long an unsent draft is kept after its last change; the forms tell the citizen. */
export const DRAFT_LIFETIME_DAYS = 7

const DAY_MS = 24 * 60 * 60 * 1000

/** When a draft last changed at `updatedAt` is forgotten. */
export function draftExpiresAt(updatedAt: Date): Date {
  return new Date(updatedAt.getTime() + DRAFT_LIFETIME_DAYS * DAY_MS)
}

/** Whether a draft last changed at `updatedAt` is past its lifetime at `now`. */
export function isDraftExpired(updatedAt: Date, now: Date): boolean {
  return now.getTime() >= draftExpiresAt(updatedAt).getTime()
}

/** The moment before which drafts last changed are expired at `now` (for the purge). */
export function draftCutoff(now: Date): Date {
  return new Date(now.getTime() - DRAFT_LIFETIME_DAYS * DAY_MS)
}

/**
 * Files a citizen may have with us at once, in drafts and requests not decided yet: two
 * pieces of evidence at the largest size per file (10 MB), and some to spare.
 */
export const UPLOAD_QUOTA_MB = 25
export const UPLOAD_QUOTA_BYTES = UPLOAD_QUOTA_MB * 1024 * 1024

/** Whether adding `adding` bytes to the `inUse` bytes already kept would pass the quota. */
export function exceedsUploadQuota(inUse: number, adding: number): boolean {
  return inUse + adding > UPLOAD_QUOTA_BYTES
}
