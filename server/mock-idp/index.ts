import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import type { Logger } from 'pino'
import { z } from 'zod'
import { normaliseBsn } from '../../app/domain/bsn'
import {
  ACTING_SUBJECT_CLAIM,
  acrForLevel,
  digidLevels,
  LEGAL_SUBJECT_CLAIM,
  levelFromAcr,
  meetsLevel,
  type DigidLevel,
} from '../../app/domain/digid-level'
import { publicJwk, type PrivateJwk } from '../../app/services/auth/oidc-keys.server'
import { fullName, personas } from '../../db/seed/personas'
import { employees } from '../../db/seed/staff'
import type { Config } from '../config'
import { postgresAdapter } from './adapter'
import { languageFrom, translator, type MockIdpLanguage } from './i18n'
import { ensureMockIdpSecrets } from './secrets'
import {
  DigidLoginPage,
  LoggedOutPage,
  LogoutPage,
  ProblemPage,
  renderPage,
  StaffLoginPage,
  type DigidLoginValues,
  type FieldErrors,
  type MockProvider,
  type ProblemReason,
} from './views'

/**
 * A mock DigiD and a mock staff SSO: real OpenID providers (oidc-provider 8) with their own
 * issuer, discovery and JWKS, so that the portal talks to them exactly as it would to a DigiD
 * broker or the municipality's Entra ID. Mounted at /mock-idp/digid and /mock-idp/staff when
 * MOCK_IDP is on (development, tests, the demo); config.ts refuses them in production unless
 * MOCK_IDP_ALLOW_IN_PRODUCTION=true.
 */
const assets = fileURLToPath(new URL('./assets', import.meta.url))

const amrForLevel: Record<DigidLevel, string[]> = {
  basis: ['pwd'],
  midden: ['pwd', 'otp'],
  substantieel: ['pwd', 'hwk'],
  hoog: ['sc', 'pin'],
}

interface MockIdpOptions {
  config: Config
  logger: Logger
  digidClientKey: PrivateJwk
  staffClientKey: PrivateJwk
}

export async function mountMockIdps(
  app: Express,
  { config, logger, digidClientKey, staffClientKey }: MockIdpOptions,
): Promise<void> {
  if (config.production) {
    logger.warn(
      'MOCK_IDP is on in production (MOCK_IDP_ALLOW_IN_PRODUCTION=true): anyone can sign in as anyone. Demo use only.',
    )
  }
  app.use('/mock-idp/assets', express.static(assets, { maxAge: '1h' }))

  const digid = createProvider({
    name: 'digid',
    config,
    logger,
    clientKey: digidClientKey,
    client: config.oidc.digid,
    subjectType: 'pairwise',
    scopes: ['openid'],
    claims: { openid: ['sub', config.oidc.digid.bsnClaim, ACTING_SUBJECT_CLAIM, LEGAL_SUBJECT_CLAIM] },
    acrValues: digidLevels.map((l) => acrForLevel[l]),
    async findAccount(_ctx, id) {
      const [acting, legal] = id.split('>')
      if (!normaliseBsn(acting) || (legal && !normaliseBsn(legal))) return undefined
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            [config.oidc.digid.bsnClaim]: acting,
            ...(legal ? { [ACTING_SUBJECT_CLAIM]: acting, [LEGAL_SUBJECT_CLAIM]: legal } : {}),
          }
        },
      }
    },
  })
  const staff = createProvider({
    name: 'staff',
    config,
    logger,
    clientKey: staffClientKey,
    client: config.oidc.staff,
    subjectType: 'public',
    scopes: ['openid', 'profile'],
    claims: {
      openid: ['sub', config.oidc.staff.employeeIdClaim, config.oidc.staff.rolesClaim],
      profile: [config.oidc.staff.nameClaim],
    },
    async findAccount(_ctx, id) {
      const employee = employees.find((e) => e.id === id)
      if (!employee) return undefined
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            [config.oidc.staff.employeeIdClaim]: employee.id,
            [config.oidc.staff.nameClaim]: employee.name,
            [config.oidc.staff.rolesClaim]: employee.roles,
          }
        },
      }
    },
  })

  app.use('/mock-idp/digid', interactionRoutes('digid', digid, config, logger))
  app.use('/mock-idp/digid', digid.callback())
  app.use('/mock-idp/staff', interactionRoutes('staff', staff, config, logger))
  app.use('/mock-idp/staff', staff.callback())
}

interface ProviderOptions {
  name: MockProvider
  config: Config
  logger: Logger
  clientKey: PrivateJwk
  client: { clientId: string; redirectUri: string; postLogoutRedirectUri: string }
  subjectType: 'public' | 'pairwise'
  scopes: string[]
  claims: Record<string, string[]>
  acrValues?: string[]
  findAccount: NonNullable<Configuration['findAccount']>
}

function createProvider(o: ProviderOptions): Provider {
  const mountPath = `/mock-idp/${o.name}`
  const secrets = ensureMockIdpSecrets(o.config.dataDir, o.name)
  const policy = interactionPolicy.base()
  // DigiD asks every time: an earlier login with the provider never answers a new request,
  // so a step-up (a higher acr_values) always reaches the login screen.
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'always_authenticate',
        'the mock asks for a login every time',
        (ctx: KoaContextWithOIDC) =>
          ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    )
  const page = (ctx: KoaContextWithOIDC, html: string) => {
    ctx.type = 'html'
    ctx.set('Cache-Control', 'no-store')
    ctx.body = html
  }
  const lang = (ctx: KoaContextWithOIDC): MockIdpLanguage => languageFrom(ctx.oidc?.params?.ui_locales)

  const configuration: Configuration = {
    adapter: postgresAdapter(o.name),
    clients: [
      {
        client_id: o.client.clientId,
        redirect_uris: [o.client.redirectUri],
        post_logout_redirect_uris: [o.client.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: o.clientKey.alg as 'PS256' | 'RS256' | 'ES256',
        id_token_signed_response_alg: 'RS256',
        subject_type: o.subjectType,
        jwks: { keys: [publicJwk(o.clientKey) as never] },
      },
    ],
    jwks: { keys: [secrets.signingKey as never] },
    cookies: {
      keys: secrets.cookieKeys,
      names: {
        session: `mock_${o.name}_session`,
        interaction: `mock_${o.name}_interaction`,
        resume: `mock_${o.name}_resume`,
      },
      // Lax, not the default None: None needs Secure, which a plain-http localhost cannot set.
      long: { httpOnly: true, sameSite: 'lax', path: mountPath },
      short: { httpOnly: true, sameSite: 'lax', path: mountPath },
    },
    claims: o.claims,
    scopes: o.scopes,
    acrValues: o.acrValues ?? [],
    // The NL GOV profile: claims in the ID token itself, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    subjectTypes: ['public', 'pairwise'],
    // `sub` for DigiD is a salted hash per client: the BSN travels only in its own claim.
    pairwiseIdentifier: async (_ctx, accountId, client) =>
      pairwiseSubject(String(client.sectorIdentifier), accountId, secrets.pairwiseSalt),
    clientAuthMethods: ['private_key_jwt'],
    enabledJWA: {
      clientAuthSigningAlgValues: ['PS256', 'RS256', 'ES256'],
      idTokenSigningAlgValues: ['RS256', 'PS256'],
    },
    responseTypes: ['code'],
    pkce: { methods: ['S256'], required: () => true },
    // ID tokens of at most 5 minutes, as a broker issues them; codes of one minute, used once.
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 900,
      Session: 900,
      Grant: 900,
      ClientCredentials: 300,
      RefreshToken: 300,
      DeviceCode: 300,
      BackchannelAuthenticationRequest: 300,
    },
    discovery: { ui_locales_supported: ['nl', 'en'] },
    interactions: { policy, url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) =>
          page(ctx, renderPage(LogoutPage({ provider: o.name, lang: lang(ctx), form }))),
        postLogoutSuccessSource: async (ctx) =>
          page(ctx, renderPage(LoggedOutPage({ provider: o.name, lang: lang(ctx), portalUrl: o.config.baseUrl }))),
      },
    },
    clientBasedCORS: () => false,
    findAccount: o.findAccount,
    // Every error page says what went wrong in plain words, and the provider's own description
    // for whoever develops against it (a test environment: it names no person).
    renderError: async (ctx, out) => {
      const code = String(out.error ?? 'server_error')
      const detail = typeof out.error_description === 'string' ? out.error_description : undefined
      page(
        ctx,
        renderPage(
          ProblemPage({
            provider: o.name,
            lang: lang(ctx),
            code,
            reason: problemReason(code, detail),
            detail,
            portalUrl: o.config.baseUrl,
          }),
        ),
      )
    },
  }
  const provider = new Provider(`${o.config.baseUrl}${mountPath}`, configuration)
  provider.proxy = o.config.TRUST_PROXY
  provider.on('server_error', (_ctx: unknown, err: Error) =>
    o.logger.error({ err, component: `mock-idp-${o.name}` }, 'mock identity provider error'),
  )
  return provider
}

function pairwiseSubject(sectorIdentifier: string, accountId: string, salt: string): string {
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

function interactionRoutes(name: MockProvider, provider: Provider, config: Config, logger: Logger) {
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
