import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { serviceByCode } from '~/domain/eloket/engine'
import { BRING_MAX_ITEMS, SECTION_MAX_LENGTH, SLUG_MAX_LENGTH, SLUG_PATTERN, SYNONYMS_MAX } from '~/domain/knowledge'
import { readabilityOf, sentencesOf, wordsOf } from '~/domain/letters-readability'
import { TOPICS, isTopic } from '~/domain/topics'
import { seedArticles, type ArticleText } from '../../db/seed/knowledge-articles'

const TEXT_FIELDS = ['title', 'summary', 'what', 'forWhom', 'cost', 'duration'] as const
const routes = fileURLToPath(new URL('../../app/routes/mijn+/', import.meta.url))

/** The prose of one article's text, sentence by sentence (the list of things to bring is not prose). */
const prose = (text: ArticleText) =>
  [text.summary, text.what, text.forWhom, text.cost, text.duration].flatMap((part) => sentencesOf(part))

/** Every word an article can be found by in one place: titles and synonyms, lower case. */
const findableBy = (article: (typeof seedArticles)[number]) =>
  [article.nl.title, article.en.title, ...article.synonyms].join(' | ').toLowerCase()

describe('the knowledge base seed', () => {
  it('has at least 44 articles, each with a unique slug in the address pattern', () => {
    expect(seedArticles.length).toBeGreaterThanOrEqual(44)
    const slugs = seedArticles.map((a) => a.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) {
      expect(slug, slug).toMatch(SLUG_PATTERN)
      expect(slug.length, slug).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    }
  })

  it('files every article under a known topic and covers every topic', () => {
    for (const a of seedArticles) expect(isTopic(a.topic), `${a.slug}: ${a.topic}`).toBe(true)
    const used = new Set(seedArticles.map((a) => a.topic))
    for (const topic of TOPICS) expect(used.has(topic), topic).toBe(true)
  })

  it('fills every text in Dutch and English, with a short title and summary', () => {
    for (const a of seedArticles) {
      for (const language of ['nl', 'en'] as const) {
        const text = a[language]
        for (const field of TEXT_FIELDS) expect(text[field].trim(), `${a.slug} ${language}.${field}`).not.toBe('')
        for (const item of text.bring) expect(item.trim(), `${a.slug} ${language}.bring`).not.toBe('')
        expect(text.title.length, `${a.slug} ${language}.title`).toBeLessThanOrEqual(80)
        expect(text.summary.length, `${a.slug} ${language}.summary`).toBeLessThanOrEqual(250)
        // within what the editor accepts, so an editor can save the article unchanged
        for (const field of TEXT_FIELDS) expect(text[field].length).toBeLessThanOrEqual(SECTION_MAX_LENGTH)
        expect(text.bring.length, `${a.slug} ${language}.bring`).toBeLessThanOrEqual(BRING_MAX_ITEMS)
      }
      // the list of what to bring says the same in both languages
      expect(a.en.bring.length, `${a.slug} bring`).toBe(a.nl.bring.length)
      // the English is its own text, not the Dutch copied
      expect(a.en.what, a.slug).not.toBe(a.nl.what)
      expect(a.synonyms.length, `${a.slug} synonyms`).toBeGreaterThan(0)
      expect(a.synonyms.length, `${a.slug} synonyms`).toBeLessThanOrEqual(SYNONYMS_MAX)
      expect(new Set(a.synonyms).size, `${a.slug} synonyms repeat`).toBe(a.synonyms.length)
    }
  })

  it('holds no placeholder text', () => {
    for (const a of seedArticles) expect(JSON.stringify(a), a.slug).not.toMatch(/\b(todo|lorem|ipsum|xxx|tbd)\b/i)
  })

  it('offers online only what the portal has: every apply path is a page under /mijn/', () => {
    const applied = seedArticles.filter((a) => a.onward.apply !== undefined)
    expect(applied.length).toBeGreaterThan(0)
    for (const a of applied) {
      const path = a.onward.apply!
      expect(path, a.slug).toMatch(/^\/mijn\/[a-z0-9/-]+$/)
      // An e-loket service: one route for all (/mijn/aanvragen/<code>); the service names this article.
      const eloket = /^\/mijn\/aanvragen\/([a-z-]+)$/.exec(path)
      if (eloket) {
        expect(serviceByCode(eloket[1]!)?.articleSlug, path).toBe(a.slug)
        continue
      }
      const route = path.slice('/mijn/'.length).replaceAll('/', '.')
      const exists = existsSync(`${routes}${route}._index.tsx`) || existsSync(`${routes}${route}.tsx`)
      expect(exists, `${a.slug}: no route for ${path}`).toBe(true)
    }
  })

  it('sends people to the counter for what must be done in person', () => {
    const bySlug = new Map(seedArticles.map((a) => [a.slug, a]))
    for (const slug of ['paspoort-aanvragen', 'id-kaart-aanvragen', 'rijbewijs-verlengen', 'geboorteaangifte-doen']) {
      expect(bySlug.get(slug)?.onward.appointment, slug).toBe(true)
    }
    expect(bySlug.get('verhuizing-doorgeven')?.onward.appointment).toBe(false)
  })

  it('is found by the words people type, abbreviations and misspellings included', () => {
    const queries = [
      'paspoort',
      'pasport',
      'id card',
      'identiteitskaart',
      'rijbewijs verlopen',
      'driving licence',
      'wmo',
      'huishoudelijke hulp',
      'bijstand',
      'uitkering',
      'welfare',
      'vog',
      'grofvuil',
      'bulky waste',
      'woz',
      'kwijtschelding',
      'bouwvergunning',
      'dakkapel',
      'woo',
      'kvk',
      'klacht',
      'bezwaar',
      'emigreren',
      'parkeervergunning',
      'stoeptegel',
      'lantaarnpaal',
      'openingstijden',
    ]
    const index = seedArticles.map(findableBy)
    for (const query of queries)
      expect(
        index.some((words) => words.includes(query)),
        query,
      ).toBe(true)
  })

  it('is written plainly in Dutch: short sentences on average and none far too long', () => {
    const all = seedArticles.flatMap((a) => prose(a.nl))
    const stats = readabilityOf(all)
    expect(stats.averageSentenceLength).toBeLessThan(11)
    expect(stats.fleschDouma).toBeGreaterThanOrEqual(60)
    for (const a of seedArticles) {
      expect(readabilityOf(prose(a.nl)).averageSentenceLength, a.slug).toBeLessThan(14)
      for (const sentence of prose(a.nl))
        expect(wordsOf(sentence).length, `${a.slug}: ${sentence}`).toBeLessThanOrEqual(22)
    }
  })

  it('addresses the reader as "u" in Dutch, never "je" or "jij"', () => {
    for (const a of seedArticles) {
      const text = [...prose(a.nl), ...a.nl.bring].join(' ')
      expect(text, a.slug).not.toMatch(/\b(je|jij|jou|jouw)\b/i)
    }
  })
})
