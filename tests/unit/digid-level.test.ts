import { describe, expect, it } from 'vitest'
import { acrForLevel, digidLevels, levelFromAcr, meetsLevel } from '~/domain/digid-level'

describe('DigiD levels of assurance', () => {
  it('reads each DigiD SAML class URN as its level, and back', () => {
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport')).toBe('basis')
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract')).toBe('midden')
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard')).toBe('substantieel')
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI')).toBe('hoog')
    for (const level of digidLevels) expect(levelFromAcr(acrForLevel[level])).toBe(level)
  })

  it('reads eIDAS "low" as Basis, never as Midden: a level is not taken higher than it surely is', () => {
    expect(levelFromAcr('http://eidas.europa.eu/LoA/low')).toBe('basis')
    expect(levelFromAcr('http://eidas.europa.eu/LoA/substantial')).toBe('substantieel')
    expect(levelFromAcr('http://eidas.europa.eu/LoA/high')).toBe('hoog')
  })

  it('knows no level for an unknown or missing acr', () => {
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:Password')).toBeNull()
    expect(levelFromAcr(undefined)).toBeNull()
    expect(levelFromAcr(3)).toBeNull()
  })

  it('orders Basis < Midden < Substantieel < Hoog', () => {
    expect(meetsLevel('midden', 'basis')).toBe(true)
    expect(meetsLevel('midden', 'midden')).toBe(true)
    expect(meetsLevel('basis', 'midden')).toBe(false)
    expect(meetsLevel('hoog', 'substantieel')).toBe(true)
    expect(meetsLevel('substantieel', 'hoog')).toBe(false)
  })
})
