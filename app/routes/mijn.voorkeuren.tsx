import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useSubmissionErrors } from '~/components/stable-value'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { requireCitizen } from '~/services/auth.server'
import { getPreferences, savePreferences } from '~/services/contact-details.server'
import { getFixedT, languageCookie } from '~/services/i18n.server'

/**
 * "Voorkeuren" (PAGES.md): how does the municipality reach me? DigiD Basis suffices (these are
 * the citizen's own contact details, not BRP data). Changes apply at once; a new e-mail address
 * after confirmation. Choosing a language also switches the portal's language.
 */
const PHONE = /^(0[1-9][0-9]{8}|(\+|00)[1-9][0-9]{7,14})$/

const PreferencesForm = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'invalid')
    .refine((v) => v === '' || z.string().email().safeParse(v).success, 'invalid'),
  phone: z
    .string()
    .trim()
    .max(40, 'invalid')
    .refine((v) => v === '' || PHONE.test(v.replace(/[\s().-]/g, '')), 'invalid'),
  letterChannel: z.enum(['digital', 'paper'], { errorMap: () => ({ message: 'required' }) }),
  language: z.enum(['nl', 'en'], { errorMap: () => ({ message: 'required' }) }),
})

type Field = keyof z.infer<typeof PreferencesForm>

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
  if (citizen.impersonatedBy) throw new Response(null, { status: 403 })
  const raw = Object.fromEntries(await request.formData())
  const values = {
    email: typeof raw.email === 'string' ? raw.email : '',
    phone: typeof raw.phone === 'string' ? raw.phone : '',
    letterChannel: typeof raw.letterChannel === 'string' ? raw.letterChannel : '',
    language: typeof raw.language === 'string' ? raw.language : '',
  }
  const parsed = PreferencesForm.safeParse(values)
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0]) as Field, key: i.message }))
    return json({ errors, values }, { status: 400 })
  }
  const result = await savePreferences(citizen, parsed.data)
  if (!result.ok)
    return json(
      { errors: result.errors.map((e) => ({ field: e.field as Field, key: e.error as string })), values },
      { status: 400 },
    )
  // The language chosen here is also the portal's language from now on.
  return redirect('/mijn/voorkeuren?opgeslagen=1', {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.language) },
  })
}

export default function Preferences() {
  const { preferences, saved, readOnly } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mydata')
  const errors = actionData?.errors ?? []
  const values = actionData?.values ?? {
    email: preferences.email ?? '',
    phone: preferences.phone ?? '',
    letterChannel: preferences.letterChannel,
    language: preferences.language,
  }
  const errorFor = (field: Field) => {
    const e = errors.find((x) => x.field === field)
    return e ? t(`errors.${field}.${e.key}`) : undefined
  }
  const radios = (
    name: 'letterChannel' | 'language',
    options: Array<{ value: string; label: string; lang?: string }>,
  ) => {
    const error = errorFor(name)
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
                defaultChecked={values[name] === o.value}
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
  const summary = useSubmissionErrors(
    errors.map((e) => ({ field: e.field, message: errorFor(e.field) ?? '' })),
    actionData,
  )
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
          error={errorFor('email')}
        >
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.email}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField
          id="phone"
          label={t('preferences.phone')}
          hint={t('preferences.phoneHint')}
          error={errorFor('phone')}
        >
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="tel"
              defaultValue={values.phone}
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
