/**
 * DigiD levels of assurance (betrouwbaarheidsniveaus). Logius publishes them as
 * SAML authentication context classes; OpenID Connect brokers pass the same URN in `acr`:
 *
 *   Basis         PasswordProtectedTransport   (eIDAS low)
 *   Midden        MobileTwoFactorContract      (eIDAS low)
 *   Substantieel  Smartcard                    (eIDAS substantial)
 *   Hoog          SmartcardPKI                 (eIDAS high)
 *
 * Viewing cases and letters needs Basis; personal data needs Midden (README, Decisions).
 */
export const digidLevels = ['basis', 'midden', 'substantieel', 'hoog'] as const
export type DigidLevel = (typeof digidLevels)[number]

const SAML_CLASSES = 'urn:oasis:names:tc:SAML:2.0:ac:classes:'

export const acrForLevel: Record<DigidLevel, string> = {
  basis: `${SAML_CLASSES}PasswordProtectedTransport`,
  midden: `${SAML_CLASSES}MobileTwoFactorContract`,
  substantieel: `${SAML_CLASSES}Smartcard`,
  hoog: `${SAML_CLASSES}SmartcardPKI`,
}

/**
 * Some brokers speak eIDAS levels instead. eIDAS "low" covers both Basis and Midden, so it is
 * read as the lower of the two: a level is never taken to be higher than it surely is.
 */
const EIDAS: Record<string, DigidLevel> = {
  'http://eidas.europa.eu/LoA/low': 'basis',
  'http://eidas.europa.eu/LoA/substantial': 'substantieel',
  'http://eidas.europa.eu/LoA/high': 'hoog',
}

export function isDigidLevel(value: unknown): value is DigidLevel {
  return typeof value === 'string' && (digidLevels as readonly string[]).includes(value)
}

/** The level an `acr` value stands for, or null when it is none we know. */
export function levelFromAcr(acr: unknown): DigidLevel | null {
  if (typeof acr !== 'string') return null
  for (const level of digidLevels) if (acrForLevel[level] === acr) return level
  return EIDAS[acr] ?? null
}

/** Whether `actual` is at least `required`: Basis < Midden < Substantieel < Hoog. */
export function meetsLevel(actual: DigidLevel, required: DigidLevel): boolean {
  return digidLevels.indexOf(actual) >= digidLevels.indexOf(required)
}

/**
 * DigiD Machtigen: when someone acts for another, the broker names both, the one
 * acting and the one represented, in claims of their own (Logius' eID claim names).
 */
export const ACTING_SUBJECT_CLAIM = 'urn:nl-eid-gdi:1.0:ActingSubjectID'
export const LEGAL_SUBJECT_CLAIM = 'urn:nl-eid-gdi:1.0:LegalSubjectID'
