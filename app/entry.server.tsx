import { PassThrough } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { NonceProvider } from '~/components/nonce'
import { DATABASE_RETRY_AFTER_SECONDS } from '~/domain/refusal'
import { createI18nInstance, getLanguage } from '~/services/i18n.server'
import { serverLogger } from '~/services/log.server'

const ABORT_DELAY = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A fresh i18next instance per request: two visitors never share a language.
  const i18n = await createI18nInstance(await getLanguage(request))
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined
  // The database is away (server/database-faults.ts): when to try again.
  if (responseStatusCode === 503) {
    responseHeaders.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
    responseHeaders.set('Cache-Control', 'no-store')
  }
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ''}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors while streaming are logged by the server's error handler; log here only after the shell.
          if (shellRendered) serverLogger().error({ err: error, path: new URL(request.url).pathname }, 'render failed')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/**
 * Errors Remix catches in loaders, actions and rendering: logged through the server's logger
 * (BSNs scrubbed), with the request id, instead of Remix's raw console.error. A request the
 * visitor abandoned is not an error.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  serverLogger().error(
    { err: error, requestId: context.requestId, method: request.method, path: new URL(request.url).pathname },
    'request failed',
  )
}
