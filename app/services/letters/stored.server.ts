/**
 * A letter as stored: the composed text is a snapshot (`letters.content`), never changed
 * afterwards (trigger `letters_immutable`, migration 0001); the HTML page and the PDF are both
 * rendered from it.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/client'
import type { ComposedLetter, LetterTemplateCode, MunicipalityDetails } from '~/domain/letters'
import type { LetterLanguage } from '~/domain/letters-format'
import { UUID_PATTERN } from '~/domain/ids'
import type { LocalDate } from '~/domain/local-date'

/** The sender of every letter. The municipality's fixed details, not configuration per se. */
export const MUNICIPALITY: MunicipalityDetails = {
  name: { nl: 'Gemeente Groningen', en: 'Municipality of Groningen' },
  postalAddress: ['Postbus 30026', '9700 RM Groningen'],
  phone: '14 050',
  website: 'gemeente.groningen.nl',
  board: {
    nl: 'het college van burgemeester en wethouders van Groningen',
    en: 'the Municipal Executive of Groningen (college van burgemeester en wethouders)',
  },
  court: {
    name: {
      nl: 'rechtbank Noord-Nederland',
      en: 'District Court of the Northern Netherlands (rechtbank Noord-Nederland)',
    },
    website: 'www.rechtspraak.nl',
  },
}

// --- the stored snapshot --------------------------------------------------------------------

export const party = z.object({ name: z.string(), lines: z.array(z.string()) })
export const fact = z.object({ label: z.string(), value: z.string() })
export const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('facts'), items: z.array(fact) }),
])
/** What `letters.content` holds: everything of the letter that is not a column of its own. */
export const contentSchema = z.object({
  sender: party,
  recipient: party,
  details: z.array(fact),
  salutation: z.string(),
  blocks: z.array(block),
  closing: z.object({ greeting: z.string(), signature: z.array(z.string()) }),
})
export type StoredContent = z.infer<typeof contentSchema>

export function contentOf(letter: ComposedLetter): StoredContent {
  const { sender, recipient, details, salutation, blocks, closing } = letter
  return { sender, recipient, details, salutation, blocks, closing }
}

/** A stored letter, read back from its snapshot: the one thing both renderers take. */
export interface StoredLetter extends ComposedLetter {
  id: string
  /** The case the letter is about, or (a question's letter) null. */
  caseId: string | null
  /** The question the letter answers or acknowledges; null or left out for a case's letter. */
  questionId?: string | null
  /** The case's reference, or the question's (V-2026-000123). */
  reference: string
  letterDate: LocalDate
}

/** A letter row read back as the renderers (and the citizen's data export) take it. */
export function toStoredLetter(row: {
  id: string
  case_id: string | null
  question_id?: string | null
  reference: string
  template_code: string
  template_version: number
  language: LetterLanguage
  title: string
  content: unknown
  letter_date: LocalDate
}): StoredLetter {
  return {
    id: row.id,
    caseId: row.case_id,
    questionId: row.question_id ?? null,
    reference: row.reference,
    letterDate: row.letter_date,
    templateCode: row.template_code as LetterTemplateCode,
    templateVersion: row.template_version,
    language: row.language,
    title: row.title,
    ...contentSchema.parse(row.content),
  }
}

export function isLetterId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

/**
 * Letters with what they belong to: a case (`c`) or a question (`q`). Select `letterColumns`
 * from it; the reference is the case's or the question's.
 */
export function fromLetters(db: Executor) {
  return db
    .selectFrom('letters as l')
    .leftJoin('cases as c', 'c.id', 'l.case_id')
    .leftJoin('questions as q', 'q.id', 'l.question_id')
}

/** The case's reference or, for a question's letter, the question's. */
export const letterReference = sql<string>`coalesce(c.reference, q.reference)`

/** The columns `toStoredLetter` reads, and whether the citizen read it. */
export const letterColumns = [
  'l.id',
  'l.case_id',
  'l.question_id',
  letterReference.as('reference'),
  'l.template_code',
  'l.template_version',
  'l.language',
  'l.title',
  'l.content',
  'l.letter_date',
  'l.read_at',
] as const
