import { json } from '@remix-run/node'
import type { DigidLevel } from '~/domain/digid-level'
import type { LoginKind } from './user.server'
import { i18next } from '../i18n.server'
import type { LoginFailure } from './oidc.server'

/** The HTTP status that fits each failure: the user's fault, the provider's, or nobody's. */
const statusFor: Record<LoginFailure, number> = {
  unreachable: 503,
  stateMismatch: 400,
  codeReplayed: 400,
  tokenInvalid: 502,
  cancelled: 200,
  unknownPerson: 403,
  levelTooLow: 403,
  rateLimited: 429,
  failed: 400,
}

export interface LoginFailureData {
  failure: LoginFailure
  kind: LoginKind
  code: string | null
  retry: string
  title: string
  /** a citizen whose earlier session still holds (a step-up that did not happen) */
  stillLoggedIn: { level: DigidLevel; wanted: DigidLevel | null } | null
}

/** A login that did not work, as page data: what happened, a way back, a code for the helpdesk. */
export async function loginFailureResponse(
  request: Request,
  {
    kind,
    failure,
    detail,
    retry,
    headers,
    stillLoggedIn = null,
  }: {
    kind: LoginKind
    failure: LoginFailure
    detail?: string
    retry: string
    headers?: Headers
    stillLoggedIn?: LoginFailureData['stillLoggedIn']
  },
) {
  const t = await i18next.getFixedT(request, 'auth')
  const data: LoginFailureData = {
    failure,
    kind,
    code: failure === 'cancelled' ? null : (detail ?? failure),
    retry,
    title: `${t(`failure.${failure}.title`)} – Mijn Stad`,
    stillLoggedIn,
  }
  const out = new Headers(headers)
  out.set('Cache-Control', 'no-store')
  return json(data, { status: statusFor[failure], headers: out })
}
