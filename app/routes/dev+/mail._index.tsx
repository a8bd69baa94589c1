import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/services/i18n.server'
import { demoMailboxIsOpen, listDevMails } from '~/services/mail.server'
import { notFound } from '~/responses'

/** The development mailbox: the e-mails written to DATA_DIR/mail when SMTP_URL is not set. Only while the mock identity providers are on (the demo). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!demoMailboxIsOpen()) throw notFound()
  const [mails, t] = await Promise.all([listDevMails(), getFixedT(request)])
  return json({ mails, title: t('letters:devMail.title') }, { headers: { 'Cache-Control': 'no-store' } })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mail' }]
export const handle = { i18n: 'letters' }

export default function DevMailbox() {
  const { mails } = useLoaderData<typeof loader>()
  const { t } = useTranslation('letters')
  return (
    <div className="space-y-6">
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('devMail.heading')}</h1>
        <p className="mt-2">{t('devMail.lead')}</p>
      </div>
      {mails.length === 0 ? (
        <p>{t('devMail.none')}</p>
      ) : (
        <table className="w-full border-collapse text-left text-base">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                {t('devMail.date')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('devMail.to')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('devMail.subject')}
              </th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id} className="border-b border-line">
                <td className="py-2 pr-4 whitespace-nowrap">{mail.date}</td>
                <td className="py-2 pr-4">{mail.to}</td>
                <td className="py-2 pr-4">
                  <Link to={`/dev/mail/${mail.id}`}>{mail.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
