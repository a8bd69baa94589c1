import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { demoMailboxIsOpen, readDevMail } from '~/services/mail.server'
import { notFound } from '~/responses'

/** One e-mail of the development mailbox: headers, text and the whole message. Only while the mock identity providers are on (the demo). */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!demoMailboxIsOpen()) throw notFound()
  const mail = await readDevMail(params.mailId ?? '')
  if (!mail) throw notFound()
  return json({ mail }, { headers: { 'Cache-Control': 'no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.mail.subject ?? 'Mail' }]
export const handle = { i18n: 'letters' }

export default function DevMail() {
  const { mail } = useLoaderData<typeof loader>()
  const { t } = useTranslation('letters')
  return (
    <div className="space-y-6">
      <p>
        <Link to="/dev/mail">
          <span aria-hidden="true">← </span>
          {t('devMail.back')}
        </Link>
      </p>
      <h1 className="text-3xl">{mail.subject}</h1>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t('devMail.to')}</dt>
        <dd className="m-0">{mail.to}</dd>
        <dt className="font-bold">{t('devMail.date')}</dt>
        <dd className="m-0">{mail.date}</dd>
      </dl>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text" className="text-xl">
          {t('devMail.text')}
        </h2>
        <pre className="mt-2 whitespace-pre-wrap border-2 border-line bg-surface p-4 font-sans">{mail.text}</pre>
      </section>
      <details>
        <summary className="cursor-pointer">{t('devMail.raw')}</summary>
        <pre className="mt-2 overflow-x-auto border-2 border-line p-4 text-sm" tabIndex={0}>
          {mail.raw}
        </pre>
      </details>
    </div>
  )
}
