/**
 * What each case event says, once: a zod schema per event type for what a sender gives (the
 * back-office API's `data`, the caseworker's forms), the event as the cases service records it
 * (`CaseEventInput`), the payload it stores (`eventPayload`), and the stored payload as the
 * letters read it back (`storedPayloadSchemas`). The rules of order and terms are in
 * case-terms.ts. Pure: no I/O; this module is also built into the browser for the forms.
 */
import { z } from 'zod'
import {
  CHANNELS,
  OUTCOMES,
  decisionContentErrors,
  type CaseEvent,
  type DecisionContentError,
  type InformationReceivedPayload,
} from './case-terms'
import { isLocalDate, type LocalDate } from './local-date'

/** The longest texts an event may carry. */
export const EVENT_TEXT_LIMITS = {
  description: 200,
  step: 100,
  information: 1000,
  note: 1000,
  reason: 1000,
  summary: 2000,
  reasons: 4000,
  citizenOptions: 2000,
  documentId: 200,
  /** The citizen's answer to a request for information, typed in Mijn Stad. */
  answer: 4000,
} as const

/**
 * The messages of the schemas. Left out, zod's own (the API's English texts); the caseworker's
 * forms pass message keys (`required`, `tooLong`, …) that the page turns into its language.
 */
export interface EventDataMessages {
  /** a required text missing or empty */
  required?: string
  /** a text over its limit */
  tooLong?: string
  /** a date that is not a calendar date YYYY-MM-DD */
  invalidDate: string
  /** a choice (outcome, step) missing or not one of the options */
  chooseOne?: string
  /**
   * For a form's fields: a blank optional text counts as left out, and a value that is not text
   * (a file) is answered as a missing one. The API refuses both.
   */
  asForm?: boolean
  /** a decision missing its reasons (Awb 3:46) or, refused, what the citizen can do now */
  decisionParts?: Partial<Record<DecisionContentError['code'], string>>
}

/** The data of each event type, checked the same way wherever an event comes in. */
export function eventDataSchemas(m: EventDataMessages) {
  const missing = (message: string | undefined) => ({
    required_error: message,
    invalid_type_error: m.asForm ? message : undefined,
  })
  const text = (max: number) => z.string(missing(m.required)).trim().min(1, m.required).max(max, m.tooLong)
  const optionalText = (max: number) =>
    m.asForm
      ? z
          .string(missing(m.required))
          .trim()
          .max(max, m.tooLong)
          .optional()
          .transform((v) => (v ? v : undefined))
      : text(max).optional()
  const calendarDate = z
    .string(missing(m.invalidDate))
    .refine((value): value is LocalDate => isLocalDate(value), { message: m.invalidDate })
  const choice = m.chooseOne ? { errorMap: () => ({ message: m.chooseOne! }) } : undefined
  return {
    received: z.object({
      caseType: text(100),
      // Only the format here; the eleven test is the service's, and its refusal never echoes it.
      bsn: z.string().regex(/^[0-9]{9}$/, 'must be 9 digits'),
      description: text(EVENT_TEXT_LIMITS.description),
      channel: z.enum(CHANNELS),
      receivedOn: calendarDate,
      contactEmployeeId: optionalText(20),
    }),
    step_reached: z.object({
      step: m.chooseOne
        ? z.string(missing(m.chooseOne)).min(1, m.chooseOne).max(EVENT_TEXT_LIMITS.step, m.chooseOne)
        : text(EVENT_TEXT_LIMITS.step),
    }),
    suspended: z.object({ information: text(EVENT_TEXT_LIMITS.information), respondBy: calendarDate }),
    resumed: z.object({ note: optionalText(EVENT_TEXT_LIMITS.note) }),
    extended: z.object({ reason: text(EVENT_TEXT_LIMITS.reason) }),
    // Awb 3:46: a decision states its reasons; a refusal or partial grant also what the citizen
    // can do now. The rule is the domain's (decisionContentErrors), named for every part at once.
    decided: z
      .object({
        outcome: z.enum(OUTCOMES, choice),
        summary: optionalText(EVENT_TEXT_LIMITS.summary),
        reasons: optionalText(EVENT_TEXT_LIMITS.reasons),
        citizenOptions: optionalText(EVENT_TEXT_LIMITS.citizenOptions),
        // The sender's own id of the decision as a document it added to the case before (the
        // back-office API's documents endpoint); the stored payload names our document instead.
        documentId: optionalText(EVENT_TEXT_LIMITS.documentId),
      })
      .superRefine((decision, ctx) => {
        for (const missing of decisionContentErrors(decision)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [missing.field],
            params: { code: missing.code },
            message: m.decisionParts?.[missing.code] ?? missing.code,
          })
        }
      }),
    closed: z.object({ note: optionalText(EVENT_TEXT_LIMITS.note) }),
    // The answer to a request for information (Awb 4:15) as a back office or caseworker records
    // it: by post, at the counter. The citizen's own answer comes through its form, with files.
    information_received: z.object({
      channel: z.enum(CHANNELS, choice),
      note: optionalText(EVENT_TEXT_LIMITS.note),
    }),
  }
}

type DataSchemas = ReturnType<typeof eventDataSchemas>

/** An event after `received` as the cases service records it: its type and its checked data. */
export type CaseEventInput =
  | {
      [Type in Exclude<keyof DataSchemas, 'received'>]: { type: Type } & z.output<DataSchemas[Type]>
    }[Exclude<keyof DataSchemas, 'received' | 'information_received'>]
  // The citizen's answer also carries their words and the documents stored with it.
  | ({ type: 'information_received' } & InformationReceivedPayload)

/**
 * The payload `case_events` stores for an event: trimmed, without empty optional texts. A
 * decision's document is named by the recording service once it is stored or found
 * (`documentId`, app/services/documents/decision-document.server.ts), not by the sender's id.
 */
export function eventPayload(event: CaseEventInput): Record<string, unknown> {
  switch (event.type) {
    case 'step_reached':
      return { step: event.step }
    case 'suspended':
      return { information: event.information, respondBy: event.respondBy }
    case 'resumed':
    case 'closed':
      return event.note ? { note: event.note } : {}
    case 'extended':
      return { reason: event.reason }
    case 'information_received': {
      const answer = event.answer?.trim()
      const note = event.note?.trim()
      return {
        channel: event.channel,
        ...(answer ? { answer } : {}),
        ...(note ? { note } : {}),
        ...(event.documentIds?.length ? { documentIds: event.documentIds } : {}),
      }
    }
    case 'decided': {
      const { outcome, summary, reasons, citizenOptions } = event
      return {
        outcome,
        ...(summary?.trim() ? { summary: summary.trim() } : {}),
        ...(reasons?.trim() ? { reasons: reasons.trim() } : {}),
        ...(citizenOptions?.trim() ? { citizenOptions: citizenOptions.trim() } : {}),
      }
    }
  }
}

const storedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** What `case_events.payload` holds per event type, as read back: checked, not trusted. */
export const storedPayloadSchemas = {
  received: z.object({ receivedOn: storedDate, channel: z.enum(CHANNELS), termFrom: storedDate.optional() }),
  step_reached: z.object({ step: z.string() }),
  suspended: z.object({ information: z.string(), respondBy: storedDate }),
  resumed: z.object({ note: z.string().optional() }),
  extended: z.object({ reason: z.string() }),
  decided: z.object({
    outcome: z.enum(OUTCOMES),
    summary: z.string().optional(),
    reasons: z.string().optional(),
    citizenOptions: z.string().optional(),
    documentId: z.string().uuid().optional(),
  }),
  closed: z.object({ note: z.string().optional() }),
  information_received: z.object({
    channel: z.enum(CHANNELS),
    answer: z.string().optional(),
    note: z.string().optional(),
    documentIds: z.array(z.string()).optional(),
  }),
} as const satisfies Record<CaseEvent['type'], z.ZodTypeAny>

/** A stored event as the domain reads it, its payload checked against its type's schema. */
export function toCaseEvent(row: {
  seq: number
  type: CaseEvent['type']
  payload: unknown
  occurred_at: Date
}): CaseEvent {
  const payload = storedPayloadSchemas[row.type].parse(row.payload)
  return { seq: row.seq, type: row.type, occurredAt: new Date(row.occurred_at), payload } as CaseEvent
}
