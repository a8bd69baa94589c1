/**
 * The knowledge base behind every answer (the municipality speaks "with one mouth"): the
 * contact centre searches it while answering and inserts an article's answer text, which it
 * then edits. In the question's language, with the article's link made absolute (the answer
 * may go out by e-mail or on paper).
 */
import type { Language } from '~/domain/language'
import { publicBaseUrl } from '~/services/calendar.server'
import { articleAnswerText, getPublishedArticle } from '~/services/knowledge/read.server'
import { searchArticles, type ArticleHit } from '~/services/knowledge/search.server'

/** How many articles a search offers to insert. */
const ARTICLE_CHOICES = 8

export async function findArticlesForAnswer(
  query: string,
  { language }: { language: Language },
): Promise<Array<Pick<ArticleHit, 'slug' | 'title' | 'summary'>>> {
  const trimmed = query.trim().slice(0, 200)
  if (!trimmed) return []
  const { hits } = await searchArticles(trimmed, { language, limit: ARTICLE_CHOICES })
  return hits.map(({ slug, title, summary }) => ({ slug, title, summary }))
}

/** The article's answer text, or null for an unknown or unpublished article. */
export async function articleTextForAnswer(
  slug: string,
  { language }: { language: Language },
): Promise<{ slug: string; title: string; text: string } | null> {
  const article = await getPublishedArticle(slug, { language })
  if (!article) return null
  return {
    slug: article.slug,
    title: article.text.title,
    text: articleAnswerText(article, { language, baseUrl: publicBaseUrl() }),
  }
}
