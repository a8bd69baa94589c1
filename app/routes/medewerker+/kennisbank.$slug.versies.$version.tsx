import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ArticleText } from '~/domain/knowledge'
import { LANGUAGE_FIELDS } from '~/domain/knowledge-form'
import { notFound } from '~/responses'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { getArticleVersions, type VersionContent } from '~/services/knowledge/library.server'

/** One version of an article, beside the published one: what changed, field by field. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ['editor', 'kcc'])
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const article = await getArticleVersions(params.slug ?? '')
  const version = article?.versions.find((v) => String(v.version) === params.version)
  if (!article || !version) throw notFound()
  const published = article.versions.find((v) => v.version === article.publishedVersion) ?? null
  const plain = (v: VersionContent) => ({
    version: v.version,
    nl: v.nl,
    en: v.en,
    synonyms: v.synonyms,
    topic: v.topic,
  })
  return json({
    slug: article.slug,
    heading: version[language].title,
    version: plain(version),
    published: published && published.version !== version.version ? plain(published) : null,
    title: t('knowledge:editor.history.versionTitle', { version: version.version, title: version[language].title }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Versie' }]
export const handle = { i18n: 'knowledge' }

type Shown = { version: number; nl: ArticleText; en: ArticleText; synonyms: string[]; topic: string }

function Column({ heading, shown, other }: { heading: string; shown: Shown; other: Shown | null }) {
  const { t } = useTranslation('knowledge')
  const value = (s: Shown, language: 'nl' | 'en', field: (typeof LANGUAGE_FIELDS)[number]) => {
    const v = s[language][field]
    return Array.isArray(v) ? v.join('\n') : v
  }
  return (
    <section aria-label={heading} className="min-w-0">
      <h2 className="text-2xl">{heading}</h2>
      {(['nl', 'en'] as const).map((language) => (
        <div key={language} lang={language} className="mt-4">
          <h3 className="text-xl">{t(`editor.edit.${language}`)}</h3>
          <dl>
            {LANGUAGE_FIELDS.map((field) => {
              const changed = other !== null && value(other, language, field) !== value(shown, language, field)
              return (
                <div key={field} className={`mt-2 ${changed ? 'border-l-4 border-warning pl-3' : ''}`}>
                  <dt className="font-bold">{t(`editor.edit.fields.${field}`)}</dt>
                  <dd className="whitespace-pre-line">{value(shown, language, field)}</dd>
                </div>
              )
            })}
          </dl>
        </div>
      ))}
      <h3 className="mt-4 text-xl">{t('editor.history.synonyms')}</h3>
      <p className="whitespace-pre-line">{shown.synonyms.join(', ')}</p>
    </section>
  )
}

export default function ArticleVersion() {
  const { slug, heading, version, published } = useLoaderData<typeof loader>()
  const { t } = useTranslation('knowledge')
  return (
    <div>
      <p className="text-base">
        <Link to={`/medewerker/kennisbank/${slug}/versies`}>{t('editor.history.back')}</Link>
      </p>
      <h1 className="mt-2 text-3xl md:text-4xl">
        {t('editor.history.versionTitle', { version: version.version, title: heading })}
      </h1>
      <div className={`mt-6 grid gap-8 ${published ? 'lg:grid-cols-2' : ''}`}>
        <Column
          heading={t('editor.history.thisVersion', { version: version.version })}
          shown={version}
          other={published}
        />
        {published ? (
          <Column
            heading={t('editor.history.published', { version: published.version })}
            shown={published}
            other={version}
          />
        ) : null}
      </div>
    </div>
  )
}
