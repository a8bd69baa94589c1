import type { DB } from '../client'
import { seedArticles } from './knowledge-articles'

/**
 * Publishes every article of the seed as version 1. Idempotent: an article whose address
 * exists already is left alone (an editor may have changed it since).
 */
export async function seedKnowledgeBase(db: DB): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let added = 0
    for (const article of seedArticles) {
      const row = await trx
        .insertInto('knowledge_articles')
        .values({ slug: article.slug, topic: article.topic, latest_version: 1 })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!row) continue
      await trx
        .insertInto('knowledge_article_versions')
        .values({
          article_id: row.id,
          version: 1,
          status: 'published',
          topic: article.topic,
          nl: JSON.stringify(article.nl),
          en: JSON.stringify(article.en),
          synonyms: article.synonyms,
          onward: JSON.stringify(article.onward),
          employee_id: null,
          note: null,
        })
        .execute()
      await trx.updateTable('knowledge_articles').set({ published_version: 1 }).where('id', '=', row.id).execute()
      added++
    }
    return added
  })
}
