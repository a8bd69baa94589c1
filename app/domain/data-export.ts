/**
 * The citizen's own copy of their data (AVG/GDPR art. 15: the right of access, with a copy;
 * art. 20: data portability, "in a structured, commonly used and machine-readable format").
 * This file defines that copy — version 1 of `mijn-stad/personal-data-export`, every key
 * documented here and in the README; its readable (PDF) form is data-export-document.ts. Pure:
 * the service reads the rows and hands them in.
 *
 * Dates: a calendar date is 'YYYY-MM-DD'; a moment is ISO 8601 in UTC ('2026-05-01T10:22:33.000Z').
 * Codes (status, channel, event type, …) are the portal's own, listed in the README.
 */
import type { LetterBlock } from './letters'
import type { LetterLanguage } from './letters-format'
import type { LocalDate } from './local-date'

export const DATA_EXPORT_SCHEMA = 'mijn-stad/personal-data-export'
export const DATA_EXPORT_VERSION = 1

/** ISO 8601 instant in UTC. */
export type Instant = string

export interface ExportAddress {
  street: string
  /** number, letter and addition as written: "17-1", "23A" */
  houseNumber: string
  postcode: string
  city: string
  /** "Korreweg 17-1, 9715 AB Groningen" */
  oneLine: string
}

export interface DataExport {
  /** always `mijn-stad/personal-data-export` */
  schema: typeof DATA_EXPORT_SCHEMA
  /** the version of this layout; a new key keeps it, a changed or removed one raises it */
  version: typeof DATA_EXPORT_VERSION
  /** when this copy was made */
  generatedAt: Instant
  /** the language of the names in it (case types, steps): the portal's language at the time */
  language: LetterLanguage
  /** who holds the data and answers questions about it (AVG art. 15(1)) */
  controller: { name: string; postalAddress: string[]; phone: string; website: string }
  /** the personal data from the Basisregistratie Personen (BRP), as the municipality holds it */
  person: {
    bsn: string
    givenNames: string
    namePrefix: string | null
    surname: string
    /** BRP code: M, V (vrouw) or O (onbekend) */
    gender: 'M' | 'V' | 'O'
    birthDate: LocalDate
    birthPlace: string
    birthCountry: string
    nationality: string
    address: (ExportAddress & { since: LocalDate | null; inResearch: boolean }) | null
    /** the last change of this record */
    updatedAt: Instant
  }
  /** every address on record, newest first; `to` is null for the current one */
  addressHistory: Array<{ address: ExportAddress; from: LocalDate; to: LocalDate | null; source: string }>
  /** partner, children and parents as the BRP relates them (their BSNs are theirs, not in here) */
  household: Array<{
    relation: 'partner' | 'child' | 'parent'
    name: string
    birthDate: LocalDate
    since: LocalDate | null
    livesWithYou: boolean
  }>
  /** what you told us yourself: how we reach you; null when you never set anything */
  contactDetails: {
    email: string | null
    emailConfirmedAt: Instant | null
    /** an address waiting for confirmation by the link we mailed */
    pendingEmail: string | null
    phone: string | null
    /** `digital` or `paper` */
    letterChannel: 'digital' | 'paper'
    /** `nl` or `en` */
    language: 'nl' | 'en'
    updatedAt: Instant
  } | null
  /** changes made to your BRP data through the portal (moves, corrections) */
  dataChanges: Array<{
    item: string
    oldValue: string | null
    newValue: string | null
    changedAt: Instant
    source: string
  }>
  /** your cases, newest first, each with its full history */
  cases: Array<{
    reference: string
    caseType: string
    subject: string
    /** how it reached us: internet, email, post, counter, phone */
    channel: string
    /** open, suspended (waiting for you), decided, closed */
    status: string
    currentStep: string
    receivedOn: LocalDate
    acknowledgementDueOn: LocalDate
    /** the latest date of the decision (Awb 4:13–4:15) */
    decisionDueOn: LocalDate
    extended: boolean
    /** granted, partly_granted, refused, withdrawn */
    outcome: string | null
    decidedOn: LocalDate | null
    closedOn: LocalDate | null
    contactPerson: { name: string; phone: string; department: string } | null
    events: Array<{
      seq: number
      /** received, step_reached, suspended, resumed, extended, decided, closed */
      type: string
      occurredAt: Instant
      /**
       * what the event says, by kind: received — receivedOn, channel; step_reached — step,
       * stepName; suspended — information, respondBy; resumed — note; extended — reason;
       * decided — outcome, summary; closed — note; information_received — channel
       */
      details: Record<string, string>
    }>
    /**
     * the messages between you and the municipality on this case, oldest first. Who wrote it as
     * the case page shows it: you, or the municipality with the employee's name and department.
     */
    messages: Array<{
      from: 'you' | 'municipality'
      /** the employee's name as the conversation shows it; null for your own messages */
      author: string | null
      /** the employee's department; null for your own messages */
      department: string | null
      sentAt: Instant
      text: string
      /** a first answer that says your message arrived ("ontvangstbevestiging") */
      acknowledgement: boolean
      /** when the other side read it; null while unread */
      readAt: Instant | null
    }>
    /** your answers to our requests for information (Awb 4:15), oldest first */
    informationAnswers: Array<{
      receivedOn: LocalDate
      /** how it reached us: internet, email, post, counter, phone */
      channel: string
      /** the words you typed; null when you sent only files */
      text: string | null
      /** the titles of the files that came with it (listed under `documents`) */
      files: string[]
    }>
    /** the documents of this case (without their contents: download them from the case page) */
    documents: Array<{
      title: string
      /** application, attachment, decision, answer, objection, other */
      kind: string
      addedAt: Instant
      mediaType: string
      bytes: number
      /** who added it, as the case page shows it: you, or the municipality (with its department) */
      addedBy: 'you' | 'municipality'
      department: string | null
    }>
  }>
  /** the letters we wrote you, newest first, with their full text */
  letters: Array<{
    date: LocalDate
    caseReference: string
    title: string
    language: 'nl' | 'en'
    /** `digital` (in Mijn Stad) or `paper` (by post) */
    delivery: 'digital' | 'paper'
    readAt: Instant | null
    printedAt: Instant | null
    text: string
  }>
  /** your requests to correct BRP data (Wet BRP art. 2.58), newest first */
  correctionRequests: Array<{
    /** draft, submitted, accepted, refused */
    status: string
    item: string
    currentValue: string | null
    proposedValue: string
    explanation: string
    /** the evidence you sent: its name, type and size (the file itself stays with the case) */
    evidence: { name: string; type: string; bytes: number } | null
    caseReference: string | null
    createdAt: Instant
    submittedAt: Instant | null
    decidedAt: Instant | null
    decisionReason: string | null
  }>
  /** the moves you reported (Wet BRP art. 2.39), newest first; co-movers by name */
  moves: Array<{
    /** draft, submitted, approved, refused */
    status: string
    fromAddress: string | null
    toAddress: string | null
    moveDate: LocalDate | null
    coMovers: string[]
    caseReference: string | null
    createdAt: Instant
    submittedAt: Instant | null
    decidedAt: Instant | null
    decisionReason: string | null
  }>
  /** your contacts with the municipality as recorded (calls, counter visits, reports), newest first */
  contactMoments: Array<{
    occurredAt: Instant
    channel: string
    subject: string
    summary: string
    /** the topic code (topics), and the case or question it was about */
    topic: string | null
    caseReference: string | null
    questionReference: string | null
  }>
  /** your questions to the municipality and their thread as you see it (no internal notes), newest first */
  questions: Array<{
    reference: string
    topic: string
    channel: string
    answerChannel: string
    receivedAt: Instant
    entries: Array<{ kind: string; at: Instant; text: string; sentVia: string | null }>
  }>
  /** "Wie heeft mijn gegevens bekeken": staff who viewed your data or looked along with you, and your own downloads */
  viewedBy: Array<{
    at: Instant
    /** employee, employee_looking_along, you, representative */
    who: 'employee' | 'employee_looking_along' | 'you' | 'representative'
    /** the employee's name (or number); null for you */
    employee: string | null
    /** what happened, as a code: personal_data.viewed, case.viewed, impersonation, personal_data.exported, … */
    action: string
    caseReference: string | null
    reason: string | null
  }>
}

/** The file name: no BSN, no name — only what it is and the day. */
export function exportFileName(format: 'json' | 'pdf', generatedAt: Instant): string {
  return `mijn-gegevens-${generatedAt.slice(0, 10)}.${format}`
}

/** A stored letter's text as the citizen read it, in reading order. */
export function letterText(letter: {
  salutation: string
  blocks: LetterBlock[]
  closing: { greeting: string; signature: string[] }
}): string {
  const lines: string[] = [letter.salutation, '']
  for (const block of letter.blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') lines.push(block.text)
    else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${item}`))
    else lines.push(...block.items.map((fact) => `${fact.label}: ${fact.value}`))
    lines.push('')
  }
  lines.push(letter.closing.greeting, ...letter.closing.signature)
  return lines.join('\n')
}
