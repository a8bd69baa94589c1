import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { requireStaff } from '~/services/auth/guards.server'
import { QUESTION_ROLES } from '~/domain/staff-areas'
import { articleTextForAnswer, findArticlesForAnswer } from '~/services/questions/staff/articles.server'

/**
 * For the answer form with JavaScript: the knowledge base's articles for a search (`?q=`), or
 * one article's answer text (`?artikel=`), in the question's language (`?taal=`). Without
 * JavaScript the question's page does the same in a round trip that keeps the typed answer.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, QUESTION_ROLES)
  const params = new URL(request.url).searchParams
  const language = params.get('taal') === 'en' ? 'en' : 'nl'
  const slug = params.get('artikel')
  if (slug) return json({ hits: [], article: await articleTextForAnswer(slug, { language }) })
  return json({ hits: await findArticlesForAnswer(params.get('q') ?? '', { language }), article: null })
}
