/**
 * Characters no text field may hold, whatever it is for:
 * - NUL (U+0000): PostgreSQL cannot store it in text, nor `\u0000` in jsonb;
 * - a lone UTF-16 surrogate (U+D800–U+DFFF without its pair): not Unicode text at all;
 *   PostgreSQL refuses it in jsonb, and it cannot be written as UTF-8.
 * A browser form never sends them (it encodes text as UTF-8); only a crafted request does.
 * The server refuses them at the edge (server/request-guard.ts; the API in its route), with a
 * message at the field, before any service sees them.
 */
const UNSAFE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g')

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value)
}

/** The text with those characters taken out: what a refused form shows again to be sent anew. */
export function withoutUnsafeCharacters(value: string): string {
  return value.replace(UNSAFE_ALL, '')
}

/**
 * Where in a parsed JSON value the first unsafe string is (a key or a value), as a dotted path
 * (`data.note`, `errors.0`); null when there is none. Depth is bounded: JSON.parse builds what
 * it is given, however deep.
 */
export function findUnsafeText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? path || '(body)' : null
  if (value === null || typeof value !== 'object' || depth > 64) return null
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [key, v] of entries) {
    const at = path ? `${path}.${withoutUnsafeCharacters(key)}` : withoutUnsafeCharacters(key)
    if (hasUnsafeCharacters(key)) return at || '(body)'
    const found = findUnsafeText(v, at, depth + 1)
    if (found) return found
  }
  return null
}
