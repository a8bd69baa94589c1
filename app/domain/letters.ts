/**
 * The letters the municipality writes itself, composed from a case event and the case as it
 * stands right after it. Pure: the service hands in everything (the event, the derived state,
 * the case, the recipient, the date); the result is the full text as structured blocks, stored
 * as an immutable snapshot and rendered the same way as HTML and as PDF.
 *
 * What the letters must say, and why:
 * - Acknowledgement (ontvangstbevestiging), the quality charter (/kwaliteitshandvest): within five working
 *   days; the reference, the date received, the latest decision date, the steps, how to follow
 *   the case online and which employee to call directly. When the case was registered late the
 *   letter says so and apologises (the quality charter counts it as late).
 * - Extension (verdaging), Awb 4:14: told within the term, with the reason and the new date.
 * - Request for information (opschorting), Awb 4:15(1)(a) with 4:5: what is needed, by when,
 *   that the term stands still meanwhile, and what happens when nothing comes.
 * - Answer received (aanvulling ontvangen), Awb 4:15(1)(a): the day it came in, and the latest
 *   decision date now that the suspension has ended on that day.
 * - Decision (besluit): the letter is the decision itself, so it holds all of it: the outcome,
 *   the reasons (Awb 3:46), for a refusal or partial grant what the citizen can do now, and for
 *   every decision on an application the right to object (Awb 3:45, 6:7, 6:8): within six
 *   weeks, from the day after the letter up to a named date, to whom, how (online or by letter
 *   with what Awb 6:5 asks), and that objecting does not stop the decision (Awb 6:16). A
 *   withdrawal is no decision on the application: no reasons, no objection.
 * - Correction of BRP data (Wet BRP art. 2.58): the college decides in writing; the same parts.
 * - Objection (bezwaar): the acknowledgement names the objection, the decision it is against,
 *   the latest decision date (Awb 7:10) and what comes next, a hearing (Awb 7:2); a late one
 *   says the lateness will be weighed (Awb 6:11). The decision on an objection is open to
 *   appeal at the district court, not to a second objection (Awb 7:1, 8:1, 6:7).
 *
 * Plain language, B1 (the quality charter: "De brieven die we versturen zijn voor de lezer begrijpelijk"):
 * short sentences, active voice, "u", no legal jargon. `letters-readability.ts` measures it and
 * tests/unit/letters-readability.test.ts fails when a template drifts above the bar.
 *
 * A template's text is versioned: change the words, raise its `version`. Issued letters keep
 * the text they were written with (the snapshot), so an old letter never changes.
 */
import { type CaseEvent, type CaseState } from './case-terms'
import { type LetterLanguage } from './letters-format'
import { compareLocalDate, type LocalDate } from './local-date'
import { OBJECTION_WEEKS, objectionTerm } from './objection'
import type { HolidayCalendar } from './working-days'

export type { LetterLanguage } from './letters-format'

export type LetterTemplateCode =
  | 'acknowledgement'
  | 'extension'
  | 'information_request'
  | 'information_received'
  | 'decision_notice'
  | 'correction_decision'
  // moves (letters-move.ts): to a co-mover, and an address investigation
  | 'move_co_mover_reported'
  | 'move_co_mover_decided'
  | 'move_address_investigation'
  | 'objection_acknowledgement'
  | 'objection_decision'
  // a question's acknowledgement and answer (letters-question.ts)
  | 'question.acknowledgement'
  | 'question.answer'

/** The version of each template's words; raise it with every change of text. */
export const TEMPLATE_VERSIONS: Record<LetterTemplateCode, number> = {
  acknowledgement: 1,
  extension: 1,
  information_request: 1,
  information_received: 1,
  // 2: the decision in full (reasons, what you can do) and the right to object on every decision
  decision_notice: 2,
  correction_decision: 2,
  move_co_mover_reported: 1,
  move_co_mover_decided: 1,
  move_address_investigation: 1,
  objection_acknowledgement: 1,
  objection_decision: 1,
  'question.acknowledgement': 1,
  'question.answer': 1,
}

/** The letters that acknowledge receipt: the quality charter measures the first of them. */
export const ACKNOWLEDGEMENT_TEMPLATES = [
  'acknowledgement',
  'objection_acknowledgement',
] as const satisfies readonly LetterTemplateCode[]

export interface Fact {
  label: string
  value: string
}

/**
 * The body of a letter. A paragraph's text may hold a web address (https://…): both renderers
 * make that part a link, the text itself stays the same.
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: Fact[] }

export interface LetterParty {
  name: string
  lines: string[]
}

export interface ComposedLetter {
  templateCode: LetterTemplateCode
  templateVersion: number
  language: LetterLanguage
  /** What the letter is about, in one line: the page title, the PDF title, the list entry. */
  title: string
  /** The letterhead: the municipality's name and postal details. */
  sender: LetterParty
  /** The address block. */
  recipient: LetterParty
  /** Date, our reference, subject: above the salutation. */
  details: Fact[]
  salutation: string
  blocks: LetterBlock[]
  closing: { greeting: string; signature: string[] }
}

export type Localised = Record<LetterLanguage, string>

export interface MunicipalityDetails {
  name: Localised
  /** Where post goes to, e.g. ["Postbus 30026", "9700 RM Groningen"]. */
  postalAddress: string[]
  /** The general number, e.g. "14 050". */
  phone: string
  website: string
  /** Who decides and receives objections: "het college van burgemeester en wethouders van Groningen". */
  board: Localised
  /** The district court that hears appeals against decisions on objections (Awb 8:1). */
  court: { name: Localised; website: string }
}

/** What a letter about an objection names of the decision it is against. */
export interface ObjectedDecision {
  reference: string
  caseTypeName: Localised
  subject: string
  /** The date of the decision's letter: the day it was sent. */
  sentOn: LocalDate
  /** The end of the term to object (Awb 6:7, 6:8). */
  termEndsOn: LocalDate
  /** Received after that end; the citizen's reason for it (Awb 6:11). */
  late: boolean
  lateReason: string | null
}

export interface LetterCase {
  reference: string
  subject: string
  caseTypeCode: string
  caseTypeName: Localised
  /** The department that handles it; signs the letter. */
  department: string | null
  /** The case type's steps in order, as the citizen sees them. */
  steps: Array<{ code: string; name: Localised; explanation: Localised }>
  /** The employee to call directly; null when the case has none yet. */
  contact: { name: string; phone: string } | null
  /** Where the citizen follows this case online. */
  caseUrl: string
  /** Where the citizen checks their personal data online (the correction letter points there). */
  personalDataUrl?: string
  /** For an objection's case (`bezwaar`): the decision it is against. */
  objection?: ObjectedDecision
}

export interface LetterRecipient {
  name: string
  addressLines: string[]
  language: LetterLanguage
}

export interface LetterContext {
  /** The event just recorded. */
  event: CaseEvent
  /** The case derived from its history including this event, as of `letterDate`. */
  state: CaseState
  case: LetterCase
  recipient: LetterRecipient
  /** The day the letter is written (today in Europe/Amsterdam). */
  letterDate: LocalDate
  municipality: MunicipalityDetails
  /** For terms the letter names (the six weeks to object), Atw art. 1. */
  calendar: HolidayCalendar
}

export { OBJECTION_WEEKS }

/**
 * Awb 6:7 and 6:8: six weeks, from the day after the decision was made known (the letter
 * date); a term ending on a weekend day or holiday runs on to the next working day (Atw art. 1).
 */
export function objectionDeadline(letterDate: LocalDate, calendar: HolidayCalendar): LocalDate {
  return objectionTerm(letterDate, calendar).endsOn
}

/** Whether the acknowledgement is later than the quality charter's five working days. */
export function acknowledgementIsLate(state: CaseState, letterDate: LocalDate): boolean {
  return compareLocalDate(letterDate, state.acknowledgementDueOn) > 0
}

// --- plain text ----------------------------------------------------------------------------------

/**
 * The whole letter as plain text, in reading order: what a test shows, what a screen reader
 * reads, and the order both the HTML page and the PDF follow.
 */
export function letterAsText(letter: ComposedLetter): string {
  const lines: string[] = [
    letter.sender.name,
    ...letter.sender.lines,
    '',
    letter.recipient.name,
    ...letter.recipient.lines,
    '',
  ]
  for (const fact of letter.details) lines.push(`${fact.label}: ${fact.value}`)
  lines.push('', letter.title, '', letter.salutation, '')
  for (const block of letter.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(`## ${block.text}`)
        break
      case 'paragraph':
        lines.push(block.text, '')
        break
      case 'list':
        for (const item of block.items) lines.push(`- ${item}`)
        lines.push('')
        break
      case 'facts':
        for (const fact of block.items) lines.push(`${fact.label}: ${fact.value}`)
        lines.push('')
        break
    }
  }
  lines.push(letter.closing.greeting, ...letter.closing.signature)
  return lines.join('\n')
}
