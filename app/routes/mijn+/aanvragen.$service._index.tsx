import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { KnownFacts } from '~/components/eloket/known-facts'
import { DRAFT_LIFETIME_DAYS } from '~/domain/drafts'
import { formatCents } from '~/domain/eloket/engine'
import { isLanguage } from '~/domain/language'
import { localDateOf } from '~/domain/local-date'
import { requireCitizen } from '~/services/auth/guards.server'
import { startApplication } from '~/services/eloket/drafts.server'
import { getStartPage } from '~/services/eloket/overview.server'
import { getLanguage } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * A service's start page (GOV.UK "start page"): what it is, what to have at hand, what it costs,
 * how long the decision takes, how long a draft is kept, what we already know — then
 * **Aanvraag starten**, or **Verder gaan met uw aanvraag** when a draft is open. `?anders=1`
 * (from "Klopt dit niet?" at a known answer) starts at the page that asks it after all.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const [page, lang] = await Promise.all([getStartPage(citizen, params.service ?? ''), getLanguage(request)])
  if (page.status === 'not_found') throw notFound()
  return json({ page, title: page.title[lang] })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn aanvragen' }]
export const handle = { i18n: 'eloket' }

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const code = params.service ?? ''
  const anders = new URL(request.url).searchParams.get('anders') === '1'
  const started = await startApplication(citizen, code, { language: await getLanguage(request), anders })
  if (started.status === 'not_found') throw notFound()
  if (started.status === 'unavailable') return redirect(`/mijn/aanvragen/${code}`)
  const base = `/mijn/aanvragen/${code}/${started.id}`
  return redirect(started.pageId ? `${base}/${started.pageId}${anders ? '?anders=1' : ''}` : `${base}/controleren`)
}

export default function StartPage() {
  const { page } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('eloket')
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  const { search } = useLocation()
  return (
    <div className="prose-width">
      <p>
        <Link to="/mijn/aanvragen">
          <span aria-hidden="true">← </span>
          {t('start.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl md:text-4xl">{page.title[lang]}</h1>
      <p className="mt-4 text-xl">{page.summary[lang]}</p>

      {page.unavailable ? (
        <div className="mt-6 border-l-8 border-warning bg-surface p-4">
          <h2 className="text-xl">{t('start.unavailableHeading')}</h2>
          <p className="mt-2">{page.unavailable[lang]}</p>
        </div>
      ) : null}

      {page.before.length ? (
        <>
          <h2 className="mt-8 text-2xl">{t('start.beforeHeading')}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {page.before.map((item, index) => (
              <li key={index}>{item[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="mt-8 text-2xl">{t('start.feeHeading')}</h2>
      <p className="mt-2">
        {page.feeCents !== null ? t('start.fee', { amount: formatCents(page.feeCents)[lang] }) : t('start.noFee')}
      </p>

      {page.leadTime ? (
        <>
          <h2 className="mt-8 text-2xl">{t('start.termHeading')}</h2>
          <p className="mt-2">{t(`start.term_${page.leadTime.unit}`, { count: page.leadTime.amount })}</p>
        </>
      ) : null}

      {page.facts.length ? (
        <div className="mt-8">
          <KnownFacts facts={page.facts} />
        </div>
      ) : null}

      <h2 className="mt-8 text-2xl">{t('start.draftHeading')}</h2>
      <p className="mt-2">{t('start.draftText', { days: DRAFT_LIFETIME_DAYS })}</p>
      {page.draft ? (
        <p className="mt-2 font-bold">
          {t('start.draftKept', { date: formatLocalDate(localDateOf(new Date(page.draft.keptUntil)), lang) })}
        </p>
      ) : null}

      {page.unavailable ? null : (
        <Form
          method="post"
          action={`/mijn/aanvragen/${page.code}${search.includes('anders=1') ? '?anders=1' : ''}`}
          className="mt-8"
        >
          <button type="submit" className="btn-primary">
            {page.draft ? t('start.resumeButton') : t('start.startButton')}
          </button>
        </Form>
      )}
    </div>
  )
}
