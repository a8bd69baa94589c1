import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  json,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { AccountMenu } from '~/components/account-menu'
import { useAreaNav } from '~/components/area-layout'
import { ErrorPage, errorKind } from '~/components/error-page'
import { useNonce } from '~/components/nonce'
import { RefusedInputProvider, RefusedInputSummary } from '~/components/refused-input'
import { SiteFooter } from '~/components/site-footer'
import { SessionTimeoutWarning } from '~/components/session-timeout-warning'
import { SiteHeader } from '~/components/site-header'
import { SkipLink } from '~/components/skip-link'
import { isRefusal, isRefusedInput } from '~/domain/refusal'
import { defaultLanguage } from '~/i18n'
import { getSessionInfo, getUser } from '~/services/auth/current-user.server'
import { ImpersonationBanner, ImpersonationRefused } from '~/components/impersonation-banner'
import { impersonationBanner } from '~/services/impersonation/state.server'
import { getLanguage } from '~/services/i18n.server'
import tailwind from '~/styles/tailwind.generated.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tailwind },
  {
    rel: 'preload',
    as: 'font',
    type: 'font/woff2',
    href: '/fonts/atkinson-hyperlegible-latin-400-normal.woff2',
    crossOrigin: 'anonymous',
  },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A request the server refused before any page could answer it (server/refusals.ts): its
  // error page, before anything else — the database may be the reason.
  if (isRefusal(context.refusal)) {
    throw json(
      { refusal: context.refusal },
      { status: context.refusal.status, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  // Who is logged in, for the header and the idle warning: the same (memoised) session lookup
  // the page's own loader makes, so a page view costs one query for it.
  const [locale, session] = await Promise.all([getLanguage(request), getSessionInfo(request)])
  // A support employee viewing as a citizen sees the banner on every page.
  const user = session?.kind === 'staff' ? await getUser(request) : null
  const viewing = user?.kind === 'staff' ? await impersonationBanner(user) : null
  // A write refused by the server while viewing (server/app.ts): this page explains it, as a 403.
  const refused = typeof context.impersonationRefused === 'string' ? context.impersonationRefused : null
  // A form refused for characters no field may hold (server/request-guard.ts): the page again,
  // with the message at the field and what was typed, as a 400.
  const refusedInput = isRefusedInput(context.refusedInput) ? context.refusedInput : null
  return json(
    { locale, session, viewing, refused, refusedInput },
    refused || refusedInput ? { status: refused ? 403 : 400, headers: { 'Cache-Control': 'no-store' } } : undefined,
  )
}

// Every navigation reloads the root data: the page view counts as activity, and the idle
// warning must count down from the moment the server saw it.
export const shouldRevalidate: ShouldRevalidateFunction = () => true

export const handle = { i18n: 'common' }

function Document({
  children,
  locale,
  title,
  scripts = true,
}: {
  children: ReactNode
  locale: string
  title?: string
  /** false for an error page served at an address it does not belong to: nothing to hydrate */
  scripts?: boolean
}) {
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
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const { session, viewing } = useRouteLoaderData<typeof loader>('root') ?? {}
  // The navigation of the area the page belongs to (/mijn, /medewerker), beside <main>.
  const areaNav = useAreaNav()
  return (
    <>
      <SkipLink />
      {viewing ? <ImpersonationBanner banner={viewing} /> : null}
      <SiteHeader>{session ? <AccountMenu account={session} /> : null}</SiteHeader>
      {session ? <SessionTimeoutWarning key={`${session.now}|${session.idleEndsAt}`} times={session} /> : null}
      <div className="mx-auto w-full max-w-6xl flex-1 px-4 lg:flex lg:gap-10">
        {areaNav}
        <main id="main" tabIndex={-1} className="w-full min-w-0 flex-1 py-8 focus:outline-none">
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  )
}

export default function App() {
  const { locale, refused, refusedInput } = useRouteLoaderData<typeof loader>('root') ?? {
    locale: defaultLanguage,
    refused: null,
    refusedInput: null,
  }
  useChangeLanguage(locale)
  return (
    <Document locale={locale}>
      <Shell>
        {refused ? (
          <ImpersonationRefused code={refused} />
        ) : (
          <RefusedInputProvider value={refusedInput}>
            {refusedInput ? <RefusedInputSummary refused={refusedInput} /> : null}
            <Outlet />
          </RefusedInputProvider>
        )}
      </Shell>
    </Document>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const { t, i18n } = useTranslation()
  const locale = data?.locale ?? i18n.language ?? defaultLanguage
  const { pathname, search } = useLocation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const details: { refusal?: unknown; retryAfter?: unknown } = isRouteErrorResponse(error) ? (error.data ?? {}) : {}
  // Refused before any page (server/refusals.ts): rendered at an address of its own, so there is
  // nothing for the browser's JavaScript to take over.
  const refusal = isRefusal(details.refusal) ? details.refusal : null
  const retryAfter = refusal?.retryAfter ?? (typeof details.retryAfter === 'number' ? details.retryAfter : undefined)
  return (
    <Document
      locale={locale}
      title={`${t(`errors.${errorKind(status)}Title`)} – ${t('portalName')}`}
      scripts={!refusal}
    >
      <Shell>
        {/* A write refused while viewing as a citizen explains itself (server/app.ts). */}
        {status === 403 &&
        isRouteErrorResponse(error) &&
        typeof error.data?.code === 'string' &&
        error.data.code.startsWith('impersonation_') ? (
          <ImpersonationRefused code={error.data.code} />
        ) : (
          <ErrorPage status={status} retryAfter={retryAfter} retryHref={refusal ? '' : pathname + search} />
        )}
      </Shell>
    </Document>
  )
}
