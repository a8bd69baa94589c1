/**
 * What recording a case event answers: the event as recorded, or an expected refusal with its
 * code and the input field at fault. A route maps the code to a 4xx (`caseFailureStatus`) and a
 * message key; nothing here does I/O.
 */
import { randomUUID } from 'node:crypto'
import type { CaseEventType } from '../../../db/schema'
import type { RefusalCode } from '~/domain/case-terms'
import { UUID_PATTERN } from '~/domain/ids'

export type CaseErrorCode =
  | RefusalCode
  | 'case_not_found'
  | 'unknown_case_type'
  | 'invalid_bsn'
  | 'person_not_found'
  | 'unknown_employee'
  | 'external_id_taken'
  /** a decision names a document the sender did not add to this case */
  | 'document_not_found'

export interface CaseFailure {
  ok: false
  code: CaseErrorCode
  /** The input field at fault, in the service's terms (`step`, `respondBy`, `caseType`, …). */
  field?: string
}

export interface RecordedEvent {
  ok: true
  /** True when this (source, source event id) was recorded before: nothing was written now. */
  duplicate: boolean
  caseId: string
  reference: string
  eventId: string
  seq: number
  type: CaseEventType
}

export type RecordResult = RecordedEvent | CaseFailure

export function fail(code: CaseErrorCode, field?: string): CaseFailure {
  return field ? { ok: false, code, field } : { ok: false, code }
}

/**
 * The HTTP status that fits each failure: 404 when the case is not there, 409 when the event
 * conflicts with the case's state as it stands, 422 when the input itself cannot be right.
 */
export function caseFailureStatus(code: CaseErrorCode): 404 | 409 | 422 {
  switch (code) {
    case 'case_not_found':
      return 404
    case 'case_closed':
    case 'already_received':
    case 'out_of_order':
    case 'step_backwards':
    case 'already_at_step':
    case 'already_suspended':
    case 'not_suspended':
    case 'already_extended':
    case 'term_passed':
    case 'already_decided':
    case 'not_decided':
    case 'external_id_taken':
      return 409
    default:
      return 422
  }
}

/** Our public case reference: Z-2026-000123. */
export const REFERENCE_PATTERN = /^Z-\d{4}-\d{6}$/

export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

/**
 * A fresh id for an event a form will record: put in the form when it is shown, it becomes the
 * event's source id, so submitting the same form twice records the event once.
 */
export function newFormEventId(): string {
  return randomUUID()
}
