import { JSDOM } from 'jsdom'

/**
 * Finds the forms to fuzz the way a user finds them: starting from a page, following the links
 * of this site, reading every `<form>` (action, method, enctype, fields). Nothing here names a
 * route or a field, so a form added later is found and fuzzed without a change to the suite.
 */
export interface Field {
  name: string
  /** input type, or select/textarea/button */
  kind: string
  /** the value the page gives it (a hidden field's, a text field's default) */
  value: string
  /** the values a select, a radio group, a checkbox or a named button can take */
  options: string[]
}

export interface FormSpec {
  /** the page it was found on */
  page: string
  action: string
  method: 'get' | 'post'
  enctype: string
  fields: Field[]
  /** the Remix route of the page, for `?_data=` submissions as JavaScript makes them */
  routeId: string | null
}

/** An id in a path (a UUID, a number, a case reference): pages that differ only by it are one page. */
export function shapeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (/^[0-9a-f-]{36}$|^\d+$|^Z-\d{4}-\d+$|^[A-Z]{1,3}\d{3,}$/i.test(s) ? ':id' : s))
    .join('/')
}

export function formKey(form: FormSpec): string {
  const names = [...new Set(form.fields.map((f) => f.name))].sort().join(',')
  return `${form.method} ${shapeOf(new URL(form.action).pathname)} [${names}]`
}

export function formsOf(html: string, pageUrl: string): FormSpec[] {
  const { document } = new JSDOM(html, { url: pageUrl }).window
  const routeIds = Object.keys(
    (
      JSON.parse(/window\.__remixContext = (\{.*?\});<\/script>/s.exec(html)?.[1] ?? '{}') as {
        state?: { loaderData?: Record<string, unknown> }
      }
    ).state?.loaderData ?? {},
  )
  const forms: FormSpec[] = []
  for (const form of document.querySelectorAll('form')) {
    const fields = new Map<string, Field>()
    for (const el of form.querySelectorAll('input[name], select[name], textarea[name], button[name]')) {
      const name = el.getAttribute('name')!
      const tag = el.tagName.toLowerCase()
      const kind = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag
      const field = fields.get(name) ?? { name, kind, value: '', options: [] }
      if (tag === 'select') {
        field.options.push(
          ...[...el.querySelectorAll('option')].map((o) => o.getAttribute('value') ?? o.textContent ?? ''),
        )
        field.value = (el as HTMLSelectElement).value
      } else if (kind === 'radio' || kind === 'checkbox' || tag === 'button' || kind === 'submit') {
        const value = el.getAttribute('value') ?? 'on'
        field.options.push(value)
        if ((el as HTMLInputElement).checked || (!field.value && tag === 'button')) field.value = value
      } else {
        field.value = tag === 'textarea' ? (el.textContent ?? '') : (el.getAttribute('value') ?? '')
      }
      fields.set(name, field)
    }
    const method = (form.getAttribute('method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get'
    forms.push({
      page: pageUrl,
      action: new URL(form.getAttribute('action') ?? pageUrl, pageUrl).href,
      method,
      enctype: (form.getAttribute('enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(),
      fields: [...fields.values()],
      routeId: routeIds.at(-1) ?? null,
    })
  }
  return forms
}

export function linksOf(html: string, pageUrl: string): string[] {
  const { document } = new JSDOM(html, { url: pageUrl }).window
  return [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, pageUrl).href)
}

export interface CrawlOptions {
  cookie: string
  /** the paths (prefixes) the crawl stays within */
  within: string[]
  /** pages and forms never to use: logging out ends the session the crawl runs in */
  skip: (url: URL) => boolean
  maxPages?: number
  /** pages of the same shape (the same route, another id) visited at most */
  perShape?: number
}

/** Breadth first from `starts`, same origin only, GET only. Returns the pages seen and their forms. */
export async function crawl(starts: string[], options: CrawlOptions): Promise<{ pages: string[]; forms: FormSpec[] }> {
  const { cookie, within, skip, maxPages = 80, perShape = 2 } = options
  const origin = new URL(starts[0]).origin
  const queue = [...starts]
  const seen = new Set<string>()
  const shapes = new Map<string, number>()
  const pages: string[] = []
  const forms: FormSpec[] = []
  while (queue.length && pages.length < maxPages) {
    const url = new URL(queue.shift()!)
    url.hash = ''
    if (seen.has(url.href)) continue
    seen.add(url.href)
    const shape = shapeOf(url.pathname)
    if ((shapes.get(shape) ?? 0) >= perShape) continue
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' })
    const type = res.headers.get('content-type') ?? ''
    if (res.status !== 200 || !type.startsWith('text/html')) {
      await res.arrayBuffer()
      continue
    }
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
    const html = await res.text()
    pages.push(url.href)
    forms.push(...formsOf(html, url.href))
    for (const link of linksOf(html, url.href)) {
      const next = new URL(link)
      if (next.origin !== origin || skip(next)) continue
      if (!within.some((p) => next.pathname === p || next.pathname.startsWith(`${p}/`))) continue
      if (/\.(pdf|csv|json|xml|ics)$/i.test(next.pathname)) continue
      queue.push(next.href)
    }
  }
  return { pages, forms }
}

/** One of each form (the language switch and logout are on every page). */
export function distinctForms(forms: FormSpec[], skip: (url: URL) => boolean): FormSpec[] {
  const byKey = new Map<string, FormSpec>()
  for (const form of forms) {
    if (skip(new URL(form.action))) continue
    if (!byKey.has(formKey(form))) byKey.set(formKey(form), form)
  }
  return [...byKey.values()]
}
