/**
 * The knowledge base's article texts and rules that the pages, the editor and the contact centre
 * share. Pure: no I/O.
 */
import type { KnowledgeOnwardColumn, KnowledgeTextColumn } from '../../db/schema'

/** An article's texts in one language: title, summary, what, forWhom, cost, duration, bring[]. */
export type ArticleText = KnowledgeTextColumn

/** The ways onward an article offers: apply online (a portal path), ask a question, make an appointment. */
export type ArticleOnward = KnowledgeOnwardColumn

/** The sections of an article page, in order, with their text field. */
export const ARTICLE_SECTIONS = ['what', 'forWhom', 'cost', 'duration'] as const

/** An article's address: lower case letters and digits in words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const SLUG_MAX_LENGTH = 100
export const TITLE_MAX_LENGTH = 200
export const SUMMARY_MAX_LENGTH = 400
export const SECTION_MAX_LENGTH = 4000
export const BRING_MAX_ITEMS = 15
export const SYNONYMS_MAX = 40
export const NOTE_MAX_LENGTH = 500

/** The longest search query read; the rest is ignored (a search box, not a text field). */
export const SEARCH_MAX_LENGTH = 200
/** The most words of a query that count. */
export const SEARCH_MAX_WORDS = 8

/**
 * The words of a search query, lower case, letters and digits only: everything else (quotes,
 * `&|!:*()`, NUL bytes) separates words, so no input can break a text-search query.
 */
export function searchWords(query: string): string[] {
  const words = query
    .slice(0, SEARCH_MAX_LENGTH)
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
  return (words ?? []).slice(0, SEARCH_MAX_WORDS)
}

/** The public address of an article. */
export const articlePath = (slug: string) => `/onderwerpen/${slug}`
