import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import type { Language } from '~/domain/language'
import { searchArticles } from '~/services/knowledge/search.server'
import { useArticles } from '../support/knowledge'

/**
 * How well the search finds, on articles of the test's own (tests/support/knowledge.ts), so it
 * holds whatever the published content is. Each row: a query, the page's language, the article
 * that must be found and how high. The table is printed for the record.
 */
beforeAll(async () => {
  await useArticles(getDb())
})

interface Row {
  what: string
  query: string
  language: Language
  expect: string
  within: number
}

const table: Row[] = [
  { what: 'title word', query: 'reisdocument', language: 'nl', expect: 'reisdocument-aanvragen', within: 1 },
  { what: 'synonym', query: 'paspoort', language: 'nl', expect: 'reisdocument-aanvragen', within: 1 },
  { what: 'typo', query: 'paspooort', language: 'nl', expect: 'reisdocument-aanvragen', within: 3 },
  { what: 'typo', query: 'verhuisen', language: 'nl', expect: 'verhuizing-doorgeven', within: 3 },
  { what: 'English on the Dutch page', query: 'passport', language: 'nl', expect: 'reisdocument-aanvragen', within: 3 },
  {
    what: 'English on the English page',
    query: 'passport',
    language: 'en',
    expect: 'reisdocument-aanvragen',
    within: 1,
  },
  {
    what: 'English on the Dutch page',
    query: 'moving house',
    language: 'nl',
    expect: 'verhuizing-doorgeven',
    within: 3,
  },
  {
    what: 'English on the English page',
    query: 'moving house',
    language: 'en',
    expect: 'verhuizing-doorgeven',
    within: 1,
  },
  { what: 'Dutch on the English page', query: 'rijbewijs', language: 'en', expect: 'rijbewijs-verlengen', within: 1 },
  {
    what: 'prefix as people type',
    query: 'parkeerv',
    language: 'nl',
    expect: 'parkeervergunning-aanvragen',
    within: 1,
  },
  { what: 'stemmed body word', query: 'containers', language: 'nl', expect: 'afvalcontainer-aanvragen', within: 1 },
  {
    what: 'two words, one absent',
    query: 'bijstand Groningen',
    language: 'nl',
    expect: 'bijstandsuitkering',
    within: 3,
  },
  { what: 'English typo', query: 'drivng licence', language: 'en', expect: 'rijbewijs-verlengen', within: 3 },
]

describe('search relevance', () => {
  it('finds each article where the table says', async () => {
    const lines: string[] = []
    const misses: string[] = []
    for (const row of table) {
      const { hits } = await searchArticles(row.query, { language: row.language })
      const rank = hits.findIndex((h) => h.slug === row.expect) + 1
      lines.push(
        `${row.what.padEnd(28)} ${row.language} ${JSON.stringify(row.query).padEnd(22)} → ${row.expect} at ${rank || '—'} (must be ≤ ${row.within}); top 3: ${hits
          .slice(0, 3)
          .map((h) => h.slug)
          .join(', ')}`,
      )
      if (rank === 0 || rank > row.within)
        misses.push(`${row.query} (${row.language}): ${row.expect} at ${rank || 'none'}`)
    }
    console.log(`\nKnowledge search relevance\n${lines.join('\n')}\n`)
    expect(misses).toEqual([])
  })

  it('shows the page language first: a Dutch title on the Dutch page, an English one on the English page', async () => {
    const nl = await searchArticles('paspoort', { language: 'nl' })
    const en = await searchArticles('paspoort', { language: 'en' })
    expect(nl.hits[0].title).toBe('Reisdocument aanvragen')
    expect(en.hits[0].title).toBe('Apply for a travel document')
  })

  it('filters by topic', async () => {
    const { hits } = await searchArticles('aanvragen', { language: 'nl', topic: 'identity' })
    expect(hits.map((h) => h.slug)).toEqual(['reisdocument-aanvragen'])
  })

  it('suggests the nearest known word when nothing matches ("Bedoelde u …?")', async () => {
    // Too far from every title and synonym to be found as it is, near enough to be suggested.
    expect(await searchArticles('reisdokumint', { language: 'nl' })).toEqual({ hits: [], suggestion: 'reisdocument' })
    expect(await searchArticles('verhiuzing', { language: 'en' })).toEqual({ hits: [], suggestion: 'verhuizing' })
    const suggested = await searchArticles('reisdocument', { language: 'nl' })
    expect(suggested.hits[0].slug).toBe('reisdocument-aanvragen')
  })

  it('finds nothing and suggests nothing for nonsense', async () => {
    expect(await searchArticles('xqzwvbnm', { language: 'nl' })).toEqual({ hits: [], suggestion: null })
  })

  it('answers any input, however hostile, with a result', async () => {
    const hostile = [
      `"paspoort"`,
      `paspoort & | ! : * ( )`,
      `'); drop table knowledge_articles; --`,
      'pas\u0000poort',
      'paspoort:*',
      '!!!',
      '<script>alert(1)</script>',
      'a'.repeat(10_000),
      'paspoort '.repeat(2_000),
      '\uD800',
    ]
    for (const q of hostile) {
      const result = await searchArticles(q, { language: 'nl' })
      expect(result).toHaveProperty('hits')
    }
    expect((await searchArticles(`"paspoort"`, { language: 'nl' })).hits[0]?.slug).toBe('reisdocument-aanvragen')
  })
})
