import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { KlantbeeldPage } from '~/components/klantbeeld-page'
import { loadKlantbeeld } from '~/services/contacts/klantbeeld-route.server'

/** The klantbeeld of the citizen who asked a question, reached from the question by its id. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const questionId = params.questionId ?? ''
  return json(
    await loadKlantbeeld(request, { via: 'question', questionId }, `/medewerker/klantbeeld/vraag/${questionId}`),
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Klantbeeld' }]
export const handle = { i18n: ['contact', 'topics'] }

export default function KlantbeeldOfQuestion() {
  return <KlantbeeldPage {...useLoaderData<typeof loader>()} />
}
