import { sql } from 'kysely'
import { getDb } from '../../../db/instance'
import type { Executor } from '../../../db/client'
import { searchWords } from '~/domain/knowledge'
import type { Language } from '~/domain/language'

export interface ArticleHit {
  slug: string
  topic: string
  title: string
  summary: string
  /** higher is better; text-search hits come before typo-tolerant ones */
  rank: number
}

export interface SearchResult {
  hits: ArticleHit[]
  /** "Bedoelde u …?": the query with its words replaced by the nearest known ones, when nothing was found */
  suggestion: string | null
}

interface SearchOptions {
  db?: Executor
  /** the page's language: its texts are shown and its matches rank first */
  language: Language
  limit?: number
  topic?: string
}

const MAX_LIMIT = 50
/** The other language's matches count for this much of the page language's. */
const OTHER_LANGUAGE = 0.8
/** Fewer text-search hits than this, and titles and synonyms are searched for near spellings too. */
const FEW = 3
/** Words shorter than this are not spelled near: too many words are near a short one. */
const TYPO_MIN_LENGTH = 4
/** A known word at least this similar (pg_trgm similarity, 0–1) may be suggested. */
const SUGGEST_MIN_SIMILARITY = 0.3

/**
 * Searches the published articles (PostgreSQL text search, Dutch and English, README
 * "Knowledge base"). The words of the query must all occur (the last may be the start of a
 * word, as people type); when none match all, any may. Titles weigh most, then summaries and
 * synonyms, then the rest. Both languages are searched, the page's language ranking first, so a
 * Dutch word on the English page still finds its article. With few hits, titles and synonyms
 * spelled near the query's words are added (pg_trgm), and with none, the nearest known words
 * are suggested. Any input is safe: only letters and digits reach the query.
 */
export async function searchArticles(
  query: string,
  { db = getDb(), language, limit = 20, topic }: SearchOptions,
): Promise<SearchResult> {
  const words = searchWords(query)
  if (words.length === 0) return { hits: [], suggestion: null }
  const max = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit) || 1))
  let hits = await textSearch(db, words, '&', { language, limit: max, topic })
  if (hits.length === 0 && words.length > 1) hits = await textSearch(db, words, '|', { language, limit: max, topic })
  if (hits.length < Math.min(FEW, max)) {
    const near = await nearSpellings(db, words, { language, limit: max, topic })
    const found = new Set(hits.map((h) => h.slug))
    hits = [...hits, ...near.filter((h) => !found.has(h.slug))].slice(0, max)
  }
  const suggestion = hits.length === 0 ? await suggest(db, words, { language, topic }) : null
  return { hits, suggestion }
}

/** A tsquery of plain words: every word (`&`) or any (`|`), the last one also as a prefix. */
function tsquery(words: string[], join: '&' | '|'): string {
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(` ${join} `)
}

const titleOf = (language: Language) => sql<string>`v.${sql.raw(language)}->>'title'`
const summaryOf = (language: Language) => sql<string>`v.${sql.raw(language)}->>'summary'`

function published(db: Executor) {
  return db
    .selectFrom('knowledge_articles as a')
    .innerJoin('knowledge_article_versions as v', (j) =>
      j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.published_version'),
    )
}

async function textSearch(
  db: Executor,
  words: string[],
  join: '&' | '|',
  { language, limit, topic }: { language: Language; limit: number; topic?: string },
): Promise<ArticleHit[]> {
  const text = tsquery(words, join)
  const nl = sql`to_tsquery('dutch', ${text})`
  const en = sql`to_tsquery('english', ${text})`
  // ts_rank_cd's weights are {D, C, B, A}: the body, —, summary and synonyms, title.
  const weights = sql`'{0.1, 0.3, 0.5, 1.0}'::float4[]`
  const rank = sql<number>`greatest(
    ts_rank_cd(${weights}, v.search_nl, ${nl}) * ${language === 'nl' ? 1 : OTHER_LANGUAGE},
    ts_rank_cd(${weights}, v.search_en, ${en}) * ${language === 'en' ? 1 : OTHER_LANGUAGE})`
  const rows = await published(db)
    .select(['a.slug', 'v.topic', titleOf(language).as('title'), summaryOf(language).as('summary'), rank.as('rank')])
    .where(sql<boolean>`(v.search_nl @@ ${nl} or v.search_en @@ ${en})`)
    .$if(topic !== undefined, (q) => q.where('v.topic', '=', topic!))
    .orderBy('rank', 'desc')
    .orderBy('title')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }))
}

/** Articles whose title or a synonym is spelled near a word of the query ("paspooort"). */
async function nearSpellings(
  db: Executor,
  words: string[],
  { language, limit, topic }: { language: Language; limit: number; topic?: string },
): Promise<ArticleHit[]> {
  const long = words.filter((w) => w.length >= TYPO_MIN_LENGTH)
  if (long.length === 0) return []
  const similarity = sql<number>`greatest(${sql.join(long.map((w) => sql`word_similarity(${w}, v.terms)`))})`
  const rows = await published(db)
    .select([
      'a.slug',
      'v.topic',
      titleOf(language).as('title'),
      summaryOf(language).as('summary'),
      similarity.as('rank'),
    ])
    .where(
      sql<boolean>`(${sql.join(
        long.map((w) => sql`${w} <% v.terms`),
        sql` or `,
      )})`,
    )
    .$if(topic !== undefined, (q) => q.where('v.topic', '=', topic!))
    .orderBy('rank', 'desc')
    .orderBy('title')
    .limit(limit)
    .execute()
  // Below every text-search hit: a near spelling is a guess.
  return rows.map((r) => ({ ...r, rank: Number(r.rank) / 100 }))
}

/**
 * "Bedoelde u …?": each word that is not a known word (of the published titles and synonyms)
 * replaced by the most similar known one; offered only when the new words find something.
 */
async function suggest(
  db: Executor,
  words: string[],
  { language, topic }: { language: Language; topic?: string },
): Promise<string | null> {
  const replaced = await Promise.all(
    words.map(async (word) => {
      if (word.length < TYPO_MIN_LENGTH) return word
      const nearest = await db
        .selectFrom('knowledge_terms')
        .select(['term', sql<number>`similarity(term, ${word})`.as('similarity')])
        .where(sql<boolean>`term % ${word}`)
        .orderBy('similarity', 'desc')
        .orderBy('term')
        .limit(1)
        .executeTakeFirst()
      return nearest && nearest.similarity >= SUGGEST_MIN_SIMILARITY ? nearest.term : word
    }),
  )
  if (replaced.every((w, i) => w === words[i])) return null
  const found = await textSearch(db, replaced, '&', { language, limit: 1, topic })
  return found.length > 0 ? replaced.join(' ') : null
}
