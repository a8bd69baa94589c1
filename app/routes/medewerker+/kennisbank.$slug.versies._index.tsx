import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, json, Link, redirect, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { StatusTag } from '~/components/status-tag'
import { localDateOf } from '~/domain/local-date'
import { parseForm } from '~/form.server'
import { notFound } from '~/responses'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import { restoreVersion } from '~/services/knowledge/editor.server'
import { getArticleVersions } from '~/services/knowledge/library.server'

/** Every version of an article: who, when, why; view one, compare it, publish its text again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ['editor', 'kcc'])
  const [language, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const article = await getArticleVersions(params.slug ?? '')
  if (!article) throw notFound()
  const title = article.versions[0][language].title
  return json({
    slug: article.slug,
    publishedVersion: article.publishedVersion,
    heading: title,
    versions: article.versions.map((v) => ({
      version: v.version,
      status: v.status,
      by: v.by,
      on: localDateOf(v.createdAt),
      at: v.createdAt.toISOString(),
      note: v.note,
    })),
    canEdit: staff.roles.includes('editor'),
    title: t('knowledge:editor.history.title', { title }),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Versiegeschiedenis' }]
export const handle = { i18n: 'knowledge' }

const Restore = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) })

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'editor')
  const t = await getFixedT(request)
  const submission = await parseForm(request, Restore)
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const from = submission.value.version
  const result = await restoreVersion(staff, params.slug ?? '', from, {
    note: t('knowledge:editor.history.restoreNote', { version: from }),
  })
  if (!result.ok) throw notFound()
  return redirect(`/medewerker/kennisbank/${result.slug}?gepubliceerd=${result.version}`)
}

export default function ArticleHistory() {
  const { slug, publishedVersion, heading, versions, canEdit } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('knowledge')
  return (
    <div>
      <p className="text-base">
        <Link to={`/medewerker/kennisbank/${slug}`}>{t('editor.edit.title', { title: heading })}</Link>
      </p>
      <h1 className="mt-2 text-3xl md:text-4xl">{t('editor.history.title', { title: heading })}</h1>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse text-left text-base">
          <thead>
            <tr className="border-b-2 border-ink">
              {(['version', 'status', 'who', 'when', 'note'] as const).map((c) => (
                <th key={c} scope="col" className="py-2 pr-4">
                  {t(`editor.history.columns.${c}`)}
                </th>
              ))}
              <th scope="col" className="py-2">
                <span className="sr-only">{t('editor.history.show', { version: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} className="border-b border-line align-top">
                <td className="py-2 pr-4">{v.version}</td>
                <td className="py-2 pr-4">
                  {v.version === publishedVersion ? (
                    <StatusTag tone="success">{t('editor.history.current')}</StatusTag>
                  ) : (
                    t(`editor.status.${v.status}`)
                  )}
                </td>
                <td className="py-2 pr-4">{v.by ?? t('editor.seed')}</td>
                <td className="py-2 pr-4">
                  <time dateTime={v.at}>{formatLocalDate(v.on, i18n.language)}</time>
                </td>
                <td className="py-2 pr-4">{v.note}</td>
                <td className="py-2">
                  <Link to={`/medewerker/kennisbank/${slug}/versies/${v.version}`}>
                    {t('editor.history.show', { version: v.version })}
                  </Link>
                  {canEdit && v.version !== publishedVersion ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="version" value={v.version} />
                      <button type="submit" className="btn-secondary text-base">
                        {t('editor.history.restore')}
                        <span className="sr-only"> ({t('editor.versionLabel', { version: v.version })})</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
