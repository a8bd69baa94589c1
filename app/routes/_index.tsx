import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TopicSearchForm } from '~/components/topic-search-form'
import { getFixedT } from '~/services/i18n.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request)
  return json({ title: t('home.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['common', 'questions'] }

const offers = ['cases', 'letters', 'data', 'move'] as const

export default function Home() {
  const { t } = useTranslation()
  return (
    <div className="space-y-12">
      <section className="prose-width">
        <h1 className="text-3xl md:text-5xl">{t('home.heading')}</h1>
        <p className="mt-4 text-xl">{t('home.lead')}</p>
      </section>

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="offer-heading">
          <h2 id="offer-heading" className="text-2xl">
            {t('home.offerHeading')}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {offers.map((key) => (
              <li key={key} className="border-l-4 border-brand bg-brand-light p-4">
                <h3 className="text-lg">{t(`home.offer.${key}.title`)}</h3>
                <p className="mt-1 text-base">{t(`home.offer.${key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>

        <aside aria-labelledby="login-heading" className="order-first h-fit border-2 border-line p-6 lg:order-none">
          <h2 id="login-heading" className="text-2xl">
            {t('home.loginHeading')}
          </h2>
          <p className="mt-2">{t('home.loginText')}</p>
          <p className="mt-4">
            <Link to="/inloggen" className="btn-primary">
              <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24">
                <rect width="24" height="24" rx="3" fill="#fff" />
                <text x="12" y="16" textAnchor="middle" fontSize="9" fontWeight="700" fill="#154273">
                  DigiD
                </text>
              </svg>
              {t('home.loginButton')}
            </Link>
          </p>
          <h3 className="mt-6 text-lg">{t('home.noDigidHeading')}</h3>
          <p className="mt-1 text-base">{t('home.noDigidText')}</p>
          <p className="mt-2 text-base">
            <Link to="/contactformulier">{t('questions:public.homeLink')}</Link>
          </p>
        </aside>
      </div>

      <section aria-labelledby="topics-heading" className="prose-width">
        <h2 id="topics-heading" className="text-2xl">
          {t('knowledge:home.heading')}
        </h2>
        <p className="mt-2">{t('knowledge:home.text')}</p>
        <TopicSearchForm id="home-q" />
      </section>

      <section aria-labelledby="charter-heading" className="prose-width">
        <h2 id="charter-heading" className="text-2xl">
          {t('home.charterHeading')}
        </h2>
        <p className="mt-2">{t('home.charterText')}</p>
        <p className="mt-2">
          <Link to="/kwaliteitshandvest">{t('home.charterLink')}</Link>
        </p>
      </section>
    </div>
  )
}
