import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { isValidBsn } from '~/domain/bsn'
import { isLocalDate } from '~/domain/local-date'
import { parsePostcode } from '~/domain/postcode'
import { requireStaff } from '~/services/auth/guards.server'
import {
  chosenCitizen,
  searchCitizens,
  type CitizenSearchResult,
  type SearchCriteria,
} from '~/services/impersonation/citizen-search.server'
import { getFixedT } from '~/services/i18n.server'
import { startImpersonation } from '~/services/impersonation/start-stop.server'

/** The reasons to choose from (the database checks the same list); here, as the browser needs it too. */
const REASONS = ['phone', 'counter', 'mail', 'other'] as const

/**
 * "Burger zoeken" and "Meekijken starten", role `support`.
 * Everything is a POST: the BSN travels only in request bodies, never in a URL, and a result is
 * chosen by an opaque token sealed with the server secret, bound to the session and short-lived
 * (app/services/impersonation/citizen-search.server.ts). Three intents:
 * search → results; choose → the start form for that person; start → viewing begins at /mijn.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'support')
  const t = await getFixedT(request)
  const notice = new URL(request.url).searchParams.get('melding')
  return json({
    title: t('impersonation:search.title'),
    notice: notice === 'verlopen' ? 'expired' : notice === 'gestopt' ? 'stopped' : null,
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Burger zoeken' }]
export const handle = { i18n: 'impersonation' }

type FieldError = { field: string; key: string }

/** A typed BSN with spaces or dots as people write it, checked by the eleven test. */
const bsnField = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().refine(isValidBsn, 'bsn'))
/** Free text that must not smuggle a BSN into the audit log and the manager's review. */
const containsBsn = (v: string) => (v.replace(/[\s.-]/g, '').match(/\d{9}/g) ?? []).some(isValidBsn)

const Search = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bsn'), bsn: bsnField }),
  z.object({
    kind: z.literal('name'),
    surname: z.string().trim().min(1, 'surname').max(200, 'surname'),
    birthDate: z.string().refine(isLocalDate, 'birthDate'),
  }),
  z.object({
    kind: z.literal('address'),
    postcode: z.string().transform((v, ctx) => {
      const parsed = parsePostcode(v)
      if (!parsed.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'postcode' })
        return z.NEVER
      }
      return parsed.value
    }),
    houseNumber: z.coerce
      .number({ invalid_type_error: 'houseNumber' })
      .int('houseNumber')
      .min(1, 'houseNumber')
      .max(99999, 'houseNumber'),
  }),
])

const Start = z
  .object({
    choice: z.string().min(1).max(200),
    reasonCode: z.enum(REASONS, { errorMap: () => ({ message: 'reason' }) }),
    reasonText: z
      .string()
      .trim()
      .max(500, 'reasonTextLong')
      .refine((v) => !containsBsn(v), 'noBsn'),
    reference: z
      .string()
      .trim()
      .min(1, 'reference')
      .max(64, 'referenceLong')
      .refine((v) => !containsBsn(v), 'noBsn'),
  })
  .superRefine((v, ctx) => {
    if (v.reasonCode === 'other' && !v.reasonText)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reasonText'], message: 'reasonText' })
  })

const fieldId: Record<string, string> = {
  bsn: 'bsn',
  surname: 'surname',
  birthDate: 'birthDate',
  postcode: 'postcode',
  houseNumber: 'houseNumber',
  reasonCode: 'reasonCode',
  reasonText: 'reasonText',
  reference: 'reference',
}

type ActionData =
  | {
      intent: 'search'
      kind: SearchCriteria['kind']
      errors: FieldError[]
      values: Record<string, string>
      results: CitizenSearchResult[] | null
    }
  | { intent: 'start'; errors: FieldError[]; values: Record<string, string>; chosen: CitizenSearchResult | null }

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'support')
  const form = Object.fromEntries(await request.formData())
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'))
  const intent = values.intent

  if (intent === 'search') {
    const kind = (['bsn', 'name', 'address'] as const).find((k) => k === values.kind) ?? 'bsn'
    // What was typed comes back, except a BSN: the page never shows it again.
    const echo = { ...values, bsn: '' }
    const parsed = Search.safeParse(values)
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => {
        const field = fieldId[String(i.path[0])] ?? 'bsn'
        return { field, key: i.message in fieldId ? i.message : field }
      })
      return json<ActionData>({ intent: 'search', kind, errors, values: echo, results: null }, { status: 400 })
    }
    const outcome = await searchCitizens(staff, parsed.data)
    if (!outcome.ok) {
      if (outcome.code === 'forbidden') throw new Response('Forbidden', { status: 403 })
      return json<ActionData>(
        {
          intent: 'search',
          kind,
          errors: [{ field: kind === 'bsn' ? 'bsn' : kind === 'name' ? 'surname' : 'postcode', key: 'rateLimited' }],
          values: echo,
          results: null,
        },
        { status: 429 },
      )
    }
    return json<ActionData>({ intent: 'search', kind, errors: [], values: echo, results: outcome.results })
  }

  if (intent === 'choose' || intent === 'start') {
    const chosen =
      typeof values.choice === 'string'
        ? await chosenCitizen(staff, values.choice, { audit: intent === 'choose' })
        : null
    if (!chosen) {
      return json<ActionData>(
        { intent: 'search', kind: 'bsn', errors: [{ field: 'bsn', key: 'choice' }], values: {}, results: null },
        { status: 400 },
      )
    }
    if (intent === 'choose') return json<ActionData>({ intent: 'start', errors: [], values: {}, chosen: chosen.result })
    const parsed = Start.safeParse({
      ...values,
      reasonText: values.reasonText ?? '',
      reference: values.reference ?? '',
    })
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        field: fieldId[String(i.path[0])] ?? 'reasonCode',
        key: i.message,
      }))
      return json<ActionData>({ intent: 'start', errors, values, chosen: chosen.result }, { status: 400 })
    }
    const started = await startImpersonation(staff, {
      bsn: chosen.bsn,
      reasonCode: parsed.data.reasonCode,
      reasonText: parsed.data.reasonText || null,
      reference: parsed.data.reference,
    })
    if (!started.ok)
      throw new Response(started.code === 'forbidden' ? 'Forbidden' : 'Not Found', {
        status: started.code === 'forbidden' ? 403 : 404,
      })
    return redirect('/mijn')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function FindCitizen() {
  const { notice } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>() as ActionData | undefined
  const { t } = useTranslation('impersonation')
  if (data?.intent === 'start' && data.chosen) return <StartForm data={data} chosen={data.chosen} />
  const search = data?.intent === 'search' ? data : null
  const errors = search?.errors ?? []
  const errorFor = (field: string) => {
    const e = errors.find((x) => x.field === field)
    return e ? t(`errors.${e.key}`) : undefined
  }
  const v = (field: string, kind: string) => (search?.kind === kind ? search.values[field] : undefined)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('search.heading')}</h1>
      {notice ? (
        <div role="status" className="mt-4 border-l-8 border-info bg-brand-light p-4">
          <p className="m-0 font-bold">{t(`search.${notice}`)}</p>
        </div>
      ) : null}
      <p className="mt-4">{t('search.lead')}</p>
      <ErrorSummary
        title={t('search.errorTitle')}
        errors={errors.map((e) => ({ field: e.field, message: t(`errors.${e.key}`) }))}
      />

      <section aria-labelledby="by-bsn" className="mt-8">
        <h2 id="by-bsn" className="text-2xl">
          {t('search.byBsn')}
        </h2>
        <Form method="post" noValidate autoComplete="off" className="mt-4">
          <input type="hidden" name="intent" value="search" />
          <input type="hidden" name="kind" value="bsn" />
          <FormField id="bsn" label={t('search.bsn')} hint={t('search.bsnHint')} error={errorFor('bsn')}>
            {(p) => (
              <input {...p} type="text" inputMode="numeric" spellCheck={false} className={`${inputClass} max-w-xs`} />
            )}
          </FormField>
          <button type="submit" className="btn-primary">
            {t('search.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="by-name" className="mt-10">
        <h2 id="by-name" className="text-2xl">
          {t('search.byName')}
        </h2>
        <Form method="post" noValidate autoComplete="off" className="mt-4">
          <input type="hidden" name="intent" value="search" />
          <input type="hidden" name="kind" value="name" />
          <FormField
            id="surname"
            label={t('search.surname')}
            hint={t('search.surnameHint')}
            error={errorFor('surname')}
          >
            {(p) => <input {...p} type="text" defaultValue={v('surname', 'name')} className={inputClass} />}
          </FormField>
          <FormField id="birthDate" label={t('search.birthDate')} error={errorFor('birthDate')}>
            {(p) => (
              <input {...p} type="date" defaultValue={v('birthDate', 'name')} className={`${inputClass} max-w-xs`} />
            )}
          </FormField>
          <button type="submit" className="btn-primary">
            {t('search.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="by-address" className="mt-10">
        <h2 id="by-address" className="text-2xl">
          {t('search.byAddress')}
        </h2>
        <Form method="post" noValidate autoComplete="off" className="mt-4">
          <input type="hidden" name="intent" value="search" />
          <input type="hidden" name="kind" value="address" />
          <FormField
            id="postcode"
            label={t('search.postcode')}
            hint={t('search.postcodeHint')}
            error={errorFor('postcode')}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                autoCapitalize="characters"
                defaultValue={v('postcode', 'address')}
                className={`${inputClass} max-w-[10rem]`}
              />
            )}
          </FormField>
          <FormField id="houseNumber" label={t('search.houseNumber')} error={errorFor('houseNumber')}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                defaultValue={v('houseNumber', 'address')}
                className={`${inputClass} max-w-[8rem]`}
              />
            )}
          </FormField>
          <button type="submit" className="btn-primary">
            {t('search.submit')}
          </button>
        </Form>
      </section>

      {search?.results ? <Results results={search.results} /> : null}
    </div>
  )
}

function Results({ results }: { results: CitizenSearchResult[] }) {
  const { t } = useTranslation('impersonation')
  return (
    <section aria-labelledby="results" className="mt-12">
      <h2 id="results" className="text-2xl" tabIndex={-1}>
        {t('search.resultsHeading')}
      </h2>
      <p role="status" className="mt-2">
        {results.length ? t('search.resultsCount', { count: results.length }) : t('search.noResults')}
      </p>
      {results.length ? (
        <ul className="mt-4 list-none space-y-4 p-0">
          {results.map((r) => (
            <li key={r.choice} className="border-2 border-line p-4">
              <p className="m-0 text-xl font-bold">{r.name}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-bold">{t('search.birthDate')}</dt>
                <dd className="m-0">
                  <DateText date={r.birthDate} />
                </dd>
                <dt className="font-bold">{t('search.address')}</dt>
                <dd className="m-0">{r.address ?? t('search.noAddress')}</dd>
              </dl>
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="choose" />
                <input type="hidden" name="choice" value={r.choice} />
                <button type="submit" className="btn-secondary" aria-label={t('search.chooseLabel', { name: r.name })}>
                  {t('search.choose')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function StartForm({ data, chosen }: { data: Extract<ActionData, { intent: 'start' }>; chosen: CitizenSearchResult }) {
  const { t, i18n } = useTranslation('impersonation')
  const errorFor = (field: string) => {
    const e = data.errors.find((x) => x.field === field)
    return e ? t(`errors.${e.key}`) : undefined
  }
  const birthDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(new Date(`${chosen.birthDate}T00:00:00Z`))
  const reasonError = errorFor('reasonCode')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('start.heading')}</h1>
      <p className="mt-4">{t('start.lead', { name: chosen.name, birthDate })}</p>
      <Form method="post" noValidate autoComplete="off" className="mt-6">
        <ErrorSummary
          title={t('search.errorTitle')}
          errors={data.errors.map((e) => ({ field: e.field, message: t(`errors.${e.key}`) }))}
        />
        <input type="hidden" name="intent" value="start" />
        <input type="hidden" name="choice" value={chosen.choice} />
        <fieldset
          className={`mb-6 ${reasonError ? 'border-l-4 border-danger pl-4' : ''}`}
          aria-describedby={reasonError ? 'reasonCode-error' : undefined}
        >
          <legend className="font-bold">{t('start.reason')}</legend>
          {reasonError ? (
            <p id="reasonCode-error" className="m-0 font-bold text-danger">
              {reasonError}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {REASONS.map((code, i) => (
              <div key={code} className="flex items-center gap-3">
                <input
                  type="radio"
                  id={i === 0 ? 'reasonCode' : `reasonCode-${code}`}
                  name="reasonCode"
                  value={code}
                  defaultChecked={data.values.reasonCode === code}
                  className="h-6 w-6"
                />
                <label htmlFor={i === 0 ? 'reasonCode' : `reasonCode-${code}`}>{t(`start.reasons.${code}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id="reasonText"
          label={t('start.reasonText')}
          hint={t('start.reasonTextHint')}
          error={errorFor('reasonText')}
        >
          {(p) => <textarea {...p} rows={3} defaultValue={data.values.reasonText} className={inputClass} />}
        </FormField>
        <FormField
          id="reference"
          label={t('start.reference')}
          hint={t('start.referenceHint')}
          error={errorFor('reference')}
        >
          {(p) => (
            <input {...p} type="text" defaultValue={data.values.reference} className={`${inputClass} max-w-sm`} />
          )}
        </FormField>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className="btn-primary">
            {t('start.submit')}
          </button>
          <a href="/medewerker/burgers">{t('start.other')}</a>
        </div>
      </Form>
    </div>
  )
}
