import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  json,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { ErrorPage, errorKind } from '~/components/error-page'
import { useNonce } from '~/components/nonce'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { SkipLink } from '~/components/skip-link'
import { defaultLanguage } from '~/i18n'
import { getLanguage } from '~/services/i18n.server'
import tailwind from '~/styles/tailwind.generated.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tailwind },
  { rel: 'preload', as: 'font', type: 'font/woff2', href: '/fonts/atkinson-hyperlegible-latin-400-normal.woff2', crossOrigin: 'anonymous' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ locale: await getLanguage(request) })
}

export const handle = { i18n: 'common' }

function Document({ children, locale, title }: { children: ReactNode; locale: string; title?: string }) {
  const nonce = useNonce()
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {title ? <title>{title}</title> : <Meta />}
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}

export default function App() {
  const { locale } = useRouteLoaderData<typeof loader>('root') ?? { locale: defaultLanguage }
  useChangeLanguage(locale)
  return (
    <Document locale={locale}>
      <Shell>
        <Outlet />
      </Shell>
    </Document>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const { t, i18n } = useTranslation()
  const locale = data?.locale ?? i18n.language ?? defaultLanguage
  const status = isRouteErrorResponse(error) ? error.status : 500
  return (
    <Document locale={locale} title={`${t(`errors.${errorKind(status)}Title`)} – ${t('portalName')}`}>
      <Shell>
        <ErrorPage status={status} />
      </Shell>
    </Document>
  )
}
