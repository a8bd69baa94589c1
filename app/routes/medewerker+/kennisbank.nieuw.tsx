import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { KnowledgeArticleForm } from '~/components/knowledge-article-form'
import { emptyArticle, formDefaults } from '~/domain/knowledge-form'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { handleArticleForm } from '~/services/knowledge/form-action.server'

/** A new article: its address, topic, texts in both languages, saved as a draft or published. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'editor')
  const t = await getFixedT(request)
  return json({ title: t('knowledge:editor.edit.newTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Nieuw artikel' }]
export const handle = { i18n: 'knowledge' }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'editor')
  return handleArticleForm(request, staff, null)
}

export default function NewArticle() {
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('knowledge')
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">{t('editor.edit.newTitle')}</h1>
      <KnowledgeArticleForm
        defaults={formDefaults(emptyArticle)}
        baseVersion={0}
        isNew
        answer={answer}
        readOnly={false}
      />
    </div>
  )
}
