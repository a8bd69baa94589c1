import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { formRefused, parseForm } from '~/form.server'
import { requireCitizen } from '~/services/auth/guards.server'
import { getPreferences, savePreferences } from '~/services/requests/contact-details.server'
import { getFixedT, languageCookie } from '~/services/i18n.server'

/**
 * "Voorkeuren": how does the municipality reach me? DigiD Basis suffices (these are
 * the citizen's own contact details, not BRP data). Changes apply at once; a new e-mail address
 * after confirmation. Choosing a language also switches the portal's language.
 */
const PHONE = /^(0[1-9][0-9]{8}|(\+|00)[1-9][0-9]{7,14})$/

// conform hands an empty field over as undefined: an empty e-mail or phone means "none".
const PreferencesForm = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'invalid')
    .email('invalid')
    .optional()
    .transform((v) => v ?? ''),
  phone: z
    .string()
    .trim()
    .max(40, 'invalid')
    .refine((v) => PHONE.test(v.replace(/[\s().-]/g, '')), 'invalid')
    .optional()
    .transform((v) => v ?? ''),
  letterChannel: z.enum(['digital', 'paper'], { errorMap: () => ({ message: 'required' }) }),
  language: z.enum(['nl', 'en'], { errorMap: () => ({ message: 'required' }) }),
})

type Fields = z.input<typeof PreferencesForm>

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const t = await getFixedT(request)
  const preferences = await getPreferences(citizen)
  const saved = new URL(request.url).searchParams.get('opgeslagen') === '1'
  return json({ preferences, saved, readOnly: Boolean(citizen.impersonatedBy), title: t('mydata:preferences.title') })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Voorkeuren' }]
export const handle = { i18n: 'mydata' }

export async function action({ request }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'basis' })
  const submission = await parseForm(request, PreferencesForm)
  if (submission.status !== 'success') return formRefused(submission)
  const result = await savePreferences(citizen, submission.value)
  if (!result.ok)
    return formRefused(
      submission,
      result.errors.map((e) => ({ field: e.field, code: e.error })),
    )
  // The language chosen here is also the portal's language from now on.
  return redirect('/mijn/voorkeuren?opgeslagen=1', {
    headers: { 'Set-Cookie': await languageCookie.serialize(submission.value.language) },
  })
}

export default function Preferences() {
  const { preferences, saved, readOnly } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const { errorOf, valueOf, summary } = useGovForm<Fields>({
    id: 'preferences',
    lastResult: actionData,
    defaultValue: {
      email: preferences.email ?? '',
      phone: preferences.phone ?? '',
      letterChannel: preferences.letterChannel,
      language: preferences.language,
    },
    message: (field, key) => t(`errors.${field}.${key}`),
  })
  const radios = (
    name: 'letterChannel' | 'language',
    options: Array<{ value: string; label: string; lang?: string }>,
  ) => {
    const error = errorOf(name)
    return (
      <fieldset
        aria-describedby={[`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(' ')}
        className={`mb-6 ${error ? 'border-l-4 border-danger pl-4' : ''}`}
      >
        <legend className="font-bold">
          {t(name === 'letterChannel' ? 'preferences.letterLegend' : 'preferences.languageLegend')}
        </legend>
        <p id={`${name}-hint`} className="m-0 text-base text-muted">
          {t(name === 'letterChannel' ? 'preferences.letterHint' : 'preferences.languageHint')}
        </p>
        {error ? (
          <p id={`${name}-error`} className="m-0 font-bold text-danger">
            {error}
          </p>
        ) : null}
        <div className="mt-2 space-y-2">
          {options.map((o, i) => (
            <div key={o.value} className="flex items-center gap-3">
              <input
                type="radio"
                id={i === 0 ? name : `${name}-${o.value}`}
                name={name}
                value={o.value}
                defaultChecked={valueOf(name) === o.value}
                className="h-6 w-6"
              />
              <label htmlFor={i === 0 ? name : `${name}-${o.value}`} lang={o.lang}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    )
  }
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('preferences.heading')}</h1>
      <ErrorSummary title={t('common.errorTitle')} errors={summary} />
      {saved && !actionData ? (
        <div role="status" className="mt-4 border-l-4 border-success bg-white p-4">
          <p className="font-bold">{t('preferences.saved')}</p>
          {preferences.pendingEmail ? (
            <p className="mt-1">{t('preferences.confirmationSent', { email: preferences.pendingEmail })}</p>
          ) : null}
        </div>
      ) : null}
      <p className="mt-3">{t('preferences.lead')}</p>
      {readOnly ? <p className="mt-3 border-l-4 border-info pl-3">{t('common.readOnly')}</p> : null}
      <Form method="post" noValidate className="mt-6">
        <FormField
          id="email"
          label={t('preferences.email')}
          hint={[
            t('preferences.emailHint'),
            preferences.pendingEmail ? t('preferences.emailPending', { email: preferences.pendingEmail }) : null,
          ]
            .filter(Boolean)
            .join(' ')}
          error={errorOf('email')}
        >
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={valueOf('email')}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField id="phone" label={t('preferences.phone')} hint={t('preferences.phoneHint')} error={errorOf('phone')}>
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="tel"
              defaultValue={valueOf('phone')}
              className={`${inputClass} max-w-xs`}
            />
          )}
        </FormField>
        {radios('letterChannel', [
          { value: 'digital', label: t('channel.digital') },
          { value: 'paper', label: t('channel.paper') },
        ])}
        {radios('language', [
          { value: 'nl', label: 'Nederlands', lang: 'nl' },
          { value: 'en', label: 'English', lang: 'en' },
        ])}
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary" disabled={readOnly}>
            {t('preferences.save')}
          </button>
          <Link to="/mijn/gegevens">{t('preferences.backToData')}</Link>
        </div>
      </Form>
    </div>
  )
}
