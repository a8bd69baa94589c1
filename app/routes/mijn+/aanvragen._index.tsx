import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { formatLocalDate } from '~/components/date-text'
import { formatCents } from '~/domain/eloket/engine'
import { isLanguage } from '~/domain/language'
import { localDateOf } from '~/domain/local-date'
import { parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { deleteDraft } from '~/services/eloket/drafts.server'
import { getApplicationsOverview } from '~/services/eloket/overview.server'
import { getFixedT } from '~/services/i18n.server'
import { notFound } from '~/responses'

/**
 * "Mijn aanvragen": what the citizen can apply for online (with the fee, if any), the drafts to
 * go on with ("Nog niet verstuurd", each with the day it is kept until, and a delete button
 * that asks first — without JavaScript too: the question folds open), what waits for a
 * payment, and what was sent lately with its case.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const t = await getFixedT(request)
  const overview = await getApplicationsOverview(citizen)
  return json({ overview, title: t('eloket:overview.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn aanvragen' }]
export const handle = { i18n: 'eloket' }

const DeleteForm = z.object({ intent: z.literal('delete'), id: z.string().max(100) })

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const submission = await parseForm(request, DeleteForm)
  if (submission.status !== 'success') throw new Response(null, { status: 400 })
  const result = await deleteDraft(citizen, submission.value.id)
  if (result.status === 'not_found') throw notFound()
  return redirect('/mijn/aanvragen?verwijderd=1')
}

export default function MyApplications() {
  const { overview } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('eloket')
  const lang = isLanguage(i18n.language) ? i18n.language : 'nl'
  const [params] = useSearchParams()
  const date = (iso: string) => formatLocalDate(localDateOf(new Date(iso)), lang)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('overview.heading')}</h1>
      {params.get('verwijderd') ? (
        <p role="status" className="mt-4 border-l-8 border-success bg-surface p-4">
          {t('overview.deleted')}
        </p>
      ) : null}
      <p className="mt-4">{t('overview.lead')}</p>

      <h2 className="mt-8 text-2xl">{t('overview.draftsHeading')}</h2>
      {overview.drafts.length ? (
        <ul className="mt-3 divide-y divide-line border-y border-line">
          {overview.drafts.map((d) => (
            <li key={d.id} className="py-4">
              <p className="font-bold">{d.title[lang]}</p>
              <p className="text-muted">{t('overview.keptUntil', { date: date(d.keptUntil) })}</p>
              <div className="mt-2 flex flex-wrap items-start gap-6">
                <Link to={`/mijn/aanvragen/${d.code}/${d.id}`}>
                  {t('overview.resume')}
                  <span className="sr-only"> {d.title[lang]}</span>
                </Link>
                <details>
                  <summary className="cursor-pointer text-brand underline">
                    {t('overview.delete')}
                    <span className="sr-only"> {d.title[lang]}</span>
                  </summary>
                  <Form method="post" className="mt-2 border-l-4 border-warning pl-4">
                    <p>{t('overview.deleteQuestion')}</p>
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={d.id} />
                    <button type="submit" className="btn-secondary mt-2">
                      {t('overview.deleteYes')}
                      <span className="sr-only">: {d.title[lang]}</span>
                    </button>
                  </Form>
                </details>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t('overview.draftsNone')}</p>
      )}

      {overview.awaitingPayment.length ? (
        <>
          <h2 className="mt-8 text-2xl">{t('overview.awaitingHeading')}</h2>
          <ul className="mt-3 divide-y divide-line border-y border-line">
            {overview.awaitingPayment.map((a) => (
              <li key={a.id} className="py-4">
                <p className="font-bold">{a.title[lang]}</p>
                {a.feeCents !== null ? <p>{t('overview.fee', { amount: formatCents(a.feeCents)[lang] })}</p> : null}
                <Link to={`/mijn/aanvragen/${a.code}/${a.id}/controleren`}>
                  {t('overview.pay')}
                  <span className="sr-only"> {a.title[lang]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {overview.sent.length ? (
        <>
          <h2 className="mt-8 text-2xl">{t('overview.sentHeading')}</h2>
          <ul className="mt-3 divide-y divide-line border-y border-line">
            {overview.sent.map((s) => (
              <li key={s.id} className="py-4">
                <p className="font-bold">{s.title[lang]}</p>
                <p className="text-muted">{t('overview.sentOn', { date: date(s.submittedAt) })}</p>
                <Link to={`/mijn/zaken/${s.caseId}`}>{t('overview.caseLink', { reference: s.reference })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="mt-8 text-2xl">{t('overview.servicesHeading')}</h2>
      <ul className="mt-3 divide-y divide-line border-y border-line">
        {overview.services.map((s) => (
          <li key={s.code} className="py-4">
            <Link to={`/mijn/aanvragen/${s.code}`} className="text-lg font-bold">
              {s.title[lang]}
            </Link>
            <p className="mt-1">{s.summary[lang]}</p>
            <p className="mt-1 text-muted">
              {s.feeCents !== null ? t('overview.fee', { amount: formatCents(s.feeCents)[lang] }) : t('overview.noFee')}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
