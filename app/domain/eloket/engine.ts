/**
 * The e-loket's form engine: one engine for every online service defined in
 * app/domain/eloket/services/*.ts (the contract is form.ts). Pure: what the municipality knows
 * and today's date come in as a `FormContext`; answers are plain data.
 *
 * Rules the pages, the check page and the submit rely on:
 * - A page is asked when its `when` holds and it has a question left to ask: a question whose
 *   `known` gives a value is not asked ("the citizen only has to give us his information once"),
 *   unless the citizen gave another value for it (`?anders=1`: `askKnown`), which then stands.
 * - Answers are stored normalised (trimmed; a plate as "12-ABC-3"; money as whole cents; a date
 *   as YYYY-MM-DD). After a refusal, a refused field's answer is what was typed (a date: its
 *   three parts), so it can be shown again.
 * - A changed answer that hides a later page or question drops that answer (`mergeAnswers`), so
 *   a case never carries an answer to a question that was not asked.
 * - A question's `when` reads the answers given so far; on the page being read, those of the
 *   page itself come on top of them.
 */
import type { Language } from '~/domain/language'
import type { Answers, ErrorCode, Fee, FormContext, Page, Question, ServiceDefinition, Text } from './form'
import { displayAnswer } from './display'
import { afval } from './services/afval'
import { bijzondereBijstand } from './services/bijzondere-bijstand'
import { parkeervergunning } from './services/parkeervergunning'
import { subsidie } from './services/subsidie'
import { uittrekselBrp } from './services/uittreksel-brp'
import { wmo } from './services/wmo'
import { optionsOf, readValue, valuesOf, type FormValues } from './values'

export type { FormValues } from './values'
export { optionsOf, dateParts, centsToInput } from './values'
export { formatCents } from './display'

/** A refused answer: `field` is the question's id (for a date, too: the message goes at its first input). */
export type FieldError = { field: string; code: ErrorCode }

export interface ReviewRow {
  pageId: string
  questionId: string
  label: Text
  value: Text
  /** The value is what the municipality knows (not typed by the citizen): changed with `?anders=1`. */
  known: boolean
}

export interface KnownFactRow {
  key: string
  label: Text
  value: Text
  correctHref: string
}

/** Knobs of the question-level functions. */
export interface AskOptions {
  /** Ask the questions whose value is known after all (`?anders=1`: "this is not my licence plate"). */
  askKnown?: boolean
}

export const SERVICES: ServiceDefinition[] = [
  parkeervergunning,
  wmo,
  bijzondereBijstand,
  subsidie,
  afval,
  uittrekselBrp,
]

export function serviceByCode(code: string): ServiceDefinition | null {
  return SERVICES.find((service) => service.code === code) ?? null
}

function knownValue(question: Question, ctx: FormContext): string | null {
  const value = question.known?.(ctx)
  return value === undefined || value === null || value === '' ? null : value
}

/** Known, and the citizen has not given another value for it. */
function isKnown(question: Question, answers: Answers, ctx: FormContext): boolean {
  const known = knownValue(question, ctx)
  if (known === null) return false
  const own = answers[question.id]
  return own === undefined || own === known
}

/** Condition functions are the definitions' code: one that throws on odd answers counts as false. */
function holds(condition: Page['when'], answers: Answers, ctx: FormContext): boolean {
  if (!condition) return true
  try {
    return condition(answers, ctx)
  } catch {
    return false
  }
}

/** The question as asked in this context: with the options that depend on what is known. */
function resolve(question: Question, ctx: FormContext): Question {
  return question.kind === 'radios' || question.kind === 'checkboxes'
    ? { ...question, options: optionsOf(question, ctx), optionsFrom: undefined }
    : question
}

/** The questions of a page whose condition holds, known or not. */
function applicableQuestions(page: Page, answers: Answers, ctx: FormContext): Question[] {
  return page.questions.filter((question) => holds(question.when, answers, ctx))
}

/** The pages whose condition holds, in order, including those with nothing left to ask. */
function applicablePages(service: ServiceDefinition, answers: Answers, ctx: FormContext): Page[] {
  return service.pages.filter((page) => holds(page.when, answers, ctx))
}

export function visibleQuestions(page: Page, answers: Answers, ctx: FormContext, options: AskOptions = {}): Question[] {
  return applicableQuestions(page, answers, ctx)
    .filter((question) => options.askKnown || !isKnown(question, answers, ctx))
    .map((question) => resolve(question, ctx))
}

export function visiblePages(service: ServiceDefinition, answers: Answers, ctx: FormContext): Page[] {
  return applicablePages(service, answers, ctx).filter((page) => visibleQuestions(page, answers, ctx).length > 0)
}

export function readPage(
  service: ServiceDefinition,
  pageId: string,
  values: FormValues,
  ctx: FormContext,
  files: Record<string, number>,
  previous: Answers = {},
  options: AskOptions = {},
): { answers: Answers; errors: FieldError[] } {
  const page = service.pages.find((candidate) => candidate.id === pageId)
  if (!page) return { answers: {}, errors: [] }
  const answers: Answers = {}
  const errors: FieldError[] = []
  // A question's condition may read an earlier answer on the same page (read first): so read in order.
  for (const question of page.questions) {
    const sofar = { ...previous, ...answers }
    if (!holds(question.when, sofar, ctx)) continue
    if (!options.askKnown && isKnown(question, sofar, ctx)) continue
    const result = readValue(question, values, ctx, files[question.id] ?? 0)
    if (result.ok) {
      // An optional question left empty: '' (or none chosen) so that merging clears an earlier answer.
      answers[question.id] = result.answer ?? (question.kind === 'checkboxes' ? [] : '')
    } else {
      if (result.typed !== undefined) answers[question.id] = result.typed
      errors.push({ field: question.id, code: result.code })
    }
  }
  return { answers, errors }
}

function isEmpty(value: string | string[] | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

export function mergeAnswers(
  service: ServiceDefinition,
  answers: Answers,
  pageAnswers: Answers,
  ctx: FormContext,
): Answers {
  let merged: Answers = {}
  for (const [id, value] of Object.entries({ ...answers, ...pageAnswers })) if (!isEmpty(value)) merged[id] = value
  // Dropping an answer may hide a later page in its turn: repeat until nothing changes.
  for (let round = 0; round <= service.pages.length; round += 1) {
    const asked = new Set(
      applicablePages(service, merged, ctx).flatMap((page) =>
        applicableQuestions(page, merged, ctx).map((question) => question.id),
      ),
    )
    const kept = Object.fromEntries(Object.entries(merged).filter(([id]) => asked.has(id)))
    if (Object.keys(kept).length === Object.keys(merged).length) break
    merged = kept
  }
  // What is known is part of the answers, as the case and the answers' PDF need it.
  for (const page of applicablePages(service, merged, ctx))
    for (const question of applicableQuestions(page, merged, ctx)) {
      const known = knownValue(question, ctx)
      if (known !== null && merged[question.id] === undefined) merged[question.id] = known
    }
  return merged
}

function positionOf(service: ServiceDefinition, pageId: string): number {
  return service.pages.findIndex((page) => page.id === pageId)
}

export function nextPageId(
  service: ServiceDefinition,
  pageId: string,
  answers: Answers,
  ctx: FormContext,
): string | null {
  const position = positionOf(service, pageId)
  const pages = visiblePages(service, answers, ctx)
  return pages.find((page) => positionOf(service, page.id) > position)?.id ?? null
}

export function previousPageId(
  service: ServiceDefinition,
  pageId: string,
  answers: Answers,
  ctx: FormContext,
): string | null {
  const position = positionOf(service, pageId)
  if (position < 0) return null
  const pages = visiblePages(service, answers, ctx)
  return pages.filter((page) => positionOf(service, page.id) < position).at(-1)?.id ?? null
}

/** A page's answers as they are checked again: the stored answers read back through the page's own rules. */
function recheck(
  service: ServiceDefinition,
  page: Page,
  answers: Answers,
  ctx: FormContext,
  files: Record<string, number>,
): FieldError[] {
  const values: FormValues = {}
  for (const question of page.questions) Object.assign(values, valuesOf(question, answers[question.id]))
  return readPage(service, page.id, values, ctx, files, answers).errors
}

export function firstIncompletePageId(
  service: ServiceDefinition,
  answers: Answers,
  ctx: FormContext,
  files: Record<string, number>,
): string | null {
  return (
    visiblePages(service, answers, ctx).find((page) => recheck(service, page, answers, ctx, files).length > 0)?.id ??
    null
  )
}

export function checkAll(
  service: ServiceDefinition,
  answers: Answers,
  ctx: FormContext,
  files: Record<string, number>,
): FieldError[] {
  return visiblePages(service, answers, ctx).flatMap((page) => recheck(service, page, answers, ctx, files))
}

export function reviewRows(service: ServiceDefinition, answers: Answers, ctx: FormContext): ReviewRow[] {
  return applicablePages(service, answers, ctx).flatMap((page) =>
    applicableQuestions(page, answers, ctx).flatMap((question): ReviewRow[] => {
      const known = isKnown(question, answers, ctx)
      const answer = known ? knownValue(question, ctx)! : answers[question.id]
      return [
        {
          pageId: page.id,
          questionId: question.id,
          label: question.short ?? question.label,
          value: displayAnswer(resolve(question, ctx), answer, ctx),
          known,
        },
      ]
    }),
  )
}

const FACTS: Record<
  ServiceDefinition['known'][number],
  { label: Text; href: string; value: (ctx: FormContext) => Text | null }
> = {
  name: {
    label: { nl: 'Naam', en: 'Name' },
    href: '/mijn/gegevens/correctie',
    value: (ctx) => (ctx.known.name ? { nl: ctx.known.name, en: ctx.known.name } : null),
  },
  birthDate: {
    label: { nl: 'Geboortedatum', en: 'Date of birth' },
    href: '/mijn/gegevens/correctie',
    value: (ctx) => (ctx.known.birthDate ? displayAnswer(DATE, ctx.known.birthDate, ctx) : null),
  },
  address: {
    label: { nl: 'Adres', en: 'Address' },
    href: '/mijn/gegevens/correctie',
    value: (ctx) => {
      const address = ctx.known.address
      if (!address) return null
      const lines = address.lines.some((line) => line.includes(address.city))
        ? address.lines
        : [...address.lines, `${address.postcode} ${address.city}`]
      return { nl: lines.join(', '), en: lines.join(', ') }
    },
  },
  household: {
    label: { nl: 'Woont met u samen', en: 'Lives with you' },
    href: '/mijn/gegevens/correctie',
    value: (ctx) => {
      const names = ctx.known.household.map((person) => person.name)
      return names.length === 0
        ? { nl: 'Niemand: u woont alleen', en: 'No one: you live alone' }
        : { nl: names.join(', '), en: names.join(', ') }
    },
  },
  email: {
    label: { nl: 'E-mailadres', en: 'Email address' },
    href: '/mijn/voorkeuren',
    value: (ctx) => (ctx.known.email ? { nl: ctx.known.email, en: ctx.known.email } : null),
  },
  phone: {
    label: { nl: 'Telefoonnummer', en: 'Phone number' },
    href: '/mijn/voorkeuren',
    value: (ctx) => (ctx.known.phone ? { nl: ctx.known.phone, en: ctx.known.phone } : null),
  },
}
const DATE: Question = { kind: 'date', id: 'birthDate', label: { nl: '', en: '' } }

/**
 * "Dit weten wij al van u": the service's facts and the known questions' values, each with where
 * to correct it. A known question is corrected on its own page with `?anders=1`; with an
 * application id the link goes there, without one (the start page) to the service's start.
 */
export function knownFacts(service: ServiceDefinition, ctx: FormContext, applicationId?: string): KnownFactRow[] {
  const facts = service.known.flatMap((fact): KnownFactRow[] => {
    const value = FACTS[fact].value(ctx)
    return value ? [{ key: fact, label: FACTS[fact].label, value, correctHref: FACTS[fact].href }] : []
  })
  const questions = applicablePages(service, {}, ctx).flatMap((page) =>
    page.questions.flatMap((question): KnownFactRow[] => {
      const value = knownValue(question, ctx)
      if (value === null) return []
      const base = `/mijn/aanvragen/${service.code}`
      return [
        {
          key: question.id,
          label: question.short ?? question.label,
          value: displayAnswer(resolve(question, ctx), value, ctx),
          correctHref: applicationId ? `${base}/${applicationId}/${page.id}?anders=1` : `${base}?anders=1`,
        },
      ]
    }),
  )
  return [...facts, ...questions]
}

export function feeOf(service: ServiceDefinition, answers: Answers, ctx: FormContext): Fee | null {
  return service.fee ? service.fee(answers, ctx) : null
}

/**
 * For the figures "questions a citizen answers vs the fields the service needs": `asked` are the
 * questions on the way these answers take (conditions applied) that the citizen fills in;
 * `known` the fields the service needs that the municipality filled in: the known questions
 * and the facts the case carries (name, address, …) that are known. Together they are the
 * fields the service needs; `known` is what prefill saved the citizen.
 */
export function questionCounts(
  service: ServiceDefinition,
  answers: Answers,
  ctx: FormContext,
): { asked: number; known: number } {
  let asked = 0
  let known = 0
  for (const page of applicablePages(service, answers, ctx))
    for (const question of applicableQuestions(page, answers, ctx))
      if (isKnown(question, answers, ctx)) known += 1
      else asked += 1
  known += service.known.filter((fact) => FACTS[fact].value(ctx) !== null).length
  return { asked, known }
}

export function subjectOf(service: ServiceDefinition, answers: Answers, ctx: FormContext): Text {
  return service.subject(answers, ctx)
}

/** The text in the page's language. */
export function textIn(text: Text, language: Language): string {
  return text[language]
}
