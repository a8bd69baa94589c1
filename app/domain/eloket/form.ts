/**
 * The e-loket's form engine: the shape in which every online service is defined once, in code,
 * and which one engine (app/domain/eloket/engine.ts) renders, validates and prefills.
 *
 * A service is a list of pages; a page asks about one topic (GOV.UK: "one thing per page"); a
 * question has its own text in Dutch and English, its own validation and optionally a condition
 * on earlier answers or on what the municipality already knows. The engine is pure: what is
 * known about the citizen and today's date come in as a `FormContext`; answers are plain data
 * (the `applications.answers` column). Nothing here reads a clock or a database.
 */
import type { LocalDate } from '~/domain/local-date'
import type { Topic } from '~/domain/topics'

/** A text in both languages of the portal. */
export interface Text {
  nl: string
  en: string
}

/** The services that can be applied for online: their codes are their addresses. */
export const SERVICE_CODES = [
  'parkeervergunning', // a resident parking permit (bewonersvergunning)
  'wmo', // a Wmo support request (Wmo 2015 art. 2.3.2: the report that starts the inquiry)
  'bijzondere-bijstand', // special assistance (Participatiewet art. 35)
  'subsidie', // a small grant for a neighbourhood initiative
  'afval', // an extra waste container or a waste pass
  'uittreksel-brp', // an extract from the personal records database (Wet BRP art. 3.8)
] as const
export type ServiceCode = (typeof SERVICE_CODES)[number]

export function isServiceCode(value: unknown): value is ServiceCode {
  return typeof value === 'string' && (SERVICE_CODES as readonly string[]).includes(value)
}

/** What a citizen answered: question id → a text, or the chosen values of checkboxes. */
export type Answers = Record<string, string | string[]>

/** A member of the household as the BRP holds it. */
export interface KnownPerson {
  name: string
  birthDate: LocalDate | null
  relation: 'partner' | 'child' | 'parent'
}

/**
 * What the municipality already holds about the citizen, read before each page: shown as
 * "Dit weten wij al van u" and never asked again. Only what the citizen can see themselves
 * under Mijn gegevens and Mijn zaken.
 */
export interface Known {
  name: string
  birthDate: LocalDate | null
  /** The address they live at, as lines for display, and since when. Null: no address with us. */
  address: { lines: string[]; postcode: string; city: string; since: LocalDate | null } | null
  household: KnownPerson[]
  /** A confirmed e-mail address, a phone number (Voorkeuren). */
  email: string | null
  phone: string | null
  /** Licence plates from earlier parking-permit applications, newest first. */
  licencePlates: string[]
  /** Their cases by type: the conditions and the suggestions read them. */
  cases: Array<{
    caseType: string
    open: boolean
    receivedOn: LocalDate
    outcome: 'approved' | 'partially_approved' | 'refused' | null
  }>
}

/** What a condition, a validation and a prefill may read besides the answers. */
export interface FormContext {
  known: Known
  today: LocalDate
}

/** A condition on earlier answers and what is known: the page or question is asked only when true. */
export type Condition = (answers: Answers, ctx: FormContext) => boolean

/** Why an answer was refused: the engine's generic codes, translated in `eloket:errors.<code>`. */
export type ErrorCode =
  | 'required' // nothing filled in
  | 'tooLong' // longer than maxLength
  | 'invalid' // not the expected form (a date that does not exist, a number with letters)
  | 'notAnOption' // a value none of the options has
  | 'tooSmall' // below min
  | 'tooLarge' // above max
  | 'tooEarly' // a date before the earliest allowed
  | 'tooLate' // a date after the latest allowed
  | 'tooManyFiles'

interface QuestionBase {
  /** Unique within the service; the key in `Answers` and the form field's name. */
  id: string
  label: Text
  hint?: Text
  /** Not required (GOV.UK: "(niet verplicht)" after the label). */
  optional?: boolean
  /** Asked only when true. */
  when?: Condition
  /**
   * What the municipality already knows for this question: when it returns a value the question
   * is not asked; the value is shown under "Dit weten wij al van u" and used as the answer.
   */
  known?: (ctx: FormContext) => string | null
  /** A message of the question's own for a code, instead of the generic one ("Vul uw kenteken in"). */
  errors?: Partial<Record<ErrorCode, Text>>
  /** Its name in the case file and on the check page, when shorter than the label. */
  short?: Text
  /** The input's purpose for the browser's autofill (WCAG 1.3.5): 'tel', 'email', 'name', … */
  autocomplete?: string
}

export interface Option {
  value: string
  label: Text
  hint?: Text
}

export type Question =
  | (QuestionBase & { kind: 'text' | 'email' | 'phone'; maxLength: number; pattern?: RegExp; width?: 'short' | 'full' })
  | (QuestionBase & { kind: 'textarea'; maxLength: number })
  | (QuestionBase & { kind: 'licencePlate' })
  | (QuestionBase & { kind: 'number'; min: number; max: number })
  /** an amount in euros, stored as whole cents in a string ("12550" for € 125,50) */
  | (QuestionBase & { kind: 'money'; min: number; max: number })
  /** a date, as three fields day/month/year (GOV.UK), stored as YYYY-MM-DD; bounds in days from today */
  | (QuestionBase & { kind: 'date'; earliest?: number; latest?: number })
  /** `optionsFrom`: options that depend on what is known (a child of the household), after the fixed ones */
  | (QuestionBase & { kind: 'radios'; options: Option[]; optionsFrom?: (ctx: FormContext) => Option[] })
  | (QuestionBase & { kind: 'checkboxes'; options: Option[]; optionsFrom?: (ctx: FormContext) => Option[] })
  | (QuestionBase & { kind: 'yesNo' })
  /** files through the upload checks (app/domain/uploads.ts); the answer is how many were chosen */
  | (QuestionBase & { kind: 'file'; maxFiles: number })

export type QuestionKind = Question['kind']

export interface Page {
  /** Unique within the service; its address (`/mijn/aanvragen/…/<id>`): lower case, digits, dashes. */
  id: string
  title: Text
  intro?: Text
  questions: Question[]
  when?: Condition
}

/** A fee: its amount in cents and what the payment is for. */
export interface Fee {
  amountCents: number
  description: Text
}

/** The facts of `Known` a service shows under "Dit weten wij al van u". */
export type KnownFact = 'name' | 'birthDate' | 'address' | 'household' | 'email' | 'phone'

export interface ServiceDefinition {
  code: ServiceCode
  /** The case type it becomes (`case_types.code`); its lead time is the term the page promises. */
  caseType: string
  topic: Topic
  /** The knowledge-base article about it (`/onderwerpen/<slug>`), if any. */
  articleSlug: string | null
  /** "Parkeervergunning voor bewoners aanvragen" */
  title: Text
  /** One sentence for the list of services. */
  summary: Text
  /** What to have at hand before starting (the start page). */
  before: Text[]
  /** The fee, if the service costs money; may depend on the answers. */
  fee: ((answers: Answers, ctx: FormContext) => Fee | null) | null
  known: KnownFact[]
  pages: Page[]
  /** The case's subject as the citizen and the caseworker see it. */
  subject: (answers: Answers, ctx: FormContext) => Text
  /** Why this citizen cannot apply (no address in the municipality, a case of this kind open), or null. */
  unavailable?: (ctx: FormContext) => Text | null
}
