/**
 * What a request body may be, per route: its media types, its size, and for uploads the number
 * of parts. One table, checked in Express before Remix or any route reads a byte
 * (server/request-guard.ts); the README lists it. The first rule whose pattern matches counts.
 *
 * A pattern is a path: `:name` matches one segment, a trailing `/*` the rest of the path.
 * A new upload route (a form with `encType="multipart/form-data"`) needs its own rule here:
 * every other form takes `application/x-www-form-urlencoded` only, and a multipart body there
 * answers 415. The fuzz suite (tests/fuzz) fails on a crawled multipart form without a rule.
 */
export const URLENCODED = 'application/x-www-form-urlencoded'
export const MULTIPART = 'multipart/form-data'

const KB = 1024
const MB = 1024 * KB

export interface BodyRule {
  pattern: string
  /** 'form': parsed and checked here (media type, encoding, NUL). 'api': size only; the route
   * answers everything else as problem+json. 'own': the mounted code parses its own bodies. */
  kind: 'form' | 'api' | 'own'
  maxBytes: number
  mediaTypes: readonly string[]
  /** multipart only: fields and files together */
  maxParts?: number
}

export const BODY_RULES: readonly BodyRule[] = [
  // Back-office intake: one CloudEvent of at most 64 KB (the route's documented limit).
  { pattern: '/api/v1/notifications', kind: 'api', maxBytes: 64 * KB, mediaTypes: [] },
  // A back office's document: one file of at most 10 MB (MAX_UPLOAD_FILE_BYTES) and three short
  // fields; the route answers everything past the size as problem+json.
  { pattern: '/api/v1/cases/:reference/documents', kind: 'api', maxBytes: 11 * MB, mediaTypes: [] },
  // Correction request: evidence up to 10 MB (MAX_EVIDENCE_BYTES) and a few text fields. Its
  // route parses multipart only (Remix's upload handlers).
  { pattern: '/mijn/gegevens/correctie', kind: 'form', maxBytes: 11 * MB, maxParts: 12, mediaTypes: [MULTIPART] },
  // Objection: up to 5 files, 10 MB together, and its text fields.
  { pattern: '/mijn/zaken/:caseId/bezwaar', kind: 'form', maxBytes: 11 * MB, maxParts: 24, mediaTypes: [MULTIPART] },
  // A caseworker's document, and a decision with its document: one file of at most 10 MB.
  {
    pattern: '/medewerker/zaken/:caseId/documenten/toevoegen',
    kind: 'form',
    maxBytes: 11 * MB,
    maxParts: 8,
    mediaTypes: [MULTIPART],
  },
  {
    pattern: '/medewerker/zaken/:caseId/besluiten',
    kind: 'form',
    maxBytes: 11 * MB,
    maxParts: 12,
    mediaTypes: [MULTIPART, URLENCODED],
  },
  // Answer to a request for information: up to 10 files of 10 MB (MAX_UPLOAD_FILES,
  // MAX_UPLOAD_FILE_BYTES in app/domain/uploads.ts), the answer's text and the form id.
  {
    pattern: '/mijn/zaken/:caseId/aanvullen',
    kind: 'form',
    maxBytes: 101 * MB,
    maxParts: 16,
    mediaTypes: [MULTIPART],
  },
  // A question in the portal: its text, the answer channel and phone, and one file of at most 10 MB.
  { pattern: '/mijn/vragen/nieuw', kind: 'form', maxBytes: 11 * MB, maxParts: 10, mediaTypes: [MULTIPART] },
  // An e-loket application's page: its answers, and on a page with a file question its files
  // (MAX_UPLOAD_FILE_BYTES each; together within the citizen's upload quota of 25 MB,
  // UPLOAD_QUOTA_MB in app/domain/drafts.ts). The check page (…/controleren) posts an empty form.
  {
    pattern: '/mijn/aanvragen/:service/:applicationId/:pageId',
    kind: 'form',
    maxBytes: 26 * MB,
    maxParts: 40,
    mediaTypes: [MULTIPART, URLENCODED],
  },
  // The mock identity providers parse their own forms (10 kB) and OIDC requests.
  { pattern: '/mock-idp/*', kind: 'own', maxBytes: 64 * KB, mediaTypes: [] },
  // So does the mock payment provider (its API's JSON, its checkout page's one-field form).
  { pattern: '/mock-psp/*', kind: 'own', maxBytes: 64 * KB, mediaTypes: [] },
  // Every other form: a few text fields.
  { pattern: '/*', kind: 'form', maxBytes: 64 * KB, mediaTypes: [URLENCODED] },
]

/** The rule for a request path (as sent, not decoded). */
export function bodyRuleFor(path: string, rules: readonly BodyRule[] = BODY_RULES): BodyRule {
  const rule = rules.find((r) => matches(r.pattern, path))
  if (!rule) throw new Error(`no body rule matches ${path}: the table must end with a catch-all`)
  return rule
}

export function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*' && i === want.length - 1) return true
    if (i >= got.length) return false
    if (want[i].startsWith(':')) continue
    if (want[i] !== got[i]) return false
  }
  return got.length === want.length
}
