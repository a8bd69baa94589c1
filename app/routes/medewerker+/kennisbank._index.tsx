import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TopicOptions } from '~/components/topic-options'
import { formatLocalDate } from '~/components/date-text'
import { inputClass } from '~/components/form-field'
import { StatusTag } from '~/components/status-tag'
import { localDateOf } from '~/domain/local-date'
import { isTopic } from '~/domain/topics'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { listLibrary } from '~/services/knowledge/library.server'

/** The knowledge base for editors (and the contact centre, reading): every article, with filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ['editor', 'kcc'])
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const params = new URL(request.url).searchParams
  const query = (params.get('q') ?? '').slice(0, 100)
  const topic = params.get('onderwerp') ?? ''
  const articles = await listLibrary({ query, topic: isTopic(topic) ? topic : undefined }, { language })
  return json({
    articles: articles.map((a) => ({ ...a, changedOn: localDateOf(a.changedAt) })),
    query,
    topic: isTopic(topic) ? topic : '',
    canEdit: staff.roles.includes('editor'),
    title: t('knowledge:editor.title'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Kennisbank' }]
export const handle = { i18n: 'knowledge' }

export default function KnowledgeLibrary() {
  const { articles, query, topic, canEdit } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('knowledge')
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('editor.title')}</h1>
      <p className="prose-width mt-3">{t('editor.lead')}</p>
      {canEdit ? (
        <p className="mt-4">
          <Link to="/medewerker/kennisbank/nieuw" className="btn-primary">
            {t('editor.new')}
          </Link>
        </p>
      ) : (
        <p className="mt-3 border-l-4 border-info pl-3">{t('editor.readOnly')}</p>
      )}
      <Form method="get" className="mt-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="q" className="block font-bold">
            {t('editor.filter.query')}
          </label>
          <input id="q" name="q" type="search" defaultValue={query} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="onderwerp" className="block font-bold">
            {t('editor.filter.topic')}
          </label>
          <select id="onderwerp" name="onderwerp" defaultValue={topic} className={inputClass}>
            <TopicOptions empty={t('editor.filter.allTopics')} />
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('editor.filter.submit')}
        </button>
      </Form>
      <p role="status" className="mt-4">
        {articles.length === 0 ? t('editor.none') : t('editor.count', { count: articles.length })}
      </p>
      {articles.length > 0 ? (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <thead>
              <tr className="border-b-2 border-ink">
                {(['title', 'topic', 'version', 'status', 'changed'] as const).map((c) => (
                  <th key={c} scope="col" className="py-2 pr-4">
                    {t(`editor.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.slug} className="border-b border-line align-top">
                  <td className="py-2 pr-4">
                    <Link to={`/medewerker/kennisbank/${a.slug}`}>{a.title}</Link>
                  </td>
                  <td className="py-2 pr-4">{t(`topics:${a.topic}.label`, { defaultValue: a.topic })}</td>
                  <td className="py-2 pr-4">{a.latestVersion}</td>
                  <td className="py-2 pr-4">
                    {a.publishedVersion === null ? (
                      <StatusTag tone="warning">{t('editor.status.unpublished')}</StatusTag>
                    ) : a.publishedVersion < a.latestVersion ? (
                      <StatusTag tone="info">{t('editor.status.draftNewer')}</StatusTag>
                    ) : (
                      <StatusTag tone="success">{t('editor.status.published')}</StatusTag>
                    )}
                  </td>
                  <td className="py-2 pr-4">
                    {t('editor.by', {
                      who: a.changedBy ?? t('editor.seed'),
                      date: formatLocalDate(a.changedOn, i18n.language),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
