import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { KnowledgeArticleForm } from '~/components/knowledge-article-form'
import { articlePath } from '~/domain/knowledge'
import { formDefaults } from '~/domain/knowledge-form'
import { notFound } from '~/responses'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { handleArticleForm } from '~/services/knowledge/form-action.server'
import { getArticleVersions } from '~/services/knowledge/library.server'

/**
 * An article in the editor: its newest version (a draft, or the published one) in the form.
 * The contact centre sees the same, read-only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ['editor', 'kcc'])
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const article = await getArticleVersions(params.slug ?? '')
  if (!article) throw notFound()
  const latest = article.versions[0]
  const done = new URL(request.url).searchParams
  return json({
    slug: article.slug,
    latestVersion: article.latestVersion,
    publishedVersion: article.publishedVersion,
    defaults: formDefaults({ ...latest, slug: article.slug }),
    heading: latest[language].title,
    published: Number(done.get('gepubliceerd')) || null,
    saved: Number(done.get('opgeslagen')) || null,
    canEdit: staff.roles.includes('editor'),
    title: t('knowledge:editor.edit.title', { title: latest[language].title }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Kennisbank' }]
export const handle = { i18n: 'knowledge' }

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'editor')
  return handleArticleForm(request, staff, params.slug ?? '')
}

export default function EditArticle() {
  const { slug, latestVersion, publishedVersion, defaults, heading, published, saved, canEdit } =
    useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('knowledge')
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('editor.edit.title', { title: heading })}</h1>
      {(published || saved) && !answer ? (
        <div role="status" className="mt-4 border-l-4 border-success bg-white p-4">
          <p className="font-bold">
            {published
              ? t('editor.edit.published', { version: published })
              : t('editor.edit.saved', { version: saved })}
          </p>
        </div>
      ) : null}
      <p className="mt-3">{t('editor.edit.basedOn', { version: latestVersion })}</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link to={`/medewerker/kennisbank/${slug}/versies`}>{t('editor.edit.history')}</Link>
        </li>
        {publishedVersion ? (
          <li>
            <Link to={articlePath(slug)}>{t('editor.edit.view')}</Link>
          </li>
        ) : null}
      </ul>
      {canEdit ? null : <p className="mt-3 border-l-4 border-info pl-3">{t('editor.readOnly')}</p>}
      <KnowledgeArticleForm
        defaults={defaults}
        baseVersion={latestVersion}
        isNew={false}
        answer={answer}
        readOnly={!canEdit}
      />
    </div>
  )
}
