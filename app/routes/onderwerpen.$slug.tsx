import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { localDateOf } from '~/domain/local-date'
import { notFound } from '~/responses'
import { getUser } from '~/services/auth/current-user.server'
import { getLanguage } from '~/services/i18n.server'
import { getPublishedArticle } from '~/services/knowledge/read.server'

/**
 * One article of "Onderwerpen": what it is, for whom, what it costs, how long it takes, what to
 * bring, and the ways onward. Public; read fresh on every request, so a published change shows
 * at once. Unknown address: the 404 page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await getLanguage(request)
  const article = await getPublishedArticle(params.slug ?? '', { language })
  if (!article) throw notFound()
  const user = await getUser(request)
  const citizen = user?.kind === 'citizen'
  const topic = new URLSearchParams({ onderwerp: article.topic })
  return json(
    {
      article: { ...article, updatedOn: localDateOf(article.updatedAt) },
      askPath: citizen ? `/mijn/vragen/nieuw?${topic}` : `/contactformulier?${topic}`,
    },
    // The article may change at any moment and the ask link depends on who is signed in.
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.article.text.title ?? 'Onderwerpen' },
  ...(data ? [{ name: 'description', content: data.article.text.summary }] : []),
]
export const handle = { i18n: 'knowledge' }

const SECTIONS = ['what', 'forWhom', 'cost', 'duration'] as const

export default function Article() {
  const { article, askPath } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('knowledge')
  const { text, onward } = article
  return (
    <article className="prose-width">
      <p className="text-base">
        <Link to="/onderwerpen">{t('article.back')}</Link>
      </p>
      <h1 className="mt-2 text-3xl md:text-5xl">{text.title}</h1>
      <p className="mt-1 text-base text-muted">{t('article.topic', { topic: t(`topics:${article.topic}.label`) })}</p>
      <p className="mt-4 text-xl">{text.summary}</p>

      {SECTIONS.map((key) =>
        text[key] ? (
          <section key={key} aria-labelledby={`section-${key}`} className="mt-8">
            <h2 id={`section-${key}`} className="text-2xl">
              {t(`article.${key}`)}
            </h2>
            {text[key].split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i} className="mt-2">
                {paragraph}
              </p>
            ))}
          </section>
        ) : null,
      )}
      {text.bring.length > 0 ? (
        <section aria-labelledby="section-bring" className="mt-8">
          <h2 id="section-bring" className="text-2xl">
            {t('article.bring')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {text.bring.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {onward.apply || onward.ask || onward.appointment ? (
        <section aria-labelledby="section-onward" className="mt-10 border-2 border-line p-6">
          <h2 id="section-onward" className="text-2xl">
            {t('article.onwardHeading')}
          </h2>
          <ul className="mt-4 space-y-4">
            {onward.apply ? (
              <li>
                <Link to={onward.apply} className="btn-primary">
                  {t('article.apply')}
                </Link>
                <p className="mt-1 text-base text-muted">{t('article.applyHint')}</p>
              </li>
            ) : null}
            {onward.ask ? (
              <li>
                <Link to={askPath} className="btn-secondary">
                  {t('article.ask')}
                </Link>
              </li>
            ) : null}
            {onward.appointment ? (
              <li>
                <a href="#footer-counter" className="btn-secondary">
                  {t('article.appointment')}
                </a>
                <p className="mt-1 text-base text-muted">{t('article.appointmentHint')}</p>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <p className="mt-8 text-base text-muted">
        {t('article.updated', { date: formatLocalDate(article.updatedOn, i18n.language) })}
      </p>
    </article>
  )
}
