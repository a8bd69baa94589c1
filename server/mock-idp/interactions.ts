import { createHash } from 'node:crypto'
import express, { type NextFunction, type Request, type Response } from 'express'
import type Provider from 'oidc-provider'
import type { Logger } from 'pino'
import { z } from 'zod'
import { normaliseBsn } from '../../app/domain/bsn'
import { acrForLevel, digidLevels, levelFromAcr, meetsLevel, type DigidLevel } from '../../app/domain/digid-level'
import { fullName, personas } from '../../db/seed/personas'
import { employees } from '../../db/seed/staff'
import type { Config } from '../config'
import { languageFrom, translator } from './i18n'
import { ensureMockIdpSecrets } from './secrets'
import {
  DigidLoginPage,
  ProblemPage,
  renderPage,
  StaffLoginPage,
  type DigidLoginValues,
  type FieldErrors,
  type MockProvider,
  type ProblemReason,
} from './views'

/**
 * The mock providers' own pages: the login form of the mock DigiD (a persona or a typed BSN, a
 * level, acting for someone) and of the mock staff SSO, logout and the problem pages, mounted by
 * index.ts under each provider's /interaction path.
 */

const amrForLevel: Record<DigidLevel, string[]> = {
  basis: ['pwd'],
  midden: ['pwd', 'otp'],
  substantieel: ['pwd', 'hwk'],
  hoog: ['sc', 'pin'],
}

export function pairwiseSubject(sectorIdentifier: string, accountId: string, salt: string): string {
  return createHash('sha256').update(`${sectorIdentifier}:${accountId}:${salt}`).digest('base64url')
}

// Whatever is sent (a repeated field, a value too long), the form comes back with its message:
// a value that is no choice counts as none chosen, a typed BSN that cannot be one as invalid.
const DigidForm = z.object({
  action: z.enum(['login', 'cancel']).catch('login'),
  method: z.enum(['persona', 'bsn']).optional().catch(undefined),
  persona: z.string().max(40).optional().catch(undefined),
  bsn: z.string().max(40).optional().catch('?'),
  namens: z.string().max(40).optional().catch(undefined),
  level: z.enum(digidLevels).optional().catch(undefined),
})

const StaffForm = z.object({
  action: z.enum(['login', 'cancel']).catch('login'),
  employee: z.string().max(40).optional().catch(undefined),
})

/** The level the portal asked for: the lowest of `acr_values` we know (DigiD treats it as a minimum). */
function minimumLevel(acrValues: unknown): DigidLevel {
  const asked =
    typeof acrValues === 'string'
      ? acrValues
          .split(/\s+/)
          .map(levelFromAcr)
          .filter((l): l is DigidLevel => l !== null)
      : []
  return asked.sort((a, b) => digidLevels.indexOf(a) - digidLevels.indexOf(b))[0] ?? 'basis'
}

const personaOptions = personas.map((p) => ({ key: p.key, name: fullName(p) }))

/** The plain-words reason for an OAuth error code (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6). */
export function problemReason(code: string, description?: string): ProblemReason {
  switch (code) {
    case 'invalid_request':
      return /session|cookie|interaction|expired/i.test(description ?? '') ? 'expired' : 'badRequest'
    case 'interaction_expired':
      return 'expired'
    case 'invalid_client':
    case 'unauthorized_client':
    case 'invalid_redirect_uri':
      return 'misconfigured'
    case 'access_denied':
      return 'cancelled'
    case 'login_required':
    case 'interaction_required':
    case 'consent_required':
    case 'account_selection_required':
      return 'loginRequired'
    case 'invalid_scope':
    case 'unsupported_response_type':
    case 'unsupported_response_mode':
    case 'request_not_supported':
    case 'request_uri_not_supported':
    case 'registration_not_supported':
    case 'invalid_request_object':
    case 'invalid_request_uri':
      return 'unsupported'
    case 'server_error':
    case 'temporarily_unavailable':
      return 'providerError'
    default:
      return 'other'
  }
}

export function interactionRoutes(name: MockProvider, provider: Provider, config: Config, logger: Logger) {
  const router = express.Router()
  const pairwiseSalt = ensureMockIdpSecrets(config.dataDir, name).pairwiseSalt

  /**
   * The person the portal says is logging in again (a step-up): `login_hint` is the pairwise
   * `sub` of their earlier ID token — never a BSN. Found by trying the demo personas, alone and
   * acting for one another (DigiD Machtigen), for this client.
   */
  async function hintedPersona(
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
  ): Promise<{ persona: string; namens?: string; name: string } | null> {
    const hint = details.params.login_hint
    if (typeof hint !== 'string' || !hint || hint.length > 255) return null
    const client = await provider.Client.find(String(details.params.client_id))
    if (!client) return null
    for (const acting of personas) {
      for (const legal of [undefined, ...personas]) {
        if (legal === acting) continue
        const accountId = legal ? `${acting.bsn}>${legal.bsn}` : acting.bsn
        if (pairwiseSubject(String(client.sectorIdentifier), accountId, pairwiseSalt) === hint) {
          return {
            persona: acting.key,
            ...(legal ? { namens: legal.key } : {}),
            name: legal ? `${fullName(acting)} (${fullName(legal)})` : fullName(acting),
          }
        }
      }
    }
    return null
  }
  const form = express.urlencoded({ extended: false, limit: '10kb' })
  const action = (uid: string) => `/mock-idp/${name}/interaction/${uid}`

  const send = (res: Response, status: number, html: string) => {
    res.status(status).set('Cache-Control', 'no-store').type('html').send(html)
  }

  async function renderLogin(
    res: Response,
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
    values: Record<string, string | undefined>,
    errors: FieldErrors,
  ) {
    const lang = languageFrom(details.params.ui_locales)
    const status = Object.keys(errors).length ? 400 : 200
    if (name === 'digid') {
      const hinted = await hintedPersona(details)
      // Offered, not forced: the form starts with that person chosen, what was sent wins.
      const prefilled: DigidLoginValues =
        hinted && !Object.keys(errors).length
          ? { method: 'persona', persona: hinted.persona, namens: hinted.namens ?? '', ...values }
          : (values as DigidLoginValues)
      send(
        res,
        status,
        renderPage(
          DigidLoginPage({
            lang,
            action: action(details.uid),
            minimumLevel: minimumLevel(details.params.acr_values),
            personas: personaOptions,
            values: prefilled,
            errors,
            loggedInAs: hinted?.name,
          }),
        ),
      )
    } else {
      send(res, status, renderPage(StaffLoginPage({ lang, action: action(details.uid), employees, values, errors })))
    }
  }

  /**
   * Someone else logs in than the provider's session knows (a step-up where another persona is
   * chosen, a shared demo browser). oidc-provider would then first log the old one out through
   * a page with an inline script, which the portal's CSP blocks, and come back with
   * "invalid_request". The mock ends that session itself: the new login replaces it, as DigiD's
   * does. (The portal replaces its own session at the callback.)
   */
  async function forgetOtherAccount(details: Awaited<ReturnType<Provider['interactionDetails']>>, accountId: string) {
    const previous = details.session
    if (!previous?.accountId || previous.accountId === accountId) return
    const session = previous.uid ? await provider.Session.findByUid(previous.uid) : undefined
    await session?.destroy()
    details.session = undefined
    await details.save(details.exp - Math.floor(Date.now() / 1000))
  }

  /** Login and consent in one: the portal is first-party, nobody is asked to "allow" it. */
  async function finish(
    req: Request,
    res: Response,
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
    accountId: string,
    level?: DigidLevel,
  ) {
    await forgetOtherAccount(details, accountId)
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) })
    grant.addOIDCScope(String(details.params.scope ?? 'openid'))
    const grantId = await grant.save()
    await provider.interactionFinished(
      req,
      res,
      {
        login: { accountId, remember: false, ...(level ? { acr: acrForLevel[level], amr: amrForLevel[level] } : {}) },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    )
  }

  router.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res)
      if (details.uid !== req.params.uid)
        throw Object.assign(new Error('interaction mismatch'), { name: 'SessionNotFound' })
      if (details.prompt.name === 'consent' && details.session?.accountId) {
        await finish(req, res, details, details.session.accountId)
        return
      }
      await renderLogin(res, details, {}, {})
    } catch (err) {
      problem(err, req, res, next)
    }
  })

  router.post('/interaction/:uid', form, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res)
      if (details.uid !== req.params.uid)
        throw Object.assign(new Error('interaction mismatch'), { name: 'SessionNotFound' })
      const lang = languageFrom(details.params.ui_locales)
      const t = translator(lang)
      if (name === 'digid') {
        const input = DigidForm.parse(req.body ?? {})
        if (input.action === 'cancel') return await cancel(req, res)
        const errors: FieldErrors = {}
        const minimum = minimumLevel(details.params.acr_values)
        let bsn: string | null = null
        if (!input.method) errors.method = t('errors.methodRequired')
        else if (input.method === 'persona') {
          bsn = personas.find((p) => p.key === input.persona)?.bsn ?? null
          if (!bsn) errors.persona = t('errors.personaRequired')
        } else {
          const typed = (input.bsn ?? '').trim()
          bsn = typed ? normaliseBsn(typed) : null
          if (!typed) errors.bsn = t('errors.bsnRequired')
          else if (!bsn) errors.bsn = t('errors.bsnInvalid')
        }
        const represented = input.namens ? personas.find((p) => p.key === input.namens) : undefined
        if (represented && bsn && represented.bsn === bsn) errors.namens = t('errors.onBehalfSelf')
        if (!input.level) errors.level = t('errors.levelRequired')
        else if (!meetsLevel(input.level, minimum)) {
          errors.level = t('errors.levelTooLow', { client: t('clientName'), level: t(`digid.levels.${minimum}.name`) })
        }
        if (Object.keys(errors).length || !bsn || !input.level) {
          return await renderLogin(
            res,
            details,
            { method: input.method, persona: input.persona, bsn: input.bsn, namens: input.namens, level: input.level },
            errors,
          )
        }
        await finish(req, res, details, represented ? `${bsn}>${represented.bsn}` : bsn, input.level)
      } else {
        const input = StaffForm.parse(req.body ?? {})
        if (input.action === 'cancel') return await cancel(req, res)
        const employee = employees.find((e) => e.id === input.employee)
        if (!employee)
          return await renderLogin(
            res,
            details,
            { employee: input.employee },
            { employee: t('errors.employeeRequired') },
          )
        await finish(req, res, details, employee.id)
      }
    } catch (err) {
      problem(err, req, res, next)
    }
  })

  /** Annuleren: back to the portal with access_denied (RFC 6749 §4.1.2.1), which it explains. */
  async function cancel(req: Request, res: Response) {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User cancelled the login' },
      { mergeWithLastSubmission: false },
    )
  }

  function problem(err: unknown, req: Request, res: Response, next: NextFunction) {
    const lang = languageFrom(req.query.ui_locales) // rarely present; Dutch otherwise
    if (err instanceof Error && (err.name === 'SessionNotFound' || err.name === 'InvalidRequest')) {
      // An old tab, or a login finished already: say so, and lead back to the portal.
      return send(
        res,
        400,
        renderPage(
          ProblemPage({
            provider: name,
            lang,
            reason: 'expired',
            code: 'interaction_expired',
            portalUrl: config.baseUrl,
          }),
        ),
      )
    }
    if (err instanceof z.ZodError && !res.headersSent) {
      // A form that was not ours (a field far too long): said plainly, not a server error.
      return send(
        res,
        400,
        renderPage(
          ProblemPage({
            provider: name,
            lang,
            reason: 'badRequest',
            code: 'invalid_request',
            portalUrl: config.baseUrl,
          }),
        ),
      )
    }
    logger.error({ err, component: `mock-idp-${name}` }, 'mock identity provider interaction failed')
    if (res.headersSent) return next(err)
    // Anything else still gets a page that says what happened, not a bare 500.
    send(
      res,
      500,
      renderPage(
        ProblemPage({ provider: name, lang, reason: 'providerError', code: 'server_error', portalUrl: config.baseUrl }),
      ),
    )
  }

  return router
}
