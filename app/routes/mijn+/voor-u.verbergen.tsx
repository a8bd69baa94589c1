import { json, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { DISMISSED_PARAM, SUGGESTIONS_ANCHOR } from '~/components/suggestions-panel'
import { parseForm } from '~/form.server'
import { notFound } from '~/responses'
import { requireCitizen } from '~/services/auth/guards.server'
import { dismissSuggestion } from '~/services/suggestions/index.server'

/**
 * "Niet meer tonen" of a suggestion on Mijn overzicht. Without JavaScript the form posts here
 * and the citizen is sent back to /mijn, which says it is hidden; with JavaScript a fetcher posts
 * (`fetcher=1`, added once the page is hydrated) and gets JSON. A key that is not suggested to
 * this citizen now answers 404 and writes nothing.
 */
const DismissForm = z.object({
  key: z.string().max(200),
  fetcher: z.literal('1').optional(),
})

export async function loader() {
  return redirect('/mijn')
}

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const submission = await parseForm(request, DismissForm)
  if (submission.status !== 'success') throw notFound()
  const result = await dismissSuggestion(citizen, submission.value.key)
  if (submission.value.fetcher) return json(result, { status: result.ok ? 200 : 404 })
  if (!result.ok) throw notFound()
  return redirect(`/mijn?${DISMISSED_PARAM}=1#${SUGGESTIONS_ANCHOR}`, 303)
}
