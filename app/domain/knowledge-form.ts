/**
 * The editor's article form: its shape (the route checks it; the service judges what it means).
 * Flat field names, one per input: `nlTitle`, `enBring` (one item per line), `synonyms` (one
 * per line), the ways onward, the version the editor started from and a note. Pure.
 */
import { z } from 'zod'
import { TOPICS } from './topics'
import {
  BRING_MAX_ITEMS,
  NOTE_MAX_LENGTH,
  SECTION_MAX_LENGTH,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  SUMMARY_MAX_LENGTH,
  SYNONYMS_MAX,
  TITLE_MAX_LENGTH,
  type ArticleText,
} from './knowledge'

// conform hands an empty field over as undefined.
const required = (max: number) => z.string({ required_error: 'required' }).trim().min(1, 'required').max(max, 'tooLong')
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => v ?? '')
const lines = (maxItems: number, maxLength: number) =>
  z
    .string()
    .max(maxItems * (maxLength + 2), 'tooLong')
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= maxItems, 'tooMany')
    .refine((items) => items.every((item) => item.length <= maxLength), 'tooLong')

export const LANGUAGE_FIELDS = ['title', 'summary', 'what', 'forWhom', 'cost', 'duration', 'bring'] as const
export type LanguageField = (typeof LANGUAGE_FIELDS)[number]
export const fieldName = (language: 'nl' | 'en', field: LanguageField) =>
  `${language}${field[0].toUpperCase()}${field.slice(1)}` as const

const textFields = (language: 'nl' | 'en') => ({
  [fieldName(language, 'title')]: required(TITLE_MAX_LENGTH),
  [fieldName(language, 'summary')]: required(SUMMARY_MAX_LENGTH),
  [fieldName(language, 'what')]: required(SECTION_MAX_LENGTH),
  [fieldName(language, 'forWhom')]: optional(SECTION_MAX_LENGTH),
  [fieldName(language, 'cost')]: optional(SECTION_MAX_LENGTH),
  [fieldName(language, 'duration')]: optional(SECTION_MAX_LENGTH),
  [fieldName(language, 'bring')]: lines(BRING_MAX_ITEMS, 300),
})

export const ArticleForm = z.object({
  slug: z
    .string({ required_error: 'required' })
    .trim()
    .toLowerCase()
    .max(SLUG_MAX_LENGTH, 'tooLong')
    .regex(SLUG_PATTERN, 'slug'),
  topic: z.enum(TOPICS, { errorMap: () => ({ message: 'topic' }) }),
  ...textFields('nl'),
  ...textFields('en'),
  synonyms: lines(SYNONYMS_MAX, 100),
  apply: z
    .string()
    .trim()
    .max(200, 'tooLong')
    .regex(/^\/mijn(\/[A-Za-z0-9._~-]+)*\/?$/, 'apply')
    .optional(),
  ask: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  appointment: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  note: optional(NOTE_MAX_LENGTH),
  baseVersion: z.coerce.number().int().min(0),
  intent: z.enum(['draft', 'publish']),
})

export type ArticleFormInput = z.input<typeof ArticleForm>
export type ArticleFormValue = z.output<typeof ArticleForm>

/** The texts of one language out of the form's value. */
export function textOf(value: ArticleFormValue, language: 'nl' | 'en'): ArticleText {
  const v = value as unknown as Record<string, unknown>
  return {
    title: v[fieldName(language, 'title')] as string,
    summary: v[fieldName(language, 'summary')] as string,
    what: v[fieldName(language, 'what')] as string,
    forWhom: v[fieldName(language, 'forWhom')] as string,
    cost: v[fieldName(language, 'cost')] as string,
    duration: v[fieldName(language, 'duration')] as string,
    bring: v[fieldName(language, 'bring')] as string[],
  }
}

/** The form's fields filled from an article's texts: for editing, or a new article (empty). */
export function formDefaults(article: {
  slug: string
  topic: string
  nl: ArticleText
  en: ArticleText
  synonyms: string[]
  onward: { apply?: string; ask: boolean; appointment: boolean }
}): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {
    slug: article.slug,
    topic: article.topic,
    synonyms: article.synonyms.join('\n'),
    apply: article.onward.apply ?? '',
    ask: article.onward.ask ? 'on' : undefined,
    appointment: article.onward.appointment ? 'on' : undefined,
  }
  for (const language of ['nl', 'en'] as const)
    for (const field of LANGUAGE_FIELDS) {
      const value = article[language][field]
      values[fieldName(language, field)] = Array.isArray(value) ? value.join('\n') : value
    }
  return values
}

export const emptyArticle = {
  slug: '',
  topic: '',
  nl: { title: '', summary: '', what: '', forWhom: '', cost: '', duration: '', bring: [] },
  en: { title: '', summary: '', what: '', forWhom: '', cost: '', duration: '', bring: [] },
  synonyms: [],
  onward: { ask: true, appointment: false },
}
