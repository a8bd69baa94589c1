import fc from 'fast-check'
import type { DB } from '../../db/client'
import { bodyRuleFor, MULTIPART } from '../../server/limits'
import { crawl, distinctForms, formKey, formsOf, shapeOf, type Field, type FormSpec } from './crawl'
import { brief, judge, send, snapshot, type Tally } from './harness'

/**
 * Inputs for any form, from what its markup says: the values it offers, values a person would
 * type, and what an attacker sends — NUL, lone surrogates, bad percent-encoding, other media
 * types, oversized bodies, extra and repeated fields, other methods, JavaScript's `?_data=`.
 */
const today = new Date().toISOString().slice(0, 10)
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)

/** What a person would type in a field with this name or type: enough to get past the first step. */
function plausible(field: Field): string[] {
  const name = field.name.toLowerCase()
  const [year, month, day] = inAWeek.split('-')
  if (name === 'day' || name === 'dag') return [String(Number(day))]
  if (name === 'month' || name === 'maand') return [String(Number(month))]
  if (name === 'year' || name === 'jaar') return [year]
  if (field.kind === 'date' || /date|datum|^van$|^tot$|respondby|receivedon/.test(name)) return [inAWeek, today]
  if (/postcode/.test(name)) return ['9715AB', '9711 AB']
  if (/house|huis|number|nummer/.test(name)) return ['1', '2']
  if (/mail/.test(name)) return ['test@example.org']
  if (/phone|tel/.test(name)) return ['0612345678']
  if (/bsn/.test(name)) return ['999993653']
  if (/addition|toevoeging/.test(name)) return ['']
  if (/return|terug/.test(name)) return ['/mijn']
  return ['Test', 'Dit is een toelichting van een paar woorden.']
}

const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfff',
  "' or 1=1 --",
  '"; drop table cases; --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\r\nSet-Cookie: x=1',
  '{{7*7}}${7*7}',
  '-1',
  '0',
  '1e309',
  'NaN',
  '2025-02-30',
  '0000-00-00',
  '9999-12-31',
  '31-12-2025',
  '00000000-0000-0000-0000-000000000000',
  '999993653',
  '123456789',
  '\u202eevil',
  '🏠'.repeat(50),
  ' ',
  '',
  'null',
  '[]',
  '__proto__',
  'Z-2026-000001',
  '//evil.example',
  'javascript:alert(1)',
]

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.uuid(),
  fc.constantFrom(2049, 5000, 20_000).map((n) => 'a'.repeat(n)),
)

function fieldValue(field: Field): fc.Arbitrary<string> {
  const choices = [...new Set([field.value, ...field.options])]
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...choices) },
    { weight: 3, arbitrary: fc.constantFrom(...plausible(field)) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 3, arbitrary: hostile },
  )
}

type Entry = [name: string, value: string]

/** The fields sent: most of the form's, sometimes one left out, repeated, or a stranger added. */
function entries(form: FormSpec): fc.Arbitrary<Entry[]> {
  const perField = form.fields
    .filter((f) => f.kind !== 'file')
    .map((f) =>
      fc
        .record({ keep: fc.nat(19), repeat: fc.nat(19), value: fieldValue(f), again: fieldValue(f) })
        .map(({ keep, repeat, value, again }): Entry[] =>
          keep === 0
            ? []
            : repeat === 0
              ? [
                  [f.name, value],
                  [f.name, again],
                ]
              : [[f.name, value]],
        ),
    )
  const extra = fc.option(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', '_action', 'intent', 'aanvraag'),
        fc.string({ maxLength: 10 }),
      ),
      fieldValue({ name: 'x', kind: 'text', value: '', options: [] }),
    ),
    { freq: 8 },
  )
  return fc
    .tuple(fc.tuple(...perField), extra)
    .map(([groups, stranger]) => [...groups.flat(), ...(stranger ? [stranger as Entry] : [])])
}

const OTHER_ENCODINGS = [
  'raw-bytes',
  'multipart',
  'json',
  'xml',
  'text',
  'no-type',
  'broken-multipart',
  'oversize',
] as const
type Encoding = 'form' | (typeof OTHER_ENCODINGS)[number]
/** Mostly the form's own encoding, so the values get to the route; the rest tests the edge. */
const encodingFor = (multipart: boolean): fc.Arbitrary<Encoding> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant<Encoding>(multipart ? 'multipart' : 'form') },
    { weight: 2, arbitrary: fc.constant<Encoding>('raw-bytes') },
    { weight: 6, arbitrary: fc.constantFrom(...OTHER_ENCODINGS) },
  )

export interface Attempt {
  url: string
  init: RequestInit
  described: string
}

let bigUpload: Uint8Array<ArrayBuffer> | undefined

function filePart(name: string): fc.Arbitrary<[string, Blob, string]> {
  return fc
    .record({
      bytes: fc.uint8Array({ maxLength: 2048 }),
      head: fc.constantFrom('%PDF-1.7\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff', ''),
      filename: fc.oneof(
        fc.constantFrom(
          'akte.pdf',
          'a\u0000b.pdf',
          '../../etc/passwd',
          'a"b.pdf',
          'x\r\n.pdf',
          '',
          '🏠.png',
          `${'a'.repeat(300)}.pdf`,
        ),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
      type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/octet-stream', ''),
    })
    .map(({ bytes, head, filename, type }) => [
      name,
      new Blob([Buffer.from(head, 'latin1'), bytes], { type }),
      filename,
    ])
}

/** One request for a form: its fields, an encoding, a method, and where it goes. */
export function attempts(form: FormSpec, cookie: string): fc.Arbitrary<Attempt> {
  const multipartForm = form.enctype === MULTIPART
  const fileFields = form.fields.filter((f) => f.kind === 'file').map((f) => filePart(f.name))
  return fc
    .record({
      entries: entries(form),
      files: fc.tuple(...fileFields),
      encoding: encodingFor(multipartForm),
      method: fc.oneof(
        { weight: 30, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE') },
      ),
      asJavaScript: fc.nat(9).map((n) => n === 0),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 8 }), hostile), { freq: 10 }),
      rawBytes: fc.uint8Array({ maxLength: 24 }),
    })
    .map(({ entries: sent, files, encoding, method, asJavaScript, extraQuery, rawBytes }) => {
      const url = new URL(form.action)
      if (asJavaScript && form.routeId) url.searchParams.set('_data', form.routeId)
      if (extraQuery) url.searchParams.append(extraQuery[0], extraQuery[1])
      const headers: Record<string, string> = { cookie, origin: url.origin }
      if (form.method === 'get' && !method) {
        for (const [k, v] of sent) url.searchParams.append(k, v)
        return { url: url.href, init: { method: 'GET', headers }, described: `GET ${url.pathname}${brief(url.search)}` }
      }
      let body: BodyInit
      switch (encoding) {
        case 'form':
          headers['content-type'] = 'application/x-www-form-urlencoded'
          body = new URLSearchParams(sent).toString()
          break
        case 'raw-bytes': {
          // Percent-encoded bytes that are no UTF-8 text, and percent signs that encode nothing.
          headers['content-type'] = 'application/x-www-form-urlencoded'
          const raw = [...rawBytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
          body = [...new URLSearchParams(sent).toString().split('&'), `x=${raw}%zz%`, `%E0%A4%A=${raw}`].join('&')
          break
        }
        case 'multipart': {
          const data = new FormData()
          for (const [k, v] of sent) data.append(k, v)
          for (const [name, blob, filename] of files) data.append(name, blob, filename)
          body = data
          break
        }
        case 'json':
          headers['content-type'] = 'application/json'
          body = JSON.stringify(Object.fromEntries(sent))
          break
        case 'xml':
          headers['content-type'] = 'application/xml'
          body = `<form>${sent.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</form>`
          break
        case 'text':
          headers['content-type'] = 'text/plain'
          body = sent.map(([k, v]) => `${k}=${v}`).join('\n')
          break
        case 'no-type':
          body = new URLSearchParams(sent).toString()
          headers['content-type'] = ''
          break
        case 'broken-multipart':
          headers['content-type'] = 'multipart/form-data; boundary=fuzz'
          body = `--fuzz\r\nContent-Disposition: form-data; name="${sent[0]?.[0] ?? 'x'}"\r\n\r\n${sent[0]?.[1] ?? ''}`
          break
        case 'oversize': {
          const limit = bodyRuleFor(url.pathname).maxBytes
          if (multipartForm) {
            bigUpload ??= new Uint8Array(new ArrayBuffer(limit + 1))
            const data = new FormData()
            for (const [k, v] of sent) data.append(k, v)
            data.append(form.fields.find((f) => f.kind === 'file')?.name ?? 'file', new Blob([bigUpload]), 'groot.pdf')
            body = data
          } else {
            headers['content-type'] = 'application/x-www-form-urlencoded'
            body = `${new URLSearchParams(sent).toString()}&pad=${'a'.repeat(limit)}`
          }
          break
        }
      }
      const verb = method || 'POST'
      return {
        url: url.href,
        init: { method: verb, headers, body },
        described: `${verb} ${url.pathname}${url.search} as ${encoding}: ${brief(sent)}`,
      }
    })
}

/** A submission a person would make: the form's own values, and plausible ones where it has none. */
function plausibleSubmission(form: FormSpec, cookie: string, variant: number): Attempt {
  const sent: Entry[] = form.fields
    .filter((f) => f.kind !== 'file' && f.kind !== 'submit' && f.kind !== 'button')
    .map((f) => {
      const typed = plausible(f)
      const value =
        f.value ||
        f.options.filter(Boolean)[variant] ||
        f.options.find(Boolean) ||
        typed[Math.min(variant, typed.length - 1)]
      return [f.name, value]
    })
  const submit = form.fields.find((f) => f.kind === 'submit' || f.kind === 'button')
  if (submit) sent.push([submit.name, submit.value || submit.options[0] || ''])
  const url = new URL(form.action)
  const headers: Record<string, string> = { cookie, origin: url.origin }
  if (form.method === 'get') {
    for (const [k, v] of sent) url.searchParams.append(k, v)
    return { url: url.href, init: { method: 'GET', headers }, described: `GET ${url.pathname}` }
  }
  let body: BodyInit
  if (form.enctype === MULTIPART) {
    const data = new FormData()
    for (const [k, v] of sent) data.append(k, v)
    body = data
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(sent).toString()
  }
  return { url: url.href, init: { method: 'POST', headers, body }, described: `POST ${url.pathname} (plausible)` }
}

export interface Explored {
  pages: string[]
  forms: FormSpec[]
}

/**
 * Crawls from `starts`, then goes deeper the way a person does: each form submitted once with
 * plausible values, and the page it leads to read for new forms (the next step of a flow, a
 * draft's check page) — up to `depth` steps.
 */
export async function explore(
  starts: string[],
  {
    cookie,
    within,
    skip,
    depth = 4,
  }: { cookie: string; within: string[]; skip: (url: URL) => boolean; depth?: number },
): Promise<Explored> {
  const found = await crawl(starts, { cookie, within, skip })
  const pages = [...found.pages]
  let forms = distinctForms(found.forms, skip)
  let frontier = forms
  const shapes = new Set(pages.map((p) => shapeOf(new URL(p).pathname)))
  for (let level = 0; level < depth && frontier.length; level++) {
    const next: FormSpec[] = []
    for (const form of frontier) {
      // Two tries with different plausible values: a first choice may be refused (the same as now).
      let attempt = plausibleSubmission(form, cookie, 0)
      let outcome = await send(attempt.url, attempt.init)
      if (outcome.status === 400) {
        attempt = plausibleSubmission(form, cookie, 1)
        outcome = await send(attempt.url, attempt.init)
      }
      if (typeof outcome.status !== 'number') continue
      // The answer itself may hold the next form (search results with a button per person).
      if (outcome.status === 200 && outcome.body.includes('<form')) next.push(...formsOf(outcome.body, attempt.url))
      const target =
        outcome.status >= 300 && outcome.status < 400 && outcome.location
          ? new URL(outcome.location, attempt.url)
          : null
      if (!target || skip(target) || shapes.has(shapeOf(target.pathname))) continue
      if (!within.some((p) => target.pathname === p || target.pathname.startsWith(`${p}/`))) continue
      shapes.add(shapeOf(target.pathname))
      const res = await fetch(target, { headers: { cookie }, redirect: 'manual' })
      if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html')) {
        await res.arrayBuffer()
        continue
      }
      pages.push(target.href)
      next.push(...formsOf(await res.text(), target.href))
    }
    const known = new Set(forms.map(formKey))
    frontier = distinctForms(next, skip).filter((f) => !known.has(formKey(f)))
    forms = [...forms, ...frontier]
  }
  return { pages, forms }
}

/**
 * Fuzzes each form in turn with its share of `inputs`, seeded per form so that one form's
 * inputs can be replayed alone. Failures are collected in the tally, not thrown, so one run
 * reports them all.
 */
export async function fuzzForms(
  t: Tally,
  db: DB,
  forms: FormSpec[],
  {
    cookie,
    inputs,
    seed,
    session,
  }: {
    cookie: string
    inputs: number
    seed: number
    /** a fresh session for each form: an input may change the one in use (start viewing as a citizen) */
    session?: () => Promise<string>
  },
): Promise<void> {
  // An upload form needs its own body rule, or every file it sends is refused (server/limits.ts).
  for (const form of forms.filter((f) => f.enctype === MULTIPART)) {
    const path = new URL(form.action).pathname
    if (!bodyRuleFor(path).mediaTypes.includes(MULTIPART)) {
      throw new Error(`${path} uploads files (multipart/form-data) but has no rule for it in server/limits.ts`)
    }
  }
  const perForm = Math.max(10, Math.floor(inputs / Math.max(1, forms.length)))
  for (const [i, form] of forms.entries()) {
    const key = formKey(form)
    const current = session ? await session() : cookie
    let before = await snapshot(db)
    await fc.assert(
      fc.asyncProperty(attempts(form, current), async (attempt) => {
        const outcome = await send(attempt.url, attempt.init)
        const judged = await judge(t, db, before, key, attempt.described, outcome)
        before = judged.after
        return true
      }),
      { seed: seed + i, numRuns: perForm },
    )
  }
}
