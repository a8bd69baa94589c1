import { json, redirect } from '@remix-run/node'
import { ArticleForm, textOf } from '~/domain/knowledge-form'
import { parseForm, refusalOf } from '~/form.server'
import type { StaffUser } from '../auth/user.server'
import { saveArticle } from './editor.server'

/**
 * The editor's form posted (a new article when `existing` is null): its shape checked, the
 * article saved as a draft or published, then the article's page again. Refused: the form with
 * everything typed; a save from an older version answers 409 with the newest version number.
 */
export async function handleArticleForm(request: Request, staff: StaffUser, existing: string | null) {
  const submission = await parseForm(request, ArticleForm)
  if (submission.status !== 'success') return json({ ...refusalOf(submission), conflict: null }, { status: 400 })
  const value = submission.value
  const result = await saveArticle(staff, {
    existing,
    baseVersion: value.baseVersion,
    publish: value.intent === 'publish',
    slug: existing ?? value.slug,
    topic: value.topic,
    nl: textOf(value, 'nl'),
    en: textOf(value, 'en'),
    synonyms: value.synonyms,
    onward: { ...(value.apply ? { apply: value.apply } : {}), ask: value.ask, appointment: value.appointment },
    note: value.note || null,
  })
  if (result.ok) {
    const done = new URLSearchParams({ [result.published ? 'gepubliceerd' : 'opgeslagen']: String(result.version) })
    return redirect(`/medewerker/kennisbank/${result.slug}?${done}`)
  }
  switch (result.code) {
    case 'notEditor':
      throw new Response('Forbidden', { status: 403 })
    case 'notFound':
      throw new Response('Not Found', { status: 404 })
    case 'slugTaken':
      return json({ ...refusalOf(submission, [{ field: 'slug', code: 'slugTaken' }]), conflict: null }, { status: 409 })
    case 'conflict':
      return json({ ...refusalOf(submission), conflict: result.latest }, { status: 409 })
  }
}
