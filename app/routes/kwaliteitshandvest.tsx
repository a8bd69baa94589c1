import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuarterMonths,
  type Translate,
} from '~/components/quality-format'
import { VerdictTag } from '~/components/verdict-tag'
import { getFixedT, getLanguage } from '~/services/i18n.server'
import type { ServiceNorm } from '~/services/quality/norms.server'
import { getPublicCharter } from '~/services/quality/public-charter.server'
import type { Judged } from '~/services/quality/report.server'

/**
 * "What may I expect, and do they keep their word?": the quality charter in plain language
 * (its norms: table `service_norms`, migration 0008), with last quarter's figures per channel.
 * Public, no login.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, t] = await Promise.all([getLanguage(request), getFixedT(request)])
  const charter = await getPublicCharter(lang)
  return json({ charter, title: t('quality:charter.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['quality', 'contact'] }

function NormList({ norms }: { norms: ServiceNorm[] }) {
  const { t, i18n } = useTranslation('quality')
  return (
    <ul className="mt-3 space-y-3">
      {norms.map((n) => (
        <li key={n.code} className="border-l-4 border-brand pl-4">
          <p>{n.text}</p>
          {n.measure !== 'decision' ? (
            <p className="text-base text-muted">
              {t('charter.aim', { percent: formatPercent(n.targetPercent, i18n.language) })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Figure({ judged, received }: { judged: Judged; received: number }) {
  const { t, i18n } = useTranslation('quality')
  // No cases at all, or cases whose term still runs: nothing to judge yet.
  if (judged.percent === null) return <span>{received === 0 ? t('charter.noCases') : t('verdict.no_cases')}</span>
  const value = formatPercent(judged.percent, i18n.language)
  return (
    <span className="flex flex-col items-start gap-1">
      <span>
        {judged.targetPercent === null
          ? value
          : t('charter.valueWithTarget', { value, target: formatPercent(judged.targetPercent, i18n.language) })}
      </span>
      {judged.verdict === 'met' || judged.verdict === 'missed' ? <VerdictTag verdict={judged.verdict} /> : null}
    </span>
  )
}

export default function Charter() {
  const { charter } = useLoaderData<typeof loader>()
  const { t: tq, i18n } = useTranslation('quality')
  const t = tq as Translate
  const language = i18n.language
  const norms = charter.norms
  const written = norms.filter((n) => n.measure === 'acknowledgement' || n.measure === 'answer')
  const byChannel = (channel: string) => norms.filter((n) => n.measure === 'other' && n.channel === channel)
  const period = `${formatPeriod(charter.period, language, t)} (${formatQuarterMonths(charter.period, language, t)})`

  return (
    <div className="space-y-12">
      <div className="prose-width">
        <h1 className="text-3xl md:text-5xl">{t('quality:charter.heading')}</h1>
        <p className="mt-4 text-xl">{t('quality:charter.lead')}</p>
      </div>

      <section aria-labelledby="promises-heading" className="prose-width space-y-8">
        <h2 id="promises-heading" className="text-2xl">
          {t('quality:charter.promisesHeading')}
        </h2>
        <div>
          <h3 className="text-xl">{t('quality:charter.lettersHeading')}</h3>
          <p className="mt-2">{t('quality:charter.lettersText')}</p>
          <NormList norms={written} />
          <p className="mt-3 text-base text-muted">{t('quality:charter.derivedNote')}</p>
        </div>
        <div>
          <h3 className="text-xl">{t('quality:charter.decisionHeading')}</h3>
          <NormList norms={norms.filter((n) => n.measure === 'decision')} />
        </div>
        <div>
          <h3 className="text-xl">{t('quality:charter.counterHeading')}</h3>
          <NormList norms={byChannel('counter')} />
        </div>
        <div>
          <h3 className="text-xl">{t('quality:charter.phoneHeading')}</h3>
          <NormList norms={byChannel('phone')} />
        </div>
        <div>
          <h3 className="text-xl">{t('quality:charter.chatHeading')}</h3>
          <NormList norms={byChannel('chat')} />
        </div>
      </section>

      <section aria-labelledby="figures-heading" className="space-y-4">
        <h2 id="figures-heading" className="text-2xl">
          {t('quality:charter.figuresHeading')}
        </h2>
        <p className="prose-width">{t('quality:charter.figuresPeriod', { period })}</p>
        <p className="prose-width">
          {t('quality:charter.figuresCaption', { period: formatPeriod(charter.period, language, t) })}
        </p>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {charter.byChannel.map((l) => (
            <li key={l.key} className="border-l-4 border-brand bg-brand-light p-4">
              <h3 className="text-xl">{t(`quality:channels.${l.key}`)}</h3>
              <dl className="mt-2 space-y-2">
                <div>
                  <dt className="font-bold">{t('quality:charter.receivedColumn')}</dt>
                  <dd className="m-0">{formatNumber(l.received, language)}</dd>
                </div>
                <div>
                  <dt className="font-bold">{t('quality:charter.ackColumn')}</dt>
                  <dd className="m-0">
                    <Figure judged={l.acknowledgement} received={l.received} />
                  </dd>
                </div>
                <div>
                  <dt className="font-bold">{t('quality:charter.decidedColumn')}</dt>
                  <dd className="m-0">
                    <Figure judged={l.decision} received={l.received} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
        <h3 className="text-xl">{t('contact:charter.heading')}</h3>
        <p className="prose-width">{t('contact:charter.lead')}</p>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {charter.questions.map((l) => (
            <li key={l.key} className="border-l-4 border-brand bg-brand-light p-4">
              <h4 className="text-lg">{t('contact:charter.channel', { channel: t(`quality:channels.${l.key}`) })}</h4>
              <dl className="mt-2 space-y-2">
                <div>
                  <dt className="font-bold">{t('contact:charter.received')}</dt>
                  <dd className="m-0">{formatNumber(l.received, language)}</dd>
                </div>
                <div>
                  <dt className="font-bold">{t('quality:charter.ackColumn')}</dt>
                  <dd className="m-0">
                    <Figure judged={l.acknowledgement} received={l.received} />
                  </dd>
                </div>
                <div>
                  <dt className="font-bold">{t('contact:charter.answer')}</dt>
                  <dd className="m-0">
                    <Figure judged={l.decision} received={l.received} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
        <p className="prose-width text-base">{t('quality:charter.howText')}</p>
        <h3 className="text-xl">{t('quality:charter.notMeasuredHeading')}</h3>
        <p className="prose-width">{t('quality:charter.notMeasuredText')}</p>
      </section>

      <section aria-labelledby="complaint-heading" className="prose-width">
        <h2 id="complaint-heading" className="text-2xl">
          {t('quality:charter.complaintHeading')}
        </h2>
        <p className="mt-2">{t('quality:charter.complaintText')}</p>
      </section>
    </div>
  )
}
