import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { TopicSearchForm } from '~/components/topic-search-form'
import { TOPICS } from '~/domain/topics'
import { articlePath, SEARCH_MAX_LENGTH } from '~/domain/knowledge'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { listPublishedArticles } from '~/services/knowledge/read.server'
import { searchArticles } from '~/services/knowledge/search.server'

/**
 * "Onderwerpen": the knowledge base for everyone, no login. With `q`, the search results (or
 * "Geen resultaten voor …" and "Bedoelde u …?"); without, every topic with its articles.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  // Whatever is typed or put in the address: cut to a search box's length, NUL bytes out.
  const query = (new URL(request.url).searchParams.get('q') ?? '')
    .slice(0, SEARCH_MAX_LENGTH)
    .replace(/\p{Cc}/gu, ' ')
    .trim()
  if (query) {
    const { hits, suggestion } = await searchArticles(query, { language })
    return json({ title: t('knowledge:title'), query, hits, suggestion, articles: null })
  }
  const articles = await listPublishedArticles({ language })
  return json({ title: t('knowledge:title'), query, hits: null, suggestion: null, articles })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `${data.query} – ${data.title}` : (data?.title ?? 'Onderwerpen') },
]
export const handle = { i18n: 'knowledge' }

export default function Topics() {
  const { query, hits, suggestion, articles } = useLoaderData<typeof loader>()
  const { t } = useTranslation('knowledge')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-5xl">{t('title')}</h1>
      <p className="mt-4 text-xl">{t('lead')}</p>
      <TopicSearchForm query={query} />

      {hits ? (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-2xl">
            {t('search.resultsHeading')}
          </h2>
          <p role="status" className="mt-2">
            {hits.length > 0 ? t('search.count', { count: hits.length, query }) : t('search.none', { query })}
          </p>
          {suggestion ? (
            <p className="mt-2 text-lg">
              <Trans
                t={t}
                i18nKey="search.didYouMean"
                values={{ suggestion }}
                components={[<Link key="s" to={`/onderwerpen?${new URLSearchParams({ q: suggestion })}`} />]}
              />
            </p>
          ) : null}
          {hits.length > 0 ? (
            <ArticleList articles={hits} />
          ) : (
            <p className="mt-2">
              {t('search.noneHint')} <Link to="/onderwerpen">{t('search.all')}</Link>
            </p>
          )}
        </section>
      ) : null}

      {articles ? <TopicIndex articles={articles} /> : null}
    </div>
  )
}

interface Listed {
  slug: string
  topic: string
  title: string
  summary: string
}

function ArticleList({ articles, showTopic = true }: { articles: Listed[]; showTopic?: boolean }) {
  const { t } = useTranslation('knowledge')
  return (
    <ul className="mt-4 space-y-4">
      {articles.map((a) => (
        <li key={a.slug} className="border-l-4 border-brand pl-4">
          <p className="text-lg font-bold">
            <Link to={articlePath(a.slug)}>{a.title}</Link>
          </p>
          <p className="mt-1">{a.summary}</p>
          {showTopic ? (
            <p className="mt-1 text-base text-muted">{t('search.topic', { topic: t(`topics:${a.topic}.label`) })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function TopicIndex({ articles }: { articles: Listed[] }) {
  const { t } = useTranslation('knowledge')
  const groups = TOPICS.map((topic) => ({ topic, articles: articles.filter((a) => a.topic === topic) })).filter(
    (g) => g.articles.length > 0,
  )
  if (groups.length === 0) return <p className="mt-8">{t('empty')}</p>
  return (
    <div className="mt-8 space-y-8">
      {groups.map((g) => (
        <section key={g.topic} aria-labelledby={`topic-${g.topic}`}>
          <h2 id={`topic-${g.topic}`} className="text-2xl">
            {t(`topics:${g.topic}.label`)}
          </h2>
          <ArticleList articles={g.articles} showTopic={false} />
        </section>
      ))}
    </div>
  )
}
