import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LetterDocument } from '~/components/letter-document'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getLetterForCitizen } from '~/services/letters/citizen.server'
import { notFound } from '~/responses'

/** A letter: what does it say, can I keep it? The letter as HTML and a PDF download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  // Only the citizen's own reading marks a letter read; an employee viewing along does not.
  const letter = await getLetterForCitizen(citizen.bsn, params.letterId ?? '', { markRead: !citizen.impersonatedBy })
  // Another citizen's letter, an unknown and a malformed id: the same 404, so no id gives itself away.
  if (!letter) throw notFound()
  const t = await getFixedT(request)
  return json(
    { letter, title: t('letters:letter.title', { title: letter.title }) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn brieven' }]
export const handle = { i18n: ['letters', 'questions'] }

export default function LetterPage() {
  const { letter } = useLoaderData<typeof loader>()
  const { t } = useTranslation('letters')
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/mijn/brieven">
          <span aria-hidden="true">← </span>
          {t('letter.back')}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {/* A plain link to a resource route: the browser downloads the file, no script needed. */}
        <a href={`/mijn/brieven/${letter.id}/pdf`} className="btn-primary" download aria-describedby="pdf-hint">
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" className="shrink-0">
            <path d="M10 2v11M5 8.5l5 5 5-5M3 17h14" fill="none" stroke="currentColor" strokeWidth="2.2" />
          </svg>
          {t('letter.download')}
        </a>
        {letter.caseId ? (
          <Link to={`/mijn/zaken/${letter.caseId}`}>{t('letter.caseLink', { reference: letter.reference })}</Link>
        ) : letter.questionId ? (
          <Link to={`/mijn/vragen/${letter.questionId}`}>
            {t('questions:letters.link', { reference: letter.reference })}
          </Link>
        ) : null}
      </div>
      <p id="pdf-hint" className="text-base text-muted">
        {t('letter.downloadHint')}
      </p>
      <LetterDocument letter={letter} />
    </div>
  )
}
