import { describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedKnowledgeBase } from '../../db/seed'
import { seedArticles } from '../../db/seed/knowledge-articles'
import { articleAnswerText, getPublishedArticle } from '~/services/knowledge/read.server'
import { searchArticles } from '~/services/knowledge/search.server'

/**
 * The knowledge base as the other parts use it: the seed publishes every article once, the
 * published article is read in either language, and becomes the plain text of an answer.
 */
describe('the knowledge base seed and reading an article', () => {
  it('publishes every seed article as version 1, once', async () => {
    // The test template was seeded already (seedRegisters): seeding again adds nothing.
    expect(await seedKnowledgeBase(getDb())).toBe(0)
    const rows = await getDb()
      .selectFrom('knowledge_articles')
      .select(['slug', 'published_version', 'latest_version'])
      .execute()
    expect(rows.map((r) => r.slug).sort()).toEqual(seedArticles.map((a) => a.slug).sort())
    expect(rows.every((r) => r.published_version === 1 && r.latest_version === 1)).toBe(true)
  })

  it('reads the published article in Dutch and in English', async () => {
    const seed = seedArticles[0]
    const nl = await getPublishedArticle(seed.slug, { language: 'nl' })
    const en = await getPublishedArticle(seed.slug, { language: 'en' })
    expect(nl).toMatchObject({ slug: seed.slug, topic: seed.topic, version: 1, onward: seed.onward, text: seed.nl })
    expect(en?.text).toEqual(seed.en)
    expect(nl?.updatedAt).toBeInstanceOf(Date)
  })

  it('answers null for an unknown or absurd address', async () => {
    expect(await getPublishedArticle('bestaat-niet', { language: 'nl' })).toBeNull()
    expect(await getPublishedArticle('x'.repeat(5000), { language: 'nl' })).toBeNull()
    expect(await getPublishedArticle("'; drop table knowledge_articles; --", { language: 'nl' })).toBeNull()
  })

  it('makes the plain text of an answer: title, summary, cost, duration, what to bring and the link', async () => {
    const seed = seedArticles[0]
    const article = (await getPublishedArticle(seed.slug, { language: 'nl' }))!
    const text = articleAnswerText(article, { language: 'nl', baseUrl: 'https://mijn.groningen.nl/' })
    expect(text.split('\n')[0]).toBe(seed.nl.title)
    expect(text).toContain(seed.nl.summary)
    expect(text).toContain(`Wat kost het? ${seed.nl.cost}`)
    expect(text).toContain(`Hoe lang duurt het? ${seed.nl.duration}`)
    for (const item of seed.nl.bring) expect(text).toContain(`- ${item}`)
    expect(text).toContain(`Meer informatie: https://mijn.groningen.nl/onderwerpen/${seed.slug}`)
    const english = articleAnswerText((await getPublishedArticle(seed.slug, { language: 'en' }))!, { language: 'en' })
    expect(english).toContain(`What does it cost? ${seed.en.cost}`)
    expect(english).toContain(`More information: /onderwerpen/${seed.slug}`)
  })

  it('finds a seed article by a word of its title', async () => {
    const seed = seedArticles[0]
    const word = seed.nl.title.split(' ')[0]
    const { hits } = await searchArticles(word, { language: 'nl' })
    expect(hits.map((h) => h.slug)).toContain(seed.slug)
    expect(hits[0]).toMatchObject({ title: expect.any(String), summary: expect.any(String), rank: expect.any(Number) })
  })

  it('takes any input without failing', async () => {
    for (const hostile of [`"'&|!:*()<->`, 'a & b | !c', '\u0000paspoort\u0000', 'x'.repeat(10_000), ':*', '   ']) {
      const result = await searchArticles(hostile, { language: 'nl' })
      expect(Array.isArray(result.hits)).toBe(true)
    }
  })

  it('never changes a version once saved', async () => {
    await expect(
      getDb().updateTable('knowledge_article_versions').set({ note: 'x' }).where('version', '=', 1).execute(),
    ).rejects.toThrow(/never changed/)
  })
})
