import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IMPERSONATION_REFUSAL } from '~/domain/impersonation-refusal'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'

/**
 * "Uw gegevens downloaden": what the copy of all their data holds and the two files, PDF to
 * read and JSON for another program (AVG art. 15 and 20). DigiD Midden, as for Mijn gegevens.
 * A support employee looking along gets the explanation why not (403) instead of the links;
 * the files themselves refuse them as well (`exportPersonalData`).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  if (citizen.impersonatedBy) {
    throw json(
      { code: IMPERSONATION_REFUSAL.export },
      { status: 403, headers: { 'X-Remix-Catch': 'yes', 'Cache-Control': 'no-store' } },
    )
  }
  const t = await getFixedT(request)
  return json({ title: t('export:page.title') }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: 'export' }

const CONTENTS = ['person', 'household', 'contact', 'cases', 'letters', 'requests', 'contactMoments', 'viewed'] as const

export default function DownloadMyData() {
  useLoaderData<typeof loader>()
  const { t } = useTranslation('export')
  return (
    <div className="prose-width">
      <p className="mb-4">
        <Link to="/mijn/gegevens">{t('page.back')}</Link>
      </p>
      <h1 className="text-3xl md:text-4xl">{t('page.heading')}</h1>
      <p className="mt-4">{t('page.lead')}</p>

      <h2 className="mt-8 text-2xl">{t('page.contentsHeading')}</h2>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {CONTENTS.map((item) => (
          <li key={item}>{t(`page.contents.${item}`)}</li>
        ))}
      </ul>

      <h2 className="mt-8 text-2xl">{t('page.chooseHeading')}</h2>
      {/* Plain links: a file, not a page, so no client-side navigation. */}
      <ul className="mt-3 space-y-4 p-0">
        <li className="list-none">
          <a href="/mijn/gegevens/downloaden/pdf" download className="text-lg font-bold" aria-describedby="pdf-hint">
            {t('page.pdfLink')}
          </a>
          <p id="pdf-hint" className="m-0 text-base text-muted">
            {t('page.pdfHint')}
          </p>
        </li>
        <li className="list-none">
          <a href="/mijn/gegevens/downloaden/json" download className="text-lg font-bold" aria-describedby="json-hint">
            {t('page.jsonLink')}
          </a>
          <p id="json-hint" className="m-0 text-base text-muted">
            {t('page.jsonHint')}
          </p>
        </li>
      </ul>

      <p className="mt-8 border-l-4 border-info pl-3">{t('page.safety')}</p>
      <p className="mt-4">
        {t('page.audited')} <Link to="/mijn/inzage">{t('page.inzageLink')}</Link>.
      </p>
    </div>
  )
}
