/**
 * A request to correct personal data in the BRP (Wet BRP art. 2.58): the request names the data
 * and the change wanted ("het verzoek bevat de aan te brengen wijziging"); the municipality
 * decides within four weeks, in writing, and a refusal is a decision open to objection (Awb 6:4,
 * 7:1). The address is not corrected here: a move is reported (art. 2.39), a wrong address is
 * investigated ("adres in onderzoek").
 */
import { compareLocalDate, isLocalDate, type LocalDate } from './local-date'
import { MAX_UPLOAD_FILE_BYTES, sniffMediaType, type UploadMediaType, type UploadRefusal } from './uploads'

/** The data items a citizen may ask to have corrected, with the person column each maps to. */
export const CORRECTABLE_FIELDS = [
  'given_names',
  'name_prefix',
  'surname',
  'birth_date',
  'birth_place',
  'birth_country',
  'nationality',
] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

export function isCorrectableField(value: unknown): value is CorrectableField {
  return typeof value === 'string' && (CORRECTABLE_FIELDS as readonly string[]).includes(value)
}

export const MAX_PROPOSED_LENGTH = 200
export const MIN_EXPLANATION_LENGTH = 10
export const MAX_EXPLANATION_LENGTH = 2000

export type CorrectionFieldError =
  | { field: 'field'; error: 'required' }
  | {
      field: 'proposedValue'
      error: 'required' | 'too_long' | 'same_as_current' | 'invalid_date' | 'future_date' | 'invalid_characters'
    }
  | { field: 'explanation'; error: 'required' | 'too_short' | 'too_long' }

export interface CorrectionInput {
  field: string
  proposedValue: string
  explanation: string
}

export interface ValidCorrection {
  field: CorrectableField
  proposedValue: string
  explanation: string
}

/**
 * Checks a correction request: a known data item, a new value that differs from what the register
 * holds (a date must be a real date, not in the future), and an explanation. Every problem is
 * reported at once, so the form can show them all. A voorvoegsel may be asked to be removed
 * (an empty new value); every other item needs a value.
 */

/** Characters no name or place contains: markup, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const MARKUP_OR_CONTROL = /[<>{}\u0000-\u001f]/

export function validateCorrection(
  input: CorrectionInput,
  currentValue: (field: CorrectableField) => string | null,
  today: LocalDate,
): { ok: true; value: ValidCorrection } | { ok: false; errors: CorrectionFieldError[] } {
  const errors: CorrectionFieldError[] = []
  const field = input.field.trim()
  const typed = input.proposedValue.trim().replace(/\s+/g, ' ')
  const proposed = field === 'birth_date' ? (dateFromDutchInput(typed) ?? typed) : typed
  const explanation = input.explanation.trim()

  if (!isCorrectableField(field)) {
    errors.push({ field: 'field', error: 'required' })
  } else {
    const current = (currentValue(field) ?? '').trim()
    if (proposed === '' && !(field === 'name_prefix' && current !== '')) {
      errors.push({ field: 'proposedValue', error: 'required' })
    } else if (proposed.length > MAX_PROPOSED_LENGTH) {
      errors.push({ field: 'proposedValue', error: 'too_long' })
    } else if (field === 'birth_date' && !isLocalDate(proposed)) {
      errors.push({ field: 'proposedValue', error: 'invalid_date' })
    } else if (field === 'birth_date' && compareLocalDate(proposed, today) > 0) {
      errors.push({ field: 'proposedValue', error: 'future_date' })
    } else if (field !== 'birth_date' && MARKUP_OR_CONTROL.test(proposed)) {
      errors.push({ field: 'proposedValue', error: 'invalid_characters' })
    } else if (proposed === current) {
      // Only an exact match: a change of capitals alone ("el Amrani" → "El Amrani") is a correction.
      errors.push({ field: 'proposedValue', error: 'same_as_current' })
    }
  }

  if (explanation === '') errors.push({ field: 'explanation', error: 'required' })
  else if (explanation.length < MIN_EXPLANATION_LENGTH) errors.push({ field: 'explanation', error: 'too_short' })
  else if (explanation.length > MAX_EXPLANATION_LENGTH) errors.push({ field: 'explanation', error: 'too_long' })

  if (errors.length) return { ok: false, errors }
  return { ok: true, value: { field: field as CorrectableField, proposedValue: proposed, explanation } }
}

/**
 * A date as people here type it, day first: "2-11-1988", "02/11/1988", "2 11 1988", "2.11.1988",
 * or already ISO ("1988-11-02"). Returns 'YYYY-MM-DD' for a real date, otherwise null.
 */
export function dateFromDutchInput(value: string): LocalDate | null {
  const text = value.trim()
  if (isLocalDate(text)) return text
  const match = /^([0-9]{1,2})[\s./-]+([0-9]{1,2})[\s./-]+([0-9]{4})$/.exec(text)
  if (!match) return null
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`
  return isLocalDate(iso) ? iso : null
}

// --- evidence ---------------------------------------------------------------------------------

/** Evidence up to 10 MB, as every upload (app/domain/uploads.ts): a scan or a photo of a certificate fits easily. */
export const MAX_EVIDENCE_BYTES = MAX_UPLOAD_FILE_BYTES

export type EvidenceType = UploadMediaType

/** The file's type by its first bytes, never by its name or the type the browser claims (app/domain/uploads.ts). */
export const detectEvidenceType = sniffMediaType

/** Why evidence is refused: every upload's refusals (app/domain/uploads.ts) under the form's own keys. */
export type EvidenceError = 'too_large' | 'wrong_type' | 'empty' | 'unsafe'

export function evidenceError(refusal: Exclude<UploadRefusal, 'too_many_files'>): EvidenceError {
  switch (refusal) {
    case 'file_empty':
      return 'empty'
    case 'file_too_large':
      return 'too_large'
    case 'file_wrong_type':
      return 'wrong_type'
    case 'file_unsafe':
      return 'unsafe'
  }
}

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFileName(name: string, type: EvidenceType): string {
  const extension = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'
  const base =
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .slice(0, 80) || 'bewijsstuk'
  return `${base}.${extension}`
}
