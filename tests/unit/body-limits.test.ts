import { describe, expect, it } from 'vitest'
import { BODY_RULES, bodyRuleFor, matches, MULTIPART, URLENCODED } from '../../server/limits'

describe('the body limits per route', () => {
  it('matches :name to one segment and a trailing * to the rest', () => {
    expect(matches('/mijn/zaken/:caseId/bezwaar', '/mijn/zaken/6b1c/bezwaar')).toBe(true)
    expect(matches('/mijn/zaken/:caseId/bezwaar', '/mijn/zaken/6b1c/bezwaar/')).toBe(true)
    expect(matches('/mijn/zaken/:caseId/bezwaar', '/mijn/zaken/bezwaar')).toBe(false)
    expect(matches('/mijn/zaken/:caseId/bezwaar', '/mijn/zaken/6b1c/bezwaar/extra')).toBe(false)
    expect(matches('/mock-idp/*', '/mock-idp/digid/interaction/x')).toBe(true)
    expect(matches('/*', '/')).toBe(true)
  })

  it('gives the uploads about 11 MB and a part count, every other form 64 KB of urlencoded text', () => {
    const correction = bodyRuleFor('/mijn/gegevens/correctie')
    expect(correction).toMatchObject({ kind: 'form', maxBytes: 11 * 1024 * 1024, mediaTypes: [MULTIPART] })
    expect(correction.maxParts).toBeGreaterThan(0)
    expect(bodyRuleFor('/mijn/zaken/1/bezwaar')).toMatchObject({ maxBytes: 11 * 1024 * 1024 })
    expect(bodyRuleFor('/taal')).toMatchObject({ kind: 'form', maxBytes: 64 * 1024, mediaTypes: [URLENCODED] })
    expect(bodyRuleFor('/mijn/gegevens/correctie/controleren')).toMatchObject({ maxBytes: 64 * 1024 })
    expect(bodyRuleFor('/api/v1/notifications')).toMatchObject({ kind: 'api', maxBytes: 64 * 1024 })
  })

  it('ends with a catch-all, so every path has a rule', () => {
    expect(BODY_RULES.at(-1)?.pattern).toBe('/*')
  })
})
