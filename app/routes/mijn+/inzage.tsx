import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { listInzage, reportUnrecognised, type InzageEntry } from '~/services/impersonation/inzage.server'
import { notFound } from '~/responses'

/**
 * "Wie heeft mijn gegevens bekeken": staff views and viewings-as-you of the
 * citizen's own data, newest first, with "Dit herken ik niet". Basis is enough: it shows who
 * looked, not the data itself. The BSN comes from the session only, so no one reads another's log.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const t = await getFixedT(request)
  const melding = new URL(request.url).searchParams.get('melding')
  const entries = await listInzage(citizen)
  return json({
    title: t('impersonation:inzage.title'),
    entries,
    notice: melding === 'ontvangen' ? 'confirmation' : melding === 'al-gemeld' ? 'alreadyReported' : null,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: 'impersonation' }

const Report = z.object({ entry: z.string().regex(/^\d{1,18}$/) })

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const submission = await parseForm(request, Report)
  // An entry that is not a number is as unknown as a foreign one: the same 404.
  if (submission.status !== 'success') throw notFound()
  const outcome = await reportUnrecognised(citizen, submission.value.entry)
  if (!outcome.ok) throw notFound()
  return redirect(`/mijn/inzage?melding=${outcome.alreadyReported ? 'al-gemeld' : 'ontvangen'}`)
}

export default function WhoViewedMyData() {
  const { entries, notice } = useLoaderData<typeof loader>()
  const { t } = useTranslation('impersonation')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('inzage.heading')}</h1>
      {notice ? (
        <div role="status" className="mt-4 border-l-8 border-success bg-surface p-4">
          <p className="m-0 font-bold">{t(`inzage.${notice}`)}</p>
        </div>
      ) : null}
      <p className="mt-4">{t('inzage.lead')}</p>
      <p className="mt-2">{t('export:inzage.lead')}</p>
      {entries.length === 0 ? (
        <p className="mt-6">{t('inzage.none')}</p>
      ) : (
        <ol className="mt-6 list-none space-y-4 p-0">
          {entries.map((entry) => (
            <Entry key={`${entry.kind}:${entry.id}`} entry={entry} />
          ))}
        </ol>
      )}
    </div>
  )
}

function Entry({ entry }: { entry: InzageEntry }) {
  const { t, i18n } = useTranslation('impersonation')
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL'
  const when = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(entry.at))
  const until = entry.impersonation?.endedAt
    ? new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', timeStyle: 'short' }).format(
        new Date(entry.impersonation.endedAt),
      )
    : null
  const actionKey = entry.action ? entry.action.replace(/\./g, '_') : 'other'
  const what = entry.download
    ? t(`export:inzage.${entry.download.by}`, { format: entry.download.format.toUpperCase() })
    : entry.impersonation
      ? t('inzage.impersonation', { staff: entry.staff })
      : t('inzage.staffView', {
          staff: entry.staff,
          what: t(`inzage.actions.${actionKey}`, {
            reference: entry.caseReference ?? '',
            defaultValue: t('inzage.actions.other'),
          }),
        })
  const headingId = `entry-${entry.kind}-${entry.id}`
  return (
    <li className="border-2 border-line p-4">
      <h2 id={headingId} className="text-xl">
        {what}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-bold">{t('inzage.when')}</dt>
        <dd className="m-0">
          <time dateTime={entry.at}>{when}</time>
          {until ? ` ${t('inzage.ended', { time: until })}` : null}
        </dd>
        {entry.impersonation ? (
          <>
            <dt className="font-bold">{t('inzage.reason')}</dt>
            <dd className="m-0">
              {`${t(`start.reasons.${entry.impersonation.reasonCode}`)}${entry.impersonation.reasonText ? `: ${entry.impersonation.reasonText}` : ''}`}
            </dd>
            <dt className="font-bold">{t('inzage.reference')}</dt>
            <dd className="m-0">{entry.impersonation.reference}</dd>
            <dt className="font-bold">{t('inzage.seen')}</dt>
            <dd className="m-0">
              {entry.impersonation.pages.length
                ? entry.impersonation.pages.map((p) => t(`inzage.pages.${p}`)).join(', ')
                : '–'}
            </dd>
          </>
        ) : entry.reason ? (
          <>
            <dt className="font-bold">{t('inzage.reason')}</dt>
            <dd className="m-0">{entry.reason}</dd>
          </>
        ) : null}
      </dl>
      {entry.reported ? (
        <p className="mt-3 font-bold">
          <span aria-hidden="true">✓ </span>
          {t('inzage.reported')}
        </p>
      ) : (
        <Form method="post" className="mt-3">
          <input type="hidden" name="entry" value={entry.id} />
          <button type="submit" className="btn-secondary" aria-describedby={headingId}>
            {t('inzage.report')}
          </button>
        </Form>
      )}
    </li>
  )
}
