import { describe, expect, it } from 'vitest'
import {
  DRAFT_LIFETIME_DAYS,
  UPLOAD_QUOTA_BYTES,
  draftCutoff,
  draftExpiresAt,
  exceedsUploadQuota,
  isDraftExpired,
} from '~/domain/drafts'

describe('the lifetime of a draft', () => {
  const changed = new Date('2026-03-27T23:30:00Z') // a Friday night; the clock changes on Sunday

  it(`is ${DRAFT_LIFETIME_DAYS} days after its last change, counted in hours, not calendar days`, () => {
    expect(DRAFT_LIFETIME_DAYS).toBe(7)
    expect(draftExpiresAt(changed).toISOString()).toBe('2026-04-03T23:30:00.000Z')
  })

  it('ends exactly then: a minute before it is kept, at the moment it is expired', () => {
    const end = draftExpiresAt(changed).getTime()
    expect(isDraftExpired(changed, new Date(end - 60_000))).toBe(false)
    expect(isDraftExpired(changed, new Date(end))).toBe(true)
  })

  it('gives the purge the moment before which drafts are expired', () => {
    const now = new Date('2026-04-10T12:00:00Z')
    expect(draftCutoff(now).toISOString()).toBe('2026-04-03T12:00:00.000Z')
    expect(isDraftExpired(draftCutoff(now), now)).toBe(true)
  })
})

describe('the upload quota per citizen', () => {
  it('allows files up to the quota together, not a byte more', () => {
    expect(exceedsUploadQuota(0, UPLOAD_QUOTA_BYTES)).toBe(false)
    expect(exceedsUploadQuota(UPLOAD_QUOTA_BYTES - 10, 10)).toBe(false)
    expect(exceedsUploadQuota(UPLOAD_QUOTA_BYTES - 10, 11)).toBe(true)
    expect(exceedsUploadQuota(20 * 1024 * 1024, 10 * 1024 * 1024)).toBe(true) // two full files and a third
  })
})
