/**
 * `npm run bench:search`: latency (p50, p99) of the knowledge base search, `/onderwerpen?q=…`,
 * under BENCH_CONNECTIONS (16) connections, against the production build served as
 * `npm run serve` would (a child process on a free port), over
 *   (a) the seeded articles (the demo data), and
 *   (b) 10,000 generated articles (BENCH_ARTICLES), in a database of their own, never the demo's.
 * Both databases live in one embedded PostgreSQL in a temporary folder, thrown away at the end.
 *
 * Each query runs BENCH_SECONDS (5): a title word, a synonym, a prefix as people type, two
 * words, a typo (the trigram fallback) and nonsense (the "Bedoelde u …?" lookup). Every answer
 * must be 200. Build first (`npm run build`).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { createDb, type DB } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded'
import { migrateToLatest } from '../../db/migrate'
import { seedArticles } from '../../db/seed/knowledge-articles'
import { TOPICS } from '../../app/domain/topics'
import { searchArticles } from '../../app/services/knowledge/search.server'
import { adminQuery, withDatabase } from '../support/database'
import { startServerProcess } from '../support/process'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000)
/** BENCH_HTTP=0: only the in-process figures (quick, when profiling a query). */
const HTTP = process.env.BENCH_HTTP !== '0'

// 'vergunning' is in one title in eight of the generated articles: a common word.
const QUERIES = ['verhuizen', 'paspoort', 'parkeerv', 'nieuw adres', 'vergunning', 'verhuisen', 'xqzwvbnm']

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** A deterministic pseudo-random generator (mulberry32), so every run searches the same texts. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` articles written from the words of the seed articles and a list of services, so the
 * vocabulary and the lengths are those of real ones (some words in thousands of articles).
 */
async function generateArticles(db: DB, count: number): Promise<void> {
  const next = random(42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  // The seed's words and made-up compounds (stad+huis+kaart), shuffled, drawn with a skew
  // (Zipf-like): a few words in thousands of articles, most in a handful, as in real text.
  const syllables = ['ver', 'aan', 'huis', 'stad', 'weg', 'plan', 'kaart', 'werk', 'hof', 'wijk', 'zorg', 'licht']
  const made = syllables.flatMap((a) => syllables.flatMap((b) => syllables.map((c) => `${a}${b}${c}`)))
  const words = (lang: 'nl' | 'en') => {
    const seed =
      seedArticles
        .flatMap((a) => Object.values(a[lang]).flat())
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{3,}/gu) ?? []
    const list = [...new Set([...seed, ...made])]
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[list[i], list[j]] = [list[j], list[i]]
    }
    return list
  }
  const vocabulary = { nl: words('nl'), en: words('en') }
  const word = (lang: 'nl' | 'en') => vocabulary[lang][Math.floor(vocabulary[lang].length * next() ** 3)]
  const things = ['vergunning', 'ontheffing', 'subsidie', 'melding', 'uitkering', 'pas', 'container', 'registratie']
  const sentence = (lang: 'nl' | 'en', n: number) => Array.from({ length: n }, () => word(lang)).join(' ') + '.'
  const text = (lang: 'nl' | 'en', i: number) => ({
    title: `${word(lang)} ${pick(things)} ${i}`,
    summary: sentence(lang, 15),
    what: sentence(lang, 60),
    forWhom: sentence(lang, 25),
    cost: sentence(lang, 8),
    duration: sentence(lang, 12),
    bring: [sentence(lang, 4), sentence(lang, 4)],
  })
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k)
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('knowledge_articles')
        .values(batch.map((i) => ({ slug: `gegenereerd-${i}`, topic: pick(TOPICS), latest_version: 1 })))
        .returning(['id', 'topic'])
        .execute()
      await trx
        .insertInto('knowledge_article_versions')
        .values(
          rows.map((r, k) => ({
            article_id: r.id,
            version: 1,
            status: 'published' as const,
            topic: r.topic,
            nl: JSON.stringify(text('nl', batch[k])),
            en: JSON.stringify(text('en', batch[k])),
            synonyms: [word('nl'), word('en')],
            onward: JSON.stringify({ ask: true, appointment: false }),
            employee_id: null,
            note: null,
          })),
        )
        .execute()
      await trx
        .updateTable('knowledge_articles')
        .set({ published_version: 1 })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    })
  }
  await sql`analyze`.execute(db)
}

/** The search alone, one at a time, in this process: the database's share of an answer. */
async function inProcess(db: DB): Promise<void> {
  console.log('\nsearchArticles in-process, one at a time (20 runs): median and worst ms, hits')
  for (const q of QUERIES) {
    const times: number[] = []
    let hits = 0
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      hits = (await searchArticles(q, { db, language: 'nl' })).hits.length
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    console.log(
      `${JSON.stringify(q).padEnd(18)} ${percentile(times, 50).toFixed(1).padStart(7)} ${times.at(-1)!.toFixed(1).padStart(7)} ${String(hits).padStart(4)}`,
    )
  }
}

async function bench(label: string, databaseUrl: string): Promise<boolean> {
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, SERVER_LOG_LEVEL: 'warn' }, { capture: true })
  let failed = false
  try {
    console.log(`\n${label} (server ready in ${server.startupMs} ms)`)
    console.log('query                 req/s  p50 ms  p99 ms   200  other')
    for (const q of QUERIES) {
      const latencies: number[] = []
      const instance = autocannon({
        url: `${server.baseUrl}/onderwerpen?${new URLSearchParams({ q })}`,
        connections: CONNECTIONS,
        duration: SECONDS,
      })
      instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms))
      const result = await instance
      latencies.sort((a, b) => a - b)
      const ok = Number(result.statusCodeStats?.['200']?.count ?? 0)
      const other = result.non2xx + result.errors + result.timeouts
      failed ||= other > 0 || ok === 0
      console.log(
        [
          JSON.stringify(q).padEnd(18),
          result.requests.average.toFixed(0).padStart(8),
          percentile(latencies, 50).toFixed(1).padStart(7),
          percentile(latencies, 99).toFixed(1).padStart(7),
          String(ok).padStart(5),
          String(other).padStart(6),
        ].join(' '),
      )
    }
  } finally {
    await server.stop()
  }
  return failed
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'mijnstad-bench-search-'))
chmodSync(dir, 0o755)
const pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), { database: 'postgres' })
let failed = false
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; ${SECONDS} s per query, ${CONNECTIONS} connections`,
  )
  for (const name of ['bench_seeded', 'bench_generated']) await adminQuery(pg.url, `create database ${name}`)
  if (HTTP)
    failed ||= await bench(`(a) the seeded articles (${seedArticles.length})`, withDatabase(pg.url, 'bench_seeded'))

  const generatedUrl = withDatabase(pg.url, 'bench_generated')
  const db = createDb(generatedUrl, { max: 2 })
  try {
    await migrateToLatest(db)
    const started = Date.now()
    await generateArticles(db, ARTICLES)
    console.log(`\ngenerated ${ARTICLES} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    await inProcess(db)
  } finally {
    await db.destroy()
  }
  if (HTTP) failed ||= await bench(`(b) ${ARTICLES} generated articles and the seeded ones`, generatedUrl)
} finally {
  await pg.stop()
  rmSync(dir, { recursive: true, force: true })
}
if (failed) {
  console.error('\nsome searches did not answer 200')
  process.exitCode = 1
}
