import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { isValidBsn } from '~/domain/bsn'
import { isLocalDate } from '~/domain/local-date'
import { parsePostcode } from '~/domain/postcode'
import { SEARCH_ROLES } from '~/domain/staff-areas'
import { formRefused, parseForm } from '~/form.server'
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
  const staff = await requireStaff(request, SEARCH_ROLES)
  const t = await getFixedT(request)
  const notice = new URL(request.url).searchParams.get('melding')
  return json({
    title: t('impersonation:search.title'),
    notice: notice === 'verlopen' ? 'expired' : notice === 'gestopt' ? 'stopped' : null,
    // The contact centre finds a citizen for the klantbeeld; looking along is support's.
    mayLookAlong: staff.roles.includes('support'),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Burger zoeken' }]
export const handle = { i18n: ['impersonation', 'contact'] }

/** A typed BSN with spaces or dots as people write it, checked by the eleven test. */
const bsnField = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().refine(isValidBsn, 'bsn'))
/** Free text that must not smuggle a BSN into the audit log and the manager's review. */
const containsBsn = (v: string) => (v.replace(/[\s.-]/g, '').match(/\d{9}/g) ?? []).some(isValidBsn)

const KINDS = ['bsn', 'name', 'address'] as const

/** One form per way of searching; the message keys are the fields' (errors.<key>). */
const SearchForms = {
  bsn: z.object({ bsn: bsnField }),
  name: z.object({
    surname: z.string().trim().min(1, 'surname').max(200, 'surname'),
    birthDate: z.string().refine(isLocalDate, 'birthDate'),
  }),
  address: z.object({
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
}

/**
 * The start form, checked in the order of the form and all at once, so every message shows
 * together: a reason (and for "anders" a text), a reference, and no BSN in either text.
 */
const StartForm = z
  .object({
    reasonCode: z.string().optional(),
    reasonText: z.string().optional(),
    reference: z.string().optional(),
  })
  .transform((v, ctx) => {
    const refuse = (field: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message })
    const reasonCode = REASONS.find((r) => r === v.reasonCode)
    if (!reasonCode) refuse('reasonCode', 'reason')
    const reasonText = (v.reasonText ?? '').trim()
    if (reasonText.length > 500) refuse('reasonText', 'reasonTextLong')
    else if (containsBsn(reasonText)) refuse('reasonText', 'noBsn')
    const reference = (v.reference ?? '').trim()
    if (!reference) refuse('reference', 'reference')
    else if (reference.length > 64) refuse('reference', 'referenceLong')
    else if (containsBsn(reference)) refuse('reference', 'noBsn')
    if (reasonCode === 'other' && !reasonText) refuse('reasonText', 'reasonText')
    return reasonCode ? { reasonCode, reasonText: reasonText || null, reference } : z.NEVER
  })

/** A form with only hidden fields: choosing a result, or a chosen result that does not open. */
const NoFields = z.object({})

type SearchFields = { bsn: string; surname: string; birthDate: string; postcode: string; houseNumber: string }
type StartFields = z.input<typeof StartForm>

/** The message keys; any other (a field left out altogether) is told as the field's own. */
const MESSAGE_KEYS = new Set([
  ...['bsn', 'surname', 'birthDate', 'postcode', 'houseNumber', 'reason', 'reasonText', 'reference'],
  ...['reasonTextLong', 'referenceLong', 'noBsn', 'choice', 'rateLimited'],
])
const messageKey = (field: string, key: string) => `errors.${MESSAGE_KEYS.has(key) ? key : field}`

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, SEARCH_ROLES)
  // Which form this is decides the schema; the form itself is parsed once that is known.
  const form = await request.clone().formData()
  const intent = form.get('intent')

  if (intent === 'search') {
    const kind = KINDS.find((k) => k === form.get('kind')) ?? 'bsn'
    const submission = await parseForm(request, SearchForms[kind])
    // What was typed comes back, except a BSN: the page never shows it again.
    const hideFields = ['bsn']
    if (submission.status !== 'success') return formRefused(submission, [], 400, { hideFields })
    const outcome = await searchCitizens(staff, { kind, ...submission.value } as SearchCriteria)
    if (!outcome.ok) {
      if (outcome.code === 'forbidden') throw new Response('Forbidden', { status: 403 })
      const field = kind === 'bsn' ? 'bsn' : kind === 'name' ? 'surname' : 'postcode'
      return formRefused(submission, [{ field, code: 'rateLimited' }], 429, { hideFields })
    }
    return json({ result: submission.reply({ hideFields }), results: outcome.results })
  }

  if (intent === 'choose' || intent === 'start') {
    const choice = form.get('choice')
    const chosen =
      typeof choice === 'string' ? await chosenCitizen(staff, choice, { audit: intent === 'choose' }) : null
    if (!chosen) {
      const submission = await parseForm(request, NoFields)
      return formRefused(submission, [{ field: 'bsn', code: 'choice' }], 400, { hideFields: ['choice'] })
    }
    if (intent === 'choose') return json({ chosen: chosen.result, result: null })
    const submission = await parseForm(request, StartForm)
    // The start form's page needs the chosen person as well as the messages.
    if (submission.status !== 'success')
      return json({ chosen: chosen.result, result: submission.reply({ hideFields: ['choice'] }) }, { status: 400 })
    const started = await startImpersonation(staff, { bsn: chosen.bsn, ...submission.value })
    if (!started.ok)
      throw new Response(started.code === 'forbidden' ? 'Forbidden' : 'Not Found', {
        status: started.code === 'forbidden' ? 403 : 404,
      })
    return redirect('/mijn')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function FindCitizen() {
  const { notice, mayLookAlong } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation('impersonation')
  const found = data && 'results' in data ? data : null
  const { errorOf, valueOf, summary } = useGovForm<SearchFields>({
    id: 'citizen-search',
    lastResult: data && 'chosen' in data ? null : data && 'results' in data ? data.result : data,
    message: (field, key) => t(messageKey(field, key)),
  })
  if (data && 'chosen' in data) return <Start chosen={data.chosen} lastResult={data.result} />
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('search.heading')}</h1>
      {notice ? (
        <div role="status" className="mt-4 border-l-8 border-info bg-brand-light p-4">
          <p className="m-0 font-bold">{t(`search.${notice}`)}</p>
        </div>
      ) : null}
      <p className="mt-4">{t('search.lead')}</p>
      <ErrorSummary title={t('search.errorTitle')} errors={summary} />

      <section aria-labelledby="by-bsn" className="mt-8">
        <h2 id="by-bsn" className="text-2xl">
          {t('search.byBsn')}
        </h2>
        <Form method="post" noValidate autoComplete="off" className="mt-4">
          <input type="hidden" name="intent" value="search" />
          <input type="hidden" name="kind" value="bsn" />
          <FormField id="bsn" label={t('search.bsn')} hint={t('search.bsnHint')} error={errorOf('bsn')}>
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
          <FormField id="surname" label={t('search.surname')} hint={t('search.surnameHint')} error={errorOf('surname')}>
            {(p) => <input {...p} type="text" defaultValue={valueOf('surname')} className={inputClass} />}
          </FormField>
          <FormField id="birthDate" label={t('search.birthDate')} error={errorOf('birthDate')}>
            {(p) => (
              <input {...p} type="date" defaultValue={valueOf('birthDate')} className={`${inputClass} max-w-xs`} />
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
            error={errorOf('postcode')}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                autoCapitalize="characters"
                defaultValue={valueOf('postcode')}
                className={`${inputClass} max-w-[10rem]`}
              />
            )}
          </FormField>
          <FormField id="houseNumber" label={t('search.houseNumber')} error={errorOf('houseNumber')}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                defaultValue={valueOf('houseNumber')}
                className={`${inputClass} max-w-[8rem]`}
              />
            )}
          </FormField>
          <button type="submit" className="btn-primary">
            {t('search.submit')}
          </button>
        </Form>
      </section>

      {found ? <Results results={found.results} mayLookAlong={mayLookAlong} /> : null}
    </div>
  )
}

function Results({ results, mayLookAlong }: { results: CitizenSearchResult[]; mayLookAlong: boolean }) {
  const { t } = useTranslation('impersonation')
  const { t: tc } = useTranslation('contact')
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
              <div className="mt-3 flex flex-wrap gap-4">
                {mayLookAlong ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="choose" />
                    <input type="hidden" name="choice" value={r.choice} />
                    <button
                      type="submit"
                      className="btn-secondary"
                      aria-label={t('search.chooseLabel', { name: r.name })}
                    >
                      {t('search.choose')}
                    </button>
                  </Form>
                ) : null}
                {/* The klantbeeld takes the same sealed choice: the BSN stays out of its address. */}
                <Form method="post" action="/medewerker/klantbeeld">
                  <input type="hidden" name="choice" value={r.choice} />
                  <button type="submit" className="btn-secondary" aria-label={tc('staff.openLabel', { name: r.name })}>
                    {tc('staff.open')}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function Start({ chosen, lastResult }: { chosen: CitizenSearchResult; lastResult: SubmissionResult<string[]> | null }) {
  const { t, i18n } = useTranslation('impersonation')
  const { errorOf, valueOf, summary } = useGovForm<StartFields>({
    id: 'impersonation-start',
    lastResult,
    message: (field, key) => t(messageKey(field, key)),
  })
  const birthDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(new Date(`${chosen.birthDate}T00:00:00Z`))
  const reasonError = errorOf('reasonCode')
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('start.heading')}</h1>
      <p className="mt-4">{t('start.lead', { name: chosen.name, birthDate })}</p>
      <Form method="post" noValidate autoComplete="off" className="mt-6">
        <ErrorSummary title={t('search.errorTitle')} errors={summary} />
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
                  defaultChecked={valueOf('reasonCode') === code}
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
          error={errorOf('reasonText')}
        >
          {(p) => <textarea {...p} rows={3} defaultValue={valueOf('reasonText')} className={inputClass} />}
        </FormField>
        <FormField
          id="reference"
          label={t('start.reference')}
          hint={t('start.referenceHint')}
          error={errorOf('reference')}
        >
          {(p) => <input {...p} type="text" defaultValue={valueOf('reference')} className={`${inputClass} max-w-sm`} />}
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
