/**
 * POST /api/v1/notifications — case events from back-office systems (README, "Back-office API").
 *
 * ## Format
 * One CloudEvent per request, structured mode (JSON), NL GOV profile for CloudEvents:
 * `Content-Type: application/cloudevents+json` (or `application/json`), body
 * ```json
 * { "specversion": "1.0", "id": "4f6a…", "source": "urn:nld:gemeente-groningen:zaaksysteem",
 *   "type": "nl.groningen.zaak.stap-bereikt", "subject": "ZS-1001",
 *   "time": "2026-11-28T10:15:00+01:00", "datacontenttype": "application/json",
 *   "data": { "step": "beoordeling" } }
 * ```
 * `subject` names the case: the source system's own case id (given in `subject` of its
 * `ontvangen` event), or the portal's reference (`Z-2026-000123`). `time` is when it happened;
 * its date in Europe/Amsterdam counts for the terms (Awb 4:13–4:15), so it is required.
 *
 * | type                              | event        | data                                                                                   |
 * | --------------------------------- | ------------ | -------------------------------------------------------------------------------------- |
 * | `nl.groningen.zaak.ontvangen`     | received     | `caseType`, `bsn`, `description`, `channel` (internet/email/post/counter/phone), `receivedOn` (YYYY-MM-DD), `contactEmployeeId`? |
 * | `nl.groningen.zaak.stap-bereikt`  | step reached | `step` (a step code of the case type)                                                  |
 * | `nl.groningen.zaak.opgeschort`    | suspended (information asked, Awb 4:15) | `information`, `respondBy` (YYYY-MM-DD, after the event's date) |
 * | `nl.groningen.zaak.hervat`        | resumed      | `note`?                                                                                |
 * | `nl.groningen.zaak.informatie-ontvangen` | information received (the answer to a request for information, by post or at the counter; ends the suspension that day, Awb 4:15) | `channel` (post/counter/email/phone/internet), `note`? |
 * | `nl.groningen.zaak.verdaagd`      | extended (Awb 4:14, once, within the term) | `reason`                                                 |
 * | `nl.groningen.zaak.besloten`      | decided      | `outcome` (granted/partly_granted/refused/withdrawn), `reasons` (required unless withdrawn, Awb 3:46), `citizenOptions` (what the citizen can do now; required for refused and partly_granted), `summary`?, `documentId`? (the decision as a document added before through POST /api/v1/cases/{reference}/documents, by that request's `documentId`) |
 * | `nl.groningen.zaak.gesloten`      | closed       | `note`?                                                                                |
 *
 * ## Answers
 * - `202 Accepted` with `{ status: "accepted" | "duplicate", reference, sequence }`. The same
 *   (token's source system, `id`) again answers 202 `duplicate` and changes nothing: idempotent.
 *   The key is the authenticated source system plus the CloudEvent `id`; the `source` attribute
 *   is checked for presence only, as each system's token already says who is sending.
 * - `4xx` with `application/problem+json` (RFC 9457): `type`, `title`, `status`, `detail` and
 *   `errors: [{ field, code, message }]`. 401 no or a wrong token; 400 malformed JSON, a
 *   missing/invalid field, or a text with a NUL or a lone surrogate (`invalid_characters`);
 *   413 body over 64 KB (also chunked: checked in server/limits.ts before the route runs);
 *   415 another media type; 422 unknown case
 *   type, unknown case, a step not in the case type, a date that cannot be; 409 the case's
 *   state forbids it (closed, a second extension, extension after the term, …); 429 rate limit;
 *   503 with Retry-After while the database is away: nothing was stored, send it again.
 *   A refused event writes nothing: each event is one transaction (see app/services/cases/record.server.ts).
 *
 * ## Authentication and limits
 * `Authorization: Bearer <token>`, one token per source system; the bad-token block and the rate
 * limit per system are shared with the other API routes (app/services/api/source-request.server.ts).
 *
 * Exempt from the Origin check (server/app.ts): machine clients authenticate by token.
 */
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { findUnsafeText } from '~/domain/text-input'
import {
  REFERENCE_PATTERN,
  caseFailureStatus,
  type CaseErrorCode,
  type CaseFailure,
  type RecordResult,
} from '~/services/cases/results.server'
import { receiveCase, recordCaseEvent } from '~/services/cases/record.server'
import { eventDataSchemas, type CaseEventInput } from '~/domain/case-events'
import {
  authenticateSourceRequest,
  methodNotAllowed as notAllowed,
  problem,
  type ProblemError,
} from '~/services/api/source-request.server'

const MAX_BODY_BYTES = 64 * 1024
/** Clock skew we tolerate between a back office and us before calling an event "in the future". */
const MAX_CLOCK_SKEW_MS = 5 * 60_000

const EVENT_TYPES = {
  'nl.groningen.zaak.ontvangen': 'received',
  'nl.groningen.zaak.stap-bereikt': 'step_reached',
  'nl.groningen.zaak.opgeschort': 'suspended',
  'nl.groningen.zaak.hervat': 'resumed',
  'nl.groningen.zaak.informatie-ontvangen': 'information_received',
  'nl.groningen.zaak.verdaagd': 'extended',
  'nl.groningen.zaak.besloten': 'decided',
  'nl.groningen.zaak.gesloten': 'closed',
} as const
type EventTypeName = keyof typeof EVENT_TYPES

// --- the envelope and the data, checked at the edge ------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max)
// RFC 3339 with a zone: an instant without one would be read in the server's zone.
const rfc3339 = z.string().datetime({ offset: true })

const Envelope = z.object({
  specversion: z.literal('1.0'),
  id: text(200),
  source: text(500),
  type: z.enum(Object.keys(EVENT_TYPES) as [EventTypeName, ...EventTypeName[]]),
  subject: text(100),
  time: rfc3339,
  datacontenttype: z.enum(['application/json']).optional(),
  dataschema: z.string().optional(),
  data: z.record(z.unknown()),
})

/** The data of each event: the domain's schemas (app/domain/case-events.ts), with the API's texts. */
const dataSchemas = eventDataSchemas({
  invalidDate: 'must be a calendar date YYYY-MM-DD',
  decisionParts: {
    reasons_required: 'is required: a decision states its reasons (Awb 3:46)',
    citizen_options_required: 'is required for a refusal or partial grant: what the citizen can do now',
  },
})

// --- problem+json ----------------------------------------------------------------------------

function zodErrors(error: z.ZodError, prefix = ''): ProblemError[] {
  return error.issues.map((issue) => ({
    field: prefix + (issue.path.join('.') || '(body)'),
    code:
      issue.code === 'invalid_type' && issue.received === 'undefined'
        ? 'required'
        : issue.code === 'custom' && typeof issue.params?.code === 'string'
          ? issue.params.code
          : issue.code,
    // zod's messages name the rule, never the value sent, so a BSN is never echoed.
    message: issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message,
  }))
}

/** Plain messages for the service's refusals; none repeats what was sent. */
const MESSAGES: Partial<Record<CaseErrorCode, string>> = {
  case_not_found: 'no case with this subject is known for this source system',
  unknown_case_type: 'this case type is not in the catalogue',
  invalid_bsn: 'is not a valid BSN (eleven test)',
  person_not_found: 'nobody with this BSN is registered in this municipality',
  unknown_employee: 'no employee with this id',
  external_id_taken: 'this source system already registered a case under this subject',
  unknown_step: 'this step is not a step of the case type',
  step_backwards: 'the case is already further along than this step',
  already_at_step: 'the case is already at this step',
  case_closed: 'the case is closed; nothing can be added',
  already_received: 'the case was already received',
  out_of_order: 'the event happened before the last event of this case',
  invalid_date: 'is not a calendar date',
  received_in_future: 'lies after the date of the event',
  suspension_not_allowed: 'this case type cannot be suspended',
  already_suspended: 'the case is already waiting for information',
  invalid_respond_by: 'must lie after the date of the event',
  not_suspended: 'the case is not waiting for information (or, for resumed, for the caseworker after an answer)',
  extension_not_allowed: 'this case type cannot be extended',
  already_extended: 'the decision term was already extended once (Awb 4:14)',
  reason_required: 'a reason is required',
  reasons_required: 'a decision states its reasons (Awb 3:46)',
  citizen_options_required: 'a refusal or partial grant says what the citizen can do now',
  term_passed: 'the decision term has already passed',
  already_decided: 'the case was already decided',
  not_decided: 'a case is closed only after its decision',
  document_not_found:
    'no document with this documentId was added to this case by this source system (POST /api/v1/cases/{reference}/documents first)',
}

/** Where each service field lives in the CloudEvent. */
const FIELD_PATHS: Record<string, string> = {
  case: 'subject',
  externalId: 'subject',
  bsn: 'data.bsn',
  caseType: 'data.caseType',
  contactEmployeeId: 'data.contactEmployeeId',
  receivedOn: 'data.receivedOn',
  step: 'data.step',
  respondBy: 'data.respondBy',
  reason: 'data.reason',
  reasons: 'data.reasons',
  citizenOptions: 'data.citizenOptions',
  documentId: 'data.documentId',
}

function refused(failure: CaseFailure): Response {
  // An event about a case we do not know is a fault in the body, not a missing resource.
  const status = failure.code === 'case_not_found' ? 422 : caseFailureStatus(failure.code)
  const field = failure.field ? (FIELD_PATHS[failure.field] ?? `data.${failure.field}`) : 'type'
  const message = MESSAGES[failure.code] ?? failure.code
  return status === 409
    ? problem(409, 'conflict', 'The case does not allow this event', message, [{ field, code: failure.code, message }])
    : problem(422, 'unprocessable-event', 'The event cannot be applied', message, [
        { field, code: failure.code, message },
      ])
}

function accepted(result: Extract<RecordResult, { ok: true }>): Response {
  return new Response(
    JSON.stringify({
      status: result.duplicate ? 'duplicate' : 'accepted',
      reference: result.reference,
      sequence: result.seq,
    }),
    { status: 202, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } },
  )
}

// --- the handler -----------------------------------------------------------------------------

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed()

  const auth = await authenticateSourceRequest(request)
  if (!auth.ok) return auth.response
  const { system } = auth

  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (mediaType !== 'application/cloudevents+json' && mediaType !== 'application/json') {
    return problem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      'Send one CloudEvent as application/cloudevents+json (structured mode).',
      [
        {
          field: 'Content-Type',
          code: 'unsupported_media_type',
          message: 'must be application/cloudevents+json or application/json',
        },
      ],
    )
  }
  const body = await readBody(request)
  if (body === null) {
    return problem(
      413,
      'payload-too-large',
      'Payload too large',
      `A CloudEvent may be at most ${MAX_BODY_BYTES} bytes.`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return problem(400, 'malformed-json', 'Malformed JSON', 'The body is not valid JSON.', [
      { field: '(body)', code: 'malformed_json', message: 'is not valid JSON' },
    ])
  }
  // NUL and lone surrogates (`\u0000`, `\ud800`) parse as JSON but are no text PostgreSQL stores.
  const unsafe = findUnsafeText(json)
  if (unsafe) {
    return problem(400, 'invalid-event', 'Invalid CloudEvent', 'A text holds characters that are not allowed.', [
      { field: unsafe, code: 'invalid_characters', message: 'holds a NUL character or a lone surrogate' },
    ])
  }

  const envelope = Envelope.safeParse(json)
  if (!envelope.success) {
    return problem(
      400,
      'invalid-event',
      'Invalid CloudEvent',
      'One or more attributes are missing or invalid.',
      zodErrors(envelope.error),
    )
  }
  const ce = envelope.data
  const kind = EVENT_TYPES[ce.type]
  const occurredAt = new Date(ce.time)
  if (occurredAt.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) {
    return problem(422, 'unprocessable-event', 'The event cannot be applied', 'The event lies in the future.', [
      { field: 'time', code: 'time_in_future', message: 'lies in the future' },
    ])
  }
  const origin = { source: system.id, sourceEventId: ce.id, actor: `system:${system.id}`, occurredAt }

  let result: RecordResult
  if (kind === 'received') {
    const data = dataSchemas.received.safeParse(ce.data)
    if (!data.success) return invalidData(data.error)
    result = await receiveCase({
      ...origin,
      caseTypeCode: data.data.caseType,
      bsn: data.data.bsn,
      subject: data.data.description,
      channel: data.data.channel,
      receivedOn: data.data.receivedOn,
      contactEmployeeId: data.data.contactEmployeeId,
      externalId: ce.subject,
    })
  } else {
    const event = parseEvent(kind, ce.data)
    if (!event.ok) return invalidData(event.error)
    const selector = REFERENCE_PATTERN.test(ce.subject)
      ? { reference: ce.subject }
      : { source: system.id, externalId: ce.subject }
    result = await recordCaseEvent({ ...origin, case: selector, event: event.value })
  }
  return result.ok ? accepted(result) : refused(result)
}

function parseEvent(
  kind: Exclude<(typeof EVENT_TYPES)[EventTypeName], 'received'>,
  data: unknown,
): { ok: true; value: CaseEventInput } | { ok: false; error: z.ZodError } {
  const parsed = dataSchemas[kind].safeParse(data)
  if (!parsed.success) return { ok: false, error: parsed.error }
  return { ok: true, value: { type: kind, ...parsed.data } as CaseEventInput }
}

function invalidData(error: z.ZodError): Response {
  return problem(
    400,
    'invalid-event',
    'Invalid CloudEvent',
    'The data of the event is missing fields or has invalid ones.',
    zodErrors(error, 'data.'),
  )
}

/** Reads at most MAX_BODY_BYTES; null when the body is larger. */
async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function methodNotAllowed() {
  return notAllowed('Send case events with POST.')
}

export async function loader() {
  return methodNotAllowed()
}
