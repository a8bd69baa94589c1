/**
 * Reading one answer from what a form posted, per kind of question: the value in its stored
 * form (trimmed; a licence plate upper case with dashes; money as whole cents; a date as
 * YYYY-MM-DD) or the code of why it was refused. Hostile input — an array where one value is
 * expected, a string of 100 KB, control characters — is refused with a code, never thrown on.
 * The form engine (engine.ts) applies this to every visible question of a page.
 */
import { addDays, compareLocalDate, isLocalDate } from '~/domain/local-date'
import type { ErrorCode, FormContext, Option, Question } from './form'

/** What a form posted: a date question posts `<id>.day`, `<id>.month`, `<id>.year`; checkboxes the id several times. */
export type FormValues = Record<string, string | string[]>

export type ReadResult =
  /** a valid answer; `undefined` for an optional question left empty */
  | { ok: true; answer: string | string[] | undefined }
  /** refused: `typed` is what was typed, to show it again */
  | { ok: false; code: ErrorCode; typed: string | string[] | undefined }

/** Anything longer than this is not an answer to any question here; refused before any pattern runs. */
const HARD_LIMIT = 10_000
/** Control characters other than tab, line feed and carriage return (those only in a text area). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/

/** The options a radios or checkboxes question offers in this context. */
export function optionsOf(question: Question, ctx: FormContext): Option[] {
  if (question.kind !== 'radios' && question.kind !== 'checkboxes') return []
  return [...question.options, ...(question.optionsFrom?.(ctx) ?? [])]
}

function refuse(code: ErrorCode, typed: string | string[] | undefined): ReadResult {
  return { ok: false, code, typed: clip(typed) }
}

/** What is shown again after a refusal: never more than the hard limit, never a control character. */
function clip(typed: string | string[] | undefined): string | string[] | undefined {
  if (typed === undefined) return undefined
  if (Array.isArray(typed)) return typed.slice(0, 20).map((value) => clip(value) as string)
  return typed.slice(0, HARD_LIMIT).replace(new RegExp(CONTROL.source, 'g'), '')
}

function empty(optional: boolean | undefined, typed: string | string[] | undefined): ReadResult {
  return optional ? { ok: true, answer: undefined } : refuse('required', typed)
}

/** One text value: an array (a field posted twice) is not one. */
function single(value: string | string[] | undefined): string | null | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : null
  return typeof value === 'string' ? value : null
}

export function readValue(question: Question, values: FormValues, ctx: FormContext, files: number): ReadResult {
  switch (question.kind) {
    case 'date':
      return readDate(question, values, ctx)
    case 'checkboxes':
      return readCheckboxes(question, values[question.id], ctx)
    case 'file':
      if (!Number.isInteger(files) || files <= 0) return empty(question.optional, undefined)
      return files > question.maxFiles ? refuse('tooManyFiles', String(files)) : { ok: true, answer: String(files) }
    default:
      break
  }
  const raw = values[question.id]
  const text = single(raw)
  if (text === null) return refuse('invalid', raw)
  if (text === undefined || text.trim() === '') return empty(question.optional, text)
  if (text.length > HARD_LIMIT) return refuse('tooLong', text)
  if (question.kind === 'textarea') {
    const value = text.replace(/\r\n?/g, '\n').trim()
    if (CONTROL.test(value)) return refuse('invalid', value)
    return value.length > question.maxLength ? refuse('tooLong', value) : { ok: true, answer: value }
  }
  if (CONTROL_OR_NEWLINE.test(text)) return refuse('invalid', text)
  const value = text.trim()
  switch (question.kind) {
    case 'text':
    case 'email':
    case 'phone': {
      if (value.length > question.maxLength) return refuse('tooLong', value)
      if (question.pattern && !question.pattern.test(value)) return refuse('invalid', value)
      if (question.kind === 'email' && !isEmail(value)) return refuse('invalid', value)
      if (question.kind === 'phone') {
        const phone = normalisePhone(value)
        return phone ? { ok: true, answer: phone } : refuse('invalid', value)
      }
      return { ok: true, answer: value }
    }
    case 'licencePlate': {
      const plate = normaliseLicencePlate(value)
      return plate ? { ok: true, answer: plate } : refuse('invalid', value)
    }
    case 'number': {
      if (!/^-?\d{1,9}$/.test(value)) return refuse('invalid', value)
      const n = Number(value)
      if (n < question.min) return refuse('tooSmall', value)
      if (n > question.max) return refuse('tooLarge', value)
      return { ok: true, answer: String(n) }
    }
    case 'money': {
      const cents = parseMoney(value)
      if (cents === null) return refuse('invalid', value)
      if (cents < question.min * 100) return refuse('tooSmall', value)
      if (cents > question.max * 100) return refuse('tooLarge', value)
      return { ok: true, answer: String(cents) }
    }
    case 'radios':
      return optionsOf(question, ctx).some((option) => option.value === value)
        ? { ok: true, answer: value }
        : refuse('notAnOption', value)
    case 'yesNo':
      return value === 'yes' || value === 'no' ? { ok: true, answer: value } : refuse('notAnOption', value)
  }
}

function readCheckboxes(
  question: Question & { kind: 'checkboxes' },
  raw: string | string[] | undefined,
  ctx: FormContext,
): ReadResult {
  const chosen = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  if (chosen.some((value) => typeof value !== 'string' || value.length > 200)) return refuse('invalid', undefined)
  const options = optionsOf(question, ctx)
  const offered = new Set(options.map((option) => option.value))
  const given = new Set(chosen.filter((value) => value !== ''))
  if ([...given].some((value) => !offered.has(value))) return refuse('notAnOption', [...given])
  if (given.size === 0) return question.optional ? { ok: true, answer: [] } : refuse('required', [])
  // In the order of the options, each once.
  return { ok: true, answer: options.map((option) => option.value).filter((value) => given.has(value)) }
}

function readDate(question: Question & { kind: 'date' }, values: FormValues, ctx: FormContext): ReadResult {
  const parts = (['day', 'month', 'year'] as const).map((part) => single(values[`${question.id}.${part}`]))
  if (parts.some((part) => part === null || (part?.length ?? 0) > 20)) return refuse('invalid', undefined)
  const [day, month, year] = parts.map((part) => (part ?? '').trim())
  const typed = [day, month, year]
  if (day === '' && month === '' && year === '') return empty(question.optional, typed)
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return refuse('invalid', typed)
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!isLocalDate(date)) return refuse('invalid', typed)
  if (question.earliest !== undefined && compareLocalDate(date, addDays(ctx.today, question.earliest)) < 0)
    return refuse('tooEarly', typed)
  if (question.latest !== undefined && compareLocalDate(date, addDays(ctx.today, question.latest)) > 0)
    return refuse('tooLate', typed)
  return { ok: true, answer: date }
}

/** A sane check, not RFC 5322: something, an @, a domain with a dot, no spaces. */
export function isEmail(value: string): boolean {
  return (
    value.length <= 254 &&
    /^[^\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/.test(
      value,
    )
  )
}

/**
 * A Dutch or international phone number: digits, spaces, dashes, an optional + in front;
 * 10 to 15 digits (06 12345678 has 10, +31 6 12345678 has 11; ITU E.164 allows 15).
 * Stored as typed with single spaces.
 */
export function normalisePhone(value: string): string | null {
  if (!/^\+?[\d\s-]+$/.test(value)) return null
  const digits = value.replace(/\D/g, '').length
  if (digits < 10 || digits > 15) return null
  return value.replace(/\s+/g, ' ')
}

/**
 * The side codes (sidecodes) of Dutch licence plates, 1 to 14 (RDW): letters (L) and digits (D)
 * in three groups. Each pattern of six has one grouping, so a plate typed without dashes or with
 * them in the wrong place ("12abc3", "12-AB-C3") is written the one way the RDW writes it.
 */
const SIDE_CODES: Record<string, [number, number, number]> = {
  LLDDDD: [2, 2, 2], // 1: XX-99-99
  DDDDLL: [2, 2, 2], // 2: 99-99-XX
  DDLLDD: [2, 2, 2], // 3: 99-XX-99
  LLDDLL: [2, 2, 2], // 4: XX-99-XX
  LLLLDD: [2, 2, 2], // 5: XX-XX-99
  DDLLLL: [2, 2, 2], // 6: 99-XX-XX
  DDLLLD: [2, 3, 1], // 7: 99-XXX-9
  DLLLDD: [1, 3, 2], // 8: 9-XXX-99
  LLDDDL: [2, 3, 1], // 9: XX-999-X
  LDDDLL: [1, 3, 2], // 10: X-999-XX
  LLLDDL: [3, 2, 1], // 11: XXX-99-X
  LDDLLL: [1, 2, 3], // 12: X-99-XXX
  DLLDDD: [1, 2, 3], // 13: 9-XX-999
  DDDLLD: [3, 2, 1], // 14: 999-XX-9
}

/** "12abc3" → "12-ABC-3", "ab 12 cd" → "AB-12-CD"; null for what cannot be a Dutch plate. */
export function normaliseLicencePlate(value: string): string | null {
  const bare = value.replace(/[\s-]/g, '').toUpperCase()
  if (!/^[A-Z0-9]{6}$/.test(bare)) return null
  const groups = SIDE_CODES[bare.replace(/[A-Z]/g, 'L').replace(/\d/g, 'D')]
  if (!groups) return null
  const [a, b] = groups
  return `${bare.slice(0, a)}-${bare.slice(a, a + b)}-${bare.slice(a + b)}`
}

/**
 * An amount in euros as people type it — "125", "125,50", "€ 1.250,00", "125.5", "1,250.00",
 * "125,-" — to whole cents; null when it is not an amount. A point or comma followed by exactly
 * three digits separates thousands; followed by one or two, it is the decimal separator.
 */
export function parseMoney(value: string): number | null {
  const text = value
    .replace(/^(€|eur|euro)\s*/i, '')
    .replace(/\s+/g, '')
    .replace(/,-$/, '')
  let euros: string
  let cents = '0'
  let match: RegExpExecArray | null
  if ((match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text))) {
    euros = match[1]!.replace(/\./g, '')
    cents = match[2] ?? '0'
  } else if ((match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text))) {
    euros = match[1]!.replace(/,/g, '')
    cents = match[2] ?? '0'
  } else return null
  if (euros.length > 9) return null
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'))
}

/** The form values that show a stored answer again: cents as "125,50", a date as its three parts. */
export function valuesOf(question: Question, answer: string | string[] | undefined): FormValues {
  if (answer === undefined) return {}
  if (question.kind === 'date') {
    const [day, month, year] = dateParts(answer)
    return { [`${question.id}.day`]: day, [`${question.id}.month`]: month, [`${question.id}.year`]: year }
  }
  if (question.kind === 'money' && typeof answer === 'string' && /^\d+$/.test(answer))
    return { [question.id]: centsToInput(Number(answer)) }
  return { [question.id]: answer }
}

/** A date answer's day, month and year as typed: stored 'YYYY-MM-DD', or the three parts typed before a refusal. */
export function dateParts(answer: string | string[] | undefined): [string, string, string] {
  if (Array.isArray(answer)) return [answer[0] ?? '', answer[1] ?? '', answer[2] ?? '']
  if (typeof answer === 'string' && isLocalDate(answer)) {
    const [year, month, day] = answer.split('-') as [string, string, string]
    return [String(Number(day)), String(Number(month)), year]
  }
  return ['', '', '']
}

/** 12550 → "125,50", 12500 → "125": how an amount is shown in its field again. */
export function centsToInput(cents: number): string {
  const euros = Math.floor(cents / 100)
  const rest = cents % 100
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`
}
