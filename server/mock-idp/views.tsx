/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { digidLevels, type DigidLevel } from '../../app/domain/digid-level'
import { translator, type MockIdpLanguage } from './i18n'

/**
 * The mock providers' screens: server-rendered HTML (React, so everything is escaped), one
 * stylesheet and no inline style or script, so the portal's CSP holds here too. They read like
 * DigiD and a municipal sign-in page, and say plainly that they are a test environment.
 */
export type MockProvider = 'digid' | 'staff'

export function renderPage(element: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`
}

export type FieldErrors = Partial<Record<string, string>>

function Page({
  provider,
  lang,
  title,
  children,
  script,
}: {
  provider: MockProvider
  lang: MockIdpLanguage
  title: string
  children: ReactNode
  script?: string
}) {
  const t = translator(lang)
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href="/mock-idp/assets/mock-idp.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {script ? <script src={script} defer /> : null}
      </head>
      <body className={`idp idp-${provider}`}>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        <header className="idp-header">
          <div className="idp-bar">
            {provider === 'digid' ? <DigidLogo /> : <MunicipalityLogo />}
            <span className="idp-brand">
              <span className="idp-brand-name">{provider === 'digid' ? t('digid.brand') : t('staff.brand')}</span>
              {provider === 'staff' ? <span className="idp-brand-sub">{t('staff.brandSub')}</span> : null}
            </span>
            <span className="idp-badge">{t('testEnvironment')}</span>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="idp-main">
          <p className="idp-notice">{t('testNotice')}</p>
          {children}
        </main>
      </body>
    </html>
  )
}

function DigidLogo() {
  return (
    <svg className="idp-logo" aria-hidden="true" width="48" height="48" viewBox="0 0 48 48">
      <rect width="48" height="48" rx="6" fill="#1b1b1b" />
      <text x="24" y="30" textAnchor="middle" fontSize="14" fontWeight="700" fill="#fff" fontFamily="Arial, sans-serif">
        DigiD
      </text>
    </svg>
  )
}

function MunicipalityLogo() {
  return (
    <svg className="idp-logo" aria-hidden="true" width="48" height="48" viewBox="0 0 36 36">
      <rect width="36" height="36" rx="4" fill="#154273" />
      <path d="M8 27V14l10-6 10 6v13h-6v-7h-8v7z" fill="#fff" />
    </svg>
  )
}

function ErrorSummary({ lang, errors, order }: { lang: MockIdpLanguage; errors: FieldErrors; order: string[] }) {
  const t = translator(lang)
  const fields = order.filter((f) => errors[f])
  if (!fields.length) return null
  // autofocus: the summary takes focus on load, so screen readers hear what to fix first (these
  // pages are rendered once on the server, without React in the browser to move focus).
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus -- see above
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title">{t('errors.summaryHeading')}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#${f}`}>{errors[f]}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function FieldError({ lang, id, message }: { lang: MockIdpLanguage; id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{`${translator(lang)('errors.prefix')} `}</span>
      {message}
    </p>
  ) : null
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined

export interface DigidLoginValues {
  method?: string
  persona?: string
  bsn?: string
  namens?: string
  level?: string
}

export interface PersonaOption {
  key: string
  name: string
}

export function DigidLoginPage(props: {
  lang: MockIdpLanguage
  action: string
  minimumLevel: DigidLevel
  personas: PersonaOption[]
  values: DigidLoginValues
  errors: FieldErrors
  /** the person the portal says is logging in again (a step-up) */
  loggedInAs?: string
}) {
  const { lang, action, minimumLevel, personas, values, errors, loggedInAs } = props
  const t = translator(lang)
  const client = t('clientName')
  const method = values.method ?? 'persona'
  const level = values.level ?? minimumLevel
  const hasErrors = Object.keys(errors).length > 0
  return (
    <Page
      provider="digid"
      lang={lang}
      title={`${hasErrors ? `${t('errors.summaryHeading')}: ` : ''}${t('digid.title')}`}
    >
      <ErrorSummary lang={lang} errors={errors} order={['method', 'persona', 'bsn', 'namens', 'level']} />
      <h1>{t('digid.heading')}</h1>
      <p className="lead">{t('digid.intro', { client })}</p>
      {loggedInAs ? <p className="idp-callout">{t('digid.again', { client, name: loggedInAs })}</p> : null}
      {minimumLevel !== 'basis' ? (
        <p className="idp-callout">
          {t('digid.minimumLevel', { client, level: t(`digid.levels.${minimumLevel}.name`) })}
        </p>
      ) : null}
      <form method="post" action={action} noValidate>
        <fieldset
          className={`field${errors.method ? ' field-invalid' : ''}`}
          aria-describedby={describedBy(errors.method && 'method-error')}
        >
          <legend>
            <h2>{t('digid.howHeading')}</h2>
          </legend>
          <FieldError lang={lang} id="method" message={errors.method} />
          <div className="choice">
            <input type="radio" id="method" name="method" value="persona" defaultChecked={method === 'persona'} />
            <label htmlFor="method">{t('digid.methodPersona')}</label>
          </div>
          <div className={`conditional${errors.persona ? ' field-invalid' : ''}`}>
            <label htmlFor="persona">{t('digid.persona')}</label>
            <FieldError lang={lang} id="persona" message={errors.persona} />
            <select
              id="persona"
              name="persona"
              defaultValue={values.persona ?? personas[0]?.key}
              aria-describedby={describedBy(errors.persona && 'persona-error')}
            >
              {personas.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="choice">
            <input type="radio" id="method-bsn" name="method" value="bsn" defaultChecked={method === 'bsn'} />
            <label htmlFor="method-bsn">{t('digid.methodBsn')}</label>
          </div>
          <div className={`conditional${errors.bsn ? ' field-invalid' : ''}`}>
            <label htmlFor="bsn">{t('digid.bsn')}</label>
            <p id="bsn-hint" className="hint">
              {t('digid.bsnHint')}
            </p>
            <FieldError lang={lang} id="bsn" message={errors.bsn} />
            <input
              id="bsn"
              name="bsn"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className="input-bsn"
              defaultValue={values.bsn ?? ''}
              aria-invalid={errors.bsn ? true : undefined}
              aria-describedby={describedBy('bsn-hint', errors.bsn && 'bsn-error')}
            />
          </div>
        </fieldset>

        <div className={`field${errors.namens ? ' field-invalid' : ''}`}>
          <label htmlFor="namens">{t('digid.onBehalf')}</label>
          <FieldError lang={lang} id="namens" message={errors.namens} />
          <select
            id="namens"
            name="namens"
            defaultValue={values.namens ?? ''}
            aria-describedby={describedBy(errors.namens && 'namens-error')}
          >
            <option value="">{t('digid.onBehalfSelf')}</option>
            {personas.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset
          className={`field${errors.level ? ' field-invalid' : ''}`}
          aria-describedby={describedBy(errors.level && 'level-error')}
        >
          <legend>{t('digid.levelLegend')}</legend>
          <FieldError lang={lang} id="level" message={errors.level} />
          {digidLevels.map((l, i) => (
            <div className="choice" key={l}>
              <input
                type="radio"
                id={i === 0 ? 'level' : `level-${l}`}
                name="level"
                value={l}
                defaultChecked={level === l}
                aria-describedby={`level-${l}-hint`}
              />
              <label htmlFor={i === 0 ? 'level' : `level-${l}`}>{t(`digid.levels.${l}.name`)}</label>
              <p id={`level-${l}-hint`} className="hint choice-hint">
                {t(`digid.levels.${l}.hint`)}
              </p>
            </div>
          ))}
        </fieldset>

        <div className="buttons">
          <button type="submit" name="action" value="login" className="button-primary">
            {t('digid.login')}
          </button>
          <button type="submit" name="action" value="cancel" className="button-secondary" formNoValidate>
            {t('digid.cancel')}
          </button>
        </div>
      </form>
    </Page>
  )
}

export interface EmployeeOption {
  id: string
  name: string
  department: string
  roles: string[]
}

export function StaffLoginPage(props: {
  lang: MockIdpLanguage
  action: string
  employees: EmployeeOption[]
  values: { employee?: string }
  errors: FieldErrors
}) {
  const { lang, action, employees, values, errors } = props
  const t = translator(lang)
  const hasErrors = Object.keys(errors).length > 0
  return (
    <Page
      provider="staff"
      lang={lang}
      title={`${hasErrors ? `${t('errors.summaryHeading')}: ` : ''}${t('staff.title')}`}
    >
      <ErrorSummary lang={lang} errors={errors} order={['employee']} />
      <h1>{t('staff.heading')}</h1>
      <p className="lead">{t('staff.intro', { client: t('clientName') })}</p>
      <form method="post" action={action} noValidate>
        <div className={`field${errors.employee ? ' field-invalid' : ''}`}>
          <label htmlFor="employee">{t('staff.employee')}</label>
          <FieldError lang={lang} id="employee" message={errors.employee} />
          <select
            id="employee"
            name="employee"
            defaultValue={values.employee ?? employees[0]?.id}
            aria-describedby={describedBy(errors.employee && 'employee-error')}
          >
            {employees.map((e) => (
              <option key={e.id} value={e.id}>
                {`${e.name} – ${e.department} (${e.roles.map((r) => t(`staff.roles.${r}`)).join(', ')})`}
              </option>
            ))}
          </select>
        </div>
        <div className="buttons">
          <button type="submit" name="action" value="login" className="button-primary">
            {t('staff.login')}
          </button>
          <button type="submit" name="action" value="cancel" className="button-secondary" formNoValidate>
            {t('staff.cancel')}
          </button>
        </div>
      </form>
    </Page>
  )
}

/** RP-initiated logout: oidc-provider's form (with its CSRF token), submitted at once by a small script. */
export function LogoutPage({ provider, lang, form }: { provider: MockProvider; lang: MockIdpLanguage; form: string }) {
  const t = translator(lang)
  return (
    <Page provider={provider} lang={lang} title={t('logout.title')} script="/mock-idp/assets/auto-submit.js">
      <h1>{t('logout.heading')}</h1>
      <p>{t('logout.text')}</p>
      <div dangerouslySetInnerHTML={{ __html: form }} />
      <div className="buttons">
        <button
          type="submit"
          form="op.logoutForm"
          name="logout"
          value="yes"
          className="button-primary"
          data-auto-submit=""
        >
          {t('logout.button')}
        </button>
      </div>
    </Page>
  )
}

export function LoggedOutPage({
  provider,
  lang,
  portalUrl,
}: {
  provider: MockProvider
  lang: MockIdpLanguage
  portalUrl: string
}) {
  const t = translator(lang)
  return (
    <Page provider={provider} lang={lang} title={t('loggedOut.title')}>
      <h1>{t('loggedOut.heading')}</h1>
      <p>
        <a href={portalUrl}>{t('loggedOut.back')}</a>
      </p>
    </Page>
  )
}

/** Why a login could not go on, in words a visitor understands (interactions.ts: problemReason). */
export type ProblemReason =
  'expired' | 'badRequest' | 'misconfigured' | 'cancelled' | 'loginRequired' | 'unsupported' | 'providerError' | 'other'

export function ProblemPage(props: {
  provider: MockProvider
  lang: MockIdpLanguage
  reason: ProblemReason
  code: string
  /** the provider's own description, for developers (this is a test environment) */
  detail?: string
  portalUrl: string
}) {
  const { provider, lang, reason, code, detail, portalUrl } = props
  const t = translator(lang)
  return (
    <Page provider={provider} lang={lang} title={t('problem.title')}>
      <h1>{t('problem.heading')}</h1>
      <p>{t(`problem.reasons.${reason}`)}</p>
      <p>{t('problem.whatNow')}</p>
      <p>
        <a className="button-primary" href={portalUrl}>
          {t('problem.back')}
        </a>
      </p>
      <p className="hint">{t('problem.code', { code })}</p>
      {detail ? <p className="hint">{t('problem.detail', { detail })}</p> : null}
    </Page>
  )
}
