import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/services/i18n.server'

/**
 * After the contact form: the question is in, the acknowledgement with its number follows by
 * e-mail. The same page whatever was sent, so it tells a robot nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request)
  return json({ title: t('questions:public.sentTitle') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Vraag verstuurd' }]
export const handle = { i18n: 'questions' }

export default function ContactFormSent() {
  const { t } = useTranslation('questions')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('public.sentHeading')}</h1>
      <p className="mt-4 text-xl">{t('public.sentText')}</p>
      <p className="mt-3">{t('public.sentNorm')}</p>
      <p className="mt-6">
        <Link to="/">{t('public.sentHome')}</Link>
      </p>
    </div>
  )
}
