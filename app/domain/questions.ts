/**
 * Questions to the municipality: the channels they come in by and are answered by, their
 * thread's entries, and the charter's terms (the quality charter, /kwaliteitshandvest: a written
 * question gets an acknowledgement within 5 working days and an answer within 6 weeks, per
 * channel: `acknowledgement.<channel>` and `answer.<channel>` in `service_norms`). The terms are
 * the messages' terms (app/domain/messages.ts): the same norms, counted the same way.
 * Pure: no clock, no database.
 */
import type { AnswerChannel, QuestionChannel, QuestionEntryKind } from '../../db/schema'

export type { AnswerChannel, QuestionChannel, QuestionEntryKind }

/** How a question reaches the municipality: the charter's written channels. */
export const QUESTION_CHANNELS = ['internet', 'email', 'post'] as const satisfies readonly QuestionChannel[]

/** How the citizen wants the answer: in the portal, by e-mail, by letter, or a call back. */
export const ANSWER_CHANNELS = ['portal', 'email', 'letter', 'phone'] as const satisfies readonly AnswerChannel[]

/** Without DigiD there is no portal and no address we may write to: e-mail or a call back. */
export const PUBLIC_ANSWER_CHANNELS = ['email', 'phone'] as const satisfies readonly AnswerChannel[]

/** The longest question or follow-up a citizen types, in characters (the form and the service agree). */
export const QUESTION_MAX_LENGTH = 4000

/** The longest answer, with articles inserted (the database allows 8000). */
export const ANSWER_MAX_LENGTH = 8000

/** The entries a citizen sees in their thread; hand-overs and notes are internal. */
export const CITIZEN_VISIBLE_ENTRIES = [
  'question',
  'acknowledgement',
  'answer',
  'follow_up',
] as const satisfies readonly QuestionEntryKind[]

export function isCitizenVisible(kind: QuestionEntryKind): boolean {
  return (CITIZEN_VISIBLE_ENTRIES as readonly string[]).includes(kind)
}

/** The charter norm codes of a channel (migration 0008). */
export function questionNormCodes(channel: QuestionChannel): { acknowledgement: string; answer: string } {
  return { acknowledgement: `acknowledgement.${channel}`, answer: `answer.${channel}` }
}

/** V-2026-000123: the year of receipt and a number from `question_reference_seq`. */
export function questionReference(year: number, n: number): string {
  return `V-${year}-${String(n).padStart(6, '0')}`
}

export const QUESTION_REFERENCE_PATTERN = /^V-\d{4}-\d{6}$/

/** Where a question stands, as the citizen and the contact centre see it. */
export type QuestionState = 'received' | 'handedOver' | 'answered'

/**
 * The state from the thread: answered once an answer is there (a follow-up after the answer
 * opens it again), handed over while a department holds it, received otherwise.
 */
export function questionState(entries: ReadonlyArray<{ kind: QuestionEntryKind }>): QuestionState {
  let state: QuestionState = 'received'
  for (const e of entries) {
    if (e.kind === 'answer') state = 'answered'
    else if (e.kind === 'follow_up') state = 'received'
    else if (e.kind === 'handover' && state !== 'answered') state = 'handedOver'
  }
  return state
}
