import type { i18n as I18n } from 'i18next'
import { getDb } from '../../../db/instance'
import type { Executor } from '../../../db/client'
import { articlePath, type ArticleOnward, type ArticleText } from '~/domain/knowledge'
import type { Language } from '~/domain/language'
import { resources } from '~/locales'

/** An article as the public sees it: its published version's texts in one language. */
export interface PublishedArticle {
  slug: string
  topic: string
  version: number
  /** when this version was published */
  updatedAt: Date
  onward: ArticleOnward
  text: ArticleText
}

/**
 * The published version of an article, in `language`; null for an unknown address or an article
 * that has only drafts. Read fresh on every request: a published change shows everywhere at once.
 */
export async function getPublishedArticle(
  slug: string,
  { db = getDb(), language }: { db?: Executor; language: Language },
): Promise<PublishedArticle | null> {
  if (slug.length > 100) return null
  const row = await db
    .selectFrom('knowledge_articles as a')
    .innerJoin('knowledge_article_versions as v', (j) =>
      j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.published_version'),
    )
    .select(['a.slug', 'v.topic', 'v.version', 'a.updated_at', 'v.onward', 'v.nl', 'v.en'])
    .where('a.slug', '=', slug)
    .executeTakeFirst()
  if (!row) return null
  return {
    slug: row.slug,
    topic: row.topic,
    version: row.version,
    updatedAt: row.updated_at,
    onward: row.onward,
    text: language === 'en' ? row.en : row.nl,
  }
}

type AnswerLabel = 'cost' | 'duration' | 'bring' | 'more'

/**
 * The article as plain text for an answer to a question (the contact centre inserts it and edits
 * it): title, summary, what it costs, how long it takes, what to bring, and the link to the
 * article. Pass the language of the answer (or a translate function of it); `baseUrl` makes the
 * link absolute, for an answer sent by e-mail or on paper.
 */
export function articleAnswerText(
  article: PublishedArticle,
  { t, language = 'nl', baseUrl }: { t?: I18n['t']; language?: Language; baseUrl?: string } = {},
): string {
  const labels = resources[language].knowledge.answer as Record<AnswerLabel, string>
  const label = (key: AnswerLabel) => (t ? t(`knowledge:answer.${key}`) : labels[key])
  const { text } = article
  const link = `${baseUrl ? baseUrl.replace(/\/+$/, '') : ''}${articlePath(article.slug)}`
  return [
    text.title,
    '',
    text.summary,
    '',
    `${label('cost')} ${text.cost}`,
    `${label('duration')} ${text.duration}`,
    ...(text.bring.length > 0 ? ['', label('bring'), ...text.bring.map((item) => `- ${item}`)] : []),
    '',
    `${label('more')} ${link}`,
  ].join('\n')
}
