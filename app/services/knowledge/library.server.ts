import { sql } from 'kysely'
import { getDb } from '../../../db/instance'
import type { Executor } from '../../../db/client'
import type { ArticleOnward, ArticleText } from '~/domain/knowledge'
import type { Language } from '~/domain/language'

/**
 * The knowledge base as the editors (and, reading, the contact centre) see it: every article
 * with its drafts, every version. Authorisation is the route's (editor or kcc).
 */
export interface LibraryRow {
  slug: string
  topic: string
  title: string
  latestVersion: number
  publishedVersion: number | null
  changedAt: Date
  changedBy: string | null
}

export async function listLibrary(
  { query, topic }: { query?: string; topic?: string },
  { db = getDb(), language }: { db?: Executor; language: Language },
): Promise<LibraryRow[]> {
  const needle = query?.trim().slice(0, 100).toLowerCase()
  const rows = await db
    .selectFrom('knowledge_articles as a')
    .innerJoin('knowledge_article_versions as v', (j) =>
      j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.latest_version'),
    )
    .leftJoin('employees as e', 'e.id', 'v.employee_id')
    .select([
      'a.slug',
      'a.topic',
      sql<string>`v.${sql.raw(language)}->>'title'`.as('title'),
      'a.latest_version',
      'a.published_version',
      'v.created_at',
      'e.name',
    ])
    .$if(Boolean(needle), (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.slug', 'like', `%${needle!.replace(/[\\%_]/g, '\\$&')}%`),
          eb(sql`lower(v.nl->>'title')`, 'like', `%${needle!.replace(/[\\%_]/g, '\\$&')}%`),
          eb(sql`lower(v.en->>'title')`, 'like', `%${needle!.replace(/[\\%_]/g, '\\$&')}%`),
        ]),
      ),
    )
    .$if(Boolean(topic), (q) => q.where('a.topic', '=', topic!))
    .orderBy('title')
    .limit(500)
    .execute()
  return rows.map((r) => ({
    slug: r.slug,
    topic: r.topic,
    title: r.title,
    latestVersion: r.latest_version,
    publishedVersion: r.published_version,
    changedAt: r.created_at,
    changedBy: r.name,
  }))
}

export interface VersionContent {
  version: number
  status: 'draft' | 'published'
  topic: string
  nl: ArticleText
  en: ArticleText
  synonyms: string[]
  onward: ArticleOnward
  note: string | null
  createdAt: Date
  by: string | null
}

export interface ArticleVersions {
  slug: string
  latestVersion: number
  publishedVersion: number | null
  /** newest first */
  versions: VersionContent[]
}

/** An article with every version, newest first; null for an unknown address. */
export async function getArticleVersions(
  slug: string,
  { db = getDb() }: { db?: Executor } = {},
): Promise<ArticleVersions | null> {
  if (slug.length > 100) return null
  const article = await db
    .selectFrom('knowledge_articles')
    .select(['id', 'slug', 'latest_version', 'published_version'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!article) return null
  const versions = await db
    .selectFrom('knowledge_article_versions as v')
    .leftJoin('employees as e', 'e.id', 'v.employee_id')
    .select([
      'v.version',
      'v.status',
      'v.topic',
      'v.nl',
      'v.en',
      'v.synonyms',
      'v.onward',
      'v.note',
      'v.created_at',
      'e.name',
    ])
    .where('v.article_id', '=', article.id)
    .orderBy('v.version', 'desc')
    .execute()
  return {
    slug: article.slug,
    latestVersion: article.latest_version,
    publishedVersion: article.published_version,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      topic: v.topic,
      nl: v.nl,
      en: v.en,
      synonyms: v.synonyms,
      onward: v.onward,
      note: v.note,
      createdAt: v.created_at,
      by: v.name,
    })),
  }
}
