import { fileURLToPath } from 'node:url'
import express, { type Express } from 'express'
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import type { Logger } from 'pino'
import { normaliseBsn } from '../../app/domain/bsn'
import { ACTING_SUBJECT_CLAIM, acrForLevel, digidLevels, LEGAL_SUBJECT_CLAIM } from '../../app/domain/digid-level'
import { publicJwk, type PrivateJwk } from '../../app/services/auth/oidc-keys.server'
import { employees } from '../../db/seed/staff'
import type { Config } from '../config'
import { postgresAdapter } from './adapter'
import { interactionRoutes, pairwiseSubject, problemReason } from './interactions'
import { languageFrom, type MockIdpLanguage } from './i18n'
import { ensureMockIdpSecrets } from './secrets'
import { LoggedOutPage, LogoutPage, ProblemPage, renderPage, type MockProvider } from './views'

/**
 * A mock DigiD and a mock staff SSO: real OpenID providers (oidc-provider 8) with their own
 * issuer, discovery and JWKS, so that the portal talks to them exactly as it would to a DigiD
 * broker or the municipality's Entra ID. Mounted at /mock-idp/digid and /mock-idp/staff when
 * MOCK_IDP is on (development, tests, the demo); config.ts refuses them in production unless
 * MOCK_IDP_ALLOW_IN_PRODUCTION=true.
 */
const assets = fileURLToPath(new URL('./assets', import.meta.url))

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
